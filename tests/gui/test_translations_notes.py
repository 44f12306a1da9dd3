"""The data layer's notes about a file (Dataset.notes, under the data panel's summary) in Korean,
and word for word the core's in English. A forecast table: loaded without TensorFlow."""

from __future__ import annotations

import html
from datetime import date, timedelta

import pytest
from gui_helpers import hangul

from seqstudio.gui import i18n
from seqstudio.gui.dataset_words import note_words


@pytest.fixture
def table(tmp_path):
    """A comment line above the header, a text column, one missing value: three notes."""
    days = [date(2024, 1, 1) + timedelta(days=d) for d in range(60)]
    rows = [f"{day},{'' if d == 5 else d * 1.5},x" for d, day in enumerate(days)]
    path = tmp_path / "series.csv"
    path.write_text("# from a logger\ndate,value,note\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def loaded(qtbot, window, path):
    window.data.set_tf_ready(True)  # a forecast table needs no TensorFlow to load
    with qtbot.waitSignal(window.data.datasetLoaded, timeout=30_000) as done:
        window.open_file(path)
    return done.args[0]


@pytest.mark.parametrize("language", ["en", "ko"])
def test_dataset_notes_in_the_summary(qtbot, make_window, monkeypatch, table, language):
    monkeypatch.setenv(i18n.LANGUAGE_ENV, language)
    try:
        window = make_window(start_tf=False)
        dataset = loaded(qtbot, window, table)
        summary = html.unescape(window.data.summary.text())
        said = [note_words(note) for note in dataset.notes]
    finally:
        i18n.install("en")
    assert len(dataset.notes) >= 3, dataset.notes
    assert all(f"<li>{words}</li>" in summary for words in said), (said, summary)
    if language == "en":
        assert said == list(dataset.notes)  # the core's own words
    else:
        assert all(hangul(words) and words != note for words, note in zip(said, dataset.notes, strict=True))
        assert "주석 줄 1개를 건너뛰었습니다" in said[0]
        assert any("'note'" in words for words in said)  # the column's name, as the core found it
