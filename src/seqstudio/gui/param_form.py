"""A form generated from a cell type's hyperparameter schema (types, ranges, help as tooltips)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from seqstudio.errors import ParamError
from seqstudio.gui.errors import error_text
from seqstudio.gui.i18n import translate
from seqstudio.i18n import QT_TRANSLATE_NOOP
from seqstudio.spec import CellType, HyperParam

#: the labels of the bundled cells' hyperparameters (a plugin's own are shown as named)
PARAM_LABELS = (QT_TRANSLATE_NOOP("ParamForm", "units"), QT_TRANSLATE_NOOP("ParamForm", "use bias"),
                QT_TRANSLATE_NOOP("ParamForm", "layers"), QT_TRANSLATE_NOOP("ParamForm", "activation"))

INT_LIMIT = 2**31 - 1


def _editor(param: HyperParam, value: Any) -> QWidget:
    if param.type == "int":
        w = QSpinBox()
        w.setRange(int(param.min) if param.min is not None else -INT_LIMIT,
                   int(param.max) if param.max is not None else INT_LIMIT)
        w.setValue(int(value))
        w.setAccelerated(True)
    elif param.type == "float":
        w = QDoubleSpinBox()
        w.setDecimals(6)
        w.setRange(param.min if param.min is not None else -1e12,
                   param.max if param.max is not None else 1e12)
        w.setValue(float(value))
    elif param.type == "bool":
        w = QCheckBox()
        w.setChecked(bool(value))
    elif param.type == "choice":
        w = QComboBox()
        for choice in param.choices:
            w.addItem(str(choice), choice)
        w.setCurrentIndex(max(0, list(param.choices).index(value) if value in param.choices else 0))
    else:
        w = QLineEdit(str(value))
    return w


def _value(param: HyperParam, w: QWidget) -> Any:
    if isinstance(w, QSpinBox | QDoubleSpinBox):
        return w.value()
    if isinstance(w, QCheckBox):
        return w.isChecked()
    if isinstance(w, QComboBox):
        return w.currentData()
    return w.text()


def _range_text(param: HyperParam) -> str:
    if param.type == "choice":
        return translate("ParamForm", "one of {0}").format(", ".join(map(str, param.choices)))
    if param.min is not None and param.max is not None:
        return f"{param.min:g} … {param.max:g}"
    if param.min is not None:
        return f">= {param.min:g}"
    if param.max is not None:
        return f"<= {param.max:g}"
    return ""


def _default_text(param: HyperParam) -> str:
    if param.type == "bool":
        return translate("ParamForm", "True") if param.default else translate("ParamForm", "False")
    return str(param.default)


class ParamForm(QWidget):
    """``changed`` fires on every edit; :meth:`values` returns the coerced, validated values."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paramForm")
        self._layout = QFormLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._editors: dict[str, tuple[HyperParam, QWidget]] = {}
        self.error = QLabel()
        self.error.setStyleSheet("color: #cf222e")
        self.error.setWordWrap(True)
        self.cell: CellType | None = None

    def set_cell(self, cell: CellType, values: dict[str, Any] | None = None) -> None:
        self.cell = cell
        while self._layout.rowCount():
            self._layout.removeRow(0)
        self._editors = {}
        self.error = QLabel()
        self.error.setStyleSheet("color: #cf222e")
        self.error.setWordWrap(True)
        values = values or {}
        for param in cell.params:
            value = values.get(param.name, param.default)
            try:
                value = param.coerce(value)
            except ParamError:
                value = param.default
            editor = _editor(param, value)
            editor.setObjectName(f"param_{param.name}")
            rng = _range_text(param)
            tip = (translate("cells", param.help)
                   + ("\n" + translate("ParamForm", "Allowed: {0}").format(rng) if rng else "")
                   + "\n" + translate("ParamForm", "Default: {0}").format(_default_text(param)))
            editor.setToolTip(tip)
            label = QLabel(translate("ParamForm", param.name.replace("_", " ")))
            label.setToolTip(tip)
            self._editors[param.name] = (param, editor)
            self._layout.addRow(label, editor)
            for sig in ("valueChanged", "toggled", "currentIndexChanged", "textChanged"):
                if hasattr(editor, sig):
                    getattr(editor, sig).connect(self._edited)
                    break
        self._layout.addRow(self.error)
        self.error.setVisible(False)

    def raw_values(self) -> dict[str, Any]:
        return {name: _value(p, w) for name, (p, w) in self._editors.items()}

    def values(self) -> dict[str, Any]:
        """Validated values; raises :class:`ParamError` naming the bad parameter."""
        if self.cell is None:
            return {}
        return self.cell.resolve(self.raw_values())

    def editor(self, name: str) -> QWidget:
        return self._editors[name][1]

    def validate(self) -> str:
        try:
            self.values()
        except ParamError as exc:
            message = error_text(exc)  # in the user's language; the English is str(exc)
            self.error.setText(message)
            self.error.setVisible(True)
            return message
        self.error.setVisible(False)
        return ""

    def _edited(self, *_: Any) -> None:
        self.validate()
        self.changed.emit()
