"""Weights and health (the notes, §5: a layer of n units on d inputs has ``n·d + n·n + n``
parameters).

For the selected moment of training and layer: ``Wx``, ``Wh`` and ``b`` as heatmaps on one
colour scale, with their shapes and the parameter count in real numbers; the eigenvalues of ``Wh``
on the complex plane beside the unit circle, and the spectral radius over the run's snapshots; the
share of saturated tanh units and of dead ReLU units, and a warning in words when the run heads for
saturation or divergence. Everything drawn was computed in the training process
(:class:`~seqstudio.engine.events.WeightsSnapshot`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from seqstudio.engine.events import LayerWeights, WeightsSnapshot
from seqstudio.glassbox.health import health_findings, recurrent_block
from seqstudio.gui.combos import set_items
from seqstudio.gui.glass_words import (
    default_activation,
    health_line,
    health_words,
    nice_ceiling,
    parameter_formula,
    snapshot_x,
    weight_label,
)
from seqstudio.gui.i18n import translate
from seqstudio.gui.paint_costs import cache_static, unindexed
from seqstudio.gui.run_model import RunModel
from seqstudio.gui.steady_labels import SteadyLabel
from seqstudio.gui.views import RunView, ViewSpec, still_coming
from seqstudio.gui.weight_plots import COLORMAP, MatrixHeatmap, eigen_plot, radius_plot
from seqstudio.i18n import QT_TRANSLATE_NOOP

EMPTY = QT_TRANSLATE_NOOP("WeightsView", "Train a model to see its weights and how healthy "
                          "they are.")


class QtWeightsView(QWidget):
    """objectName ``weightsPanel``. :meth:`show_snapshot` draws one moment, its layer selector
    picks the recurrent layer of a stacked model."""

    layerChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weightsPanel")
        caption = QLabel(translate("WeightsView", "Weights and health"))
        caption.setStyleSheet("font-weight: 600")
        self.layer = QComboBox()
        self.layer.setObjectName("weightsLayerSelector")
        self.layer.setToolTip(translate("WeightsView", "Which recurrent layer's weights to show "
                                        "(stacked models)."))
        self.layer.setVisible(False)
        self.layer.currentIndexChanged.connect(self._layer_changed)
        # labels that change at every draw only grow: the plots under them never move
        self.when = SteadyLabel("")
        self.when.setStyleSheet("color: #555")
        self.formula = QLabel(translate("WeightsView", EMPTY))
        self.formula.setObjectName("weightsFormula")
        self.formula.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(caption)
        top.addWidget(self.when)
        top.addWidget(self.formula, 1)
        top.addWidget(self.layer)
        self.health = SteadyLabel("")
        self.health.setObjectName("weightsHealth")
        self.health.setWordWrap(True)
        self.health.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.warning = SteadyLabel("")
        self.warning.setObjectName("healthWarning")
        self.warning.setWordWrap(True)
        self.warning.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # always shown (green when all is well): a warning that comes does not re-lay out the view
        self.warning.setMinimumHeight(self.warning.fontMetrics().lineSpacing() + 2)
        self.matrices = pg.GraphicsLayoutWidget()
        self.matrices.setObjectName("weightMatrices")
        unindexed(self.matrices)
        self.matrices.setBackground("w")
        self.heatmaps = [MatrixHeatmap(self.matrices, 0, 0), MatrixHeatmap(self.matrices, 0, 1),
                         MatrixHeatmap(self.matrices, 1, 1)]
        self.heatmaps[2].plot.setMinimumHeight(78)  # b is one row: a strip under Wh
        self.heatmaps[2].plot.setMaximumHeight(78)
        # the heatmaps colour their images themselves (weight_plots.colored): the bar only shows
        # the scale
        self.colorbar = pg.ColorBarItem(values=(-1, 1), colorMap=pg.colormap.get(COLORMAP),
                                        width=10, interactive=False)
        self.matrices.addItem(self.colorbar, row=0, col=2, rowspan=2)
        cache_static(self.colorbar)
        self.eigen_plot, self.eigen_points = eigen_plot(
            translate("WeightsView", "eigenvalues of Wh · unit circle"))
        self.radius_plot, self.radius_curve, self.radius_mark = radius_plot(
            translate("WeightsView", "epoch"), translate("WeightsView", "spectral radius"))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.matrices)
        split.addWidget(self.eigen_plot)
        split.addWidget(self.radius_plot)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 1)
        split.setStretchFactor(2, 1)
        split.setSizes([460, 230, 230])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.health)
        layout.addWidget(self.warning)
        self.snapshot: WeightsSnapshot | None = None
        self.activation = "tanh"
        self._shown: tuple | None = None
        self._history_key: tuple | None = None
        self._eigen_range: float | None = None
        self._levels: tuple[float, float] | None = None
        self._steps_per_epoch = 0
        self._history: list[WeightsSnapshot] = []
        self._eigen_title = ""
        self._peaks: dict[int, float] = {}
        self._history_snaps: list[WeightsSnapshot] = []
        self._history_y = np.zeros(0)
        self._history_at: dict[int, int] = {}  # id of a history snapshot -> its index
        self._history_peak = 0.0  # the largest |weight| of the layer over the history
        self._radius_range: tuple[float, float] | None = None
        self._history_radius = float("nan")

    # -- drawing -----------------------------------------------------------------------------
    def set_activation(self, activation: str) -> None:
        if activation != self.activation:
            self.activation = activation
            self._shown = None
            if self.snapshot is not None:
                self._draw_layer()

    def current_layer(self) -> int:
        return max(0, self.layer.currentIndex())

    def clear(self) -> None:
        self.snapshot = None
        self._shown = self._history_key = self._eigen_range = self._levels = None
        self._radius_range = None
        self._peaks.clear()
        for heatmap in self.heatmaps:
            heatmap.clear()
        self.eigen_points.setData([], [])
        self.radius_curve.setData([], [])
        self.radius_mark.setVisible(False)
        self.formula.setText(translate("WeightsView", EMPTY))
        self.health.setText("")
        self.when.setText("")
        self.show_warning("")
        for label in (self.health, self.when, self.warning):
            label.release()

    def show_warning(self, text: str) -> None:
        """The run's health in words (``""``: nothing to warn of)."""
        shown = f"⚠ {text}" if text else "" if self.snapshot is None else \
            translate("WeightsView", "health: no sign of saturation or divergence so far")
        if shown == self.warning.text():
            return
        style = "color: #b00; font-weight: 600" if text else "color: #2a7a2a"
        if style != self.warning.styleSheet():
            self.warning.setStyleSheet(style)
        self.warning.setText(shown)
        self.warning.setToolTip(shown)

    def show_snapshot(self, snapshot: WeightsSnapshot | None,
                      history: Sequence[WeightsSnapshot] = (), warning: str = "",
                      steps_per_epoch: int = 0) -> None:
        """Draw ``snapshot`` (the selected moment), its spectral radius among ``history`` (every
        weights snapshot of the run so far, in training order), and ``warning``;
        ``steps_per_epoch`` places mid-epoch snapshots on the epoch axis."""
        self._steps_per_epoch = steps_per_epoch
        self.snapshot = snapshot
        self.show_warning(warning)
        if snapshot is None:
            return
        names = [layer.name for layer in snapshot.layers]
        set_items(self.layer, names, self.current_layer())
        self.layer.setVisible(len(names) > 1)
        self._history = history
        self._draw_layer()

    def _draw_layer(self) -> None:
        snap = self.snapshot
        if snap is None or not snap.layers:
            return
        index = min(self.current_layer(), len(snap.layers) - 1)
        layer = snap.layers[index]
        self._draw_history(self._history, index)
        key = (id(snap), index, self.activation)
        if key == self._shown:
            return
        self._shown = key
        items = list(layer.weights.items())[:3]
        # One rounded scale for the whole run so far: epochs compare, and it changes rarely.
        peak = nice_ceiling(max(self._history_peak, self._peak(layer)))
        levels = (-peak, peak)
        if levels != self._levels:
            self._levels = levels
            self.colorbar.setLevels(levels)
        unit_j = translate("WeightsView", "unit j")
        axes = {"kernel": (translate("WeightsView", "input i"), unit_j),
                "recurrent_kernel": (translate("WeightsView", "from unit i"),
                                     translate("WeightsView", "to unit j")),
                "bias": ("", unit_j)}
        for heatmap, (path, values) in zip(self.heatmaps, items, strict=False):
            rows, cols = axes.get(path.rsplit("/", 1)[-1], ("", ""))
            heatmap.show(values, weight_label(path, values), levels, rows, cols)
        for heatmap in self.heatmaps[len(items):]:
            heatmap.clear()
        eig = np.asarray(layer.eigvals)
        self.eigen_points.setData(eig.real, eig.imag)
        block = recurrent_block(layer.cell_type, layer.weights)
        title = translate("WeightsView", "no square recurrent matrix in this cell") \
            if block is None else \
            translate("WeightsView", "eigenvalues of Wh · unit circle") if block.kind == "matrix" \
            else translate("WeightsView", "eigenvalues of {0}").format(
                block.words(lambda template: translate("GlassWords", template), symbol="Wh"))
        if title != self._eigen_title:
            self._eigen_title = title
            self.eigen_plot.getPlotItem().setTitle(title, size="8pt")
        radii = [r for r in (self._history_radius, layer.spectral_radius) if np.isfinite(r)]
        reach = nice_ceiling(max([1.15, *(1.1 * r for r in radii)]))
        if reach != self._eigen_range:
            self._eigen_range = reach
            self.eigen_plot.getPlotItem().getViewBox().setRange(
                xRange=(-reach, reach), yRange=(-reach, reach), padding=0)
        # a label set to the text it shows is laid out again for nothing: set only what changed
        _set_text(self.formula, f" · {layer.name}: {parameter_formula(layer.weights)}",
                  " · ".join(weight_label(p, w) for p, w in items))
        _set_text(self.health, health_line(layer, self.activation))
        _set_text(self.when, "  " + (translate("WeightsView", "epoch {0}, batch {1}").format(
            snap.epoch + 1, snap.batch + 1) if snap.batch >= 0 else
            translate("WeightsView", "epoch {0} (end)").format(snap.epoch + 1)))

    def _peak(self, layer: LayerWeights) -> float:
        """The largest finite |weight| of the layer's first three weights (kept per snapshot)."""
        peak = self._peaks.get(id(layer))
        if peak is None:
            finite = [float(np.abs(w[np.isfinite(w)]).max())
                      for w in list(layer.weights.values())[:3] if np.isfinite(w).any()]
            peak = self._peaks[id(layer)] = max(finite, default=1.0) or 1.0
        return peak

    def _draw_history(self, history: Sequence[WeightsSnapshot], index: int) -> None:
        key = (len(history), id(history[-1]) if history else None, index)
        if key != self._history_key:
            self._history_key = key
            usable = [s for s in history if index < len(s.layers)]
            self._history_x = snapshot_x(usable, self._steps_per_epoch)
            self._history_y = np.array([s.layers[index].spectral_radius for s in usable])
            self._history_snaps = usable
            self._history_at = {id(s): i for i, s in enumerate(usable)}
            self._history_peak = max((self._peak(s.layers[index]) for s in usable), default=0.0)
            self.radius_curve.setData(self._history_x, self._history_y)
            finite = self._history_y[np.isfinite(self._history_y)]
            # the largest finite radius of the history (read by every draw of the layer)
            self._history_radius = float(finite.max()) if finite.size else float("nan")
            top = nice_ceiling(max(1.2, 1.1 * float(finite.max()))) if finite.size else 1.2
            right = float(np.ceil(self._history_x.max())) if usable else 1.0
            view_range = (max(right, 1.0), top)
            if view_range != self._radius_range:  # the axes are laid out again when it moves
                self._radius_range = view_range
                self.radius_plot.getPlotItem().getViewBox().setRange(
                    xRange=(0, view_range[0]), yRange=(0, top), padding=0.04)
        at = self._history_at.get(id(self.snapshot))
        if at is not None and self._history_snaps[at] is not self.snapshot:
            at = None
        self.radius_mark.setVisible(at is not None)
        if at is not None:
            self.radius_mark.setPos(self._history_x[at])

    def _layer_changed(self, index: int) -> None:
        if self.snapshot is not None and index >= 0:
            self._draw_layer()
        self.layerChanged.emit(index)


def _set_text(label: QLabel, text: str, tooltip: str | None = None) -> None:
    if label.text() != text:
        label.setText(text)
    if tooltip is not None and label.toolTip() != tooltip:
        label.setToolTip(tooltip)


class WeightsView(RunView):
    """The weights panel as a view of the run model: the weights taken with the selected
    snapshot, for the selected layer, and :func:`~seqstudio.glassbox.health.health_findings` over
    the snapshots up to it."""

    def __init__(self, model: RunModel, view: ViewSpec, parent: QWidget | None = None) -> None:
        super().__init__(model, view, parent)
        self.panel = QtWeightsView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel)
        self.panel.layerChanged.connect(lambda i: model.set_layer(max(0, i)))
        self._activation = ""

    @property
    def activation(self) -> str:
        """The activation the window gave (empty until it gives one)."""
        return self._activation

    def set_activation(self, activation: str) -> None:
        """The cell's activation, as the window knows it from the model's settings: which share
        (saturated or dead) and which warnings apply. Until it is called, the cell type's
        default activation is used."""
        if activation != self._activation:
            self._activation = activation
            self.mark_pending()

    def render(self) -> None:
        weights = self.model.weights_at()
        if weights is None and still_coming(self.model, self.model.weights):
            return
        if weights is None:
            if self.panel.snapshot is not None or self.model.snapshot is None:
                self.panel.clear()
            if self.model.snapshot is not None:
                self.panel.formula.setText(translate("WeightsView", "No weights were recorded "
                                                     "with this snapshot (a run from before the "
                                                     "weights view, or not yet)."))
            return
        series = self.model.weights_series()  # in training order, sorted once per new snapshot
        at = self.model.series_index(weights)
        # health_findings reads the newest and the one four before it
        upto = series[max(0, at - 4):at + 1] if at is not None else [weights]
        if self.panel.layer.currentIndex() != self.model.layer and \
                self.model.layer < len(weights.layers):
            self.panel.layer.blockSignals(True)
            self.panel.layer.setCurrentIndex(self.model.layer)
            self.panel.layer.blockSignals(False)
        self.panel.set_activation(self._activation or default_activation(weights))
        self.panel.show_snapshot(weights, series, health_words(health_findings(upto, self.panel.activation)),
                                 self.model.steps_per_epoch)
