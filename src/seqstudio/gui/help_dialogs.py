"""Help ▸ User Guide (``docs/gui.md``, or its translation ``docs/gui.<language>.md``, in a
viewer) and Help ▸ Keyboard Shortcuts."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from seqstudio.gui import i18n
from seqstudio.gui.i18n import translate

#: the guide in a source checkout or an editable install (src/seqstudio/gui -> the repo root)
GUIDE = Path(__file__).resolve().parents[3] / "docs" / "gui.md"


def guide_path(language: str = i18n.DEFAULT) -> Path | None:
    """The guide in ``language`` (``docs/gui.ko.md``) if it is written, else the English one;
    ``None`` when the installation has no docs."""
    translated = GUIDE.with_name(f"{GUIDE.stem}.{language}{GUIDE.suffix}")
    if language != i18n.DEFAULT and translated.is_file():
        return translated
    return GUIDE if GUIDE.is_file() else None


def _viewer(parent: QWidget | None, title: str, name: str) -> tuple[QDialog, QTextBrowser]:
    dialog = QDialog(parent)
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    browser = QTextBrowser(dialog)
    browser.setObjectName(f"{name}Text")
    browser.setOpenExternalLinks(True)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.close)
    layout = QVBoxLayout(dialog)
    layout.addWidget(browser, 1)
    layout.addWidget(buttons)
    if parent is not None:
        dialog.resize(min(760, max(480, parent.width() - 80)), min(640, max(400, parent.height() - 60)))
    return dialog, browser


def show_guide(parent: QWidget | None) -> QDialog:
    dialog, browser = _viewer(parent, translate("HelpDialogs", "seqstudio — User Guide"),
                              "guideDialog")
    path = guide_path(i18n.current_language())
    if path is not None:
        note = ""
        if i18n.current_language() != i18n.DEFAULT and path == GUIDE:  # not translated yet
            note = translate("HelpDialogs", "*This guide is written in English only; the "
                             "window's own words are in your language.*") + "\n\n"
        browser.setMarkdown(note + path.read_text(encoding="utf-8"))
    else:
        browser.setMarkdown(translate("HelpDialogs", "# User guide\n\nThe guide is `docs/gui.md` "
                                      "in the seqstudio source repository; this installation "
                                      "does not include it."))
    dialog.show()
    return dialog


def shortcut_rows(window: Any) -> list[tuple[str, str]]:
    """``(what, keys)`` for every window action that has a shortcut, in menu order."""
    rows = []
    for action in window.actions():
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        keys = [k for k in keys if k]  # a standard key this platform has none for reads ""
        if keys:
            rows.append((action.text().replace("&", "").replace("…", ""), ", ".join(keys)))
    return rows


def show_shortcuts(window: Any) -> QDialog:
    dialog, browser = _viewer(window, translate("HelpDialogs", "Keyboard Shortcuts"),
                              "shortcutsDialog")
    body = "".join(f"<tr><td style='padding-right:16px'>{html.escape(what)}</td>"
                   f"<td><b>{html.escape(keys)}</b></td></tr>"
                   for what, keys in shortcut_rows(window))
    title = translate("HelpDialogs", "Keyboard shortcuts")
    wheel = translate("HelpDialogs", "A spin box or list takes the mouse wheel only after you "
                      "click into it; until then the wheel scrolls the panel.")
    browser.setHtml(f"<h3>{html.escape(title)}</h3><table cellspacing='3'>" + body + "</table>"
                    f"<p style='color:#555'>{html.escape(wheel)}</p>")
    dialog.show()
    return dialog
