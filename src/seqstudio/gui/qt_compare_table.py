"""The compare window's table: the rows of :func:`seqstudio.engine.compare.compare_runs`, the same
that ``seqstudio compare`` prints, grouped by section, with "Differences only" for the settings."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from seqstudio.engine.compare import SECTIONS, Comparison, format_value
from seqstudio.gui.baseline_words import comparison_words, label_words
from seqstudio.gui.i18n import translate
from seqstudio.gui.run_summary import reason_words
from seqstudio.i18n import QT_TRANSLATE_NOOP

#: the raw value of a cell (as ``--json`` gives it) is kept under this role for tests and tools
VALUE_ROLE = Qt.ItemDataRole.UserRole + 1
SECTION_TITLES = {"run": QT_TRANSLATE_NOOP("CompareTable", "Run"),
                  "settings": QT_TRANSLATE_NOOP("CompareTable", "Settings"),
                  "metrics": QT_TRANSLATE_NOOP("CompareTable", "Validation metrics"),
                  "baselines": QT_TRANSLATE_NOOP("CompareTable", "Baselines (same validation part)"),
                  "size": QT_TRANSLATE_NOOP("CompareTable", "Size"),
                  "speed": QT_TRANSLATE_NOOP("CompareTable", "Speed"),
                  "glass-box": QT_TRANSLATE_NOOP("CompareTable", "Memory and health")}
#: the fixed row names of :func:`~seqstudio.engine.compare.compare_runs` (as ``seqstudio
#: compare`` prints them), shown translated; the rest (settings keys, metrics, baselines' names)
#: are shown as the engine names them
ROW_NAMES = (
    QT_TRANSLATE_NOOP("CompareTable", "status"), QT_TRANSLATE_NOOP("CompareTable", "reason"),
    QT_TRANSLATE_NOOP("CompareTable", "epochs done"),
    QT_TRANSLATE_NOOP("CompareTable", "best epoch"),
    QT_TRANSLATE_NOOP("CompareTable", "val_loss (last epoch)"),
    QT_TRANSLATE_NOOP("CompareTable", "parameters"),
    QT_TRANSLATE_NOOP("CompareTable", "s per epoch (median)"),
    QT_TRANSLATE_NOOP("CompareTable", "samples/s"),
    QT_TRANSLATE_NOOP("CompareTable", "first epoch s (with compiling)"),
    QT_TRANSLATE_NOOP("CompareTable", "wall time s (with start-up)"),
    QT_TRANSLATE_NOOP("CompareTable", "best epoch against them"),
    QT_TRANSLATE_NOOP("CompareTable", "at epoch"),
    QT_TRANSLATE_NOOP("CompareTable", "memory (steps back)"),
)
#: the engine's run states, as the ``status`` row holds them
STATUS_VALUES = (QT_TRANSLATE_NOOP("CompareTable", "finished"),
                 QT_TRANSLATE_NOOP("CompareTable", "stopped"),
                 QT_TRANSLATE_NOOP("CompareTable", "failed"),
                 QT_TRANSLATE_NOOP("CompareTable", "running"),
                 QT_TRANSLATE_NOOP("CompareTable", "unknown"))


def value_words(row_name: str, value: Any) -> str:
    """A cell's text: the engine's fixed words (a run's state, the reason it ended) in the
    user's language, every other value as ``seqstudio compare`` prints it."""
    text = format_value(value)
    if row_name == "status" and text in STATUS_VALUES:
        return translate("CompareTable", text)
    if row_name == "reason":
        return reason_words(text)
    return text


def row_words(name: str) -> str:
    """A row's name in the user's language: the fixed ones, and a baseline's
    ``<label> (val_loss)``."""
    if name in ROW_NAMES:
        return translate("CompareTable", name)
    if name.endswith(" (val_loss)"):
        return f"{label_words(name[:-len(' (val_loss)')])} (val_loss)"
    return name


class QtCompareTable(QWidget):
    """objectName ``compareTable`` (the table) and ``compareDiffOnly`` (the checkbox)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.headers: list[str] = []
        self.diff_only = QCheckBox(translate("CompareTable", "Differences only"))
        self.diff_only.setObjectName("compareDiffOnly")
        self.diff_only.setToolTip(translate("CompareTable", "Show only the settings in which "
                                            "the runs differ"))
        self.diff_only.toggled.connect(lambda *_: self._fill())
        self.note = QLabel(translate("CompareTable", "The table appears when the runs have "
                                     "trained."))
        self.note.setStyleSheet("color: #555")
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 0)
        self.table.setObjectName("compareTable")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        rows = self.table.verticalHeader()
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        rows.setMinimumSectionSize(self.table.fontMetrics().height() + 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.diff_only)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)

    def set_comparison(self, comparison: Comparison | None, headers: list[str] | None = None,
                       note: str = "") -> None:
        """``headers``: one column title per run (default: the run folders' names)."""
        self.comparison = comparison
        self.headers = headers or (comparison.runs if comparison is not None else [])
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self._fill()

    def shown_rows(self) -> list[Any]:
        """The :class:`~seqstudio.engine.compare.Row` objects shown, in order."""
        if self.comparison is None:
            return []
        rows = []
        for section in (*SECTIONS, *sorted({r.section for r in self.comparison.rows}
                                           - set(SECTIONS))):
            diff = self.diff_only.isChecked() and section == "settings"
            rows.extend(self.comparison.section(section, diff_only=diff))
        return rows

    def values(self) -> dict[str, list[Any]]:
        """``{row name: [raw value per run]}`` of the rows shown."""
        out: dict[str, list[Any]] = {}
        for r in range(self.table.rowCount()):
            name = self.table.item(r, 0)
            if name is None or name.data(VALUE_ROLE) is None:
                continue  # a section title
            out[name.data(VALUE_ROLE)] = [self.table.item(r, c).data(VALUE_ROLE)
                                          for c in range(1, self.table.columnCount())]
        return out

    def texts(self, name: str) -> list[str]:
        """The shown text of row ``name``, one per run."""
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 0)
            if item is not None and item.data(VALUE_ROLE) == name:
                return [self.table.item(r, c).text() for c in range(1, self.table.columnCount())]
        raise KeyError(name)

    def _fill(self) -> None:
        table = self.table
        table.clear()
        table.setRowCount(0)
        if self.comparison is None:
            table.setColumnCount(0)
            return
        table.setColumnCount(1 + len(self.headers))
        table.setHorizontalHeaderLabels(["", *self.headers])
        bold = QFont(table.font())
        bold.setBold(True)
        section = None
        for row in self.shown_rows():
            if row.section != section:
                section = row.section
                title = QTableWidgetItem(translate("CompareTable",
                                                   SECTION_TITLES.get(section, section)))
                title.setFont(bold)
                title.setFlags(Qt.ItemFlag.ItemIsEnabled)
                table.insertRow(table.rowCount())
                table.setItem(table.rowCount() - 1, 0, title)
                table.setSpan(table.rowCount() - 1, 0, 1, table.columnCount())
            table.insertRow(table.rowCount())
            r = table.rowCount() - 1
            marked = row.differs and row.section == "settings"
            shown = row_words(row.name)
            name = QTableWidgetItem(("  " + shown) + (" *" if marked else ""))
            name.setData(VALUE_ROLE, row.name)
            if marked:
                name.setToolTip(translate("CompareTable", "The runs differ in this setting"))
            table.setItem(r, 0, name)
            for c, value in enumerate(row.to_json()["values"], start=1):
                part = row.parts[c - 1] if row.parts else None
                item = QTableWidgetItem(comparison_words(part) if part is not None
                                        else value_words(row.name, row.values[c - 1]))
                item.setData(VALUE_ROLE, value)
                item.setToolTip(item.text())
                if marked:
                    item.setFont(bold)
                table.setItem(r, c, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for c in range(1, table.columnCount()):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)
