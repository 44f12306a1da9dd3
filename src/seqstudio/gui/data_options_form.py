"""Settings for how a file becomes a dataset, validated as the user types.

Text: level, vocabulary, sequence length, task, text/label columns. Time series: input and target
columns, window, horizon, missing values.
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from seqstudio.errors import DataError
from seqstudio.gui.i18n import translate
from seqstudio.gui.preview import FilePreview
from seqstudio.i18n import QT_TRANSLATE_NOOP

AUTO = QT_TRANSLATE_NOOP("DataOptionsForm", "(auto)")
#: the data layer imports pandas: it is read once loaded in the background, not at launch
OPTIONS_MODULE = "seqstudio.data.options"
#: data options this form has no field for, kept as they were given (by a lesson) and passed on
KEPT_OPTIONS = ("embed_dim", "date_column", "stride", "val_fraction", "encoding")


def notes_preset() -> Any:
    from seqstudio.data.options import NOTES_PRESET

    return NOTES_PRESET


def notes_label() -> str:
    """The preset button's text, with the numbers once the data layer is loaded."""
    if OPTIONS_MODULE not in sys.modules:
        return translate("DataOptionsForm", "Preset: the lecture notes' example")
    p = notes_preset()
    return translate("DataOptionsForm", "Preset: lecture notes {0} × {1} × {2}").format(p.vocab, p.seq_len, p.units)


def _spin(lo: int, hi: int, value: int, tip: str, name: str) -> QSpinBox:
    w = QSpinBox()
    w.setRange(lo, hi)
    w.setValue(value)
    w.setToolTip(tip)
    w.setObjectName(name)
    w.setKeyboardTracking(False)
    return w


def _combo(items: list[tuple[str, Any]], tip: str, name: str) -> QComboBox:
    w = QComboBox()
    for text, data in items:
        w.addItem(text, data)
    w.setToolTip(tip)
    w.setObjectName(name)
    return w


def _split(text: str) -> list[str]:
    return [c.strip() for c in text.split(",") if c.strip()]


class DataOptionsForm(QWidget):
    """``edited`` after every edit, ``changed`` after every valid one; ``error()`` says what is
    wrong, or ``""``."""

    changed = Signal()
    edited = Signal()
    presetApplied = Signal(int)  # the preset's number of units

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task = _combo([(translate("DataOptionsForm", "detect from file"), None),
                            (translate("DataOptionsForm", "language model (next token)"), "lm"),
                            (translate("DataOptionsForm", "classify sequences"), "classify"),
                            (translate("DataOptionsForm", "forecast a series"), "forecast")],
                           translate("DataOptionsForm", "What to learn: predict the next token, a class per text, or the "
                             "next values of a series."), "taskCombo")
        self.level = _combo([(translate("DataOptionsForm", "by task"), None), (translate("DataOptionsForm", "characters"), "char"), (translate("DataOptionsForm", "words"), "word")],
                            translate("DataOptionsForm", "Split text into characters or words; each becomes one time step. "
                              "By task: characters for a language model, words for "
                              "classification."), "levelCombo")
        # The lowest value of each is "auto": the data layer chooses it from the file (a
        # vocabulary that covers the text, T near the 90th-percentile length).
        self.vocab = _spin(2, 1_000_000, 2, translate("DataOptionsForm", "Vocabulary size V: the most frequent tokens, "
                           "including padding and the out-of-vocabulary token. Auto: chosen "
                           "from the file, covering nearly all of its tokens."), "vocabSpin")
        self.vocab.setSpecialValueText(translate("DataOptionsForm", "auto (from the file)"))
        self.seq_len = _spin(0, 10_000, 0, translate("DataOptionsForm", "Sequence length T: time steps per sample. Auto: "
                             "chosen from the file (near the 90th-percentile sentence length)."),
                             "seqLenSpin")
        self.seq_len.setSpecialValueText(translate("DataOptionsForm", "auto (from the file)"))
        self.preset_button = QPushButton(notes_label())
        self.preset_button.setObjectName("notesPresetButton")
        self.preset_button.setToolTip(translate("DataOptionsForm", "The lecture notes' example: words, a 100-word vocabulary, "
                                        "20 steps, one-hot input, a tanh RNN with 10 units "
                                        "(100·10 + 10·10 + 10 = 1,110 parameters)."))
        self.preset_button.clicked.connect(self.apply_notes_preset)
        self.input_kind = _combo([(translate("DataOptionsForm", "auto (by vocabulary)"), None), (translate("DataOptionsForm", "one-hot"), "onehot"),
                                  (translate("DataOptionsForm", "embedding"), "embedding")],
                                 translate("DataOptionsForm", "One-hot: each token is a V-long 0/1 vector (d = V, as in the "
                                   "notes). Embedding: a learned dense vector."), "inputKindCombo")
        self.text_column = _combo([(translate("DataOptionsForm", AUTO), None)], translate("DataOptionsForm", "Column holding the text (classification)."),
                                  "textColumnCombo")
        self.label_column = _combo([(translate("DataOptionsForm", AUTO), None)], translate("DataOptionsForm", "Column holding the class label."),
                                   "labelColumnCombo")
        self.columns = QLineEdit()
        self.columns.setObjectName("columnsEdit")
        self.columns.setPlaceholderText(translate("DataOptionsForm", "all numeric columns"))
        self.columns.setToolTip(translate("DataOptionsForm", "Input columns, comma-separated. Empty: every numeric column."))
        self.target = QLineEdit()
        self.target.setObjectName("targetEdit")
        self.target.setPlaceholderText(translate("DataOptionsForm", "last numeric column"))
        self.target.setToolTip(translate("DataOptionsForm", "Column(s) to forecast, comma-separated. Empty: the last numeric "
                                 "column."))
        self.window = _spin(1, 10_000, 20, translate("DataOptionsForm", "Window: how many past steps the model sees."),
                            "windowSpin")
        self.horizon = _spin(1, 1_000, 1, translate("DataOptionsForm", "Horizon: how many steps ahead to forecast."),
                             "horizonSpin")
        self.missing = _combo([(translate("DataOptionsForm", "interpolate"), "interpolate"), (translate("DataOptionsForm", "drop rows"), "drop"),
                               (translate("DataOptionsForm", "report an error"), "error")],
                              translate("DataOptionsForm", "What to do with missing values in the series."), "missingCombo")
        self.error_label = QLabel()
        self.error_label.setObjectName("dataOptionsError")
        self.error_label.setStyleSheet("color: #cf222e")
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(translate("DataOptionsForm", "Task"), self.task)
        self.text_box = QGroupBox(translate("DataOptionsForm", "Text"))
        text_form = QFormLayout(self.text_box)
        text_form.addRow(translate("DataOptionsForm", "Level"), self.level)
        text_form.addRow(translate("DataOptionsForm", "Vocabulary"), self.vocab)
        text_form.addRow(translate("DataOptionsForm", "Sequence length"), self.seq_len)
        text_form.addRow(translate("DataOptionsForm", "Input"), self.input_kind)
        text_form.addRow(self.preset_button)
        text_form.addRow(translate("DataOptionsForm", "Text column"), self.text_column)
        text_form.addRow(translate("DataOptionsForm", "Label column"), self.label_column)
        self._text_form = text_form
        self.series_box = QGroupBox(translate("DataOptionsForm", "Time series"))
        series_form = QFormLayout(self.series_box)
        series_form.addRow(translate("DataOptionsForm", "Columns"), self.columns)
        series_form.addRow(translate("DataOptionsForm", "Target"), self.target)
        series_form.addRow(translate("DataOptionsForm", "Window"), self.window)
        series_form.addRow(translate("DataOptionsForm", "Horizon"), self.horizon)
        series_form.addRow(translate("DataOptionsForm", "Missing values"), self.missing)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.text_box)
        layout.addWidget(self.series_box)
        layout.addWidget(self.error_label)
        self.preview: FilePreview | None = None
        #: columns whose few cells that are not numbers are read as missing values (chosen by
        #: the data panel's "treat as missing" button)
        self.missing_columns: list[str] = []
        #: the given options of :data:`KEPT_OPTIONS`, which :meth:`options` passes on
        self.kept: dict[str, Any] = {}
        for w in (self.task, self.level, self.input_kind, self.text_column, self.label_column,
                  self.missing):
            w.currentIndexChanged.connect(self._edited)
        for w in (self.vocab, self.seq_len, self.window, self.horizon):
            w.valueChanged.connect(self._edited)
        for w in (self.columns, self.target):
            w.textChanged.connect(self._edited)
        self._update_visibility()

    # -- state -------------------------------------------------------------------------------
    def set_preview(self, preview: FilePreview) -> None:
        self.preview = preview
        widgets = (self.text_column, self.label_column)
        for combo in widgets:
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(translate("DataOptionsForm", AUTO), None)
            for name in preview.header:
                combo.addItem(name, name)
            combo.blockSignals(False)
        self._update_visibility()
        self.validate()

    def effective_task(self) -> str:
        task = self.task.currentData()
        if task:
            return task
        return self.preview.suggested_task if self.preview is not None else "lm"

    def options(self) -> dict[str, Any]:
        """Keyword options for ``load_dataset`` (only the ones that apply to this task)."""
        task = self.effective_task()
        opts: dict[str, Any] = {"task": self.task.currentData()}
        if task in ("lm", "classify"):
            opts.update(level=self.level.currentData(), vocab=self._auto(self.vocab),
                        seq_len=self._auto(self.seq_len), input_kind=self.input_kind.currentData())
            if task == "classify":
                opts.update(text_column=self.text_column.currentData(),
                            label_column=self.label_column.currentData())
        else:
            opts.update(seq_len=self.window.value(), horizon=self.horizon.value(),
                        missing=self.missing.currentData(),
                        columns=_split(self.columns.text()) or None,
                        target=_split(self.target.text()) or None)
            if self.missing_columns:
                opts["treat_as_missing"] = list(self.missing_columns)
        return {**self.kept, **opts}

    def set_options(self, opts: dict[str, Any]) -> None:
        def pick(combo: QComboBox, value: Any) -> None:
            index = combo.findData(value)
            if index >= 0:
                combo.setCurrentIndex(index)

        pick(self.task, opts.get("task"))
        pick(self.level, opts.get("level"))
        pick(self.input_kind, opts.get("input_kind"))
        pick(self.missing, opts.get("missing", "interpolate"))
        if "vocab" in opts:
            self.vocab.setValue(int(opts["vocab"] or self.vocab.minimum()))
        if "seq_len" in opts:
            self.seq_len.setValue(int(opts["seq_len"] or self.seq_len.minimum()))
            if opts["seq_len"]:
                self.window.setValue(int(opts["seq_len"]))
        if "horizon" in opts:
            self.horizon.setValue(int(opts["horizon"]))
        for combo, key in ((self.text_column, "text_column"), (self.label_column, "label_column")):
            if opts.get(key):
                pick(combo, opts[key])
        for edit, key in ((self.columns, "columns"), (self.target, "target")):
            if key in opts:
                value = opts[key] or []
                edit.setText(value if isinstance(value, str) else ", ".join(map(str, value)))
        if opts.get("treat_as_missing"):
            self.missing_columns = list(opts["treat_as_missing"])
        self.kept = {k: opts[k] for k in KEPT_OPTIONS if opts.get(k) is not None}

    def error(self) -> str:
        task = self.effective_task()
        header = self.preview.header if self.preview is not None else []
        if self.preview is not None and self.preview.kind == "text" and task != "lm":
            return translate("DataOptionsForm", "a plain text file can only be used for language modelling (next token)")
        unknown = self._unknown_column()
        if unknown is not None:
            edit, name = unknown
            text = (translate("DataOptionsForm", "columns: no column {0!r}; the columns are {1}")
                    if edit is self.columns else
                    translate("DataOptionsForm", "target: no column {0!r}; the columns are {1}"))
            return text.format(name, ", ".join(header))
        # The data layer's own checks, once it is loaded (it imports pandas: not at launch; the
        # spin boxes and combo boxes already keep every value in range meanwhile).
        options_module = sys.modules.get(OPTIONS_MODULE)
        if options_module is not None:
            try:
                options_module.resolve_options(None, self.options())
            except DataError as exc:
                return str(exc)
        return ""

    def _unknown_column(self) -> tuple[QLineEdit, str] | None:
        """The first input or target column the file does not have, and the field naming it."""
        header = self.preview.header if self.preview is not None else []
        if self.effective_task() == "forecast" and header:
            # Whether a column holds numbers is the data layer's to say: it names the bad cells.
            for edit in (self.columns, self.target):
                for name in _split(edit.text()):
                    if name not in header:
                        return edit, name
        return None

    def validate(self) -> str:
        self.preset_button.setText(notes_label())
        message = self.error()
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))
        unknown = self._unknown_column()
        for edit in (self.columns, self.target):
            bad = unknown is not None and unknown[0] is edit
            edit.setStyleSheet("background: #fdd" if bad else "")
        return message

    def _update_visibility(self) -> None:
        task = self.effective_task()
        self.text_box.setVisible(task in ("lm", "classify"))
        self.series_box.setVisible(task == "forecast")
        for w in (self.text_column, self.label_column):
            self._text_form.setRowVisible(w, task == "classify")

    def reset_for_new_file(self) -> None:
        """Forget what belonged to the previous file: the task picked for it and its columns
        (the text and label columns are refilled by :meth:`set_preview`)."""
        for w in (self.task, self.columns, self.target):
            w.blockSignals(True)
        self.task.setCurrentIndex(0)
        self.columns.clear()
        self.target.clear()
        self.missing_columns = []
        self.kept = {}
        for w in (self.task, self.columns, self.target):
            w.blockSignals(False)

    @staticmethod
    def _auto(spin: QSpinBox) -> int | None:
        return None if spin.value() == spin.minimum() else spin.value()

    def apply_notes_preset(self) -> None:
        """The notes' 100 × 20 (the 10 units are the model panel's: ``presetApplied``)."""
        preset = notes_preset()
        for w in (self.level, self.vocab, self.seq_len, self.input_kind):
            w.blockSignals(True)
        self.level.setCurrentIndex(self.level.findData("word"))
        self.vocab.setValue(preset.vocab)
        self.seq_len.setValue(preset.seq_len)
        self.input_kind.setCurrentIndex(self.input_kind.findData("onehot"))
        for w in (self.level, self.vocab, self.seq_len, self.input_kind):
            w.blockSignals(False)
        self.presetApplied.emit(preset.units)
        self._edited()

    def treat_as_missing(self, column: str) -> None:
        """Read the cells of ``column`` that are not numbers as missing values, and reload."""
        if column not in self.missing_columns:
            self.missing_columns.append(column)
            self._edited()

    def _edited(self, *_: Any) -> None:
        self._update_visibility()
        valid = not self.validate()
        self.edited.emit()
        if valid:
            self.changed.emit()
