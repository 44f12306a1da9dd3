"""Edit ▸ Preferences: where runs are written (remembered between sessions)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from seqstudio.gui.i18n import translate
from seqstudio.gui.settings import AppSettings, default_runs_folder


class PreferencesDialog(QDialog):
    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(translate("Preferences", "Preferences"))
        self.settings = settings
        self.runs = QLineEdit(str(settings.runs_folder()))
        self.runs.setObjectName("runsFolderEdit")
        self.runs.setMinimumWidth(320)
        self.runs.setToolTip(translate("Preferences", "Every training run gets a folder here "
                                       "(config, history, model, checkpoints, snapshots, "
                                       "TensorBoard logs)."))
        browse = QPushButton(translate("Preferences", "Browse…"))
        browse.clicked.connect(self._browse)
        default = QPushButton(translate("Preferences", "Default"))
        default.setToolTip(str(default_runs_folder()))
        default.clicked.connect(lambda: self.runs.setText(str(default_runs_folder())))
        row = QHBoxLayout()
        row.addWidget(self.runs, 1)
        row.addWidget(browse)
        row.addWidget(default)
        note = QLabel(translate("Preferences", "Default: {0}").format(default_runs_folder()))
        note.setStyleSheet("color: #555")
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(translate("Preferences", "Runs folder"), row)
        form.addRow("", note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, translate("Preferences", "Runs folder"),
                                                  self.runs.text())
        if folder:
            self.runs.setText(folder)

    def accept(self) -> None:
        text = self.runs.text().strip()
        same = not text or text == str(default_runs_folder())
        self.settings.set_runs_folder(None if same else text)
        self.settings.sync()
        super().accept()
