"""Plot items that change rarely are painted from a pixmap, not drawn again at every repaint.

A plot repaints the part of it a changing curve covers, and everything else in that part is drawn
again with it: the legend, the epoch curves and their symbols, the baselines and their labels, the
axis titles, a colour bar. Drawn from Python through pyqtgraph, they cost a loss plot ~3 ms of a
~4 ms repaint (measured in the window, one core). With Qt's device-coordinate cache each of them is
drawn once into a pixmap, drawn again only when it changes (its data, its text, the view's range),
and otherwise copied: a moved mark (a translation) keeps its pixmap too.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsItem


def cache_static(*items: QGraphicsItem | None) -> None:
    """Give ``items`` and every item inside them Qt's device-coordinate cache (``None`` is
    skipped, for an optional item)."""
    for item in items:
        if item is None:
            continue
        item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        cache_static(*item.childItems())
