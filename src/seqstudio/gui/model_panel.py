"""The model panel: cell picker, a parameter form from the plugin's schema, and a live
architecture table (layer, output shape, parameters, formula)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from seqstudio.gui.errors import error_text
from seqstudio.gui.i18n import translate
from seqstudio.gui.param_form import ParamForm
from seqstudio.gui.tasks import run_task
from seqstudio.i18n import QT_TRANSLATE_NOOP
from seqstudio.plugins import Registry
from seqstudio.spec import CellType

ARCH_COLUMNS = (QT_TRANSLATE_NOOP("ModelPanel", "Layer"), QT_TRANSLATE_NOOP("ModelPanel", "Output shape"),
                QT_TRANSLATE_NOOP("ModelPanel", "Params"), QT_TRANSLATE_NOOP("ModelPanel", "Formula"))


def build_architecture(dataset: Any, cell: CellType, params: dict[str, Any],
                       execution_mode: str = "auto", batch_size: int = 64) -> tuple[list, Any]:
    """Runs on a pool thread: the core builds the model, the GUI only shows the rows and how the
    model will be executed (its :class:`~seqstudio.execution.ExecutionPlan`)."""
    from seqstudio.model import build_model

    built = build_model(dataset.input_spec, dataset.head, cell, params, compile=False,
                        execution_mode=execution_mode, batch_size=batch_size)
    return built.architecture(), built.execution


def execution_words(chosen: str, plan: Any) -> str:
    """How the model runs, e.g. ``auto → loop, 32 batches per call`` (the plan's own ``text``,
    in the user's language)."""
    per_call = plan.steps_per_execution
    text = (translate("ModelPanel", "{0}, {1} batch per call") if per_call == 1 else
            translate("ModelPanel", "{0}, {1} batches per call")).format(plan.mode, per_call)
    return text if chosen == plan.mode else f"{chosen} → {text}"


class ModelPanel(QWidget):
    changed = Signal()

    def __init__(self, registry: Registry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.registry = registry
        self.picker = QComboBox()
        self.picker.setObjectName("cellPicker")
        self.picker.setToolTip(translate("ModelPanel", "The recurrent cell to train. Every registered "
                                         "cell type is listed, built-in or from a plugin."))
        self.description = QLabel()
        self.description.setObjectName("cellDescription")
        self.description.setWordWrap(True)
        self.description.setStyleSheet("color: #333")
        self.form = ParamForm()
        self.form.changed.connect(self._params_changed)
        self.table = QTableWidget(0, len(ARCH_COLUMNS))
        self.table.setObjectName("architectureTable")
        self.table.setHorizontalHeaderLabels([translate("ModelPanel", c) for c in ARCH_COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The formula is the teaching point: it takes the width that is left and wraps at its
        # spaces (each cell's tooltip has it whole), instead of being cut off.
        header.setSectionResizeMode(ARCH_COLUMNS.index("Formula"), QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        # Rows get their wrapped height again whenever the table is shown or resized (a hidden
        # tab's table is laid out at another width than the one it is first seen at).
        self.table.installEventFilter(self)
        self.table.setMinimumHeight(130)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setToolTip(translate("ModelPanel", "Every layer of the model built from these "
                                        "settings. Recurrent layers have n·d + n·n + n "
                                        "parameters (Wx, Wh, b)."))
        self.status = QLabel(translate("ModelPanel", "Loading TensorFlow…"))
        self.status.setObjectName("architectureStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #555")
        cell_box = QGroupBox(translate("ModelPanel", "Cell"))
        cell_layout = QVBoxLayout(cell_box)
        cell_layout.addWidget(self.picker)
        cell_layout.addWidget(self.description)
        cell_layout.addWidget(self.form)
        arch_box = QGroupBox(translate("ModelPanel", "Architecture"))
        arch_layout = QVBoxLayout(arch_box)
        arch_layout.addWidget(self.status)
        arch_layout.addWidget(self.table, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(cell_box)
        layout.addWidget(arch_box, 1)
        self.dataset: Any = None
        self.tf_ready = False
        self.rows: list = []
        self.execution_mode, self.batch_size = "auto", 64
        self.execution_text = ""
        self._generation = 0
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self._rebuild_architecture)
        self.picker.currentIndexChanged.connect(self._cell_changed)
        self.set_registry(registry)

    def eventFilter(self, obj: Any, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if obj is self.table and event.type() in (QEvent.Type.Show, QEvent.Type.Resize):
            QTimer.singleShot(0, self.table.resizeRowsToContents)
        return False

    # -- state -------------------------------------------------------------------------------
    def set_registry(self, registry: Registry, select: str | None = None) -> None:
        self.registry = registry
        current = select or self.cell_name()
        self.picker.blockSignals(True)
        self.picker.clear()
        for cell in registry.cell_types():
            self.picker.addItem(translate("cells", cell.label), cell.name)
            index = self.picker.count() - 1
            tip = (translate("ModelPanel", "{0} (plugin: {1})").format(cell.name, cell.plugin)
                   + "\n\n" + translate("cells", cell.description))
            self.picker.setItemData(index, tip, Qt.ItemDataRole.ToolTipRole)
        self.picker.blockSignals(False)
        names = registry.cell_names()
        self.picker.setCurrentIndex(names.index(current) if current in names else 0)
        self._cell_changed()

    def cell_name(self) -> str:
        return str(self.picker.currentData() or "")

    def cell(self) -> CellType | None:
        name = self.cell_name()
        return self.registry.cell_type(name) if name else None

    def select_cell(self, name: str, params: dict[str, Any] | None = None) -> None:
        index = self.picker.findData(name)
        if index >= 0:
            self.picker.setCurrentIndex(index)
            if params:
                cell = self.cell()
                if cell is not None:
                    self.form.set_cell(cell, params)
                    self._params_changed()

    def params(self) -> dict[str, Any]:
        return self.form.values()

    def error(self) -> str:
        if self.cell() is None:
            return translate("ModelPanel", "no cell type is registered")
        return self.form.validate()

    def activation(self) -> str:
        cell = self.cell()
        if cell is None:
            return "tanh"
        try:
            return cell.activation_for(self.params())
        except Exception:  # noqa: BLE001 - a plugin's callable; fall back to a symmetric scale
            return "other"

    def set_dataset(self, dataset: Any) -> None:
        self.dataset = dataset
        self._schedule()

    def set_execution(self, mode: str, batch_size: int) -> None:
        """The training settings that decide how the model is executed (shown under the table)."""
        if (mode, batch_size) != (self.execution_mode, self.batch_size):
            self.execution_mode, self.batch_size = mode, batch_size
            self._schedule()

    def set_tf_ready(self, ready: bool) -> None:
        self.tf_ready = ready
        self._schedule()

    def set_editable(self, editable: bool) -> None:
        self.picker.setEnabled(editable)
        self.form.setEnabled(editable)

    # -- reactions ---------------------------------------------------------------------------
    def _cell_changed(self, *_: Any) -> None:
        cell = self.cell()
        if cell is None:
            self.description.setText(
                translate("ModelPanel", "No cell types are registered: see the Plugins tab."))
            return
        self.description.setText(translate("cells", cell.description))
        self.form.set_cell(cell)
        self._schedule()
        self.changed.emit()

    def _params_changed(self) -> None:
        self._schedule()
        self.changed.emit()

    def _schedule(self) -> None:
        if not self.tf_ready:
            self.status.setText(
                translate("ModelPanel", "Loading TensorFlow… the architecture appears when it is ready."))
            return
        if self.dataset is None:
            self.status.setText(translate("ModelPanel", "Open a data file to see the model built for it."))
            return
        self._debounce.start()

    def _rebuild_architecture(self) -> None:
        cell = self.cell()
        if cell is None or self.dataset is None or not self.tf_ready:
            return
        error = self.form.validate()
        if error:
            self.status.setText(error)
            return
        self._generation += 1
        generation = self._generation
        self.status.setText(translate("ModelPanel", "Building…"))
        mode = self.execution_mode
        run_task(build_architecture, self.dataset, cell, self.params(), mode,
                 self.batch_size, on_result=lambda result: self._show_rows(
                     generation, result[0], execution_words(mode, result[1])),
                 on_error=lambda exc, tb: self._show_error(generation, exc), owner=self)

    def _show_error(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.status.setText(translate("ModelPanel", "Cannot build this model: {0}")
                                .format(error_text(exc)))
            self.status.setStyleSheet("color: #cf222e")

    def _show_rows(self, generation: int, rows: list, execution: str = "") -> None:
        if generation != self._generation:
            return
        self.rows = rows
        self.execution_text = execution
        self.status.setStyleSheet("color: #555")
        self.table.setRowCount(len(rows) + 1)
        total = 0
        for r, info in enumerate(rows):
            total += info.params
            cells = (info.name, info.output_shape, f"{info.params:,}", info.formula)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(translate("ModelPanel", "{0}: {1}, output {2}, {3:,} parameters")
                                .format(info.name, info.kind, info.output_shape, info.params)
                                + (f" = {info.formula}" if info.formula else ""))
                if c == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        total_item = QTableWidgetItem(f"{total:,}")
        total_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        font = total_item.font()
        font.setBold(True)
        total_item.setFont(font)
        label = QTableWidgetItem(translate("ModelPanel", "Total"))
        label.setFont(font)
        self.table.setItem(len(rows), 0, label)
        self.table.setItem(len(rows), 1, QTableWidgetItem(""))
        self.table.setItem(len(rows), 2, total_item)
        self.table.setItem(len(rows), 3, QTableWidgetItem(""))
        self.table.resizeRowsToContents()
        self.status.setText(
            translate("ModelPanel", "{0:,} trainable parameters · execution: {1}")
            .format(total, execution) if execution
            else translate("ModelPanel", "{0:,} trainable parameters.").format(total))
