"""The epoch scrubber: a slider over the stored hidden-state snapshots.

While training it follows the newest snapshot; once the user drags it back, it stays there until
dragged to the right end again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QWidget

from seqstudio.engine.events import HiddenSnapshot


class QtEpochScrubber(QWidget):
    snapshotSelected = Signal(object)  # HiddenSnapshot

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("epochScrubber")
        self.slider.setToolTip("Replay the stored hidden-state snapshots: drag left to go back in "
                               "training, to the right end to follow the newest.")
        self.slider.setRange(0, 0)
        self.slider.setEnabled(False)
        self.slider.setPageStep(1)
        self.slider.valueChanged.connect(self._changed)
        self.label = QLabel("no snapshots yet")
        self.label.setMinimumWidth(150)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("Snapshot:"))
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.label)
        self.snapshots: list[HiddenSnapshot] = []

    @property
    def following(self) -> bool:
        return not self.snapshots or self.slider.value() >= len(self.snapshots) - 1

    def clear(self) -> None:
        self.snapshots = []
        self.slider.blockSignals(True)
        self.slider.setRange(0, 0)
        self.slider.setEnabled(False)
        self.slider.blockSignals(False)
        self.label.setText("no snapshots yet")

    def add(self, snapshot: HiddenSnapshot) -> None:
        follow = self.following
        self.snapshots.append(snapshot)
        self.slider.blockSignals(True)
        self.slider.setRange(0, len(self.snapshots) - 1)
        self.slider.setEnabled(len(self.snapshots) > 1)
        if follow:
            self.slider.setValue(len(self.snapshots) - 1)
        self.slider.blockSignals(False)
        self._describe()
        if follow:
            self.snapshotSelected.emit(snapshot)

    def set_snapshots(self, snapshots: list[HiddenSnapshot]) -> None:
        self.clear()
        for snap in snapshots:
            self.add(snap)

    def current(self) -> HiddenSnapshot | None:
        if not self.snapshots:
            return None
        return self.snapshots[min(self.slider.value(), len(self.snapshots) - 1)]

    def _describe(self) -> None:
        snap = self.current()
        if snap is None:
            return
        where = f"epoch {snap.epoch + 1}" + (f" · batch {snap.batch + 1}" if snap.batch >= 0 else "")
        self.label.setText(f"{where}  ({self.slider.value() + 1}/{len(self.snapshots)})")

    def _changed(self, _value: int) -> None:
        self._describe()
        snap = self.current()
        if snap is not None:
            self.snapshotSelected.emit(snap)
