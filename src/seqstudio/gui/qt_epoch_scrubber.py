"""The epoch scrubber: a slider over the run's stored hidden-state snapshots, which selects the
moment of training every view shows.

While training it follows the newest snapshot; once the user drags it back, it stays there until
dragged to the right end again. The snapshots and the selection live in the run model.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QWidget

from seqstudio.engine.events import HiddenSnapshot
from seqstudio.gui.i18n import translate
from seqstudio.gui.run_model import RunModel
from seqstudio.gui.steady_labels import SteadyLabel


class QtEpochScrubber(QWidget):
    snapshotSelected = Signal(object)  # HiddenSnapshot

    def __init__(self, model: RunModel | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model if model is not None else RunModel()
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("epochScrubber")
        self.slider.setToolTip(translate("EpochScrubber", "Replay the stored snapshots: drag "
                                         "left to go back in training, to the right end to "
                                         "follow the newest. Every view below shows the moment "
                                         "chosen here."))
        self.slider.setRange(0, 0)
        self.slider.setEnabled(False)
        self.slider.setPageStep(1)
        self.slider.valueChanged.connect(self.model.select)
        # it only grows: a longer "epoch · batch" does not resize the slider (a repaint of both)
        self.label = SteadyLabel(translate("EpochScrubber", "no snapshots yet"))
        self.label.setMinimumWidth(150)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(translate("EpochScrubber", "Snapshot:")))
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.label)
        #: set by the live view while a run streams in: the slider and its label then wait for
        #: the next redraw tick (:meth:`sync`), so they repaint with the views, not at every
        #: snapshot (a slider and its label repaint ~0.5 ms, and the run may send 10 a second)
        self.deferred = False
        self._stale = False
        self.model.subscribe(self._model_changed, ("snapshot", "selection"))

    @property
    def snapshots(self) -> list[HiddenSnapshot]:
        return self.model.snapshots

    @property
    def following(self) -> bool:
        return self.model.following

    def clear(self) -> None:
        self.model.clear()

    def add(self, snapshot: HiddenSnapshot) -> None:
        self.model.add(snapshot)

    def set_snapshots(self, snapshots: list[HiddenSnapshot]) -> None:
        self.model.replay({"snapshots": list(snapshots)})

    def current(self) -> HiddenSnapshot | None:
        return self.model.snapshot

    def _model_changed(self, topic: str, _payload: Any) -> None:
        if topic in ("selection", "run") and self.model.snapshot is not None:
            self.snapshotSelected.emit(self.model.snapshot)
        if self.deferred and self.model.following:
            self._stale = True  # the newest of a stream: shown at the next tick
            return
        self.sync()

    def sync(self) -> None:
        """Show the model's snapshots and selection (at once, or what a stream left)."""
        self._stale = False
        count = len(self.model.snapshots)
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(0, count - 1))
        self.slider.setEnabled(count > 1)
        self.slider.setValue(max(0, self.model.index))
        self.slider.blockSignals(False)
        snap = self.model.snapshot
        if snap is None:
            self.label.setText(translate("EpochScrubber", "no snapshots yet"))
            self.label.release()
            return
        where = translate("EpochScrubber", "epoch {0} · batch {1}").format(
            snap.epoch + 1, snap.batch + 1) if snap.batch >= 0 else \
            translate("EpochScrubber", "epoch {0}").format(snap.epoch + 1)
        self.label.setText(f"{where}  ({self.model.index + 1}/{count})")

    @property
    def stale(self) -> bool:
        """Whether a stream left something that :meth:`sync` has not shown yet."""
        return self._stale
