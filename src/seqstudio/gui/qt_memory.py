"""Memory: how far back the cell remembers (the notes, §3: "A's influence reaches C, weakly").

Per time step t of the probe sequence, the influence of input t on the final state, ``|dh_T/dx_t|``
as the training process computed it (:class:`~seqstudio.engine.events.InfluenceSnapshot`): bars for
the probe, a line for the mean over a validation batch, on a log scale by default, since a tanh
cell's influence fades by orders of magnitude and a ReLU cell's can grow as fast. A read-out says
the memory length in words, and a small plot shows that length over the run's snapshots.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from seqstudio.engine.events import InfluenceSnapshot
from seqstudio.gui.glass_words import (
    THRESHOLD,
    first_to_last,
    memory_phrase,
    nice_ceiling,
    snapshot_x,
)
from seqstudio.gui.i18n import translate
from seqstudio.gui.log_axis import LogFriendlyAxis
from seqstudio.gui.paint_costs import plain_axes, unindexed
from seqstudio.gui.qt_hidden_state_plot import readable_token, tick_stride
from seqstudio.gui.run_model import RunModel
from seqstudio.gui.steady_labels import SteadyLabel
from seqstudio.gui.views import RunView, ViewSpec, still_coming
from seqstudio.i18n import QT_TRANSLATE_NOOP

#: the smallest influence drawn on the log scale (an exact 0 has no logarithm)
FLOOR = 1e-12
EMPTY = QT_TRANSLATE_NOOP("MemoryView", "Train a model to see how far back each input still "
                          "reaches the last step.")


def _extent(arrays: Sequence[np.ndarray], start: tuple[float, float] | None = None
            ) -> tuple[float, float]:
    """The smallest positive and the largest finite value of ``arrays`` (and ``start``), the
    smallest clipped at :data:`FLOOR`."""
    values = np.concatenate([np.asarray(a, dtype=float).ravel() for a in arrays] or [np.zeros(0)])
    values = values[np.isfinite(values) & (values > 0)]
    lo, hi = (float(values.min()), float(values.max())) if values.size else (1.0, 1.0)
    if start is not None:
        lo, hi = min(lo, start[0]), max(hi, start[1])
    return max(lo, FLOOR), max(hi, FLOOR)


def _log(values: np.ndarray) -> np.ndarray:
    return np.log10(np.clip(np.nan_to_num(values, nan=FLOOR, posinf=1e300), FLOOR, None))


class QtMemoryView(QWidget):
    """objectName ``memoryPanel``. :meth:`show` draws one snapshot and the run's history."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memoryPanel")
        caption = QLabel(translate("MemoryView", "Memory: how far back does the cell remember?"))
        caption.setStyleSheet("font-weight: 600")
        self.log_scale = QCheckBox(translate("MemoryView", "log scale"))
        self.log_scale.setObjectName("memoryLogScale")
        self.log_scale.setChecked(True)
        self.log_scale.setToolTip(translate("MemoryView", "Influence over orders of magnitude: a "
                                            "fading cell's early steps are tiny, an exploding "
                                            "one's huge."))
        self.log_scale.toggled.connect(lambda *_: self._redraw_current())
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(caption)
        top.addStretch(1)
        top.addWidget(self.log_scale)
        # it changes at every draw: it only grows, so the plots under it never move
        self.readout = SteadyLabel(translate("MemoryView", EMPTY))
        self.readout.setObjectName("memoryReadout")
        self.readout.setWordWrap(True)
        self.readout.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.plot = self._make_influence_plot()
        self.history_plot = self._make_history_plot()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.plot)
        split.addWidget(self.history_plot)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.readout)
        layout.addWidget(split, 1)
        layout.addWidget(self.legend)
        self.snapshot: InfluenceSnapshot | None = None
        self._history_key: tuple | None = None
        self._ticks_key: tuple | None = None
        self._range_key: tuple | None = None
        self.time_labels: list[str] = []  # the labels on the time axis, as drawn
        self._steps_per_epoch = 0
        #: the smallest and largest influence in the history
        self._extent: tuple[float, float] | None = None
        #: how many history snapshots the extent has read, the last of them, and the extent
        self._extent_of: tuple | None = None
        self._history_at: dict[int, int] = {}  # id of a history snapshot -> its index
        self._history_range: tuple[float, int] | None = None

    # -- building ----------------------------------------------------------------------------
    def _make_influence_plot(self) -> pg.PlotWidget:
        plot = pg.PlotWidget(axisItems={"left": LogFriendlyAxis("left")})
        plot.setObjectName("influencePlot")
        unindexed(plot)
        plot.setBackground("w")
        item = plot.getPlotItem()
        item.setMenuEnabled(False)
        item.getViewBox().disableAutoRange()
        item.getViewBox().setMouseEnabled(x=False, y=False)
        item.setLabel("bottom", translate("MemoryView", "input at time step t (probe sequence)"))
        item.setLabel("left", translate("MemoryView", "influence |∂h_T/∂x_t|"))
        item.showGrid(y=True, alpha=0.2)
        plain_axes(item)
        # opaque brushes (the colours the translucent ones had on white): a translucent fill is
        # blended pixel by pixel, a few milliseconds a repaint for bars this tall
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.8, brush=(110, 141, 196), pen=None)
        self.forgotten = pg.BarGraphItem(x=[], height=[], width=0.8, brush=(204, 204, 212),
                                         pen=None)
        # plain curves (PlotCurveItem): PlotDataItem's downsampling and clipping machinery costs
        # more per setData than these short curves are worth
        self.mean_curve = pg.PlotCurveItem(pen=pg.mkPen((230, 120, 20), width=2), connect="finite")
        self.threshold_line = pg.InfiniteLine(angle=0, pen=pg.mkPen((200, 40, 40), width=1,
                                                                    style=Qt.PenStyle.DashLine))
        self.memory_line = pg.InfiniteLine(angle=90, pen=pg.mkPen((60, 60, 60), width=1,
                                                                  style=Qt.PenStyle.DotLine))
        for part in (self.forgotten, self.bars, self.mean_curve, self.threshold_line,
                     self.memory_line):
            item.addItem(part)
        self.threshold_line.setVisible(False)
        self.memory_line.setVisible(False)
        legend = QLabel(translate("MemoryView", "<span style='color:#466eb4'>■</span> probe "
                                  "(bars; grey: forgotten)  <span style='color:#e67814'>●</span> "
                                  "mean over a validation batch  <span style='color:#c82828'>- "
                                  "-</span> 10 % of the probe's peak"))
        legend.setStyleSheet("color: #444")
        self.legend = legend
        item.setTitle(None)
        return plot

    def _make_history_plot(self) -> pg.PlotWidget:
        plot = pg.PlotWidget()
        plot.setObjectName("memoryHistoryPlot")
        unindexed(plot)
        plot.setBackground("w")
        plot.setMinimumWidth(160)
        item = plot.getPlotItem()
        item.setMenuEnabled(False)
        item.setLabel("bottom", translate("MemoryView", "epoch"))
        item.setLabel("left", translate("MemoryView", "memory (steps)"))
        item.showGrid(x=True, y=True, alpha=0.2)
        item.getViewBox().setMouseEnabled(x=False, y=False)
        item.getViewBox().disableAutoRange()
        plain_axes(item)
        self.history_curve = pg.PlotCurveItem(pen=pg.mkPen((70, 110, 180), width=2),
                                              connect="finite")
        self.history_mark = pg.InfiniteLine(angle=90, pen=pg.mkPen((200, 40, 40), width=2))
        self.history_mark.setVisible(False)
        item.addItem(self.history_curve)
        item.addItem(self.history_mark)
        return plot

    # -- drawing -----------------------------------------------------------------------------
    def clear(self) -> None:
        self.snapshot = None
        self._history_key = self._ticks_key = self._range_key = self._extent = None
        self._extent_of = self._history_range = None
        self.bars.setOpts(x=[], height=[])
        self.forgotten.setOpts(x=[], height=[])
        self.mean_curve.setData([], [])
        self.history_curve.setData([], [])
        self.history_mark.setVisible(False)
        self.threshold_line.setVisible(False)
        self.memory_line.setVisible(False)
        self.readout.setText(translate("MemoryView", EMPTY))
        self.readout.release()

    def show_snapshot(self, snapshot: InfluenceSnapshot | None,
                      history: Sequence[InfluenceSnapshot] = (), steps_per_epoch: int = 0) -> None:
        """Draw ``snapshot`` (the selected moment) and mark it on ``history`` (every influence
        snapshot of the run so far, in training order); ``steps_per_epoch`` places mid-epoch
        snapshots on the epoch axis."""
        self._steps_per_epoch = steps_per_epoch
        self._draw_history(history, snapshot)
        if snapshot is self.snapshot:
            return
        self.snapshot = snapshot
        self._redraw_current()

    def _redraw_current(self) -> None:
        snap = self.snapshot
        if snap is None:
            return
        probe = np.asarray(snap.probe, dtype=float)
        mean = np.asarray(snap.batch_mean, dtype=float)
        steps = len(probe)
        log = self.log_scale.isChecked()
        y_probe, y_mean = (_log(probe), _log(mean)) if log else (probe, mean)
        finite = probe[np.isfinite(probe)]
        peak = float(finite.max()) if finite.size else 1.0
        # One scale for the run so far (scrubbing compares epochs on it), rounded: the axes are
        # laid out again only when the numbers really grow.
        small, large = _extent([probe, mean], self._extent)
        lo = float(np.floor(np.log10(small))) if log else 0.0
        hi = np.ceil(2 * np.log10(large) + 0.6) / 2 if log else nice_ceiling(1.05 * large)
        remembered = np.zeros(steps, dtype=bool)
        if snap.memory:
            remembered[max(0, steps - snap.memory):] = True
        x = np.arange(steps) + 0.5
        self.bars.setOpts(x=x[remembered], height=(y_probe - lo)[remembered], y0=lo)
        self.forgotten.setOpts(x=x[~remembered], height=(y_probe - lo)[~remembered], y0=lo)
        if mean.size:
            self.mean_curve.setData(x, y_mean)
        else:
            self.mean_curve.setData([], [])
        self.threshold_line.setPos(np.log10(max(THRESHOLD * peak, FLOOR)) if log
                                   else THRESHOLD * peak)
        self.threshold_line.setVisible(bool(finite.size))
        self.memory_line.setPos(steps - snap.memory)
        self.memory_line.setVisible(0 < snap.memory < steps)
        axis = self.plot.getPlotItem().getAxis("left")
        if axis.logMode != log:
            axis.setLogMode(log)
        key = (steps, lo, hi, log)
        if key != self._range_key:
            self._range_key = key
            self.plot.getPlotItem().getViewBox().setRange(xRange=(0, steps), yRange=(lo, hi),
                                                          padding=0)
        self._set_ticks(snap.step_labels, steps)
        when = translate("MemoryView", "epoch {0}, batch {1}").format(
            snap.epoch + 1, snap.batch + 1) if snap.batch >= 0 else \
            translate("MemoryView", "epoch {0} (end)").format(snap.epoch + 1)
        ratio = first_to_last(snap)
        self.readout.setText(f"<b>{memory_phrase(snap)}</b> · {when}"
                             + (f" · {ratio}" if ratio else ""))

    def _set_ticks(self, labels: Sequence[str], steps: int) -> None:
        key = (tuple(labels), steps, self.plot.width())
        if key == self._ticks_key:
            return
        self._ticks_key = key
        names = [readable_token(str(s)) for s in labels] or [str(i) for i in range(steps)]
        every = tick_stride(names, steps, self.plot.width())
        major = [(i + 0.5, names[i] if i < len(names) else str(i)) for i in range(0, steps, every)]
        self.plot.getPlotItem().getAxis("bottom").setTicks([major, []])
        self.time_labels = [label for _, label in major]

    def _draw_history(self, history: Sequence[InfluenceSnapshot],
                      selected: InfluenceSnapshot | None) -> None:
        key = (len(history), id(history[-1]) if history else None)
        if key != self._history_key:
            self._history_key = key
            self._history_x = snapshot_x(history, self._steps_per_epoch)
            self._history_y = np.array([s.memory for s in history], dtype=float)
            self.history_curve.setData(self._history_x, self._history_y)
            self._history_at = {id(s): i for i, s in enumerate(history)}
            # the run's extent grows with each new snapshot: only those are read (a new run
            # starts from nothing: clear(), or a history that is not this one's continuation)
            seen = self._extent_of
            if seen is None or len(history) < seen[0] or history[seen[0] - 1] is not seen[1]:
                seen = (0, None, None)
            fresh = history[seen[0]:]
            extent = _extent([a for s in fresh for a in (s.probe, s.batch_mean)], seen[2]) \
                if fresh else seen[2]
            self._extent = extent
            self._extent_of = (len(history), history[-1], extent) if history else None
            steps = max((len(s.probe) for s in history), default=1)
            right = float(np.ceil(self._history_x.max())) if len(history) else 1.0
            view_range = (max(right, 1.0), steps)
            if view_range != self._history_range:  # the axes are laid out again when it moves
                self._history_range = view_range
                self.history_plot.getPlotItem().getViewBox().setRange(
                    xRange=(0, view_range[0]), yRange=(0, steps), padding=0.04)
        index = self._history_at.get(id(selected))
        if index is not None and (index >= len(history) or history[index] is not selected):
            index = None
        self.history_mark.setVisible(index is not None)
        if index is not None:
            self.history_mark.setPos(self._history_x[index])



class MemoryView(RunView):
    """The memory panel as a view of the run model: the influence taken with the selected
    snapshot, and the memory length over every influence snapshot of the run."""

    def __init__(self, model: RunModel, view: ViewSpec, parent: QWidget | None = None) -> None:
        super().__init__(model, view, parent)
        self.panel = QtMemoryView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel)

    def render(self) -> None:
        influence = self.model.influence_at()
        if influence is None and still_coming(self.model, self.model.influence):
            return
        if influence is None:
            if self.panel.snapshot is not None or self.model.snapshot is None:
                self.panel.clear()
            if self.model.snapshot is not None:
                self.panel.readout.setText(translate("MemoryView", "No influence was recorded "
                                                     "with this snapshot (a run from before the "
                                                     "memory view, or not yet)."))
            return
        # in training order, sorted once per new snapshot, not at every draw
        self.panel.show_snapshot(influence, self.model.influence_series(),
                                 self.model.steps_per_epoch)
