"""Help ▸ User Guide in Korean: a Korean window shows docs/gui.ko.md, which says what docs/gui.md
says (the same sections, every command, name and shortcut of it); English shows docs/gui.md."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtWidgets import QTextBrowser

from seqstudio.gui import help_dialogs, i18n

ENGLISH = help_dialogs.GUIDE
KOREAN = ENGLISH.with_name("gui.ko.md")
SHORTCUT = re.compile(r"Ctrl\+[^\s,);]+|\bF\d\b|\bEsc\b")


def inline_code(text: str) -> set[str]:
    return {c for c in re.findall(r"`([^`\n]+)`", text) if c == c.strip()}


def test_the_korean_guide_has_the_english_content():
    english, korean = ENGLISH.read_text(encoding="utf-8"), KOREAN.read_text(encoding="utf-8")
    headings = [re.findall(r"^#+ ", t, re.M) for t in (english, korean)]
    assert headings[0] == headings[1] and len(headings[0]) > 10
    missing = inline_code(english) - inline_code(korean)
    assert not missing, f"names and commands of gui.md not in gui.ko.md: {sorted(missing)}"
    assert Counter(SHORTCUT.findall(english)) == Counter(SHORTCUT.findall(korean))
    hangul = sum("\uac00" <= c <= "\ud7a3" for c in korean)
    assert hangul > 4000, hangul


def shown_guide(window) -> str:
    dialog = help_dialogs.show_guide(window)
    try:
        return dialog.findChild(QTextBrowser, "guideDialogText").toPlainText()
    finally:
        dialog.close()


@pytest.mark.slow  # measured 4.9 s on the shared 2 cores (two windows, the guide rendered twice)
def test_the_window_shows_the_guide_in_its_language(qtbot, make_window, monkeypatch):
    english = shown_guide(make_window(start_tf=False))
    assert english.startswith("The desktop app") and "사용 설명서" not in english
    monkeypatch.setenv(i18n.LANGUAGE_ENV, "ko")
    try:
        korean = shown_guide(make_window(start_tf=False))
    finally:
        i18n.install("en")
    assert korean.startswith("데스크톱 앱")
    assert "English only" not in korean and "영어로만" not in korean  # no fallback note
    assert help_dialogs.guide_path("ko") == KOREAN and help_dialogs.guide_path("en") == ENGLISH
