"""Small helpers for the views' combo boxes."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox


def set_items(combo: QComboBox, names: Sequence[str], current: int) -> None:
    """Fill ``combo`` with ``names``, unless it holds exactly those already, and select
    ``current`` (clamped to the last), without emitting the combo's change signals."""
    if [combo.itemText(i) for i in range(combo.count())] == list(names):
        return
    combo.blockSignals(True)
    combo.clear()
    combo.addItems(list(names))
    combo.setCurrentIndex(min(current, len(names) - 1))
    combo.blockSignals(False)
