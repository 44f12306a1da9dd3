"""Every plugin with its distribution, version and status; each failure with error and traceback."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from seqstudio.gui.i18n import translate
from seqstudio.gui.words import plural
from seqstudio.i18n import QT_TRANSLATE_NOOP
from seqstudio.plugins import PluginRecord, Registry

COLUMNS = (QT_TRANSLATE_NOOP("PluginsPanel", "Plugin"), QT_TRANSLATE_NOOP("PluginsPanel", "Distribution"),
           QT_TRANSLATE_NOOP("PluginsPanel", "Version"), QT_TRANSLATE_NOOP("PluginsPanel", "Status"),
           QT_TRANSLATE_NOOP("PluginsPanel", "Provides"))
#: the status words of :class:`PluginRecord`, as the table shows them
STATUS_WORDS = (QT_TRANSLATE_NOOP("PluginsPanel", "ok"), QT_TRANSLATE_NOOP("PluginsPanel", "failed"),
                QT_TRANSLATE_NOOP("PluginsPanel", "refused"), QT_TRANSLATE_NOOP("PluginsPanel", "blocked"),
                QT_TRANSLATE_NOOP("PluginsPanel", "disabled"))
STATUS_COLOURS = {"ok": "#1a7f37", "failed": "#cf222e", "refused": "#cf222e",
                  "blocked": "#9a6700", "disabled": "#6e7781"}


class PluginsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pluginsPanel")
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("pluginsTable")
        self.table.setHorizontalHeaderLabels([translate("PluginsPanel", c) for c in COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selected)
        self.details = QPlainTextEdit()
        self.details.setObjectName("pluginDetails")
        self.details.setReadOnly(True)
        self.details.setFont(QFont("monospace", 8))
        self.details.setPlaceholderText(
            translate("PluginsPanel", "Select a plugin to see what it provides, or why it failed."))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setSizes([200, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        self.records: list[PluginRecord] = []

    def set_registry(self, registry: Registry) -> None:
        self.records = registry.plugins()
        self.table.setRowCount(len(self.records))
        for row, rec in enumerate(self.records):
            provides = ", ".join(rec.cell_types + rec.data_formats)
            values = (rec.name, rec.distribution or translate("PluginsPanel", "(registered directly)"),
                      rec.version or "—", translate("PluginsPanel", rec.status), provides or rec.error)
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(rec.error or provides or value)
                if col == 3:
                    item.setForeground(QColor(STATUS_COLOURS.get(rec.status, "#000")))
                    bold = item.font()
                    bold.setBold(True)
                    item.setFont(bold)
                self.table.setItem(row, col, item)
        failed = len(registry.failures())
        cells = len(registry.cell_types())
        text = (plural(len(self.records), translate("PluginsPanel", "{0} plugin"),
                       translate("PluginsPanel", "{0} plugins")) + ", "
                + plural(cells, translate("PluginsPanel", "{0} cell type"),
                         translate("PluginsPanel", "{0} cell types")))
        if failed:
            text += translate("PluginsPanel", " — <b style='color:#cf222e'>{0} failed</b> (select it "
                              "for the traceback)").format(failed)
            first = next(i for i, r in enumerate(self.records) if r.status in ("failed", "refused"))
            self.table.selectRow(first)
        self.summary.setText(text)

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        rec = self.records[rows[0].row()]
        lines = [f"{rec.name}  ({rec.module})",
                 translate("PluginsPanel", "distribution: {0} {1}").format(rec.distribution or "—",
                                                                          rec.version),
                 translate("PluginsPanel", "status: {0}").format(translate("PluginsPanel", rec.status))]
        if rec.cell_types:
            lines.append(translate("PluginsPanel", "cell types: {0}").format(", ".join(rec.cell_types)))
        if rec.data_formats:
            lines.append(translate("PluginsPanel", "data formats: {0}")
                         .format(", ".join(rec.data_formats)))
        if rec.error:
            lines += ["", translate("PluginsPanel", "error: {0}").format(rec.error)]
        if rec.traceback:
            lines += ["", rec.traceback]
        self.details.setPlainText("\n".join(lines))
