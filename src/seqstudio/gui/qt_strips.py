"""Labelled strips of numbers, one row per quantity of a step's arithmetic (for the inspector).

Each row is a label and its n values as coloured cells (blue negative, red positive, on one
scale per row), with the value written in the cell when it fits. A long row (a one-hot input of
a large vocabulary) shows its first cells and says how many are left out; the cell under the
mouse gives its index and value in a tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from seqstudio.gui.i18n import translate
from seqstudio.gui.unrolled_picture import color_image

ROW_H = 40
LABEL_H = 15  # the row's label, above its cells
LEFT = 6
CELL_MIN = 3
CELL_TEXT = 38  # a cell this wide gets its value written in it


@dataclass(frozen=True)
class Strip:
    label: str  # "x_3·Wx (10,)"
    values: np.ndarray  # (n,)


class StripsCanvas(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspectorStrips")
        self.strips: list[Strip] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setMouseTracking(True)

    def set_strips(self, strips: list[Strip]) -> None:
        self.strips = list(strips)
        height = ROW_H * len(self.strips) + 6
        if height != self.minimumHeight():  # a new height lays the scroll area out again
            self.setMinimumHeight(height)
        self.update()

    def _cells(self, count: int) -> tuple[float, int]:
        """Cell width and how many cells are drawn, for a row of ``count`` values (room is kept
        for the note of a row that does not fit)."""
        room = max(40, self.width() - 2 * LEFT)
        if count * CELL_MIN > room:
            room = max(40, room - 230)
        shown = min(count, max(1, int(room // CELL_MIN)))
        return min(60.0, room / max(1, shown)), shown

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("white"))
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1.5))
        for row, strip in enumerate(self.strips):
            y = 3 + row * ROW_H
            p.setFont(small)
            p.setPen(QColor("#222"))
            p.drawText(QRectF(LEFT, y, self.width() - 2 * LEFT, LABEL_H),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, strip.label)
            values = np.asarray(strip.values, dtype=float).ravel()
            finite = values[np.isfinite(values)]
            peak = float(np.max(np.abs(finite))) if finite.size else 1.0
            cell, shown = self._cells(len(values))
            top = y + LABEL_H
            height = ROW_H - LABEL_H - 4
            p.drawImage(QRectF(LEFT, top, cell * shown, height),
                        color_image(values[:shown], max(peak, 1e-9)))
            if cell >= CELL_TEXT:  # few values: each written in its cell, with a gap between
                p.setPen(QColor("white"))
                for j in range(1, shown):
                    p.drawLine(QPointF(LEFT + j * cell, top), QPointF(LEFT + j * cell, top + height))
                p.setPen(QColor("#111"))
                for j in range(shown):
                    p.drawText(QRectF(LEFT + j * cell, top, cell - 1, height),
                               Qt.AlignmentFlag.AlignCenter, f"{values[j]:.2f}")
            if shown < len(values):  # a long one-hot row: say where its largest value is
                big = int(np.nanargmax(np.abs(values))) if finite.size else 0
                p.setPen(QColor("#555"))
                p.drawText(QRectF(LEFT + shown * cell + 6, top, 220, ROW_H - LABEL_H - 4),
                           Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                           translate("InspectorView", "+{0} more; largest [{1}] = {2}").format(
                               len(values) - shown, big, f"{values[big]:.3g}"))
        p.end()

    def value_at(self, x: float, y: float) -> tuple[Strip, int] | None:
        row = int((y - 3) // ROW_H)
        if not 0 <= row < len(self.strips) or x < LEFT or (y - 3) % ROW_H < LABEL_H:
            return None
        strip = self.strips[row]
        cell, shown = self._cells(len(np.ravel(strip.values)))
        j = int((x - LEFT) // cell)
        return (strip, j) if 0 <= j < shown else None

    def event(self, event) -> bool:  # noqa: D401 - Qt override
        if event.type() == event.Type.ToolTip and isinstance(event, QHelpEvent):
            hit = self.value_at(event.pos().x(), event.pos().y())
            if hit is None:
                QToolTip.hideText()
            else:
                strip, j = hit
                QToolTip.showText(event.globalPos(),
                                  f"{strip.label}[{j}] = {float(np.ravel(strip.values)[j]):.6g}",
                                  self)
            return True
        return super().event(event)
