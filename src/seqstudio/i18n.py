"""Marks for text the app shows in the user's language, without importing Qt.

The core and the plugins stay Qt-free, so they cannot call ``QCoreApplication.translate``. They
wrap text the GUI will show (a cell's description, a hyper-parameter's help) in
:func:`QT_TRANSLATE_NOOP`: Qt's ``lupdate`` finds it by that name and puts it in the ``.ts`` files,
and the GUI translates the same text when it shows it, with ``translate(context, text)`` (see
``seqstudio.gui.i18n``). Outside the GUI the text is used as written, in English.
"""

from __future__ import annotations

#: the translation context of cell descriptions, labels and hyper-parameter help
CELLS = "cells"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Return ``text`` unchanged; ``lupdate`` records it under ``context`` for translators.

    ``context`` must be a string literal where the call is written, or ``lupdate`` misses it."""
    del context
    return text
