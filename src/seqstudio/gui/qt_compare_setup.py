"""What the compare window compares: 2-4 entries, each a cell type with its settings (trained on
the open data) or a past run directory (read as it is)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from seqstudio.engine.compare import MAX_RUNS, MIN_RUNS
from seqstudio.gui.i18n import translate
from seqstudio.gui.param_form import ParamForm

#: the pair the notes contrast first
DEFAULT_CELLS = ("simple-rnn-tanh", "simple-rnn-relu")


def _setting(name: str, value: Any) -> str:
    """``units 10``: a setting as the cell's form names it (ParamForm's words, so Korean where
    the form is Korean; ParamForm's own file has their translations)."""
    label = translate("ParamForm", name.replace("_", " "))
    if isinstance(value, bool):
        value = translate("ParamForm", str(value))  # "True" / "False", as the form writes them
    return f"{label} {value}"


@dataclass
class CompareEntry:
    """A cell to train (``cell``, ``params``, ``learning_rate``: ``None`` keeps the window's) or a
    past run (``path``)."""

    cell: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    learning_rate: float | None = None
    path: str = ""

    @property
    def is_past(self) -> bool:
        return bool(self.path)

    def text(self) -> str:
        if self.is_past:
            return translate("CompareSetup", "past run: {0}").format(Path(self.path).name)
        params = ", ".join(_setting(k, v) for k, v in self.params.items())
        lr = f", lr {self.learning_rate:g}" if self.learning_rate is not None else ""
        return translate("CompareSetup", "train {0}").format(self.cell) + (
            f" ({params}{lr})" if params or lr else "")


class QtCompareSetup(QWidget):
    """objectNames ``compareEntries`` (the list), ``compareAddCell``, ``compareAddRun``,
    ``compareRemove``, ``compareCell`` (the selected entry's cell), ``compareLearningRate``.
    ``changed`` after any edit."""

    changed = Signal()

    def __init__(self, registry: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.registry = registry
        self.entries: list[CompareEntry] = []
        self.list = QListWidget()
        self.list.setObjectName("compareEntries")
        self.list.currentRowChanged.connect(self._selected)
        self.list.setMaximumHeight(4 * self.list.fontMetrics().height() + 16)  # 4 entries
        self.add_cell = QPushButton(translate("CompareSetup", "Add cell"))
        self.add_cell.setObjectName("compareAddCell")
        self.add_cell.clicked.connect(lambda: self.add_entry(self._next_cell()))
        self.add_run = QPushButton(translate("CompareSetup", "Add past run…"))
        self.add_run.setObjectName("compareAddRun")
        self.add_run.clicked.connect(self._choose_run)
        self.remove = QPushButton(translate("CompareSetup", "Remove"))
        self.remove.setObjectName("compareRemove")
        self.remove.clicked.connect(self.remove_current)
        buttons = QHBoxLayout()
        for b in (self.add_cell, self.add_run, self.remove):
            buttons.addWidget(b)
        self.cell = QComboBox()
        self.cell.setObjectName("compareCell")
        for cell in registry.cell_types():
            self.cell.addItem(translate("cells", cell.label), cell.name)
        self.cell.currentIndexChanged.connect(self._cell_changed)
        self.form = ParamForm()
        self.form.changed.connect(self._edited)
        self.learning_rate = QLineEdit()
        self.learning_rate.setObjectName("compareLearningRate")
        self.learning_rate.setPlaceholderText(translate("CompareSetup", "the window's"))
        self.learning_rate.setValidator(QDoubleValidator(1e-7, 10.0, 8))
        self.learning_rate.setToolTip(translate("CompareSetup", "This run's learning rate; "
                                                "empty: the main window's"))
        self.learning_rate.textChanged.connect(self._edited)
        self.editor = QWidget()
        form = QFormLayout(self.editor)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(translate("CompareSetup", "cell"), self.cell)
        form.addRow(self.form)
        form.addRow(translate("CompareSetup", "learning rate"), self.learning_rate)
        self.past_note = QLabel()
        self.past_note.setWordWrap(True)
        self.past_note.setStyleSheet("color: #555")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(translate("CompareSetup", "{0} to {1} runs, trained one after "
                                          "another on the open data with the same seed and "
                                          "split:").format(MIN_RUNS, MAX_RUNS)))
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.editor)
        layout.addWidget(self.past_note)
        self._loading = False

    # -- entries -----------------------------------------------------------------------------
    def start_with(self, cell_name: str, params: dict[str, Any]) -> None:
        """tanh and ReLU (or the first two cell types), each with ``params`` where its schema has
        them (the main window's units, say); ``cell_name``'s own settings go to that cell."""
        names = [c.name for c in self.registry.cell_types()]
        pair = [n for n in DEFAULT_CELLS if n in names] or names[:2]
        for name in pair:
            self.add_entry(name, params if name == cell_name else self._shared(name, params))

    def _shared(self, name: str, params: dict[str, Any]) -> dict[str, Any]:
        schema = {p.name for p in self.registry.cell_type(name).params}
        return {k: v for k, v in params.items() if k in schema}

    def add_entry(self, cell: str = "", params: dict[str, Any] | None = None, *,
                  path: str = "") -> CompareEntry | None:
        if len(self.entries) >= MAX_RUNS:
            return None
        entry = CompareEntry(cell=cell, path=str(path))
        if not entry.is_past:
            resolved = self.registry.cell_type(cell).resolve(self._shared(cell, params or {}))
            entry.params = dict(resolved)
        self.entries.append(entry)
        self.list.addItem(entry.text())
        self.list.setCurrentRow(len(self.entries) - 1)
        self._buttons()
        self.changed.emit()
        return entry

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.entries):
            del self.entries[row]
            self.list.takeItem(row)
            self._buttons()
            self.changed.emit()

    def _next_cell(self) -> str:
        used = {e.cell for e in self.entries}
        names = [c.name for c in self.registry.cell_types()]
        return next((n for n in names if n not in used), names[0])

    def _choose_run(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, translate("CompareSetup",
                                                                    "Add a past run directory"))
        if folder:
            self.add_past_run(folder)

    def add_past_run(self, folder: str | Path) -> CompareEntry | None:
        """Raises :class:`~seqstudio.engine.rundir.RunDirError` for a folder that is not a run."""
        from seqstudio.engine.rundir import RunDir

        RunDir(folder)
        return self.add_entry(path=str(folder))

    def _buttons(self) -> None:
        full = len(self.entries) >= MAX_RUNS
        self.add_cell.setEnabled(not full)
        self.add_run.setEnabled(not full)
        self.remove.setEnabled(bool(self.entries))

    def set_editable(self, editable: bool) -> None:
        for w in (self.list, self.editor):
            w.setEnabled(editable)
        if editable:
            self._buttons()
        else:
            for b in (self.add_cell, self.add_run, self.remove):
                b.setEnabled(False)

    # -- the selected entry ------------------------------------------------------------------
    def _selected(self, row: int) -> None:
        entry = self.entries[row] if 0 <= row < len(self.entries) else None
        self.editor.setVisible(entry is not None and not entry.is_past)
        self.past_note.setVisible(entry is not None and entry.is_past)
        if entry is None:
            return
        if entry.is_past:
            self.past_note.setText(translate("CompareSetup", "{0}: read as it is (its own data "
                                             "and settings)").format(entry.path))
            return
        self._loading = True
        self.cell.setCurrentIndex(max(0, self.cell.findData(entry.cell)))
        self.form.set_cell(self.registry.cell_type(entry.cell), entry.params)
        self.learning_rate.setText("" if entry.learning_rate is None else
                                   f"{entry.learning_rate:g}")
        self._loading = False

    def _cell_changed(self, *_: Any) -> None:
        if self._loading:
            return
        entry = self._current()
        if entry is None:
            return
        name = str(self.cell.currentData())
        entry.cell = name
        self._loading = True
        self.form.set_cell(self.registry.cell_type(name), self._shared(name, entry.params))
        self._loading = False
        self._edited()

    def _edited(self, *_: Any) -> None:
        if self._loading:
            return
        entry = self._current()
        if entry is None or entry.is_past:
            return
        if not self.form.validate():
            entry.params = dict(self.form.values())
        text = self.learning_rate.text().strip()
        entry.learning_rate = float(text) if text and self.learning_rate.hasAcceptableInput() \
            else None
        self.list.item(self.list.currentRow()).setText(entry.text())
        self.changed.emit()

    def _current(self) -> CompareEntry | None:
        row = self.list.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def error(self) -> str:
        """Why the entries cannot be compared, or ``""``."""
        if not MIN_RUNS <= len(self.entries) <= MAX_RUNS:
            return translate("CompareSetup", "compare takes {0} to {1} runs; there are {2}").format(
                MIN_RUNS, MAX_RUNS, len(self.entries))
        if self.form.cell is not None and self.editor.isVisible():
            problem = self.form.validate()
            if problem:
                return problem
        return ""
