"""Labelled strips of numbers, one row per quantity of a step's arithmetic (for the inspector).

Each row is a label and its n values as coloured cells (blue negative, red positive, on one
scale per row), with the value written in the cell when it fits. A long row (a one-hot input of
a large vocabulary) shows its first cells and says how many are left out; the cell under the
mouse gives its index and value in a tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QHelpEvent, QImage, QPainter, QPaintEvent, QStaticText
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from seqstudio.gui.i18n import translate
from seqstudio.gui.unrolled_picture import color_image

ROW_H = 40
LABEL_H = 15  # the row's label, above its cells
LEFT = 6
CELL_MIN = 3
CELL_TEXT = 38  # a cell this wide gets its value written in it
#: the rows' labels and the cells' numbers ("0.53", "-1.20", ...) are laid out once each and
#: drawn from that layout at every paint (up to this many are kept)
TEXTS_KEPT = 4096


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
        self._texts: dict[str, QStaticText] = {}
        self._texts_font: QFont | None = None
        self._rows_key: tuple | None = None
        self._rows_kept: list = []

    def set_strips(self, strips: list[Strip]) -> None:
        self.strips = list(strips)
        self._rows_key = None
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

    def _rows(self) -> list[tuple[np.ndarray, bool, float, int, QImage, int]]:
        """Per strip, at the canvas's width: its values, whether any is finite, its cell width,
        how many cells are drawn, and their colours (an image with one row per strip of that
        many cells, and the strip's row in it). Strips of the same length are coloured in one
        pass; kept until the strips or the width change, so a repaint (an expose, a scroll)
        only draws."""
        key = self.width()
        if self._rows_key == key:
            return self._rows_kept
        rows: list[tuple[np.ndarray, bool, float, int]] = []
        for strip in self.strips:
            values = np.asarray(strip.values, dtype=float).ravel()
            cell, shown = self._cells(len(values))
            rows.append((values, bool(np.isfinite(values).any()), cell, shown))
        images: dict[int, QImage] = {}
        for shown in {row[3] for row in rows}:
            block = np.array([values[:shown] for values, _, _, n in rows if n == shown])
            finite = np.isfinite(block)
            peaks = np.maximum(np.where(finite, np.abs(block), 0.0).max(axis=1), 1e-9)
            peaks[~finite.any(axis=1)] = 1.0  # one scale per row, as each row's own peak
            images[shown] = color_image(block / peaks[:, None], 1.0)
        seen: dict[int, int] = {}
        kept = []
        for values, any_finite, cell, shown in rows:
            index = seen[shown] = seen.get(shown, -1) + 1
            kept.append((values, any_finite, cell, shown, images[shown], index))
        self._rows_key, self._rows_kept = key, kept
        return kept

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("white"))
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1.5))
        p.setFont(small)
        height = ROW_H - LABEL_H - 4
        for row, (strip, (values, any_finite, cell, shown, image, index)) in enumerate(
                zip(self.strips, self._rows(), strict=True)):
            y = 3 + row * ROW_H
            p.setPen(QColor("#222"))
            label = self._text(strip.label, small)
            p.drawStaticText(QPointF(LEFT, y + (LABEL_H - label.size().height()) / 2), label)
            top = y + LABEL_H
            p.drawImage(QRectF(LEFT, top, cell * shown, height), image,
                        QRectF(0, index, shown, 1))
            if cell >= CELL_TEXT:  # few values: each written in its cell, with a gap between
                p.setPen(QColor("white"))
                p.drawLines([QLineF(LEFT + j * cell, top, LEFT + j * cell, top + height)
                             for j in range(1, shown)])
                p.setPen(QColor("#111"))
                for j in range(shown):
                    number = self._text(f"{values[j]:.2f}", small)
                    size = number.size()
                    p.drawStaticText(QPointF(LEFT + (j + 0.5) * cell - size.width() / 2,
                                             top + (height - size.height()) / 2), number)
            if shown < len(values):  # a long one-hot row: say where its largest value is
                big = int(np.nanargmax(np.abs(values))) if any_finite else 0
                p.setPen(QColor("#555"))
                p.drawText(QRectF(LEFT + shown * cell + 6, top, 220, height),
                           Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                           translate("InspectorView", "+{0} more; largest [{1}] = {2}").format(
                               len(values) - shown, big, f"{values[big]:.3g}"))
        p.end()

    def _text(self, text: str, font: QFont) -> QStaticText:
        """``text`` laid out in ``font``, from the kept layouts when it was drawn before."""
        if font != self._texts_font or len(self._texts) > TEXTS_KEPT:
            self._texts, self._texts_font = {}, QFont(font)
        laid_out = self._texts.get(text)
        if laid_out is None:
            laid_out = self._texts[text] = QStaticText(text)
            laid_out.setTextFormat(Qt.TextFormat.PlainText)
            laid_out.prepare(font=font)
        return laid_out

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
