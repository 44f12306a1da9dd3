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
