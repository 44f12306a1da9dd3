"""The mouse wheel changes a spin box or combo box only once the user has clicked into it.

Qt gives these widgets the wheel (and focus by the wheel) by default, so scrolling a settings
panel past them changed their values (Horizon 1 -> 5) and rebuilt the dataset each time. One
application-wide event filter fixes every such widget, those made later included (the model's
parameter form is rebuilt per cell): on polish it takes away focus-by-wheel, and an unfocused
widget passes the wheel on to the scroll area around it, which scrolls instead.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)

GUARDED = (QAbstractSpinBox, QComboBox)


class WheelGuard(QObject):
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.Wheel and isinstance(obj, GUARDED) and not obj.hasFocus():
            area = _scroll_area_around(obj)
            if area is None:
                event.ignore()  # Qt offers a real wheel event to the parent widgets
            else:  # the panel scrolls, whatever the event's origin
                QApplication.sendEvent(area.viewport(), event)
                event.accept()
            return True
        if kind == QEvent.Type.Polish and isinstance(obj, GUARDED) and \
                obj.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            obj.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return False


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent


_guard: WheelGuard | None = None


def install(app: QApplication | None = None) -> WheelGuard:
    """Install the guard on ``app`` (default: the running application) once."""
    global _guard
    app = app or QApplication.instance()  # type: ignore[assignment]
    if _guard is None:
        _guard = WheelGuard()
        app.installEventFilter(_guard)
    return _guard
