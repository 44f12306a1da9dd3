"""The live loss plot: per-batch loss raw and smoothed, per-epoch training and validation loss."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from seqstudio.engine.events import BatchEnd, EpochEnd
from seqstudio.gui.buffers import GrowingArray, PeakEnvelope, peak_decimate
from seqstudio.gui.i18n import translate
from seqstudio.gui.legends import fit_to_width, legend_below
from seqstudio.gui.log_axis import LogFriendlyAxis
from seqstudio.gui.loss_marks import LossMarks
from seqstudio.gui.paint_costs import cache_static, plain_axes, unindexed

#: weight of the newest batch in the exponential moving average
SMOOTHING = 0.05
#: up to this many points a curve is drawn as is; beyond, from a min/max envelope
RAW_LIMIT = 8192
#: peak-downsampling buckets per pixel column (pyqtgraph's autoDownsampleFactor; each bucket is
#: drawn as two points, its min and max): one for the raw curve, a true min/max envelope; half for
#: the smoothed one, which has no detail finer than a pixel or two but is drawn with a wide pen
#: (wide lines are the costly part of painting the plot)
BATCH_BUCKETS_PER_PX = 1.0
SMOOTH_BUCKETS_PER_PX = 0.5


def _ema(ys: np.ndarray, alpha: float, ema: float | None) -> tuple[np.ndarray, float | None]:
    """The exponential moving average of ``ys`` continuing from ``ema`` (non-finite values are
    skipped; NaN until the first finite one). Returns the smoothed values and the last average."""
    smooth = np.empty(len(ys))
    for i, y in enumerate(ys.tolist()):
        if y == y and y not in (float("inf"), float("-inf")):
            ema = y if ema is None else (1 - alpha) * ema + alpha * y
        smooth[i] = np.nan if ema is None else ema
    return smooth, ema


def divergence_words(divergence: object) -> str:
    """The engine's ``Divergence.what`` ("loss became nan at epoch 1, batch 32") in the user's
    language, from its fields (the engine's own words say which loss went first)."""
    loss, epoch, batch = divergence.loss, divergence.epoch + 1, divergence.batch + 1
    if divergence.what.startswith("the validation loss"):
        return translate("LossPlot", "the validation loss became {0} at epoch {1}, batch {2}"
                         ).format(loss, epoch, batch) if divergence.batch >= 0 else \
            translate("LossPlot", "the validation loss became {0} at the end of epoch {1}"
                      ).format(loss, epoch)
    return translate("LossPlot", "loss became {0} at epoch {1}, batch {2}").format(
        loss, epoch, batch) if divergence.batch >= 0 else \
        translate("LossPlot", "loss became {0} at the end of epoch {1}").format(loss, epoch)


class LossPlotWidget(pg.PlotWidget):
    """The pyqtgraph plot itself (objectName ``lossPlot``). Curves are created once."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, axisItems={"left": LogFriendlyAxis("left")})
        self.setObjectName("lossPlot")
        unindexed(self)
        self.setBackground("w")
        item = self.getPlotItem()
        item.showGrid(x=True, y=True, alpha=0.25)
        item.setLabel("bottom", translate("LossPlot", "epoch"))
        item.setLabel("left", translate("LossPlot", "loss"))
        self.legend = legend_below(item, columns=4)
        fit_to_width(self, self.legend, 4)
        item.setDownsampling(auto=True, mode="peak")
        item.setClipToView(True)
        self.batch_curve = item.plot(pen=pg.mkPen((150, 180, 220), width=1),
                                     name=translate("LossPlot", "batch"),
                                     autoDownsampleFactor=BATCH_BUCKETS_PER_PX)
        self.smooth_curve = item.plot(pen=pg.mkPen((30, 90, 200), width=2),
                                      name=translate("LossPlot", "batch (smoothed)"),
                                      autoDownsampleFactor=SMOOTH_BUCKETS_PER_PX)
        self.train_curve = item.plot(pen=pg.mkPen((20, 20, 20), width=2), symbol="o", symbolSize=6,
                                     symbolBrush=(20, 20, 20),
                                     name=translate("LossPlot", "epoch: train"))
        self.val_curve = item.plot(pen=pg.mkPen((220, 90, 20), width=2), symbol="s", symbolSize=6,
                                   symbolBrush=(220, 90, 20),
                                   name=translate("LossPlot", "epoch: validation"))
        for curve in (self.batch_curve, self.smooth_curve):
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
        for curve in (self.batch_curve, self.smooth_curve, self.train_curve, self.val_curve):
            self.legend.addItem(curve, curve.name())
        # Axis text is costly to paint; cache each axis as a pixmap until its range changes.
        plain_axes(item)
        # The batch curves change at every redraw and repaint most of the plot: what they cover
        # that changes once an epoch (or never) is copied from pixmaps instead of drawn again.
        cache_static(self.legend, self.train_curve, self.val_curve)


class QtLossPlot(QWidget):
    """Buffers losses as they arrive and draws them when :meth:`redraw` is called (by a timer).

    The x axis is in epochs: batch ``b`` of epoch ``e`` sits at ``e + (b + 1) / steps_per_epoch``
    and the epoch-end value of epoch ``e`` at ``e + 1``.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = LossPlotWidget(self)
        self.log_scale = QCheckBox(translate("LossPlot", "Log scale"))
        self.log_scale.setObjectName("lossLogScale")
        self.log_scale.setToolTip(translate("LossPlot", "Show the loss on a logarithmic axis "
                                            "(useful once it falls by orders of magnitude)."))
        self.log_scale.toggled.connect(self.set_log_scale)
        self.caption = QLabel(translate("LossPlot", "Loss"))
        self.caption.setStyleSheet("font-weight: 600")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.caption)
        top.addStretch(1)
        top.addWidget(self.log_scale)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.plot, 1)
        self.steps_per_epoch = 0
        self.marks = LossMarks(self.plot.getPlotItem())
        self._x = GrowingArray()
        self._y = GrowingArray()
        self._smooth = GrowingArray()
        self._ema: float | None = None
        self._y_min, self._y_max = np.inf, -np.inf
        self._epoch_x: list[float] = []
        self._train: list[float] = []
        self._val_x: list[float] = []
        self._val: list[float] = []
        self._dirty = False
        self._y_range: tuple[float, float] | None = None
        self._x_end: float | None = None
        self._epoch_counts = {}
        self._epoch_shown: tuple[int, int] | None = None
        self._points_per_epoch = 0
        self.total_epochs = 0
        self._env = PeakEnvelope()
        self._env_smooth = PeakEnvelope()
        # Follow mode: the plot sets its own ranges (x: the whole run, y: sticky), so the axes
        # are not re-rendered every frame. Panning or zooming leaves it; the "A" button returns.
        self.follow = True
        item = self.plot.getPlotItem()
        item.getViewBox().disableAutoRange()
        item.getViewBox().sigRangeChangedManually.connect(self._left_follow)
        item.autoBtn.clicked.connect(self._follow_again)
        item.getViewBox().sigXRangeChanged.connect(self._view_changed)

    def _left_follow(self, *_: object) -> None:
        self.follow = False
        self._dirty = True

    def _follow_again(self, *_: object) -> None:
        self.follow = True
        self.plot.getPlotItem().getViewBox().disableAutoRange()
        self._dirty = True
        self._y_range = None
        self._x_end = None
        self.redraw()

    def _view_changed(self, *_: object) -> None:
        if not self.follow:
            self._dirty = True

    # -- data --------------------------------------------------------------------------------
    def clear(self, steps_per_epoch: int = 0, total_epochs: int = 0) -> None:
        self.steps_per_epoch = steps_per_epoch
        self.total_epochs = total_epochs
        self._epoch_counts: dict[int, int] = {}
        self._points_per_epoch = 0
        self.follow = True
        self._y_range: tuple[float, float] | None = None
        self._env.clear()
        self._env_smooth.clear()
        for buf in (self._x, self._y, self._smooth):
            buf.clear()
        self._ema = None
        self._y_min, self._y_max = np.inf, -np.inf
        self._x_end = None
        self._epoch_x, self._train, self._val_x, self._val = [], [], [], []
        self._epoch_shown = None
        self.marks.clear_run()
        item = self.plot.getPlotItem()  # no range left over from the previous run (a blow-up)
        item.setXRange(0, max(float(total_epochs), 1.0), padding=0.02)
        item.setYRange(0, 1, padding=0)
        self._dirty = True
        self.redraw()

    def x_of(self, epoch: int, batch: int) -> float:
        """Where batch ``batch`` of epoch ``epoch`` sits on the x axis (``batch=-1``: the epoch's
        end)."""
        if batch < 0 or self.steps_per_epoch <= 0:
            return epoch + 1.0
        return epoch + min(batch + 1, self.steps_per_epoch) / self.steps_per_epoch

    def mark_divergence(self, divergence: object) -> None:
        """Mark where the loss stopped being finite (an engine ``Divergence``)."""
        x = self.x_of(divergence.epoch, divergence.batch)
        finite = self._y.view[np.isfinite(self._y.view)]
        y = float(finite[-1]) if finite.size else 1.0
        self.marks.mark_divergence(x, y, divergence_words(divergence),
                                   log=self.log_scale.isChecked())

    def mark_shown(self, epoch: int | None, batch: int = -1, text: str = "") -> None:
        """A vertical line at the moment the other views show (``None``: the newest, no line)."""
        self.marks.mark_shown(None if epoch is None else self.x_of(epoch, batch), text)

    @property
    def smoothing(self) -> float:
        """EMA weight: about a fifth of an epoch of memory, so few-batch epochs do not lag."""
        # Points per epoch as they arrive: the engine may report one point per several batches.
        per_epoch = self._points_per_epoch or self.steps_per_epoch
        if per_epoch <= 0:
            return SMOOTHING
        return float(min(0.5, max(0.02, 5.0 / per_epoch)))

    def _x_of(self, epoch: int, batch: int, step: int) -> float:
        if self.steps_per_epoch > 0:
            # Clamped: with several batches per call the engine may report an index past the end.
            return epoch + min(batch + 1, self.steps_per_epoch) / self.steps_per_epoch
        return float(step + 1)

    def add_batches(self, events: list[BatchEnd]) -> None:
        if not events:
            return
        n = len(events)
        epochs = np.fromiter((e.epoch for e in events), np.int64, n)
        ys = np.fromiter((e.loss for e in events), float, n)
        if self.steps_per_epoch > 0:
            # Clamped: with several batches per call the engine may report an index past the end.
            batches = np.fromiter((e.batch for e in events), np.int64, n)
            xs = epochs + np.minimum(batches + 1, self.steps_per_epoch) / self.steps_per_epoch
        else:
            xs = np.fromiter((e.step for e in events), float, n) + 1.0
        for epoch, count in zip(*np.unique(epochs, return_counts=True), strict=True):
            epoch = int(epoch)
            self._epoch_counts[epoch] = self._epoch_counts.get(epoch, 0) + int(count)
        done = [n for epoch, n in self._epoch_counts.items() if epoch < events[-1].epoch]
        if done:
            self._points_per_epoch = max(done)
        smooth, self._ema = _ema(ys, self.smoothing, self._ema)
        self._track_extent(ys)
        self._x.extend(xs)
        self._y.extend(ys)
        self._smooth.extend(smooth)
        self._dirty = True

    def set_batches(self, xs: np.ndarray, ys: np.ndarray) -> None:
        """Replace the per-batch curve (used when a past run is opened, and by the benchmark)."""
        self._x.clear()
        self._y.clear()
        self._smooth.clear()
        self._env.clear()
        self._env_smooth.clear()
        self._ema = None
        self._y_min, self._y_max = np.inf, -np.inf
        self._track_extent(ys)
        self._x.extend(xs)
        self._y.extend(ys)
        smooth, self._ema = _ema(np.asarray(ys, dtype=float), self.smoothing, None)
        self._smooth.extend(smooth)
        self._dirty = True

    def _track_extent(self, ys) -> None:
        """The running min and max of the finite batch losses (for the y range)."""
        ys = np.asarray(ys, dtype=float)
        finite = ys[np.isfinite(ys)]
        if finite.size:
            self._y_min = min(self._y_min, float(finite.min()))
            self._y_max = max(self._y_max, float(finite.max()))

    def add_epoch(self, event: EpochEnd) -> None:
        x = event.epoch + 1.0 if self.steps_per_epoch > 0 else float(len(self._x))
        if "loss" in event.metrics:
            self._epoch_x.append(x)
            self._train.append(float(event.metrics["loss"]))
        if "val_loss" in event.metrics:
            self._val_x.append(x)
            self._val.append(float(event.metrics["val_loss"]))
        self._dirty = True

    @property
    def n_points(self) -> int:
        return len(self._y)

    def batch_data(self) -> tuple[np.ndarray, np.ndarray]:
        return self._x.view.copy(), self._y.view.copy()

    def epoch_data(self) -> dict[str, list[float]]:
        return {"epoch": self._epoch_x, "loss": self._train, "val_loss": self._val}

    # -- drawing -----------------------------------------------------------------------------
    @property
    def pending(self) -> bool:
        """Whether there is buffered data that :meth:`redraw` has not drawn yet."""
        return self._dirty

    def redraw(self) -> bool:
        """Push buffered data to the curves; returns whether anything changed."""
        if not self._dirty:
            return False
        self._dirty = False
        x, y, smooth = self._x.view, self._y.view, self._smooth.view
        self._env.update(x, y)
        self._env_smooth.update(x, smooth)
        if len(y) <= RAW_LIMIT:
            shown = (x, y), (x, smooth)
        elif self.follow:
            shown = self._env.display(x, y), self._env_smooth.display(x, smooth)
        else:
            (x0, x1), _ = self.plot.getPlotItem().getViewBox().viewRange()
            a, b = np.searchsorted(x, [x0, x1])
            a, b = max(0, a - 1), min(len(x), b + 1)
            width = max(400, int(self.plot.width()))
            shown = (peak_decimate(x[a:b], y[a:b], width),
                     peak_decimate(x[a:b], smooth[a:b], width))
        self.plot.batch_curve.setData(*shown[0])
        self.plot.smooth_curve.setData(*shown[1])
        epoch_key = (len(self._train), len(self._val))
        if epoch_key != self._epoch_shown:  # the epoch curves change once an epoch
            self._epoch_shown = epoch_key
            self.plot.train_curve.setData(self._epoch_x, self._train)
            self.plot.val_curve.setData(self._val_x, self._val)
        if self.follow:
            self._set_ranges()
        return True

    def _set_ranges(self) -> None:
        item = self.plot.getPlotItem()
        x = self._x.view
        last = max(float(x[-1]) if len(x) else 1.0, max(self._epoch_x, default=0.0))
        x_end = self._x_end
        if x_end is None or last > x_end or x_end > max(float(self.total_epochs), 1.25 * last):
            # The whole run; past the announced epochs, grow by a quarter at a time, not each tick.
            x_end = max(float(self.total_epochs), last * (1.25 if last > self.total_epochs else 1))
            self._x_end = x_end
            item.setXRange(0, x_end, padding=0.02)
        lo, hi = self._y_min, self._y_max
        if not np.isfinite(hi) and self.marks.baselines:  # no run yet: the baselines alone
            lo = hi = self.marks.baseline_values()[0]
        for value in self.marks.baseline_values():  # a baseline near the data is in view
            if np.isfinite(hi) and value < 3 * hi:
                lo, hi = min(lo, value), max(hi, value)
        for values in (self._train, self._val):
            finite = [v for v in values if np.isfinite(v)]
            if finite:
                lo, hi = min(lo, min(finite)), max(hi, max(finite))
        if not np.isfinite([lo, hi]).all():
            return
        log = self.log_scale.isChecked()
        if log:
            lo, hi = np.log10(max(lo, 1e-12)), np.log10(max(hi, 1e-12))
        span = max(hi - lo, 1e-9)
        if not np.isfinite(self._y_max):  # the baselines alone, before a run: from 0 up to them
            span = max(span, abs(hi), 1e-9)
        current = self._y_range
        # Only move the y range when the data leaves it or fills less than 40 % of it; a side the
        # data left gets a wide margin, so a falling loss does not move the axis at every tick.
        if current is None or (current[1] - current[0]) > 2.5 * span:
            bottom, top = lo - 0.1 * span, hi + 0.1 * span
        elif lo < current[0] or hi > current[1]:
            bottom = current[0] if lo >= current[0] else lo - 0.3 * span
            top = current[1] if hi <= current[1] else hi + 0.3 * span
        else:
            return
        if not log and lo >= 0:
            bottom = max(bottom, 0.0)  # a loss is not negative: no axis below 0
        height = float(self.plot.getPlotItem().getViewBox().height())  # ~250 once laid out
        top = self.marks.room_for_labels(bottom, top, height if height >= 60 else 250.0,
                                         self.plot.fontMetrics().height() + 8)
        if current is not None and (bottom, top) == current:
            return
        self._y_range = (bottom, top)
        item.setYRange(bottom, top, padding=0)

    def set_baselines(self, baselines: list[tuple[str, float]]) -> None:
        """Draw each baseline's validation loss as a labelled line (dataset's, kept across runs)."""
        self.marks.set_baselines(baselines)
        self._y_range = None
        self._dirty = True
        self.redraw()

    def set_log_scale(self, on: bool) -> None:
        if self.log_scale.isChecked() != on:
            self.log_scale.setChecked(on)
            return
        self.plot.getPlotItem().setLogMode(y=on)
        self.marks.set_log(on)
        self._y_range = None
        self._dirty = True
        self.redraw()
