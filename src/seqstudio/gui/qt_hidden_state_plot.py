"""The hidden-state heatmap: every unit (rows) at every time step (columns) of the probe sequence.

Stacked models get a layer selector, cells with several states (an LSTM's ``h`` and ``c``) a
state selector. The colour scale suits the state: for the output state ``h`` it follows the
activation, symmetric around 0 for tanh (fixed at [-1, 1], so epochs are comparable), from 0 up
for ReLU; any other state (``c`` is not bounded) gets a scale symmetric around 0 up to its largest
value.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from seqstudio.engine.events import HiddenSnapshot
from seqstudio.gui.combos import set_items
from seqstudio.gui.i18n import translate
from seqstudio.gui.paint_costs import cache_static, plain_axes, unindexed
from seqstudio.gui.run_model import RunModel
from seqstudio.gui.steady_labels import SteadyLabel
from seqstudio.gui.views import RunView, ViewSpec

MAX_TICK_LABELS = 40


def readable_token(label: str) -> str:
    """A time-axis label. The data layer already makes whitespace tokens visible (␣ ↵ ⇥), and
    timestamps keep their spaces; only an empty label needs a stand-in."""
    return label or "∅"


def tick_stride(labels: list[str], steps: int, width_px: int) -> int:
    """Label every k-th step so that labels (about 7 px a character) do not overlap."""
    longest = max((len(label) for label in labels), default=1)
    fit = max(1, int(max(width_px - 80, 200) / (7 * longest + 8)))
    return max(1, int(np.ceil(steps / min(fit, MAX_TICK_LABELS))))


def color_levels(activation: str, states: np.ndarray) -> tuple[float, float]:
    finite = states[np.isfinite(states)] if states.size else states
    peak = float(np.max(np.abs(finite))) if finite.size else 1.0
    if activation == "relu":
        return 0.0, max(peak, 1e-6)
    if activation == "tanh":
        return -1.0, 1.0
    peak = max(peak, 1e-6)
    return -peak, peak


class StatesImage(pg.ImageItem):
    """An image item whose picture is kept in Qt's premultiplied ARGB format. pyqtgraph makes an
    indexed (colour-table) picture, which Qt's painter converts again at every paint: the
    heatmap is scaled up many times, so that happens over the whole plot at each repaint."""

    def render(self) -> None:
        super().render()
        if self.qimage is not None and self.qimage.format() != \
                QImage.Format.Format_ARGB32_Premultiplied:
            self.qimage = self.qimage.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)


class HeatmapPlot(pg.PlotWidget):
    """objectName ``hiddenStatePlot``; ``image`` is the :class:`pg.ImageItem` with the states.
    ``cellClicked(step, unit)`` is emitted when a cell of the image is clicked (0-based)."""

    cellClicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hiddenStatePlot")
        unindexed(self)
        self.setBackground("w")
        item = self.getPlotItem()
        item.setLabel("bottom", translate("HeatmapView", "time step"))
        plain_axes(item)
        self._ticks_key: tuple | None = None
        self.time_labels: list[str] = []  # the labels on the time axis
        self._labelled = False
        self._levels: tuple[float, float] | None = None
        item.setLabel("left", translate("HeatmapView", "unit"))
        item.setMenuEnabled(False)
        # The view fits the image exactly, set when its shape changes: auto-range would re-fit it
        # (with a padding that depends on the axes' widths) over several frames on each change.
        item.getViewBox().disableAutoRange()
        self._shape: tuple[int, int] | None = None
        self.image = StatesImage(axisOrder="col-major")
        item.addItem(self.image)
        self.colorbar = pg.ColorBarItem(values=(-1, 1), colorMap=pg.colormap.get("CET-D1"),
                                        width=12, interactive=False)
        self.colorbar.setImageItem(self.image, insert_in=item)
        cache_static(self.colorbar)
        self.activation = "tanh"
        self.set_activation("tanh")
        # the chosen time step: a frame around its column
        self.step_mark = pg.LinearRegionItem(orientation="vertical", movable=False,
                                             brush=pg.mkBrush(0, 0, 0, 0),
                                             pen=pg.mkPen("#111", width=2))
        self.step_mark.setZValue(10)
        self.step_mark.setVisible(False)
        item.addItem(self.step_mark, ignoreBounds=True)
        self.scene().sigMouseClicked.connect(self._clicked)

    def mark_step(self, step: int | None) -> None:
        if step is None or self._shape is None or step >= self._shape[0]:
            self.step_mark.setVisible(False)
            return
        if self.step_mark.getRegion() != (step, step + 1):
            self.step_mark.setRegion((step, step + 1))
        self.step_mark.setVisible(True)

    def cell_at(self, scene_pos) -> tuple[int, int] | None:
        """The (step, unit) under a point of the scene, or ``None`` outside the image."""
        if self._shape is None:
            return None
        view = self.getPlotItem().getViewBox()
        if not view.sceneBoundingRect().contains(scene_pos):
            return None
        point = view.mapSceneToView(scene_pos)
        t, n = self._shape
        step, unit = int(np.floor(point.x())), int(np.floor(point.y()))
        return (step, unit) if 0 <= step < t and 0 <= unit < n else None

    def _clicked(self, event) -> None:
        cell = self.cell_at(event.scenePos())
        if cell is not None:
            self.cellClicked.emit(*cell)

    def set_activation(self, activation: str) -> None:
        self.activation = activation
        cmap = pg.colormap.get("viridis" if activation == "relu" else "CET-D1")
        self.colorbar.setColorMap(cmap)
        self._levels = None

    def clear_states(self) -> None:
        """No image, and no axis labels left over from an earlier file or run."""
        self.image.clear()
        self.step_mark.setVisible(False)
        self._shape = None
        self._ticks_key = None
        self.time_labels: list[str] = []  # the labels on the time axis
        for name in ("left", "bottom"):
            self.getPlotItem().getAxis(name).setTicks(None)

    def set_step_labels(self, step_labels: list[str] | tuple[str, ...]) -> None:
        t = len(step_labels)
        if not t:
            return
        self.getPlotItem().getViewBox().setRange(xRange=(0, t), yRange=(0, 1), padding=0)
        self._shape = None
        self._ticks_key = None
        self._set_time_ticks([readable_token(str(s)) for s in step_labels], t)
        # no units yet: no "0.2 ... 1.0" on the unit axis (its "1.0" sat on the plot's top edge,
        # half cut off); the units are labelled once a snapshot shows them
        self.getPlotItem().getAxis("left").setTicks([[], []])

    def _set_time_ticks(self, labels: list[str], t: int) -> None:
        every = tick_stride(labels, t, self.width())
        major = [(i + 0.5, labels[i] if i < len(labels) else str(i)) for i in range(0, t, every)]
        self.getPlotItem().getAxis("bottom").setTicks([major, []])
        self.time_labels = [label for _, label in major]

    def show_states(self, states: np.ndarray, step_labels: list[str] | tuple[str, ...],
                    scale: str | None = None) -> None:
        """``states``: ``(T, units)``. ``scale`` overrides the activation's colour scale
        (``"other"``: symmetric around 0 up to the largest value)."""
        states = np.nan_to_num(np.asarray(states, dtype=np.float32), nan=0.0)
        lo, hi = color_levels(scale or self.activation, states)
        self.image.setImage(states, autoLevels=False)
        if (lo, hi) != self._levels:  # the colour bar's axis is re-laid out when set
            self._levels = (lo, hi)
            self.colorbar.setLevels((lo, hi))
        self.image.setLevels((lo, hi))
        t, n = states.shape
        if (t, n) != self._shape:
            self._shape = (t, n)
            self.getPlotItem().getViewBox().setRange(xRange=(0, t), yRange=(0, n), padding=0)
        # The probe sequence is the same for every snapshot of a run: the axes (costly to lay out
        # and paint) are only touched when their ticks change.
        key = (tuple(step_labels), t, n, self.width())
        if key == self._ticks_key:
            return
        self._ticks_key = key
        labels = [readable_token(str(s)) for s in step_labels] or [str(i) for i in range(t)]
        self._set_time_ticks(labels, t)
        step = max(1, int(np.ceil(n / 16)))
        self.getPlotItem().getAxis("left").setTicks([[(u + 0.5, str(u)) for u in range(0, n, step)],
                                                     []])
        if not self._labelled:
            self._labelled = True
            self.getPlotItem().setLabel("bottom", translate("HeatmapView",
                                                                 "time step (probe sequence)"))


class QtHiddenStatePlot(QWidget):
    """The heatmap with a layer selector and a caption saying what is shown."""

    layerChanged = Signal(int)
    stateChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hiddenStatePanel")
        self.plot = HeatmapPlot(self)
        self.caption = QLabel(translate("HeatmapView", "Hidden states"))
        self.caption.setStyleSheet("font-weight: 600")
        # it says the moment at every draw: it only grows, so the heatmap under it never moves
        self.detail = SteadyLabel(translate("HeatmapView", "Train a model to see every unit at every "
                                       "time step."))
        self.detail.setStyleSheet("color: #555")
        # Long on a narrow window (and longer in Korean): it wraps onto a second line there
        # rather than being cut, and it never sets the window's minimum width.
        self.detail.setWordWrap(True)
        self.detail.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.layer = QComboBox()
        self.layer.setObjectName("layerSelector")
        self.layer.setToolTip(translate("HeatmapView", "Which recurrent layer's hidden states "
                                        "to show (stacked models)."))
        self.layer.currentIndexChanged.connect(self._layer_changed)
        self.layer.setVisible(False)
        self.state = QComboBox()
        self.state.setObjectName("stateSelector")
        self.state.setToolTip(translate("HeatmapView", "Which state of the cell to show: h is "
                                        "its output; an LSTM also keeps its memory c, which is "
                                        "not bounded to [-1, 1]."))
        self.state.currentIndexChanged.connect(self._state_changed)
        self.state.setVisible(False)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.caption)
        top.addWidget(self.detail, 1)
        top.addWidget(self.layer)
        top.addWidget(self.state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.plot, 1)
        self.snapshot: HiddenSnapshot | None = None

    @property
    def image(self) -> pg.ImageItem:
        return self.plot.image

    def set_activation(self, activation: str) -> None:
        self.plot.set_activation(activation)
        if self.snapshot is not None:
            self.show_snapshot(self.snapshot)

    def current_layer(self) -> int:
        return max(0, self.layer.currentIndex())

    def current_state(self) -> str:
        """The name of the state shown (``h`` unless the state selector says otherwise)."""
        return self.state.currentText() or "h"

    def _choose(self, box: QComboBox, index: int) -> None:
        if 0 <= index < box.count() and box.currentIndex() != index:
            box.blockSignals(True)
            box.setCurrentIndex(index)
            box.blockSignals(False)

    def show_snapshot(self, snapshot: HiddenSnapshot, layer: int | None = None,
                      state: str | None = None) -> None:
        """Show ``snapshot``; ``layer`` and ``state`` choose what of it (default: the selectors'
        choice), without emitting ``layerChanged``/``stateChanged``."""
        self.snapshot = snapshot
        names = list(snapshot.layer_names) or [translate("HeatmapView", "layer {0}").format(i + 1)
                                                for i in range(len(snapshot.states))]
        set_items(self.layer, names, self.current_layer())
        self.layer.setVisible(len(names) > 1)
        if layer is not None:
            self._choose(self.layer, min(layer, len(names) - 1))
        index = min(self.current_layer(), len(snapshot.states) - 1)
        by_name = snapshot.states_of(index)
        state_names = list(by_name)
        keep = self.current_state()
        set_items(self.state, state_names, state_names.index(keep) if keep in state_names else 0)
        self.state.setVisible(len(state_names) > 1)
        if state is not None:
            self._choose(self.state, state_names.index(state) if state in state_names else 0)
        state = self.current_state() if self.current_state() in by_name else state_names[0]
        states = np.asarray(by_name[state])
        # the output state follows the activation; another (c) is unbounded: its own scale
        own_scale = state != state_names[0]
        self.plot.show_states(states, snapshot.step_labels, "other" if own_scale else None)
        when = translate("HeatmapView", "epoch {0}, batch {1}").format(
            snapshot.epoch + 1, snapshot.batch + 1) if snapshot.batch >= 0 else \
            translate("HeatmapView", "epoch {0} (end)").format(snapshot.epoch + 1)
        activation = "other" if own_scale else self.plot.activation
        # no-break spaces: a wrapped line never splits the scale
        scale = "0\u00a0…\u00a0max\u00a0(ReLU)" if activation == "relu" else \
            "−1\u00a0…\u00a01\u00a0(tanh)" if activation == "tanh" else \
            translate("HeatmapView", "symmetric")
        what = f"{names[index]} · {state}" if len(state_names) > 1 else names[index]
        text = translate("HeatmapView", "{0} · {1} units × {2} steps · {3} · colour {4}").format(
            what, states.shape[1], states.shape[0], when, scale)
        if text != self.detail.text():  # a label laid out anew for nothing costs a layout pass
            self.detail.setText(text)
            self.detail.setToolTip(text)

    def clear(self) -> None:
        self.snapshot = None
        self.plot.clear_states()
        self.detail.setText(translate("HeatmapView", "Train a model to see every unit at every "
                                      "time step."))
        self.detail.release()

    def show_step_labels(self, step_labels: list[str] | tuple[str, ...]) -> None:
        """Before training: the time axis of the new file's probe sequence, as the data layer
        labels it (tokens, or the time column's values)."""
        if self.snapshot is None:
            self.plot.set_step_labels(step_labels)
            self.detail.setText(translate("HeatmapView", "Train a model to see every unit at "
                                          "each of these {0} time steps.")
                                .format(len(step_labels)))

    def _state_changed(self, index: int) -> None:
        if self.snapshot is not None and index >= 0:
            self.show_snapshot(self.snapshot)
        self.stateChanged.emit(self.current_state())

    def _layer_changed(self, index: int) -> None:
        if self.snapshot is not None and index >= 0:
            self.show_snapshot(self.snapshot)
        self.layerChanged.emit(index)


class HeatmapView(RunView):
    """The heatmap as a view of the run model: it shows the selected snapshot, layer and state;
    a click on a cell selects that time step and unit and brings the inspector forward."""

    def __init__(self, model: RunModel, view: ViewSpec, parent: QWidget | None = None) -> None:
        super().__init__(model, view, parent)
        self.panel = QtHiddenStatePlot(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel)
        # the panel redraws itself for its own selectors; the model follows them
        self.panel.layerChanged.connect(lambda i: model.set_layer(max(0, i)))
        self.panel.stateChanged.connect(model.set_state)
        self.panel.plot.cellClicked.connect(self._cell_clicked)

    def _cell_clicked(self, step: int, unit: int) -> None:
        self.model.set_unit(unit)
        self.model.set_step(step)
        self.model.focus("inspector")

    def render(self) -> None:
        snap = self.model.snapshot
        if snap is None:
            if self.panel.snapshot is not None:
                self.panel.clear()
            return
        panel = self.panel
        shown = panel.snapshot is snap and (panel.current_layer(), panel.current_state()) == (
            self.model.layer, self.model.state)
        if not shown:  # the activation's scale is the panel's own: it redraws when it changes
            panel.show_snapshot(snap, self.model.layer, self.model.state)
        panel.plot.mark_step(self.model.step)
