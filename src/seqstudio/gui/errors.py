"""One place that shows an error to the user: a readable, non-blocking message box."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget


class ErrorReporter(QObject):
    """Emits ``shown(title, message)`` for every error dialog, so tests can wait for it."""

    shown = Signal(str, str)


reporter = ErrorReporter()


def show_error(parent: QWidget | None, title: str, message: str, details: str = "") -> QMessageBox:
    """Show ``message`` in a window-modal box that does not block the event loop.

    :param details: a traceback or the full error text, behind "Show Details...".
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setObjectName("errorDialog")
    box.setWindowTitle(title)
    box.setText(message)
    if details:
        box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    reporter.shown.emit(title, message)
    return box
