"""The core's error messages in a Korean window: a wrong data file or run folder opened through
the window gives a dialog in Korean that names the file, and the English window shows the core's
message character for character. No TensorFlow: these files are refused before it is needed."""

from __future__ import annotations

import pytest
from gui_helpers import hangul
from PySide6.QtWidgets import QMessageBox

from seqstudio.data import load_dataset
from seqstudio.engine import RunDir
from seqstudio.errors import SeqstudioError
from seqstudio.gui import i18n
from seqstudio.gui.errors import reporter

MAIN_WINDOW_TITLE = "Cannot use this file"


def core_message(call, *args) -> str:
    """What the core itself says, in English, when it refuses ``args``."""
    with pytest.raises(SeqstudioError) as refused:
        call(*args)
    return str(refused.value)


def refusal(qtbot, window, open_it) -> tuple[str, str]:
    """``(title, text)`` of the error dialog ``open_it()`` brings up; the dialog is closed."""
    with qtbot.waitSignal(reporter.shown, timeout=30_000) as shown:
        open_it()
    (box,) = [b for b in window.findChildren(QMessageBox, "errorDialog") if b.isVisible()]
    title, text = box.windowTitle(), box.text()
    assert (title, text) == tuple(shown.args)
    box.close()
    return title, text


def bad_files(folder):
    empty = folder / "empty.txt"
    empty.write_text("")
    words = folder / "words.csv"  # no column of numbers, no text-and-label pair
    words.write_text("name,city\nann,paris\nbob,rome\n", encoding="utf-8")
    few = folder / "few.csv"  # a column of numbers with a cell that is not one
    few.write_text("value\n1\n2\nn/a?\n4\n5\n", encoding="utf-8")
    return {"empty": empty, "no numbers": words, "bad cell": few}


def test_a_wrong_data_file_is_refused_in_korean(qtbot, make_window, monkeypatch, tmp_path,
                                                english_after):
    monkeypatch.setenv(i18n.LANGUAGE_ENV, "ko")
    window = make_window(start_tf=False)
    assert i18n.current_language() == "ko"
    window.data.set_tf_ready(True)  # these files are refused before TensorFlow is needed
    texts = {}
    for what, path in {**bad_files(tmp_path), "missing": tmp_path / "gone.csv"}.items():
        title, text = refusal(qtbot, window, lambda p=path: window.open_file(p))
        assert hangul(title) and title != MAIN_WINDOW_TITLE, title
        assert path.name in text and hangul(text), (what, text)
        texts[what] = text
    assert "비어 있습니다" in texts["empty"]
    assert "'name' (str), 'city' (str)" in texts["no numbers"]  # the values, as the core found them
    assert "파일이 없습니다" in texts["missing"]
    assert "'n/a?'(3행, 4번째 줄)" in texts["bad cell"]  # the cell and its place, in Korean
    assert window.statusBar().currentMessage() == texts["missing"]  # the status bar says it too


def test_english_shows_the_core_message_unchanged(qtbot, make_window, tmp_path, english_after):
    window = make_window(start_tf=False)
    assert i18n.current_language() == "en"
    window.data.set_tf_ready(True)
    for path in bad_files(tmp_path).values():
        title, text = refusal(qtbot, window, lambda p=path: window.open_file(p))
        assert title == MAIN_WINDOW_TITLE
        assert text == core_message(load_dataset, path)


def test_a_damaged_run_folder_is_refused_in_korean(qtbot, make_window, monkeypatch, tmp_path,
                                                   english_after):
    not_a_run = tmp_path / "not-a-run"
    not_a_run.mkdir()
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / "config.json").write_text('{"cell": ', encoding="utf-8")
    english = {folder: core_message(RunDir, folder) for folder in (not_a_run, damaged)}
    monkeypatch.setenv(i18n.LANGUAGE_ENV, "ko")
    window = make_window(start_tf=False)
    for folder in (not_a_run, damaged):
        title, text = refusal(qtbot, window, lambda f=folder: window.open_run(f))
        assert hangul(title) and hangul(text), text
        assert str(folder) in text and text != english[folder]
    assert "실행 폴더가 아닙니다" in refusal(qtbot, window, lambda: window.open_run(not_a_run))[1]


def test_a_streamed_table_with_a_bad_cell_is_refused_in_korean(qtbot, make_window, monkeypatch,
                                                               tmp_path, english_after):
    """A table over the streaming threshold is read from disk in blocks; a cell that is not a
    number far past its head is refused with the block's rows named, in Korean too."""
    from seqstudio.data import stream

    path = tmp_path / "big.csv"
    rows = ["value"] + [str(i % 7) for i in range(60_000)]  # past the 64 KiB, 5,000-row head
    rows[50_000] = "n/a?"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    monkeypatch.setenv(stream.STREAM_ENV, "1000")  # stream anything over 1,000 bytes
    english = core_message(load_dataset, path)
    assert "has cells that are not numbers, e.g. 'n/a?'" in english and "rows from " in english
    monkeypatch.setenv(i18n.LANGUAGE_ENV, "ko")
    window = make_window(start_tf=False)
    window.data.set_tf_ready(True)
    title, text = refusal(qtbot, window, lambda: window.open_file(path))
    assert path.name in text and hangul(title) and hangul(text), text
    assert "숫자가 아닌 셀이 있습니다 (예: 'n/a?')" in text and "행부터" in text, text
