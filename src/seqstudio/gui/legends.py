"""Legends under the plot, in a row of their own, so they never cover the data."""

from __future__ import annotations

import pyqtgraph as pg

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
