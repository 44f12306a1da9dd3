"""Helpers that keep the window usable on small screens (1024×600 and up)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


def scrolled(widget: QWidget) -> QScrollArea:
    """``widget`` in a vertical scroll area: on a short screen its fields keep their size and the
    panel scrolls, instead of every field being squashed."""
    area = QScrollArea()
    area.setObjectName(f"{widget.objectName() or 'panel'}Scroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area


#: the left panel's first width in a wide window, and its least (the training box's width)
LEFT_WIDTH, LEFT_MIN = 430, 330


def first_split(width: int) -> list[int]:
    """The main splitter's first sizes for a window ``width`` px wide: the left panel keeps 430 px
    from 1024 px up; in a narrower window it takes 42 % (336 px of 800) so the live views keep
    room for their plots, never less than it needs."""
    left = max(LEFT_MIN, min(LEFT_WIDTH, round(width * 0.42)))
    return [left, max(1, width - left)]
