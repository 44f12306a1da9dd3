"""Training settings (epochs, batch size, optimizer, learning rate, seed), Start / Pause / Stop,
and a progress bar with epoch, batch and ETA."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDoubleValidator, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from seqstudio.execution import MODES
from seqstudio.gui.i18n import translate
from seqstudio.i18n import QT_TRANSLATE_NOOP

OPTIMIZERS = ("adam", "sgd", "rmsprop", "adamw", "adagrad", "nadam")
EXECUTION_TIPS = {
    "auto": QT_TRANSLATE_NOOP("TrainingControls", "Chosen per configuration: short sequences are "
                              "unrolled and run many batches per compiled call; long ones keep a "
                              "compact loop."),
    "loop": QT_TRANSLATE_NOOP("TrainingControls", "A compact loop over the time steps."),
    "unrolled": QT_TRANSLATE_NOOP("TrainingControls", "One copy of the cell per time step: fastest "
                                  "for short sequences."),
    "loop-xla": QT_TRANSLATE_NOOP("TrainingControls", "The loop, compiled with XLA."),
    "unrolled-xla": QT_TRANSLATE_NOOP("TrainingControls", "The unrolled steps, compiled with XLA."),
}


#: a longer reason is cut in the label (whole in its tooltip and the Start button's)
REASON_CHARS = 160


def format_eta(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    minutes, sec = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{sec:02d}" if hours else f"{minutes}:{sec:02d}"


class TrainingControls(QGroupBox):
    startRequested = Signal()
    pauseToggled = Signal()
    stopRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("TrainingControls", "Training"), parent)
        self.epochs = QSpinBox()
        self.epochs.setObjectName("epochsSpin")
        self.epochs.setRange(1, 10_000)
        self.epochs.setValue(5)
        self.epochs.setToolTip(translate("TrainingControls", "How many passes over the training data."))
        self.batch_size = QSpinBox()
        self.batch_size.setObjectName("batchSizeSpin")
        self.batch_size.setRange(1, 65_536)
        self.batch_size.setValue(64)
        self.batch_size.setToolTip(
            translate("TrainingControls", "Samples per gradient step. Smaller batches: more, noisier steps."))
        self.optimizer = QComboBox()
        self.optimizer.setObjectName("optimizerCombo")
        self.optimizer.addItems(OPTIMIZERS)
        self.optimizer.setToolTip(translate("TrainingControls", "The Keras optimizer that updates the weights."))
        self.learning_rate = QLineEdit("0.001")
        self.learning_rate.setObjectName("learningRateEdit")
        validator = QDoubleValidator(1e-7, 10.0, 8, self.learning_rate)
        validator.setNotation(QDoubleValidator.Notation.ScientificNotation)
        self.learning_rate.setValidator(validator)
        self.learning_rate.setToolTip(translate("TrainingControls", "Step size of the optimizer, between 1e-7 "
                                                "and 10 (e.g. 0.001 or 1e-3). Too large and "
                                                "the loss diverges."))
        self.learning_rate.textChanged.connect(self._check_lr)
        self.seed = QSpinBox()
        self.seed.setObjectName("seedSpin")
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setToolTip(
            translate("TrainingControls", "Random seed: the same seed and settings give the same run."))
        self.execution = QComboBox()
        self.execution.setObjectName("executionCombo")
        for mode in MODES:
            self.execution.addItem(mode, mode)
            self.execution.setItemData(self.execution.count() - 1, translate("TrainingControls", EXECUTION_TIPS.get(mode, "")),
                                       Qt.ItemDataRole.ToolTipRole)
        self.execution.setToolTip(translate("TrainingControls", "How the model is executed; 'auto' picks "
                                            "per configuration. The architecture table shows "
                                            "what it resolved to."))
        self.tensorboard = QCheckBox(translate("TrainingControls", "TensorBoard logs"))
        self.tensorboard.setObjectName("tensorboardCheck")
        self.tensorboard.setToolTip(translate("TrainingControls", "Also write the per-batch and per-epoch "
                                              "scalars as TensorBoard logs, into the run "
                                              "folder's tensorboard/ (the command that opens "
                                              "them is shown when the run starts)."))
        self.tensorboard_hint = QLabel()
        self.tensorboard_hint.setObjectName("tensorboardHint")
        self.tensorboard_hint.setWordWrap(True)
        self.tensorboard_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tensorboard_hint.setStyleSheet("color: #555")
        self.tensorboard_hint.setVisible(False)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        row1 = QHBoxLayout()
        row1.addWidget(self.epochs)
        row1.addWidget(self.batch_size)
        form.addRow(translate("TrainingControls", "Epochs / batch"), row1)
        row2 = QHBoxLayout()
        row2.addWidget(self.optimizer)
        row2.addWidget(self.learning_rate)
        form.addRow(translate("TrainingControls", "Optimizer / LR"), row2)
        row3 = QHBoxLayout()
        row3.addWidget(self.seed)
        row3.addWidget(self.execution)
        form.addRow(translate("TrainingControls", "Seed / execution"), row3)
        form.setVerticalSpacing(3)

        self.start_button = QPushButton(translate("TrainingControls", "Start"))
        self.start_button.setObjectName("startButton")
        self.pause_button = QPushButton(translate("TrainingControls", "Pause"))
        self.pause_button.setObjectName("pauseButton")
        self.stop_button = QPushButton(translate("TrainingControls", "Stop"))
        self.stop_button.setObjectName("stopButton")
        self.start_button.setToolTip(translate("TrainingControls", "Start training (F5 or Ctrl+Return)"))
        self.pause_button.setToolTip(translate("TrainingControls", "Pause or resume training (Ctrl+P)"))
        self.stop_button.setToolTip(
            translate("TrainingControls", "Stop after the current batch, keeping what was learned (Esc)"))
        self.start_button.clicked.connect(self.startRequested)
        self.pause_button.clicked.connect(self.pauseToggled)
        self.stop_button.clicked.connect(self.stopRequested)
        buttons = QHBoxLayout()
        buttons.setSpacing(3)
        resume = translate("TrainingControls", "Resume")
        for b in (self.start_button, self.pause_button, self.stop_button):
            # as narrow as their words (not the style's 80 px): the check box fits beside them
            # in a 330 px panel, so the box needs no row of its own on a 560 px screen
            words = max(b.fontMetrics().horizontalAdvance(t) for t in (b.text(), resume))
            b.setMinimumWidth(min(b.minimumSizeHint().width(), words + 12))
            buttons.addWidget(b)
        buttons.addWidget(self.tensorboard)
        self.progress = QProgressBar()
        self.progress.setObjectName("trainingProgress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.progress.setFormat(translate("TrainingControls", "idle"))
        self.result = QLabel()
        self.result.setObjectName("runResult")
        self.result.setWordWrap(True)
        self.result.setVisible(False)
        self.reason = QLabel()
        self.reason.setObjectName("startReason")
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color: #9a3b00")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(3)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.reason)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        layout.addWidget(self.tensorboard_hint)
        self._tensorboard_installed = True
        self._started_at = 0.0
        self._epochs_total = 0
        self._steps = 0
        self.set_state("idle", reason=translate("TrainingControls", "Loading TensorFlow…"))

    @staticmethod
    def start_shortcuts() -> list[QKeySequence]:
        return [QKeySequence("F5"), QKeySequence("Ctrl+Return")]

    def _check_lr(self) -> None:
        ok = self.learning_rate.hasAcceptableInput()
        self.learning_rate.setStyleSheet("" if ok else "background: #fdd")

    def error(self) -> str:
        if not self.learning_rate.hasAcceptableInput():
            return translate("TrainingControls", "learning rate must be a number between 1e-7 and 10, "
                             "got {0!r}").format(self.learning_rate.text())
        return ""

    def values(self) -> dict[str, Any]:
        return {"epochs": self.epochs.value(), "batch_size": self.batch_size.value(),
                "optimizer": self.optimizer.currentText(),
                "learning_rate": float(self.learning_rate.text() or 0), "seed": self.seed.value(),
                "execution_mode": self.execution.currentData() or "auto",
                "tensorboard": self.tensorboard.isChecked() and self._tensorboard_installed}

    def set_values(self, values: dict[str, Any]) -> None:
        if "epochs" in values:
            self.epochs.setValue(int(values["epochs"]))
        if "batch_size" in values:
            self.batch_size.setValue(int(values["batch_size"]))
        if values.get("optimizer") in OPTIMIZERS:
            self.optimizer.setCurrentText(values["optimizer"])
        if "learning_rate" in values:
            self.learning_rate.setText(f"{float(values['learning_rate']):g}")
        if "seed" in values:
            self.seed.setValue(int(values["seed"]))
        self.tensorboard.setChecked(bool(values.get("tensorboard", False)))
        if values.get("execution_mode") in MODES:
            self.execution.setCurrentIndex(MODES.index(values["execution_mode"]))

    def set_state(self, state: str, *, can_start: bool = True, reason: str = "") -> None:
        """``idle``, ``training`` or ``paused``; ``reason`` explains a disabled Start."""
        training = state in ("training", "paused")
        self.start_button.setEnabled(not training and can_start and not reason)
        self.start_button.setToolTip(
            translate("TrainingControls", "Cannot start: {0}").format(reason)
            if reason and not training
            else translate("TrainingControls", "Start training (F5 or Ctrl+Return)"))
        shown = reason if len(reason) <= REASON_CHARS else reason[:REASON_CHARS - 1] + "…"
        self.reason.setText("" if training or not reason
                            else translate("TrainingControls", "Cannot start: {0}").format(shown))
        self.reason.setToolTip(reason)
        self.reason.setVisible(bool(reason) and not training)
        self.pause_button.setEnabled(training)
        self.pause_button.setText(translate("TrainingControls", "Resume") if state == "paused"
                                  else translate("TrainingControls", "Pause"))
        self.stop_button.setEnabled(training)
        for w in (self.epochs, self.batch_size, self.optimizer, self.learning_rate, self.seed,
                  self.execution):
            w.setEnabled(not training)
        self.tensorboard.setEnabled(not training and self._tensorboard_installed)

    def set_tensorboard_available(self, available: bool, install: str = "") -> None:
        """Without the ``tensorboard`` package the box is off and says how to install it."""
        self._tensorboard_installed = available
        self.tensorboard.setEnabled(available)
        if not available:
            self.tensorboard.setChecked(False)
            self.tensorboard.setToolTip(
                translate("TrainingControls", "TensorBoard is not installed: {0}").format(install))

    def show_tensorboard(self, folder: str, command: str) -> None:
        """A run with logs started: where they are and the command that opens them."""
        self.tensorboard_hint.setText(
            translate("TrainingControls", "TensorBoard logs: {0}\nOpen them with: {1}")
            .format(folder, command))
        self.tensorboard_hint.setVisible(True)

    # -- progress ----------------------------------------------------------------------------
    def begin(self, epochs: int, steps_per_epoch: int, initial_epoch: int = 0) -> None:
        self.result.setVisible(False)
        self._started_at = time.monotonic()
        self._epochs_total = epochs
        self._steps = max(1, steps_per_epoch)
        self._initial = initial_epoch
        self.progress.setRange(0, epochs * self._steps)
        self.progress.setValue(initial_epoch * self._steps)
        self.progress.setFormat(translate("TrainingControls", "epoch {0}/{1} · starting…")
                                .format(initial_epoch + 1, epochs))

    def update_progress(self, epoch: int, batch: int) -> None:
        batch = min(batch, self._steps - 1)
        done = epoch * self._steps + batch + 1
        value = min(done, self.progress.maximum())
        if value != self.progress.value():  # setValue repaints at once (~8 ms), even unchanged
            self.progress.setValue(value)
        elapsed = time.monotonic() - self._started_at
        fresh = done - self._initial * self._steps
        remaining = self.progress.maximum() - done
        eta = (translate("TrainingControls", " · ETA {0}").format(format_eta(elapsed / fresh * remaining))
               if fresh > 0 else "")
        self.progress.setFormat(translate("TrainingControls", "epoch {0}/{1} · batch {2}/{3}")
                                .format(epoch + 1, self._epochs_total, batch + 1, self._steps)
                                + eta)

    def finish(self, text: str, details: str = "") -> None:
        """``text`` in the progress bar; ``details`` (the comparison with the baselines) in a
        wrapped line under it."""
        self.progress.setFormat(text)
        self.progress.setToolTip(f"{text}; {details}" if details else text)
        self.result.setText(details)
        self.result.setVisible(bool(details))
