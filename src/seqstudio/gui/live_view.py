"""The right-hand side of the window: loss, prediction, hidden-state heatmap with its scrubber, and
unit trajectories. It receives events (on the GUI thread) and draws at a bounded rate."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from seqstudio.engine.events import BatchEnd, EpochEnd, HiddenSnapshot, SamplePrediction, Started
from seqstudio.gui.qt_epoch_scrubber import QtEpochScrubber
from seqstudio.gui.qt_hidden_state_plot import QtHiddenStatePlot
from seqstudio.gui.qt_loss_plot import QtLossPlot
from seqstudio.gui.qt_prediction_panel import QtPredictionPanel
from seqstudio.gui.qt_trajectories import QtTrajectories


class LiveView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loss = QtLossPlot()
        self.prediction = QtPredictionPanel()
        self.hidden = QtHiddenStatePlot()
        self.scrubber = QtEpochScrubber()
        self.trajectories = QtTrajectories()
        heat = QWidget()
        heat_layout = QVBoxLayout(heat)
        heat_layout.setContentsMargins(0, 0, 0, 0)
        heat_layout.setSpacing(2)
        heat_layout.addWidget(self.hidden, 1)
        heat_layout.addWidget(self.scrubber)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.loss)
        top.addWidget(self.prediction)
        top.setStretchFactor(0, 2)
        top.setStretchFactor(1, 1)
        top.setSizes([620, 330])
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(heat)
        bottom.addWidget(self.trajectories)
        bottom.setStretchFactor(0, 2)
        bottom.setStretchFactor(1, 1)
        bottom.setSizes([620, 330])
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("liveSplitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.top_splitter, self.bottom_splitter = top, bottom
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self._pending_snapshot: HiddenSnapshot | None = None
        self.scrubber.snapshotSelected.connect(self._select)
        self.hidden.layerChanged.connect(self._layer_changed)

    def clear(self, steps_per_epoch: int = 0, total_epochs: int = 0) -> None:
        self.loss.clear(steps_per_epoch, total_epochs)
        self.prediction.clear()
        self.hidden.clear()
        self.scrubber.clear()
        self.trajectories.clear()
        self._pending_snapshot = None

    def set_activation(self, activation: str) -> None:
        self.hidden.set_activation(activation)

    # -- events ------------------------------------------------------------------------------
    def on_started(self, ev: Started) -> None:
        self.clear(ev.steps_per_epoch, ev.epochs)

    def add_batches(self, events: list[BatchEnd]) -> None:
        self.loss.add_batches(events)

    def on_epoch(self, ev: EpochEnd) -> None:
        self.loss.add_epoch(ev)

    def on_snapshot(self, ev: HiddenSnapshot) -> None:
        self.scrubber.add(ev)  # emits snapshotSelected when following the newest

    def on_prediction(self, ev: SamplePrediction) -> None:
        self.prediction.show_prediction(ev)

    # -- drawing -----------------------------------------------------------------------------
    def _select(self, snap: HiddenSnapshot) -> None:
        self._pending_snapshot = snap

    def _layer_changed(self, index: int) -> None:
        if self.hidden.snapshot is not None:
            self.trajectories.show(self.hidden.snapshot, max(0, index))

    def redraw(self) -> None:
        """Called by the window's redraw timer and once more when a run ends."""
        self.loss.redraw()
        snap, self._pending_snapshot = self._pending_snapshot, None
        if snap is not None:
            self.hidden.show_snapshot(snap)
            self.trajectories.show(snap, self.hidden.current_layer())
