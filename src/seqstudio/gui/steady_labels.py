"""Labels whose text changes at every draw keep their size, so the plots around them do not move.

A label that says "epoch 3, batch 9" and then "epoch 3, batch 10" is a little wider; a wrapped
health line takes two lines for one snapshot and one for the next. Each such change lays out its
panel again: the plots beside or under it are resized, and a resized plot lays out and paints
every axis anew (the weights tab's paints took 34-43 ms instead of 5-9 whenever its health line
changed its number of lines). A steady label only ever grows, until :meth:`SteadyLabel.release`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class SteadyLabel(QLabel):
    """A :class:`QLabel` whose minimum size grows to fit each text it is given and never shrinks
    again: its width (unless its size policy ignores its width, as a label that is cut or wraps
    to fit does) and, when it wraps, its height at its present width."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        if text == self.text():
            return  # a label laid out anew for nothing costs a layout pass
        super().setText(text)
        self.hold()

    def hold(self) -> None:
        """Grow the minimum size to what the present text needs."""
        if self.sizePolicy().horizontalPolicy() != QSizePolicy.Policy.Ignored:
            width = self.sizeHint().width()
            if width > self.minimumWidth():
                self.setMinimumWidth(width)
        if self.wordWrap() and not self.isVisible():
            return  # its width is not its own yet: the layout gives it the height it needs
        height = self.heightForWidth(self.width()) if self.wordWrap() else self.sizeHint().height()
        if height > self.minimumHeight():
            self.setMinimumHeight(height)

    def release(self) -> None:
        """Let it shrink to its present text (a new run: the old one's longest text is gone)."""
        self.setMinimumSize(0, 0)
        self.hold()
