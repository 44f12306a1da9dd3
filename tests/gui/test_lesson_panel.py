"""Lessons in the app, with the bundled lessons: File ▸ Open Lesson…, drag and drop and the
recent files open one; its data, cell, training settings and seed reach the window's fields
(and the file's suggestions leave them alone); the side panel walks its steps, shows the panel
a step names, highlights and hides what it lists; the settings save as a lesson that opens
again; a broken lesson gives a dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import wait_ready
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from seqstudio.gui import i18n
from seqstudio.gui.errors import reporter
from seqstudio.lesson import bundled_lessons, load_lesson, load_translated

LESSONS = {p.stem: p for p in bundled_lessons()}


def visible_dialog(window) -> QMessageBox:
    (box,) = [b for b in window.findChildren(QMessageBox, "errorDialog") if b.isVisible()]
    return box


def by_name(window, name: str) -> QWidget:
    widget = window.findChild(QWidget, name)
    assert widget is not None, name
    return widget


def open_from_the_menu(window, monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.findChild(type(window.actions_.open_lesson), "openLessonAction").trigger()


def test_every_bundled_lesson_opens_with_its_settings(qtbot, make_window, monkeypatch):
    window = make_window(start_tf=False)
    shown: list = []
    reporter.shown.connect(lambda *args: shown.append(args))
    for name, path in LESSONS.items():
        lesson = load_lesson(path)
        open_from_the_menu(window, monkeypatch, path)
        assert not shown, shown
        dock = by_name(window, "lessonDock")
        assert not dock.isHidden() and window.lesson_dock.lesson.title == lesson.title, name
        assert window.data.path == lesson.data.file(window.settings.runs_folder())
        assert window.model_panel.cell_name() == lesson.cell
        params = window.model_panel.params()
        assert {k: params[k] for k in lesson.cell_params} == lesson.cell_params, name
        values = window.controls.values()
        assert values["seed"] == lesson.seed
        assert {k: values[k] for k in lesson.training} == lesson.training, name
        counter = by_name(window, "lessonStepCounter").text()
        assert counter == f"step 1 of {len(lesson.steps)}"


@pytest.mark.long
@pytest.mark.slow
def test_the_notes_lesson_walks_its_steps_and_keeps_its_settings(qtbot, make_window,
                                                                 monkeypatch):
    window = make_window()
    open_from_the_menu(window, monkeypatch, LESSONS["05-notes-example"])
    wait_ready(qtbot, window)
    dataset = window.data.dataset
    assert (dataset.input_spec.vocab_size, dataset.input_spec.seq_len, dataset.level) == (
        100, 20, "word")
    # the file's suggestions did not replace what the lesson set
    assert window.model_panel.params()["units"] == 10
    values = window.controls.values()
    assert (values["epochs"], values["batch_size"], values["learning_rate"]) == (10, 8, 0.01)
    qtbot.waitUntil(lambda: any("1,110" in r.formula for r in window.model_panel.rows),
                    timeout=60_000)

    panel = window.lesson_dock.panel
    text = by_name(window, "lessonStepText")
    assert "20 words" in text.toPlainText()
    assert window.tabs.currentWidget() is window.data  # step 1 shows datasetSummary
    preset = by_name(window, "notesPresetButton")
    assert [f.target for f in panel.highlights] == [preset]
    assert by_name(window, "lessonQuestion").isHidden()  # step 1 asks nothing

    qtbot.mouseClick(by_name(window, "lessonNextButton"), Qt.MouseButton.LeftButton)
    assert by_name(window, "lessonStepCounter").text() == "step 2 of 2"
    assert "10 units" in text.toPlainText()
    table = by_name(window, "architectureTable")
    assert window.tabs.currentIndex() == window.tabs.indexOf(
        window.model_panel.parentWidget().parentWidget())  # the Model tab holds the table
    assert table.isVisibleTo(window)
    question = by_name(window, "lessonQuestion")
    assert "How many parameters" in question.text()
    answer = by_name(window, "lessonAnswer")
    assert answer.isHidden()
    qtbot.mouseClick(by_name(window, "lessonAnswerButton"), Qt.MouseButton.LeftButton)
    assert "1,110" in answer.text() and not answer.isHidden()
    assert not by_name(window, "lessonNextButton").isEnabled()
    assert not panel.highlights  # step 2 highlights nothing

    qtbot.mouseClick(by_name(window, "lessonBackButton"), Qt.MouseButton.LeftButton)
    assert by_name(window, "lessonStepCounter").text() == "step 1 of 2"


@pytest.fixture
def korean(monkeypatch):
    """The app in Korean for one test; English again after it."""
    monkeypatch.setenv(i18n.LANGUAGE_ENV, "ko")
    yield
    monkeypatch.delenv(i18n.LANGUAGE_ENV)
    i18n.install("en")


def test_a_korean_window_opens_a_bundled_lesson_in_korean(qtbot, make_window, monkeypatch,
                                                          korean):
    window = make_window(start_tf=False)
    assert i18n.current_language() == "ko"
    path = LESSONS["02-state-and-time-steps"]
    english, translated = load_lesson(path), load_translated(path, "ko")
    open_from_the_menu(window, monkeypatch, path)
    lesson = window.lesson_dock.lesson
    assert lesson.path == translated.path and lesson.title == translated.title
    assert by_name(window, "lessonTitle").text() == "타임 스텝마다 전달되는 은닉 상태, 타임 스텝 = 시퀀스의 길이"
    assert by_name(window, "lessonDock").windowTitle() == "수업"
    assert by_name(window, "lessonStepCounter").text() == f"{len(english.steps)}단계 중 1단계"
    assert "타임 스텝은 3" in by_name(window, "lessonStepText").toPlainText()
    assert by_name(window, "lessonNextButton").text() == "다음 ▶"
    # the settings are the English lesson's
    assert window.model_panel.params()["units"] == english.cell_params["units"]
    assert window.data.form.options()["embed_dim"] == english.data.options["embed_dim"]
    values = window.controls.values()
    assert {k: values[k] for k in english.training} == english.training
    assert str(path.resolve()) in window.settings.recent_files()  # the lesson, not its twin
    for _ in range(len(english.steps) - 1):
        qtbot.mouseClick(by_name(window, "lessonNextButton"), Qt.MouseButton.LeftButton)
    assert by_name(window, "lessonQuestion").text() == translated.steps[-1].question
    assert by_name(window, "lessonAnswerButton").text() == "답 보기"


def test_a_step_hides_its_controls_and_the_next_shows_them_again(qtbot, make_window,
                                                                monkeypatch):
    window = make_window(start_tf=False)
    execution, tensorboard = by_name(window, "executionCombo"), by_name(window, "tensorboardCheck")
    assert not execution.isHidden() and not tensorboard.isHidden()
    open_from_the_menu(window, monkeypatch, LESSONS["01-cell-equation"])
    assert execution.isHidden() and tensorboard.isHidden()  # step 1 hides them
    qtbot.mouseClick(by_name(window, "lessonNextButton"), Qt.MouseButton.LeftButton)
    assert not execution.isHidden() and not tensorboard.isHidden()
    scrubber = by_name(window, "epochScrubber")
    assert [f.target for f in window.lesson_dock.panel.highlights] == [
        by_name(window, "startButton"), scrubber]
    by_name(window, "lessonDock").close()  # closing the panel ends the lesson
    assert window.lesson_dock.lesson is None and not window.lesson_dock.panel.highlights


def test_drop_and_recent_files_open_a_lesson(qtbot, make_window):
    window = make_window(start_tf=False)
    path = LESSONS["03-parameters"]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    assert window.lesson_dock.lesson.title == load_lesson(path).title
    assert str(path.resolve()) in window.settings.recent_files()

    other = make_window(start_tf=False)  # the recent files are remembered
    other.fill_recent_menu()
    (action,) = [a for a in other.actions_.recent_menu.actions() if a.text() == str(
        path.resolve())]
    action.trigger()
    assert other.lesson_dock.lesson is not None
    assert other.model_panel.params()["units"] == 3


def test_the_settings_save_as_a_lesson_that_opens_again(qtbot, make_window, monkeypatch,
                                                        tmp_path):
    window = make_window(start_tf=False)
    open_from_the_menu(window, monkeypatch, LESSONS["03-parameters"])
    window.model_panel.form.editor("units").setValue(5)
    window.controls.seed.setValue(7)
    form = window.data.form  # the data panel's settings, set through its fields
    form.columns.setText("value")
    form.target.setText("value")
    form.horizon.setValue(3)
    form.missing.setCurrentIndex(form.missing.findData("drop"))
    target = tmp_path / "mine" / "my-lesson"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.findChild(type(window.actions_.save_lesson), "saveLessonAction").trigger()
    saved = load_lesson(target.with_suffix(".toml"))
    assert saved.cell == "simple-rnn-tanh" and saved.cell_params["units"] == 5
    assert saved.seed == 7 and saved.data.sample == "sine"
    assert saved.data.options["seq_len"] == 12 and saved.steps == load_lesson(
        LESSONS["03-parameters"]).steps  # the open lesson's steps

    assert {k: saved.data.options[k] for k in ("columns", "target", "horizon", "missing")} == {
        "columns": ["value"], "target": ["value"], "horizon": 3, "missing": "drop"}

    again = make_window(start_tf=False)
    open_from_the_menu(again, monkeypatch, target.with_suffix(".toml"))
    assert again.model_panel.params()["units"] == 5 and again.controls.values()["seed"] == 7
    assert again.data.form.options() == form.options()


def test_a_saved_lesson_keeps_the_text_settings_and_those_the_form_has_no_field_for(
        qtbot, make_window, monkeypatch, tmp_path):
    window = make_window(start_tf=False)
    open_from_the_menu(window, monkeypatch, LESSONS["02-state-and-time-steps"])  # embed_dim 3
    form = window.data.form
    form.label_column.setCurrentIndex(form.label_column.findData("label"))
    form.text_column.setCurrentIndex(form.text_column.findData("text"))
    form.vocab.setValue(40)
    target = tmp_path / "text.toml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.findChild(type(window.actions_.save_lesson), "saveLessonAction").trigger()
    saved = load_lesson(target)
    assert saved.data.options == {"task": "classify", "level": "word", "vocab": 40,
                                  "seq_len": 5, "input_kind": "embedding", "embed_dim": 3,
                                  "text_column": "text", "label_column": "label"}
    again = make_window(start_tf=False)
    open_from_the_menu(again, monkeypatch, target)
    assert again.data.form.options() == form.options()
    assert again.data.form.options()["embed_dim"] == 3


@pytest.mark.parametrize("text, message", [
    ("format = 9\ntitle = 'x'\n", "written in lesson format 9; this seqstudio "),
    ("format = 9\ntitle = 'x'\n", "reads format 1 and older: upgrade seqstudio to open it"),
    ("format = 1\ntitle = [unclosed\n", "not valid TOML"),
    ("format = 1\ntitle = 'x'\n[data]\nsample = 'toy_grammar'\n[model]\ncell = 'nope'\n"
     "[[steps]]\ntext = 'x'\n", "unknown cell type 'nope'"),
])
def test_a_broken_lesson_gives_a_dialog_and_the_window_goes_on(qtbot, make_window, monkeypatch,
                                                              tmp_path, text, message):
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    window = make_window(start_tf=False)
    with qtbot.waitSignal(reporter.shown, timeout=10_000) as blocker:
        open_from_the_menu(window, monkeypatch, path)
    assert blocker.args[0] == "Cannot open lesson"
    box = visible_dialog(window)
    assert message in box.text() and str(path) in box.text(), box.text()
    assert "Traceback" not in box.text() and not box.detailedText()
    box.close()
    assert window.lesson_dock.lesson is None and by_name(window, "lessonDock").isHidden()
    open_from_the_menu(window, monkeypatch, LESSONS["03-parameters"])
    assert window.lesson_dock.lesson is not None
