"""Legends under the plot, in a row of their own, so they never cover the data."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject

#: about the width one legend entry (sample line and a short name) needs, in pixels
ENTRY_PX = 130

#: the row of a PlotItem's grid layout below its bottom axis (title 0, top axis 1, view 2,
#: bottom axis 3)
BELOW_ROW = 4


def legend_below(item: pg.PlotItem, columns: int = 4) -> pg.LegendItem:
    """A legend laid out under ``item``'s bottom axis (and as wide as the plot with its axes);
    curves are added with ``addItem``."""
    legend = pg.LegendItem(colCount=columns, labelTextSize="7pt", verSpacing=-6, horSpacing=6)
    item.layout.addItem(legend, BELOW_ROW, 0, 1, 3)
    item.layout.setRowStretchFactor(BELOW_ROW, 0)
    return legend


class _ColumnFitter(QObject):
    """Re-flows a legend into as many columns as its plot's width has room for, so that a wide
    legend never makes the plot wider than its widget (pyqtgraph would then cut the plot off)."""

    def __init__(self, widget: QObject, legend: pg.LegendItem, columns: int) -> None:
        super().__init__(widget)
        self.legend, self.columns = legend, columns

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            fit = max(1, min(self.columns, int(obj.width() // ENTRY_PX)))
            if fit != self.legend.columnCount:
                self.legend.setColumnCount(fit)
        return False


def fit_to_width(widget: pg.PlotWidget, legend: pg.LegendItem, columns: int) -> None:
    """Keep ``legend`` at no more than ``columns`` columns, fewer when ``widget`` is narrow."""
    widget.installEventFilter(_ColumnFitter(widget, legend, columns))
