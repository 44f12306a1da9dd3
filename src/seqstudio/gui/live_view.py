"""The right-hand side of the window: loss and prediction above; below, the views of
:data:`seqstudio.gui.views.VIEWS` in tabs, with the epoch scrubber under them.

Every event goes to the run model (:attr:`LiveView.model`); the views subscribe to it. The redraw
timer calls :meth:`LiveView.redraw`, which draws the loss plot and the views of the tab in front
that have something new, in one go (the pacer spaces the ticks by what they cost).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from seqstudio.engine.events import (
    BatchEnd,
    EpochEnd,
    HiddenSnapshot,
    SamplePrediction,
    Started,
)
from seqstudio.gui.forecast_validation import ValidationForecaster
from seqstudio.gui.i18n import translate
from seqstudio.gui.pacer import SLOWEST_MS
from seqstudio.gui.qt_epoch_scrubber import QtEpochScrubber
from seqstudio.gui.qt_loss_plot import QtLossPlot
from seqstudio.gui.qt_prediction_panel import QtPredictionPanel
from seqstudio.gui.run_model import RunModel
from seqstudio.gui.small_screens import scrolled
from seqstudio.gui.views import DRAW_INTERVAL_S, VIEWS, RunView, ViewSpec

#: kept for compatibility: a snapshot view is drawn at most this often while a run streams in
SNAPSHOT_INTERVAL_S = DRAW_INTERVAL_S
#: :meth:`LiveView.redraw` calls closer together than this are a stream (a redraw timer's ticks);
#: twice the pacer's slowest interval, so ticks stay staggered however far the pacer slows them
STREAM_GAP_S = 2 * SLOWEST_MS / 1000


@dataclass
class Turn:
    """One thing a tick may draw: the loss plot, or one tab's views together."""

    name: str
    pending: Callable[[], bool]
    draw: Callable[[float], bool]
    on_screen: Callable[[], bool]
    interval_s: float = 0.0
    last: float = -float("inf")


class LiveView(QWidget):
    def __init__(self, parent: QWidget | None = None, views: list[ViewSpec] | None = None) -> None:
        super().__init__(parent)
        self.model = RunModel()
        self.loss = QtLossPlot()
        self.prediction = QtPredictionPanel()
        self.scrubber = QtEpochScrubber(self.model)
        self.views: dict[str, RunView] = {}
        self.tabs = QTabWidget()
        self.tabs.setObjectName("viewTabs")
        self.tabs.setDocumentMode(True)
        pages: dict[str, QSplitter] = {}
        self._tab_of: dict[str, int] = {}  # view name -> its tab's index
        for view in VIEWS if views is None else views:
            widget = view.load()(self.model, view)
            self.views[view.name] = widget
            page = pages.get(view.tab_title)
            if page is None:
                page = pages[view.tab_title] = QSplitter(Qt.Orientation.Horizontal)
                page.setObjectName(f"tab_{view.name}")
                page.setChildrenCollapsible(False)
                # a view's minimum size never sets the window's: below it, its tab scrolls
                self.tabs.addTab(scrolled(page), translate("Views", view.tab_title))
            page.addWidget(widget)
            self._tab_of[view.name] = self.tabs.count() - 1
        for page in pages.values():
            if page.count() == 2:
                page.setStretchFactor(0, 2)
                page.setStretchFactor(1, 1)
                page.setSizes([620, 330])
        heatmap, trajectories = self.views.get("heatmap"), self.views.get("trajectories")
        #: the heatmap panel and the trajectories widget (for the menus, exports and tests)
        self.hidden = getattr(heatmap, "panel", None)
        self.trajectories = getattr(trajectories, "plot_widget", None)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.setSpacing(2)
        lower_layout.addWidget(self.tabs, 1)
        lower_layout.addWidget(self.scrubber)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.loss)
        top.addWidget(self.prediction)
        top.setStretchFactor(0, 2)
        top.setStretchFactor(1, 1)
        top.setSizes([620, 330])
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("liveSplitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([330, 420])
        self.top_splitter, self.bottom_splitter = top, pages.get("Hidden states")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)

        # The loss plot waits as long as a view does: drawn in the same ticks as the views, the
        # paints of a tick share their fixed costs, and the ticks in between cost nothing (the
        # pacer then gives the budget to ticks that draw everything on screen).
        self.turns: list[Turn] = [Turn("loss", lambda: self.loss.pending,
                                       lambda _now: self.loss.redraw(),
                                       lambda: not self.loss.isHidden(), DRAW_INTERVAL_S)]
        for index in range(self.tabs.count()):
            members = [self.views[name] for name, tab in self._tab_of.items() if tab == index]
            self.turns.append(Turn(self.tabs.tabText(index),
                                   lambda m=members: any(v.pending for v in m),
                                   lambda now, m=members: any([v.draw(now) for v in m]),
                                   lambda i=index: self.tabs.currentIndex() == i,
                                   min(v.spec.interval_s for v in members)))
        self._drawing = False
        self._last_tick = -float("inf")  # the last redraw() of a stream
        # Draws what a stream left pending once it stops, and a moment picked while none runs.
        self._catch_up = QTimer(self)
        self._catch_up.setSingleShot(True)
        self._catch_up.timeout.connect(lambda: self.redraw(flush=True))
        self.tabs.currentChanged.connect(lambda _i: self._catch_up.start(0))
        self.validator = ValidationForecaster(self)
        self.validator.ready.connect(self.prediction.show_validation)
        self.run_dir, self.dataset, self.training = "", None, False
        self.model.subscribe(self._model_changed, ("batches", "epoch", "prediction", "selection",
                                                   "layer", "state", "step", "weights",
                                                   "influence", "focus"))

    # -- the run model -----------------------------------------------------------------------
    @property
    def predictions(self) -> list[SamplePrediction]:
        return self.model.predictions

    @property
    def last_metrics(self) -> dict[str, float]:
        return self.model.last_metrics

    def prediction_at(self, snap: HiddenSnapshot) -> SamplePrediction | None:
        return self.model.prediction_at(snap)

    def _model_changed(self, topic: str, payload: Any) -> None:
        if topic == "run":
            self._run_changed()
        elif topic == "batches":
            self.loss.add_batches(payload)
        elif topic == "epoch":
            self.loss.add_epoch(payload)
        elif topic == "prediction":
            if self.model.following:
                self.prediction.show_prediction(payload)
        elif topic == "focus":
            self.show_view(payload)
        else:
            if topic == "selection" and payload is not None:
                self._show_moment(payload)
            self._schedule()

    def _run_changed(self) -> None:
        if self.model.replayed:
            return  # show_run fills the loss plot and the prediction from the files
        self.loss.clear(self.model.steps_per_epoch, self.model.total_epochs)
        self.prediction.clear()
        self.validator.cancel()
        self._last_tick = -float("inf")
        self._catch_up.stop()
        for view in self.views.values():  # cheap: the views only empty themselves
            view.draw()

    def tab_index(self, name: str) -> int:
        """The index of the tab that holds the view named ``name``."""
        return self._tab_of[name]

    def show_view(self, name: str) -> None:
        """Bring the view named ``name`` to the front of its tabs."""
        if name in self._tab_of:
            self.tabs.setCurrentIndex(self._tab_of[name])

    def clear(self, steps_per_epoch: int = 0, total_epochs: int = 0) -> None:
        self.model.clear(steps_per_epoch, total_epochs)
        self.run_dir, self.training = "", False

    # -- the run around the events -----------------------------------------------------------
    def set_run_context(self, run_dir: str, dataset: object) -> None:
        """A run started: where it is written and the dataset it trains on."""
        self.run_dir, self.dataset, self.training = run_dir, dataset, True

    def run_stopped(self, best_epoch: int | None) -> None:
        """A forecast's whole validation part is predicted by the run's model once it stops."""
        self.training = False
        label = translate("LiveView", "model.keras (best epoch {0})").format(best_epoch) \
            if best_epoch else "model.keras"
        self.validator.request(self.run_dir, self.dataset, None, label)

    def show_dataset(self, dataset: object) -> None:
        """A dataset is ready: label the empty heatmap's time axis with its probe sequence."""
        probe = getattr(dataset, "probe", None)
        if probe is not None:
            if self.hidden is not None:
                self.hidden.show_step_labels(list(probe.step_labels))
            self.prediction.set_probe(list(probe.step_labels))

    def set_activation(self, activation: str) -> None:
        changed = self.hidden is not None and self.hidden.plot.activation != activation
        if self.hidden is not None:
            self.hidden.set_activation(activation)
        if self.trajectories is not None:
            self.trajectories.set_activation(activation)
        for view in self.views.values():  # e.g. the weights view's health words
            setter = getattr(view, "set_activation", None)
            if setter is not None and view is not self.hidden and view is not self.trajectories:
                setter(activation)
        if changed:
            for view in self.views.values():
                view.mark_pending()

    # -- events (the window gives every event to the model; these stay for callers) ----------
    def add_event(self, ev: Any) -> None:
        self.model.add(ev)

    def on_started(self, ev: Started) -> None:
        self.model.add(ev)

    def add_batches(self, events: list[BatchEnd]) -> None:
        self.model.add_batches(events)

    def on_epoch(self, ev: EpochEnd) -> None:
        self.model.add(ev)

    def on_snapshot(self, ev: HiddenSnapshot) -> None:
        self.model.add(ev)

    def on_prediction(self, ev: SamplePrediction) -> None:
        self.model.add(ev)

    def _show_moment(self, snap: HiddenSnapshot) -> None:
        """Scrubbing: the prediction of that moment, and a line at it on the loss plot."""
        if self.model.following:
            self.loss.mark_shown(None)
            if self.predictions and self.prediction.last is not self.predictions[-1]:
                self.prediction.show_prediction(self.predictions[-1])
            if not self.training and self.prediction.validation is not None:
                self.validator.request(self.run_dir, self.dataset, None, "model.keras")
            return
        where = translate("LiveView", "epoch {0}, batch {1}").format(snap.epoch + 1, snap.batch + 1) \
            if snap.batch >= 0 else translate("LiveView", "epoch {0} (end)").format(snap.epoch + 1)
        self.loss.mark_shown(snap.epoch, snap.batch, translate("LiveView", "shown: {0}").format(where))
        pred = self.prediction_at(snap)
        newest = self.predictions[-1].epoch if self.predictions else None
        if pred is not None:
            self.prediction.show_prediction(pred, newest=newest)
            if not self.training:  # that epoch's checkpoint predicts the whole validation part
                self.validator.request(self.run_dir, self.dataset, pred.epoch + 1,
                                       translate("LiveView", "after epoch {0}")
                                       .format(pred.epoch + 1))
        else:
            self.prediction.clear_to(translate("LiveView", "No prediction yet at {0}: the first "
                                               "comes after epoch 1.").format(where))

    def show_run(self, run: dict, activation: str) -> None:
        """Replay a past run (what :func:`seqstudio.gui.run_files.read_run` read)."""
        steps = run["steps_per_epoch"]
        self.loss.clear(steps, len(run["epochs"]))
        self.prediction.clear()
        self.validator.cancel()
        self.run_dir, self.training = str(run.get("path", "")), False
        self.set_activation(activation)
        self.loss.add_batches([BatchEnd(e, b, e * steps + b, loss)
                               for e, b, loss in run["batches"]])
        for ev in run["epochs"]:
            self.loss.add_epoch(ev)
        snapshots = run["snapshots"]
        if snapshots:
            self.prediction.set_probe(list(snapshots[-1].step_labels))
        self.model.replay(run)
        if self.predictions:
            self.prediction.show_prediction(self.predictions[-1])
        self.loss.mark_shown(None)
        self.redraw(flush=True)

    # -- drawing -----------------------------------------------------------------------------
    def _schedule(self) -> None:
        """Something a view draws changed: draw it on the next tick of a stream, or at once
        (scrubbing a finished or opened run, clicking a step, choosing a layer)."""
        if self._streaming(time.monotonic()):
            self._catch_up.start(int(STREAM_GAP_S * 1000))  # in case the stream has just ended
        elif self._drawing:
            self._catch_up.start(0)  # a view changed the selection while drawing: after it
        else:
            self.redraw(flush=True)

    def _streaming(self, now: float) -> bool:
        return now - self._last_tick < STREAM_GAP_S

    def redraw(self, flush: bool = False) -> None:
        """Called by the window's redraw timer, and with ``flush`` once more when a run ends.

        A lone call (or ``flush``) draws everything on screen. In a stream of calls (a timer's
        ticks) one call draws the loss plot and the views of the tab in front, each if it has
        something new and its ``interval_s`` has passed (within half a tick: a view is not left
        a whole tick late by the timer's jitter). They are drawn in the same tick, so Qt paints
        them in one pass; the pacer spaces the ticks by what they cost (taking turns halved every
        view's rate for little saving: the paints of a tick share their fixed costs). What a
        stream leaves pending is drawn once it stops. Views in tabs not on screen wait: they are
        drawn when their tab is brought forward.
        """
        self._drawing = True
        try:
            self._redraw(flush)
        finally:
            self._drawing = False

    def _redraw(self, flush: bool) -> None:
        now = time.monotonic()
        if flush or not self._streaming(now):
            self._catch_up.stop()
            # a flush ends the stream (a run's end, or a catch-up after the ticks stopped): what
            # the user picks from now on is drawn at once
            self._last_tick = -float("inf") if flush else now
            self.scrubber.deferred = False
            if self.scrubber.stale:
                self.scrubber.sync()
            for turn in self.turns:
                if turn.on_screen() and turn.pending():
                    turn.draw(now)
                    turn.last = now
            return
        half_tick = (now - self._last_tick) / 2
        self._last_tick = now
        # in a stream, the scrubber shows the newest snapshot with the views, at the ticks
        self.scrubber.deferred = True
        if self.scrubber.stale:
            self.scrubber.sync()
        for turn in self.turns:
            if turn.on_screen() and turn.pending() and \
                    now - turn.last + half_tick + 1e-3 >= turn.interval_s and turn.draw(now):
                turn.last = now
        if any(t.on_screen() and t.pending() for t in self.turns):
            self._catch_up.start(int(STREAM_GAP_S * 1000))
        else:
            self._catch_up.stop()
