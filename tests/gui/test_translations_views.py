"""The live views and the compare window in Korean (SEQSTUDIO_LANGUAGE=ko): every registered view's
tab and its own words, the compare window's title, buttons and the cells' translated labels."""

from __future__ import annotations

import pytest
from gui_helpers import hangul
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel
from test_translations import _visible_texts, english_words

from seqstudio.gui import i18n
from seqstudio.gui.compare_window import open_compare
from seqstudio.gui.views import VIEWS


@pytest.fixture
def korean(monkeypatch):
    monkeypatch.setenv(i18n.LANGUAGE_ENV, "ko")
    yield
    i18n.install("en")  # the tests after this one run in English


def test_views_and_compare_window_speak_korean(qtbot, make_window, korean):
    window = make_window(start_tf=False)
    assert i18n.current_language() == "ko"
    tabs = window.live.tabs
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert len(titles) == len({v.tab_title for v in VIEWS})
    for view in VIEWS:
        assert i18n.translate("Views", view.title) != view.title, view.name
    assert all(hangul(t) for t in titles), titles
    for name, view in window.live.views.items():
        view.mark_pending()
        view.draw()  # its empty state: what it says before any run
        words = [label.text() for label in view.findChildren(QLabel) if label.text()]
        assert any(hangul(w) for w in words), (name, words)

    compare = open_compare(window)
    qtbot.addWidget(compare)
    assert hangul(compare.windowTitle()), compare.windowTitle()
    for button in (compare.start_button, compare.stop_button, compare.setup.add_cell,
                   compare.table.diff_only, compare.heatmaps.difference):
        assert hangul(button.text()), button.text()
    assert hangul(compare.table.note.text())
    labels = {compare.setup.cell.itemData(i): compare.setup.cell.itemText(i)
              for i in range(compare.setup.cell.count())}
    registry = window.registry
    assert labels["stacked-rnn"] == i18n.translate("cells", "Stacked RNN") != "Stacked RNN"
    description = registry.cell_type("simple-rnn-tanh").description
    assert hangul(i18n.translate("cells", description))
    # no English left in it but the cells' ids (as the CLI and the run folders name them)
    # and its shortcuts' key names
    ids = {c.name for c in registry.cell_types()}
    keys = {s.key().toString(QKeySequence.SequenceFormat.NativeText)
            for s in compare.findChildren(QShortcut)}
    english = [f"{where}: {text!r} ({', '.join(words)})" for where, text in _visible_texts(compare)
               if (words := english_words(" ".join(w for w in text.split() if w not in ids),
                                          keys))]
    assert not english, "English left in the Korean compare window:\n" + "\n".join(english)
    compare.close()
