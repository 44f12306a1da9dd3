"""The compare window's loss plot: every run's batch losses and validation loss overlaid, one
colour per run, with the baselines' validation losses as labelled dashed lines."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from seqstudio.gui.i18n import translate

#: one colour per run (up to 4), distinguishable in colour-blind palettes (Okabe-Ito)
RUN_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7")


class RunCurves:
    """One run's data on the plot: batch losses (thin) and validation loss per epoch (bold)."""

    def __init__(self, plot: pg.PlotItem, name: str, colour: str, steps_per_epoch: int) -> None:
        self.steps = max(1, steps_per_epoch)
        self.batch_x: list[float] = []
        self.batch_y: list[float] = []
        self.val_x: list[float] = []
        self.val_y: list[float] = []
        faint = pg.mkColor(colour)
        faint.setAlpha(110)
        self.batches = plot.plot([], [], pen=pg.mkPen(faint, width=1), name=translate("CompareCurves", "{0} batch loss").format(name))
        self.batches.setDownsampling(auto=True, method="peak")
        self.batches.setClipToView(True)
        self.val = plot.plot([], [], pen=pg.mkPen(colour, width=2.5), symbol="o", symbolSize=7,
                             symbolBrush=colour, symbolPen=None,
                             name=translate("CompareCurves", "{0} val loss").format(name))
        self.dirty = False

    def add_batch(self, epoch: int, batch: int, loss: float) -> None:
        """``epoch`` from 0; drawn at ``epoch + (batch + 1) / steps``, so epoch ends fall on
        whole numbers where the validation loss is drawn."""
        self.batch_x.append(epoch + (batch + 1) / self.steps)
        self.batch_y.append(loss)
        self.dirty = True

    def add_epoch(self, epoch: int, metrics: dict[str, float]) -> None:
        value = metrics.get("val_loss", math.nan)
        if math.isfinite(value):
            self.val_x.append(epoch + 1.0)
            self.val_y.append(float(value))
            self.dirty = True

    def redraw(self) -> None:
        if not self.dirty:
            return
        self.dirty = False
        y = np.asarray(self.batch_y, dtype=float)
        self.batches.setData(np.asarray(self.batch_x, dtype=float),
                             np.where(np.isfinite(y), y, np.nan), connect="finite")
        self.val.setData(self.val_x, self.val_y)


class QtCompareCurves(pg.PlotWidget):
    """objectName ``compareLossPlot``. :meth:`add_run` returns the run's :class:`RunCurves`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareLossPlot")
        self.setBackground("w")
        item = self.getPlotItem()
        item.setLabel("bottom", translate("CompareCurves", "epoch"))
        item.setLabel("left", translate("CompareCurves", "loss"))
        item.showGrid(x=True, y=True, alpha=0.2)
        item.setMenuEnabled(False)
        self.legend = item.addLegend(offset=(-10, 10), labelTextSize="8pt",
                                     brush=pg.mkBrush(255, 255, 255, 200))
        self.runs: list[RunCurves] = []
        self.baseline_lines: list[pg.InfiniteLine] = []

    def clear_runs(self) -> None:
        for run in self.runs:
            for curve in (run.batches, run.val):
                self.getPlotItem().removeItem(curve)
        self.runs = []
        self.legend.clear()
        self.set_baselines([])

    def add_run(self, name: str, steps_per_epoch: int) -> RunCurves:
        colour = RUN_COLOURS[len(self.runs) % len(RUN_COLOURS)]
        run = RunCurves(self.getPlotItem(), name, colour, steps_per_epoch)
        self.runs.append(run)
        return run

    def set_baselines(self, lines: list[tuple[str, float]]) -> None:
        """``(label, validation loss)`` per baseline, drawn across the whole plot."""
        for line in self.baseline_lines:
            self.getPlotItem().removeItem(line)
        self.baseline_lines = []
        finite = [(label, v) for label, v in lines if v is not None and math.isfinite(v)]
        for i, (label, value) in enumerate(finite):
            # labels side by side along the lines, so that close baselines do not overprint
            line = pg.InfiniteLine(pos=value, angle=0, movable=False,
                                   pen=pg.mkPen("#666", width=1.2, style=Qt.PenStyle.DashLine),
                                   label=f"{label} {value:.3g}",
                                   labelOpts={"position": 0.03 + 0.3 * (i % 3), "color": "#444",
                                              "fill": (255, 255, 255, 180),
                                              "anchors": [(0, 1), (0, 1)]})
            self.getPlotItem().addItem(line, ignoreBounds=True)
            self.baseline_lines.append(line)
        self._fit_y()

    def baseline_values(self) -> list[float]:
        return [float(line.value()) for line in self.baseline_lines]

    def redraw(self) -> None:
        changed = any(run.dirty for run in self.runs)
        for run in self.runs:
            run.redraw()
        if changed:
            self._fit_y()

    def _fit_y(self) -> None:
        """Fit the loss axis to the validation losses, the baselines and the batch losses but
        their top 2 % (a ReLU run's first batches can be ten times the rest and would flatten
        every curve against the axis); x keeps auto-ranging."""
        values = [v for run in self.runs for v in run.val_y]
        values += self.baseline_values()
        batches = np.asarray([v for run in self.runs for v in run.batch_y], dtype=float)
        batches = batches[np.isfinite(batches)]
        if batches.size:
            values += [float(batches.min()), float(np.quantile(batches, 0.98))]
        values = [v for v in values if math.isfinite(v)]
        if not values:
            return
        low, high = min(values), max(values)
        pad = 0.08 * (high - low or abs(high) or 1.0)
        self.getPlotItem().setYRange(max(0.0, low - pad) if low >= 0 else low - pad,
                                     high + pad, padding=0)

    def y_range(self) -> tuple[float, float]:
        low, high = self.getPlotItem().getViewBox().viewRange()[1]
        return float(low), float(high)

    def curve_data(self, index: int) -> dict[str, Any]:
        """What run ``index`` has drawn: ``batch_x``/``batch_y`` and ``val_x``/``val_y``."""
        run = self.runs[index]
        return {"batch_x": list(run.batch_x), "batch_y": list(run.batch_y),
                "val_x": list(run.val_x), "val_y": list(run.val_y)}
