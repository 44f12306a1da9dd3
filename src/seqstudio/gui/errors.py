"""One place that shows an error to the user: a readable, non-blocking message box, and the
error's message in the user's language (:func:`error_text`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from seqstudio.errors import Phrase
from seqstudio.gui import i18n
from seqstudio.gui.i18n import translate


def say(text: str) -> str:
    """A :class:`~seqstudio.errors.Phrase` (or a literal marked in the "Errors" context) in the
    user's language: its template translated (in the phrase's context) and filled with its
    values, themselves said the same way. Text that was not marked, or a translation whose
    placeholders do not fit, reads in English."""
    phrase = text if isinstance(text, Phrase) else Phrase(str(text))
    if i18n.current_language() == i18n.DEFAULT:
        return str(phrase)  # the English as the core wrote it, character for character
    words = translate(phrase.context, phrase.template)
    if not phrase.values:
        return words
    values = {k: say(v) if isinstance(v, Phrase) else v for k, v in phrase.values.items()}
    try:
        return words.format(**values)
    except (KeyError, IndexError, ValueError):
        return str(phrase)


def error_text(error: Any) -> str:
    """What an error says, in the user's language: an exception or a task's
    :class:`~seqstudio.gui.tasks.ErrorRecord`. In English it is ``str(error)`` exactly; in
    another language the parts of its :class:`~seqstudio.errors.ErrorWords` are translated and
    put together as the English is (``file (place): message``)."""
    english = str(error) or getattr(error, "kind", type(error).__name__)
    words = getattr(error, "words", None)
    if words is None or i18n.current_language() == i18n.DEFAULT:
        return english
    message = say(words.message)
    prefix = words.path
    if words.where is not None:
        prefix = f"{prefix} ({say(words.where)})" if prefix else say(words.where)
    return f"{prefix}: {message}" if prefix else message


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


def unreadable_reason(path: Any, error: OSError) -> str:
    """Why a file the preview could not read cannot be used: the system's words in English (as
    the preview reported them), else the core's own check of the file (missing, a folder, a
    program...) in the user's language, when it finds the problem."""
    english = error.strerror or str(error)
    if i18n.current_language() == i18n.DEFAULT:
        return english
    from seqstudio.data.files import check_file, check_not_binary, read_head
    from seqstudio.errors import DataError

    try:
        checked, _size = check_file(path)
        check_not_binary(checked, read_head(checked))
    except DataError as found:
        return say(found.words.message)
    return english
