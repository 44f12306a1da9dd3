"""Two runs' hidden-state heatmaps side by side on one scrubber, and optionally their difference.

The scrubber walks the union of both runs' snapshot moments ``(epoch, batch)``; each heatmap shows
its run's newest snapshot at or before that moment, so runs with the same batch size line up
exactly and runs with different ones stay in step by training time.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from seqstudio.engine.events import HiddenSnapshot
from seqstudio.gui.i18n import translate
from seqstudio.gui.qt_hidden_state_plot import HeatmapPlot


def moment(snapshot: HiddenSnapshot) -> tuple[int, float]:
    """Where a snapshot falls in training: an end-of-epoch one (batch -1) after every batch."""
    return snapshot.epoch, math.inf if snapshot.batch < 0 else float(snapshot.batch)


def moment_text(key: tuple[int, float]) -> str:
    epoch, batch = key
    return translate("CompareHeatmaps", "end of epoch {0}").format(epoch + 1) \
        if batch == math.inf else \
        translate("CompareHeatmaps", "epoch {0}, after batch {1}").format(epoch + 1, int(batch) + 1)


@dataclass
class RunSnapshots:
    name: str
    activation: str
    snapshots: list[HiddenSnapshot] = field(default_factory=list)

    def at(self, key: tuple[int, float]) -> HiddenSnapshot | None:
        """The newest snapshot at or before ``key``."""
        best = None
        for snap in self.snapshots:
            if moment(snap) <= key:
                best = snap
        return best


class QtCompareHeatmaps(QWidget):
    """objectNames: ``compareHeatmapA``/``B`` (plots), ``compareRunA``/``B`` (which run each
    shows), ``compareScrubber`` (the shared slider), ``compareDifference`` (the checkbox) and
    ``compareHeatmapDiff``, ``compareLayer`` (the layer both show, for stacked runs).
    ``moved(key)`` after the scrubber moves."""

    moved = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runs: list[RunSnapshots] = []
        self.keys: list[tuple[int, float]] = []
        self.following = True
        self.plots = [HeatmapPlot(self), HeatmapPlot(self)]
        self.pickers = [QComboBox(), QComboBox()]
        self.captions = [QLabel(), QLabel()]
        grid = QGridLayout()
        for i, side in enumerate("AB"):
            self.plots[i].setObjectName(f"compareHeatmap{side}")
            self.pickers[i].setObjectName(f"compareRun{side}")
            self.pickers[i].currentIndexChanged.connect(lambda *_: self._rebuild_keys())
            self.captions[i].setStyleSheet("color: #555")
            head = QHBoxLayout()
            head.addWidget(QLabel(f"<b>{side}</b>"))
            head.addWidget(self.pickers[i], 1)
            grid.addLayout(head, 0, i)
            grid.addWidget(self.plots[i], 1, i)
            grid.addWidget(self.captions[i], 2, i)
        self.diff_plot = HeatmapPlot(self)
        self.diff_plot.setObjectName("compareHeatmapDiff")
        self.diff_plot.set_activation("other")
        self.diff_caption = QLabel("A − B")
        self.diff_caption.setStyleSheet("color: #555")
        diff_box = QVBoxLayout()
        diff_box.addWidget(QLabel("<b>A − B</b>"))
        diff_box.addWidget(self.diff_plot, 1)
        diff_box.addWidget(self.diff_caption)
        self.diff_panel = QWidget()
        self.diff_panel.setLayout(diff_box)
        self.diff_panel.setVisible(False)
        grid.addWidget(self.diff_panel, 0, 2, 3, 1)
        self.scrubber = QSlider(Qt.Orientation.Horizontal)
        self.scrubber.setObjectName("compareScrubber")
        self.scrubber.setToolTip(translate("CompareHeatmaps", "Both heatmaps at the same moment "
                                           "of training"))
        self.scrubber.setEnabled(False)
        self.scrubber.valueChanged.connect(self._scrubbed)
        self.position = QLabel(translate("CompareHeatmaps", "No snapshots yet"))
        self.layer = QComboBox()
        self.layer.setObjectName("compareLayer")
        self.layer.setToolTip(translate("CompareHeatmaps", "Which recurrent layer both heatmaps "
                                        "show (stacked runs)"))
        self.layer.addItem(translate("CompareHeatmaps", "layer {0}").format(1))
        self.layer.currentIndexChanged.connect(lambda *_: self.show_current())
        self.difference = QCheckBox(translate("CompareHeatmaps", "Difference A − B"))
        self.difference.setObjectName("compareDifference")
        self.difference.setToolTip(translate("CompareHeatmaps", "A third heatmap: A's hidden "
                                             "states minus B's, where both have the same units "
                                             "and probe sequence"))
        self.difference.toggled.connect(self._difference_toggled)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(translate("CompareHeatmaps", "Epoch:")))
        bottom.addWidget(self.scrubber, 1)
        bottom.addWidget(self.position)
        bottom.addWidget(self.layer)
        bottom.addWidget(self.difference)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid, 1)
        layout.addLayout(bottom)

    # -- runs --------------------------------------------------------------------------------
    def clear(self) -> None:
        self.runs, self.keys, self.following = [], [], True
        for picker in self.pickers:
            picker.blockSignals(True)
            picker.clear()
            picker.blockSignals(False)
        for plot in (*self.plots, self.diff_plot):
            plot.clear_states()
        self._update_scrubber()

    def add_run(self, name: str, activation: str,
                snapshots: list[HiddenSnapshot] | None = None) -> int:
        self.runs.append(RunSnapshots(name, activation, list(snapshots or [])))
        for i, picker in enumerate(self.pickers):
            picker.blockSignals(True)
            picker.addItem(name)
            if picker.count() - 1 == i:  # A shows the first run, B the second
                picker.setCurrentIndex(i)
            picker.blockSignals(False)
        self._rebuild_keys()
        return len(self.runs) - 1

    def add_snapshot(self, index: int, snapshot: HiddenSnapshot) -> None:
        self.runs[index].snapshots.append(snapshot)
        if index in self.shown_runs():
            self._rebuild_keys()

    def shown_runs(self) -> list[int]:
        return [p.currentIndex() for p in self.pickers if p.currentIndex() >= 0]

    def _rebuild_keys(self) -> None:
        keys = {moment(s) for i in self.shown_runs() for s in self.runs[i].snapshots}
        self.keys = sorted(keys)
        depth = max((len(s.states) for i in self.shown_runs() for s in self.runs[i].snapshots),
                    default=1)
        if depth != self.layer.count():
            self.layer.blockSignals(True)
            current = self.layer.currentIndex()
            self.layer.clear()
            self.layer.addItems([translate("CompareHeatmaps", "layer {0}").format(i + 1)
                                 for i in range(depth)])
            self.layer.setCurrentIndex(min(max(current, 0), depth - 1))
            self.layer.blockSignals(False)
        self.layer.setVisible(depth > 1)
        self._update_scrubber()

    def _update_scrubber(self) -> None:
        self.scrubber.blockSignals(True)
        self.scrubber.setRange(0, max(0, len(self.keys) - 1))
        if self.following:
            self.scrubber.setValue(self.scrubber.maximum())
        self.scrubber.setEnabled(len(self.keys) > 1)
        self.scrubber.blockSignals(False)
        self.show_current()

    # -- showing -----------------------------------------------------------------------------
    def current_layer(self) -> int:
        return max(0, self.layer.currentIndex())

    def current_key(self) -> tuple[int, float] | None:
        return self.keys[self.scrubber.value()] if self.keys else None

    def shown_snapshots(self) -> list[HiddenSnapshot | None]:
        """The snapshot each side shows (A, B) at the scrubber's position."""
        key = self.current_key()
        out: list[HiddenSnapshot | None] = []
        for picker in self.pickers:
            i = picker.currentIndex()
            out.append(self.runs[i].at(key) if key is not None and 0 <= i < len(self.runs)
                       else None)
        return out

    def show_current(self) -> None:
        key = self.current_key()
        self.position.setText(moment_text(key) if key else
                              translate("CompareHeatmaps", "No snapshots yet"))
        shown = self.shown_snapshots()
        for side, (plot, snap, picker) in enumerate(zip(self.plots, shown, self.pickers,
                                                        strict=True)):
            i = picker.currentIndex()
            if snap is None:
                plot.clear_states()
                self.captions[side].setText(translate("CompareHeatmaps",
                                                      "no snapshot at this moment"))
                continue
            layer = self.current_layer()
            if layer >= len(snap.states):
                plot.clear_states()
                self.captions[side].setText(translate("CompareHeatmaps", "{0} has no layer {1}")
                                            .format(self.runs[i].name, layer + 1))
                continue
            plot.set_activation(self.runs[i].activation)
            plot.show_states(snap.states[layer], snap.step_labels)
            units = snap.states[layer].shape[1]
            when = moment_text(moment(snap))
            self.captions[side].setText(
                translate("CompareHeatmaps", "{0}: layer {1}, {2} units, {3}").format(
                    self.runs[i].name, layer + 1, units, when) if self.layer.count() > 1 else
                translate("CompareHeatmaps", "{0}: {1} units, {2}").format(
                    self.runs[i].name, units, when))
        self._show_difference(shown)

    def _show_difference(self, shown: list[HiddenSnapshot | None]) -> None:
        if not self.difference.isChecked():
            return
        a, b = shown
        layer = self.current_layer()
        if a is None or b is None or layer >= min(len(a.states), len(b.states)):
            self.diff_plot.clear_states()
            self.diff_caption.setText(translate("CompareHeatmaps", "needs a snapshot on both sides"))
            return
        sa, sb = a.states[layer], b.states[layer]
        if sa.shape != sb.shape or a.step_labels != b.step_labels:
            self.diff_plot.clear_states()
            self.diff_caption.setText(translate("CompareHeatmaps", "A has {0} units, B {1}: no "
                                                "difference of different shapes or probes")
                                      .format(sa.shape[1], sb.shape[1]))
            return
        diff = np.asarray(sa, float) - np.asarray(sb, float)
        self.diff_plot.show_states(diff, a.step_labels, scale="other")
        self.diff_caption.setText(translate("CompareHeatmaps", "largest |A − B| {0}").format(
            f"{float(np.nanmax(np.abs(diff))):.3g}"))

    def difference_image(self) -> np.ndarray | None:
        image = self.diff_plot.image.image
        return None if image is None or not self.diff_panel.isVisible() else np.asarray(image)

    def _difference_toggled(self, on: bool) -> None:
        self.diff_panel.setVisible(on)
        self.show_current()

    def _scrubbed(self, value: int) -> None:
        self.following = value == self.scrubber.maximum()
        self.show_current()
        self.moved.emit(self.current_key())

    def set_position(self, index: int) -> Any:
        """Move the scrubber to moment ``index`` (as a user dragging it would)."""
        self.scrubber.setValue(index)
        return self.current_key()
