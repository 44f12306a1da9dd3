"""The cell inspector (lecture notes §1, §4): one time step's arithmetic with the real numbers.

For the selected moment of training (the scrubber), layer and step, it shows as labelled strips
of n values ``x_t`` (as the layer sees it: one-hot, embedded or scaled), ``x_t·Wx``, ``h_{t-1}``
(``h_0 = 0`` at t = 1), ``h_{t-1}·Wh``, ``b``, the pre-activation ``z`` and ``h_t = act(z)``, with
every gate the plugin's reference step reports for cells with several states, and one line that
says how closely the numbers redone here match the Keras layer's ``h_t`` from the snapshot.

The numbers come from :func:`seqstudio.glassbox.arithmetic.step_arithmetic`, computed on the
weights and inputs the training process snapshotted (a :class:`WeightsSnapshot`); this view only
lays them out.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from seqstudio.gui.i18n import translate
from seqstudio.gui.qt_hidden_state_plot import readable_token
from seqstudio.gui.qt_strips import Strip, StripsCanvas
from seqstudio.gui.run_model import RunModel
from seqstudio.gui.views import RunView, ViewSpec, still_coming


def step_strips(model: RunModel) -> tuple[list[Strip], str, str]:
    """The strips, the verification line and a title for the model's selection; raises
    ``LookupError`` with a sentence for a person when there is nothing to show."""
    snap = model.snapshot
    if snap is None:
        raise LookupError(translate("InspectorView", "Train a model or open a run, then click a "
                                    "time step on the heatmap or on the unrolled view, or pick "
                                    "one here."))
    weights = model.weights_at(snap)
    if weights is None:
        raise LookupError(translate("InspectorView", "This snapshot has no weights with it (a "
                                    "run from before the inspector, or the glass box was off for "
                                    "this model), so its arithmetic cannot be redone."))
    from seqstudio.errors import SeqstudioError
    from seqstudio.glassbox.arithmetic import step_arithmetic

    layer = min(model.layer, len(snap.states) - 1, len(weights.layers) - 1)
    step = 0 if model.step is None else model.step
    try:
        result = step_arithmetic(weights.layers[layer], snap, layer, step + 1)
    except SeqstudioError as exc:
        raise LookupError(str(exc)) from exc
    strips = [Strip(_strip_label(s, result), np.asarray(s.values, dtype=float))
              for s in result.strips]
    strips += [Strip(gate_label(g), np.asarray(g.values, dtype=float)) for g in result.gates]
    which = ", ".join(f"{name}_t" for name in result.states)
    verification = translate("InspectorView", "equals the Keras layer's {0} to {1} (the numpy "
                             "reference step of {2} against the states Keras computed)").format(
        which, f"{result.max_error:.1g}", repr(weights.layers[layer].cell_type))
    return strips, verification, _title(snap, layer, step)


def gate_label(gate: Any) -> str:
    """A gate's strip label in the user's language: "gate <name> (n,)", the name as the cell's
    plugin marked it for the translators (context "cells"); English reads as the core's label."""
    shape = f"({np.asarray(gate.values).shape[-1]},)"
    return translate("InspectorView", "gate {0}").format(f"{translate('cells', gate.name)} {shape}")


def _strip_label(strip: Any, result: Any) -> str:
    """The strip's label in the user's language: the core's words for the input, formulas
    as they are for the rest."""
    shape = f"({np.asarray(strip.values).shape[-1]},)"
    if strip.name in ("b_input", "b_recurrent"):  # a GRU's two biases
        from seqstudio.glassbox.arithmetic import BIAS_WORDS

        return f"{translate('GlassWords', BIAS_WORDS[strip.name[2:]])} {shape}"
    if strip.name != "x_t":
        return strip.label
    return (translate("InspectorView", "x_{0} = {1} {2}, the layer below's h") if result.layer_index
            else translate("InspectorView", "x_{0} = {1} {2}, as the layer sees it")).format(
        result.t, repr(result.step_label), shape)


def _title(snap: Any, layer: int, step: int) -> str:
    label = readable_token(snap.step_labels[step]) if step < len(snap.step_labels) else ""
    names = snap.layer_names or ()
    name = names[layer] if layer < len(names) else \
        translate("InspectorView", "layer {0}").format(layer + 1)
    when = translate("InspectorView", "epoch {0}, batch {1}").format(
        snap.epoch + 1, snap.batch + 1) if snap.batch >= 0 else \
        translate("InspectorView", "epoch {0} (end)").format(snap.epoch + 1)
    start = translate("InspectorView", " · h₀ = 0: nothing came before") if step == 0 else ""
    return f"t = {step + 1} ('{label}') · {name} · {when}{start}"


class InspectorView(RunView):
    def __init__(self, model: RunModel, view: ViewSpec, parent: QWidget | None = None) -> None:
        super().__init__(model, view, parent)
        self.step = QSpinBox()
        self.step.setObjectName("inspectorStep")
        self.step.setPrefix("t = ")
        self.step.setMinimum(1)
        self.step.setToolTip(translate("InspectorView", "The time step of the probe sequence (1 "
                                       "is the first)."))
        self.step.valueChanged.connect(lambda v: model.set_step(v - 1))
        self.layer = QComboBox()
        self.layer.setObjectName("inspectorLayer")
        self.layer.setToolTip(translate("InspectorView", "Which recurrent layer (stacked "
                                        "models)."))
        self.layer.currentIndexChanged.connect(lambda i: model.set_layer(i) if i >= 0 else None)
        self.title = QLabel()
        self.title.setObjectName("inspectorTitle")
        self.title.setStyleSheet("font-weight: 600")
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.step)
        top.addWidget(self.layer)
        top.addWidget(self.title, 1)
        self.strips = StripsCanvas()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.strips)
        self.verification = QLabel()
        self.verification.setObjectName("inspectorVerification")
        self.verification.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #555")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.verification)

    def _sync_controls(self) -> None:
        snap = self.model.snapshot
        names = [] if snap is None else (list(snap.layer_names)
                                         or [translate("InspectorView", "layer {0}").format(i + 1)
                                             for i in range(len(snap.states))])
        self.step.blockSignals(True)
        self.layer.blockSignals(True)
        if [self.layer.itemText(i) for i in range(self.layer.count())] != names:
            self.layer.clear()
            self.layer.addItems(names)
        self.layer.setCurrentIndex(min(self.model.layer, len(names) - 1) if names else -1)
        self.layer.setVisible(len(names) > 1)
        steps = len(snap.step_labels) if snap is not None else 1
        self.step.setMaximum(max(1, steps))
        self.step.setValue(1 + (self.model.step or 0))
        self.step.blockSignals(False)
        self.layer.blockSignals(False)

    def render(self) -> None:
        if self.model.snapshot is not None and self.model.weights_at() is None and \
                still_coming(self.model, self.model.weights):
            return
        self._sync_controls()
        try:
            strips, verification, title = step_strips(self.model)
        except LookupError as why:
            self.strips.set_strips([])
            self.title.setText("")
            self.verification.setText("")
            self.message.setText(str(why))
            self.message.setVisible(True)
            return
        self.message.setVisible(False)
        self.title.setText(title)
        self.title.setToolTip(title)
        self.strips.set_strips(strips)
        self.verification.setText(verification)
