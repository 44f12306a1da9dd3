"""The weights view's plots: a weight matrix as a heatmap, the eigenvalues on the complex plane,
and the spectral radius over the run (:mod:`seqstudio.gui.qt_weights` lays them out)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from seqstudio.gui.paint_costs import cache_static, plain_axes, unindexed

_CIRCLE = np.exp(1j * np.linspace(0, 2 * np.pi, 129))
#: the colour map of the weights (diverging, white at 0), the name the colour bar is given
COLORMAP = "CET-D1"
#: its colours, once: each draw indexes this table instead of pyqtgraph building a 256-entry
#: colour table for every image it renders
_LUT = pg.colormap.get(COLORMAP).getLookupTable(nPts=256, alpha=True)


def colored(values: np.ndarray, levels: tuple[float, float]) -> np.ndarray:
    """``values`` as RGBA (uint8, the same shape plus 4) on :data:`COLORMAP` from ``levels[0]``
    to ``levels[1]`` (NaN drawn as 0, an infinite value at its end of the scale)."""
    lo, hi = levels
    scaled = (np.nan_to_num(np.asarray(values, dtype=np.float32)) - lo) * (255.0 / max(hi - lo,
                                                                                  1e-12))
    return _LUT[np.clip(np.rint(scaled), 0, 255).astype(np.intp)]


class MatrixHeatmap:
    """One weight matrix as an image in a cell of a :class:`pg.GraphicsLayoutWidget`."""

    def __init__(self, layout: pg.GraphicsLayoutWidget, row: int, col: int) -> None:
        self.plot = layout.addPlot(row=row, col=col)
        self.plot.setMenuEnabled(False)
        self.plot.getViewBox().setMouseEnabled(x=False, y=False)
        self.plot.getViewBox().disableAutoRange()
        self.plot.getViewBox().invertY(True)  # row 0 at the top, as the matrix is written
        plain_axes(self.plot)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self._shape: tuple[int, int] | None = None
        self.title = ""  # what the title says: the weight's name and shape
        self.values: np.ndarray | None = None
        self.levels: tuple[float, float] | None = None

    def show(self, values: np.ndarray, title: str, levels: tuple[float, float],
             rows: str, cols: str) -> None:
        values = np.atleast_2d(np.asarray(values, dtype=np.float32))
        self.values, self.levels = values, levels  # what the image's colours show
        self.image.setImage(colored(values, levels), autoLevels=False)
        if values.shape != self._shape:
            self._shape = values.shape
            r, c = values.shape
            self.plot.getViewBox().setRange(xRange=(0, c), yRange=(0, r), padding=0)
            self.plot.setLabel("left", rows)
            self.plot.getAxis("left").setStyle(showValues=r > 1)
            self.title = ""
        if title != self.title:  # a one-row strip (b) is named under it, where there is room
            self.title = title
            self.plot.setTitle(title if values.shape[0] > 1 else None, size="9pt")
            self.plot.setLabel("bottom", cols if values.shape[0] > 1 else f"{title} · {cols}")

    def clear(self) -> None:
        self.values = self.levels = None
        self.image.clear()
        self._shape = None
        self.title = ""
        self.plot.setTitle(None)


def eigen_plot(title: str) -> tuple[pg.PlotWidget, pg.ScatterPlotItem]:
    """The complex plane with the unit circle, and the (empty) scatter of the eigenvalues.
    ``title`` and the other words come translated from the view (whose module holds them)."""
    plot = pg.PlotWidget()
    plot.setObjectName("eigenPlot")
    unindexed(plot)
    plot.setBackground("w")
    item = plot.getPlotItem()
    item.setMenuEnabled(False)
    item.setAspectLocked(True)
    item.getViewBox().disableAutoRange()
    item.getViewBox().setMouseEnabled(x=False, y=False)
    item.showGrid(x=True, y=True, alpha=0.2)
    plain_axes(item)
    item.setLabel("bottom", "Re λ")
    item.setLabel("left", "Im λ")
    item.setTitle(title, size="8pt")
    circle = pg.PlotDataItem(_CIRCLE.real, _CIRCLE.imag,
                             pen=pg.mkPen((150, 150, 150), width=1, style=Qt.PenStyle.DashLine))
    item.addItem(circle)
    cache_static(circle)  # a dashed line is slow to draw: under the points at every repaint
    points = pg.ScatterPlotItem(size=6, brush=(70, 110, 180, 200), pen=None)
    item.addItem(points)
    return plot, points

def radius_plot(epoch: str, radius: str) -> tuple[pg.PlotWidget, pg.PlotCurveItem,
                                                  pg.InfiniteLine]:
    """The spectral radius over the run: the plot, its curve and the mark of the moment shown."""
    plot = pg.PlotWidget()
    plot.setObjectName("radiusPlot")
    unindexed(plot)
    plot.setBackground("w")
    item = plot.getPlotItem()
    item.setMenuEnabled(False)
    item.getViewBox().setMouseEnabled(x=False, y=False)
    item.getViewBox().disableAutoRange()
    item.showGrid(x=True, y=True, alpha=0.2)
    item.setLabel("bottom", epoch)
    item.setLabel("left", radius)
    plain_axes(item)
    unit = pg.InfiniteLine(pos=1.0, angle=0, pen=pg.mkPen(
        (150, 150, 150), width=1, style=Qt.PenStyle.DashLine))
    item.addItem(unit)
    cache_static(unit)
    # a plain curve: PlotDataItem's machinery costs more per setData than this one is worth
    curve = pg.PlotCurveItem(pen=pg.mkPen((70, 110, 180), width=2), connect="finite")
    mark = pg.InfiniteLine(angle=90, pen=pg.mkPen((200, 40, 40), width=2))
    mark.setVisible(False)
    item.addItem(curve)
    item.addItem(mark)
    return plot, curve, mark
