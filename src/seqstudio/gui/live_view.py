"""The right-hand side of the window: loss, prediction, hidden-state heatmap with its scrubber, and
unit trajectories. It receives events (on the GUI thread) and draws at a bounded rate."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from seqstudio.engine.events import BatchEnd, EpochEnd, HiddenSnapshot, SamplePrediction, Started
from seqstudio.gui.forecast_validation import ValidationForecaster
from seqstudio.gui.pacer import SLOWEST_MS
from seqstudio.gui.qt_epoch_scrubber import QtEpochScrubber
from seqstudio.gui.qt_hidden_state_plot import QtHiddenStatePlot
from seqstudio.gui.qt_loss_plot import QtLossPlot
from seqstudio.gui.qt_prediction_panel import QtPredictionPanel
from seqstudio.gui.qt_trajectories import QtTrajectories

#: while a run streams in, the newest hidden-state snapshot is drawn at most this often: at the
#: redraw timer's fastest (10 Hz), every other tick (a little under 0.2 s, for the timer's jitter)
SNAPSHOT_INTERVAL_S = 0.18
#: :meth:`LiveView.redraw` calls closer together than this are a stream (a redraw timer's ticks);
#: twice the pacer's slowest interval, so ticks stay staggered however far the pacer slows them
STREAM_GAP_S = 2 * SLOWEST_MS / 1000


class LiveView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loss = QtLossPlot()
        self.prediction = QtPredictionPanel()
        self.hidden = QtHiddenStatePlot()
        self.scrubber = QtEpochScrubber()
        self.trajectories = QtTrajectories()
        heat = QWidget()
        heat_layout = QVBoxLayout(heat)
        heat_layout.setContentsMargins(0, 0, 0, 0)
        heat_layout.setSpacing(2)
        heat_layout.addWidget(self.hidden, 1)
        heat_layout.addWidget(self.scrubber)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.loss)
        top.addWidget(self.prediction)
        top.setStretchFactor(0, 2)
        top.setStretchFactor(1, 1)
        top.setSizes([620, 330])
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(heat)
        bottom.addWidget(self.trajectories)
        bottom.setStretchFactor(0, 2)
        bottom.setStretchFactor(1, 1)
        bottom.setSizes([620, 330])
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("liveSplitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.top_splitter, self.bottom_splitter = top, bottom
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self._pending_snapshot: HiddenSnapshot | None = None
        self.last_metrics: dict[str, float] = {}
        self.predictions: list[SamplePrediction] = []
        self._last_tick = -float("inf")  # the last redraw() of a stream
        self._snapshot_shown = -float("inf")
        self._loss_turn = True  # whose turn it is in a stream: the loss plot's or the snapshot's
        # Draws what a stream left pending once it stops, and a snapshot picked while none runs.
        self._catch_up = QTimer(self)
        self._catch_up.setSingleShot(True)
        self._catch_up.timeout.connect(lambda: self.redraw(flush=True))
        self.validator = ValidationForecaster(self)
        self.validator.ready.connect(self.prediction.show_validation)
        self.run_dir, self.dataset, self.training = "", None, False
        self.scrubber.snapshotSelected.connect(self._select)
        self.hidden.layerChanged.connect(self._layer_changed)
        self.hidden.stateChanged.connect(lambda *_: self._layer_changed(
            self.hidden.current_layer()))

    def clear(self, steps_per_epoch: int = 0, total_epochs: int = 0) -> None:
        self.loss.clear(steps_per_epoch, total_epochs)
        self.prediction.clear()
        self.hidden.clear()
        self.scrubber.clear()
        self.trajectories.clear()
        self._pending_snapshot = None
        self._last_tick = self._snapshot_shown = -float("inf")
        self._loss_turn = True
        self._catch_up.stop()
        self.last_metrics: dict[str, float] = {}
        self.predictions: list[SamplePrediction] = []
        self.validator.cancel()
        self.run_dir, self.training = "", False

    # -- the run around the events -----------------------------------------------------------
    def set_run_context(self, run_dir: str, dataset: object) -> None:
        """A run started: where it is written and the dataset it trains on."""
        self.run_dir, self.dataset, self.training = run_dir, dataset, True

    def run_stopped(self, best_epoch: int | None) -> None:
        """A forecast's whole validation part is predicted by the run's model once it stops."""
        self.training = False
        label = f"model.keras (best epoch {best_epoch})" if best_epoch else "model.keras"
        self.validator.request(self.run_dir, self.dataset, None, label)

    def show_dataset(self, dataset: object) -> None:
        """A dataset is ready: label the empty heatmap's time axis with its probe sequence."""
        probe = getattr(dataset, "probe", None)
        if probe is not None:
            self.hidden.show_step_labels(list(probe.step_labels))
            self.prediction.set_probe(list(probe.step_labels))

    def set_activation(self, activation: str) -> None:
        self.hidden.set_activation(activation)
        self.trajectories.set_activation(activation)

    # -- events ------------------------------------------------------------------------------
    def on_started(self, ev: Started) -> None:
        self.clear(ev.steps_per_epoch, ev.epochs)

    def add_batches(self, events: list[BatchEnd]) -> None:
        self.loss.add_batches(events)

    def on_epoch(self, ev: EpochEnd) -> None:
        self.last_metrics = dict(ev.metrics)
        self.loss.add_epoch(ev)

    def on_snapshot(self, ev: HiddenSnapshot) -> None:
        self.scrubber.add(ev)  # emits snapshotSelected when following the newest

    def on_prediction(self, ev: SamplePrediction) -> None:
        self.predictions.append(ev)
        if self.scrubber.following:
            self.prediction.show_prediction(ev)

    def prediction_at(self, snap: HiddenSnapshot) -> SamplePrediction | None:
        """The newest prediction made by the weights of ``snap`` or earlier ones: after the
        snapshot's epoch for an end-of-epoch snapshot, after the one before for a mid-epoch one."""
        last_epoch = snap.epoch if snap.batch < 0 else snap.epoch - 1
        earlier = [p for p in self.predictions if p.epoch <= last_epoch]
        return earlier[-1] if earlier else None

    def _show_moment(self, snap: HiddenSnapshot) -> None:
        """Scrubbing: the prediction of that moment, and a line at it on the loss plot."""
        if self.scrubber.following:
            self.loss.mark_shown(None)
            if self.predictions and self.prediction.last is not self.predictions[-1]:
                self.prediction.show_prediction(self.predictions[-1])
            if not self.training and self.prediction.validation is not None:
                self.validator.request(self.run_dir, self.dataset, None, "model.keras")
            return
        where = f"epoch {snap.epoch + 1}" + (f", batch {snap.batch + 1}" if snap.batch >= 0
                                             else " (end)")
        self.loss.mark_shown(snap.epoch, snap.batch, f"shown: {where}")
        pred = self.prediction_at(snap)
        newest = self.predictions[-1].epoch if self.predictions else None
        if pred is not None:
            self.prediction.show_prediction(pred, newest=newest)
            if not self.training:  # that epoch's checkpoint predicts the whole validation part
                self.validator.request(self.run_dir, self.dataset, pred.epoch + 1,
                                       f"after epoch {pred.epoch + 1}")
        else:
            self.prediction.clear_to(f"No prediction yet at {where}: the first comes after "
                                     "epoch 1.")

    def show_run(self, run: dict, activation: str) -> None:
        """Replay a past run (what :func:`seqstudio.gui.run_files.read_run` read)."""
        steps = run["steps_per_epoch"]
        self.clear(steps, len(run["epochs"]))
        self.set_activation(activation)
        self.add_batches([BatchEnd(e, b, e * steps + b, loss) for e, b, loss in run["batches"]])
        for ev in run["epochs"]:
            self.on_epoch(ev)
        snapshots = run["snapshots"]
        if snapshots:
            self.prediction.set_probe(list(snapshots[-1].step_labels))
        for pred in run["predictions"]:
            self.on_prediction(pred)
        self.scrubber.set_snapshots(snapshots)
        self.redraw(flush=True)

    # -- drawing -----------------------------------------------------------------------------
    def _select(self, snap: HiddenSnapshot) -> None:
        self._show_moment(snap)
        self._pending_snapshot = snap
        if self._streaming(time.monotonic()):
            self._catch_up.start(int(STREAM_GAP_S * 1000))  # in case the stream has just ended
        else:
            self._catch_up.start(0)  # scrubbing a finished or opened run

    def _layer_changed(self, index: int) -> None:
        if self.hidden.snapshot is not None:
            self.trajectories.show(self.hidden.snapshot, max(0, index),
                                   self.hidden.current_state())

    def _streaming(self, now: float) -> bool:
        return now - self._last_tick < STREAM_GAP_S

    def _show_pending(self, now: float) -> None:
        snap, self._pending_snapshot = self._pending_snapshot, None
        if snap is not None:
            self._snapshot_shown = now
            self.hidden.show_snapshot(snap)
            self.trajectories.show(snap, self.hidden.current_layer(),
                                   self.hidden.current_state())

    def redraw(self, flush: bool = False) -> None:
        """Called by the window's redraw timer, and with ``flush`` once more when a run ends.

        A lone call (or ``flush``) draws everything. In a stream of calls (a timer's ticks) one call
        updates either the loss plot or the heatmap and trajectories, never both: Qt paints every
        widget made dirty in one go, and the two together hold up the event loop for too long. The
        newest snapshot is shown at most every ``SNAPSHOT_INTERVAL_S``, and what a stream leaves
        pending is drawn once it stops.
        """
        now = time.monotonic()
        if flush or not self._streaming(now):
            self._catch_up.stop()
            if not flush:
                self._last_tick = now
            self.loss.redraw()
            self._show_pending(now)
            return
        self._last_tick = now
        due = self._pending_snapshot is not None and \
            now - self._snapshot_shown >= SNAPSHOT_INTERVAL_S
        if due and (not self._loss_turn or not self.loss.pending):
            self._show_pending(now)
            self._loss_turn = True
        elif self.loss.redraw():
            self._loss_turn = False
        if self._pending_snapshot is not None or self.loss.pending:
            self._catch_up.start(int(STREAM_GAP_S * 1000))
        else:
            self._catch_up.stop()
