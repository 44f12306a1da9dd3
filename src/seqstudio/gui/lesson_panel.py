"""Lessons in the app: open a lesson file (File ▸ Open Lesson…, drag and drop, recent files),
apply its data, model and training settings and seed, and walk its Markdown steps in a side
panel that shows the panel a step names, highlights what it lists and hides its controls. The
current settings can be saved as a lesson. The format is :mod:`seqstudio.lesson`'s; a lesson
opens in the app's language when it has a translation (``ko/NAME.toml`` beside it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from seqstudio.errors import SeqstudioError
from seqstudio.gui.errors import error_text, show_error
from seqstudio.gui.i18n import current_language, translate

#: the training fields a lesson sets, which the file's suggestions must then leave alone
SUGGESTED_FIELDS = ("epochs", "batch_size", "learning_rate")


def is_lesson_file(path: str | Path) -> bool:
    from seqstudio.lesson.loader import SUFFIX

    return Path(path).suffix.lower() == SUFFIX


class Highlight(QFrame):
    """A frame drawn over a widget (a child of it, following its size) that lets clicks
    through: a highlight that changes nothing of the widget's own look."""

    def __init__(self, target: QWidget) -> None:
        super().__init__(target)
        self.setObjectName("lessonHighlight")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet("#lessonHighlight { border: 3px solid #f28e2b; border-radius: 4px;"
                           " background: transparent; }")
        self.target = target
        target.installEventFilter(self)
        self.setGeometry(target.rect())
        self.show()
        self.raise_()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if obj is self.target and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.target.rect())
        return False


class LessonPanel(QWidget):
    """The steps of one lesson: its title, ``step i of n``, the step's Markdown, its question
    (and the answer behind a button), Back and Next. ``stepShown(index)`` after each change."""

    stepShown = Signal(int)

    def __init__(self, window: Any) -> None:
        super().__init__()
        self.setObjectName("lessonPanel")
        self.window_ = window
        self.lesson: Any = None
        self.index = 0
        self.hidden: list[QWidget] = []
        self.highlights: list[Highlight] = []
        self.title = QLabel()
        self.title.setObjectName("lessonTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.counter = QLabel()
        self.counter.setObjectName("lessonStepCounter")
        self.text = QTextBrowser()
        self.text.setObjectName("lessonStepText")
        self.text.setOpenExternalLinks(True)
        self.question = QLabel()
        self.question.setObjectName("lessonQuestion")
        self.question.setWordWrap(True)
        self.question.setTextFormat(Qt.TextFormat.PlainText)
        self.question.setStyleSheet("font-weight: bold;")
        self.answer_button = QPushButton(translate("LessonPanel", "Show the answer"))
        self.answer_button.setObjectName("lessonAnswerButton")
        self.answer = QLabel()
        self.answer.setObjectName("lessonAnswer")
        self.answer.setWordWrap(True)
        self.answer.setTextFormat(Qt.TextFormat.PlainText)
        self.answer_button.clicked.connect(lambda: self.answer.setVisible(True))
        self.back = QPushButton(translate("LessonPanel", "◀ Back"))
        self.back.setObjectName("lessonBackButton")
        self.next = QPushButton(translate("LessonPanel", "Next ▶"))
        self.next.setObjectName("lessonNextButton")
        self.back.clicked.connect(lambda: self.show_step(self.index - 1))
        self.next.clicked.connect(lambda: self.show_step(self.index + 1))
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.counter)
        buttons.addStretch(1)
        buttons.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.question)
        layout.addWidget(self.answer_button)
        layout.addWidget(self.answer)
        layout.addLayout(buttons)

    def set_lesson(self, lesson: Any) -> None:
        self.clear_marks()
        self.lesson = lesson
        self.title.setText(lesson.title)
        self.title.setToolTip(f"{lesson.summary}\n\n{lesson.path}" if lesson.summary
                              else str(lesson.path))
        self.show_step(0)

    def step(self) -> Any:
        return self.lesson.steps[self.index] if self.lesson is not None else None

    def show_step(self, index: int) -> None:
        if self.lesson is None:
            return
        steps = self.lesson.steps
        self.index = max(0, min(index, len(steps) - 1))
        step = steps[self.index]
        self.counter.setText(translate("LessonPanel", "step {0} of {1}").format(
            self.index + 1, len(steps)))
        self.text.setMarkdown(step.text)
        self.question.setText(step.question or "")
        self.question.setVisible(bool(step.question))
        self.answer.setText(step.answer or "")
        self.answer.setVisible(False)
        self.answer_button.setVisible(bool(step.answer))
        self.back.setEnabled(self.index > 0)
        self.next.setEnabled(self.index < len(steps) - 1)
        self.clear_marks()
        for name in step.hide:
            widget = self.find(name)
            if widget is not None and not widget.isHidden():
                widget.setVisible(False)
                self.hidden.append(widget)
        if step.panel:
            self.bring_forward(step.panel)
        for name in step.highlight:
            widget = self.find(name)
            if widget is not None:
                self.bring_forward(name)
                self.highlights.append(Highlight(widget))
        self.stepShown.emit(self.index)

    def find(self, name: str) -> QWidget | None:
        return self.window_.findChild(QWidget, name)

    def bring_forward(self, name: str) -> None:
        """Make the tabs that hold ``name`` current, outermost last, so it is on screen."""
        widget = self.find(name)
        while widget is not None:
            parent = widget.parentWidget()
            tabs = parent.parentWidget() if parent is not None else None
            if isinstance(tabs, QTabWidget) and tabs.indexOf(widget) >= 0:
                tabs.setCurrentWidget(widget)
            widget = parent

    def clear_marks(self) -> None:
        """Show again what the step hid, and drop its highlights."""
        for widget in self.hidden:
            widget.setVisible(True)
        self.hidden = []
        for frame in self.highlights:
            frame.target.removeEventFilter(frame)
            frame.deleteLater()
        self.highlights = []

    def close_lesson(self) -> None:
        self.clear_marks()
        self.lesson = None


class LessonDock(QDockWidget):
    """The lesson panel, docked at the window's right; hidden until a lesson is opened."""

    def __init__(self, window: Any) -> None:
        super().__init__(translate("LessonPanel", "Lesson"), window)
        self.setObjectName("lessonDock")
        self.window_ = window
        self.panel = LessonPanel(window)
        self.setWidget(self.panel)
        self.setMinimumWidth(280)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self)
        self.hide()

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        self.panel.close_lesson()  # closing the panel ends the lesson
        super().closeEvent(event)

    @property
    def lesson(self) -> Any:
        return self.panel.lesson

    def open(self, path: str | Path) -> bool:
        """Read the lesson at ``path`` (its translation in the app's language, if it has one) and
        apply it; a dialog and ``False`` when it is broken."""
        window = self.window_
        if window.state != "idle":
            show_error(window, translate("LessonPanel", "Training in progress"),
                       translate("LessonPanel", "Stop training before opening a lesson."))
            return False
        from seqstudio.lesson import load_translated

        try:
            lesson = load_translated(path, current_language())
            data_file = lesson.data.file(window.settings.runs_folder() / "lesson-data"
                                         / Path(path).stem)
        except SeqstudioError as exc:
            show_error(window, translate("LessonPanel", "Cannot open lesson"), error_text(exc))
            return False
        except OSError as exc:
            show_error(window, translate("LessonPanel", "Cannot open lesson"),
                       f"{path}: {exc.strerror or exc}")
            return False
        if not window.open_file(data_file, options=dict(lesson.data.options)):
            return False
        apply_settings(window, lesson)
        window.settings.add_recent_file(Path(path).resolve())
        self.panel.set_lesson(lesson)
        self.show()
        self.raise_()
        if lesson.replay is not None:
            window.open_run(lesson.replay)
        window.statusBar().showMessage(translate("LessonPanel", "Lesson: {0} ({1})").format(
            lesson.title, Path(path).name))
        return True


def apply_settings(window: Any, lesson: Any) -> None:
    """The lesson's cell, its parameters, training settings and seed, in the window's fields;
    the file's suggestions leave them alone."""
    window.model_panel.select_cell(lesson.cell, dict(lesson.cell_params))
    if "units" in lesson.cell_params:
        window.suggested.keep("units")
    values = {**window.controls.values(), **lesson.training, "seed": lesson.seed}
    window.controls.set_values(values)
    for name in SUGGESTED_FIELDS:
        if name in lesson.training:
            window.suggested.keep(name)


def lesson_filter() -> str:
    return translate("LessonPanel", "Lessons (*.toml);;All files (*)")


def open_lesson_dialog(window: Any) -> None:
    path, _ = QFileDialog.getOpenFileName(window, translate("LessonPanel", "Open lesson"),
                                          window.settings.last_folder(), lesson_filter())
    if path:
        window.open_lesson(path)


def save_lesson_dialog(window: Any) -> None:
    path, _ = QFileDialog.getSaveFileName(window,
                                          translate("LessonPanel", "Save settings as lesson"),
                                          window.settings.last_folder(), lesson_filter())
    if path:
        save_current(window, path)


def save_current(window: Any, path: str | Path) -> Any:
    """The window's data file, data options, cell, training settings and seed as a lesson at
    ``path`` (``.toml`` added); the steps of the open lesson, or one that says what to press.
    Returns the lesson as read back, or ``None`` after a dialog."""
    from seqstudio.lesson import Step, save_lesson

    path = Path(path)
    if path.suffix.lower() != ".toml":
        path = path.with_suffix(".toml")
    if window.data.path is None:
        show_error(window, translate("LessonPanel", "Cannot save lesson"),
                   translate("LessonPanel", "Open a data file first: a lesson needs data."))
        return None
    current = window.lesson_dock.lesson
    steps = current.steps if current is not None else (Step(
        text=translate("LessonPanel", "These are the settings of this lesson. Press **Start** "
                                      "and watch the hidden states change as the model learns."),
        panel="hiddenStatePanel",
        highlight=("startButton",)),)
    values = window.controls.values()
    training = {k: values[k] for k in ("epochs", "batch_size", "learning_rate", "optimizer")}
    try:
        saved = save_lesson(path, data_file=window.data.path, data=window.data.form.options(),
                            title=current.title if current is not None else path.stem,
                            summary=current.summary if current is not None else "",
                            cell=window.model_panel.cell_name(),
                            cell_params=window.model_panel.params(), steps=steps,
                            seed=values["seed"], training=training)
    except SeqstudioError as exc:
        show_error(window, translate("LessonPanel", "Cannot save lesson"), error_text(exc))
        return None
    window.settings.add_recent_file(path.resolve())
    window.statusBar().showMessage(
        translate("LessonPanel", "Saved the settings as the lesson {0}").format(path))
    return saved
