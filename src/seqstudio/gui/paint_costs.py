"""Cheaper repaints of the live plots (issue #14's drawing cost).

Plot items that change rarely are painted from a pixmap, not drawn again at every repaint. A plot
repaints the part of it a changing curve covers, and everything else in that part is drawn
again with it: the legend, the epoch curves and their symbols, the baselines and their labels, the
axis titles, a colour bar. Drawn from Python through pyqtgraph, they cost a loss plot ~3 ms of a
~4 ms repaint (measured in the window, one core). With Qt's device-coordinate cache each of them is
drawn once into a pixmap, drawn again only when it changes (its data, its text, the view's range),
and otherwise copied: a moved mark (a translation) keeps its pixmap too.

A plot's scene is not indexed: Qt's default index (a BSP tree) is rebuilt whenever an item's
bounds change, which a live curve's do at every redraw; a live plot holds a few dozen items, which
a repaint can simply walk (scrubbing the hidden-states tab: ~12.4 -> ~11.2 ms CPU a moment, medians
of 320 selections each, interleaved, one core).
"""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsView


def cache_static(*items: QGraphicsItem | None) -> None:
    """Give ``items`` and every item inside them Qt's device-coordinate cache (``None`` is
    skipped, for an optional item)."""
    for item in items:
        if item is None:
            continue
        item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        cache_static(*item.childItems())


def plain_axes(item) -> None:
    """The left and bottom axes of the plot ``item`` (a ``pg.PlotItem``) without SI prefixes,
    each with its title painted from a pixmap until its range or text changes (axis text is
    costly to paint)."""
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        axis.enableAutoSIPrefix(False)
        cache_static(axis)


def unindexed(*views: QGraphicsView) -> None:
    """Turn off the item index of each view's scene (see the module's docstring)."""
    for view in views:
        view.scene().setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
