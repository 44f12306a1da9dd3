"""One step of one layer with the real numbers: the cell inspector's arithmetic.

Pure numpy, from what the training process recorded: a layer's weights and inputs
(:class:`~seqstudio.engine.events.LayerWeights`) and the hidden states Keras computed
(:class:`~seqstudio.engine.events.HiddenSnapshot`) at the same moment.

Time steps are counted **from 1**, as the lecture notes count them: step ``t = 1`` reads
``h_0 = 0`` (every state zero), step ``t`` reads ``h_{t-1}``, Keras' state after step ``t-1``
(``hidden.states_of(layer)[...][t - 2]``). The new states are the cell type's own numpy
reference step (the plugin's ``reference_call``/``reference_step``), and the verification
compares them with the states Keras computed for that step.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from seqstudio.engine.events import HiddenSnapshot, LayerWeights
from seqstudio.errors import SeqstudioError
from seqstudio.i18n import QT_TRANSLATE_NOOP

ACTIVATIONS = {"tanh": np.tanh, "relu": lambda z: np.maximum(z, 0.0)}
#: a GRU's two bias rows as their strips name them; lupdate collects them (context GlassWords)
#: so the inspector says them in the user's language
BIAS_WORDS = {"input": QT_TRANSLATE_NOOP("GlassWords", "b (input)"),
              "recurrent": QT_TRANSLATE_NOOP("GlassWords", "b (recurrent)")}


@dataclass(frozen=True)
class Strip:
    """One labelled row of values: ``name`` is the symbol (``x_t·Wx``), ``label`` the line a
    person reads (``x_3·Wx (10,)``), ``values`` a 1-D array."""

    name: str
    label: str
    values: np.ndarray


@dataclass(frozen=True)
class StepArithmetic:
    """Step ``t`` (from 1) of layer ``layer_index``.

    ``strips``, in order: ``x_t``, ``x_t·Wx``, ``h_{t-1}`` (and every other previous state,
    ``c_{t-1}``), ``h_{t-1}·Wh``, ``b`` (an input and a recurrent bias for a GRU), ``z`` (their
    sum, the pre-activation; omitted where the cell does not add them up, the GRU), ``h_t`` (and
    every other new state). For a plain cell with a known activation, ``h_t = act(z)``.
    ``gates`` holds what the cell type's ``reference_gates`` reports (LSTM/GRU gates), empty
    for cells without. ``states`` are the reference's new states by name, ``keras`` Keras'
    states for this step; ``max_error`` is the largest ``|ours − Keras|`` over every state
    (NaN when Keras' states were not recorded), ``verification`` says it in words.
    """

    layer: str
    layer_index: int
    t: int
    step_label: str
    activation: str
    strips: tuple[Strip, ...]
    gates: tuple[Strip, ...]
    states: dict[str, np.ndarray]
    keras: dict[str, np.ndarray]
    max_error: float
    verification: str

    def strip(self, name: str) -> Strip:
        """The strip (or gate) called ``name``; ``KeyError`` lists the names there are."""
        for s in (*self.strips, *self.gates):
            if s.name == name:
                return s
        raise KeyError(f"no strip {name!r}; there are "
                       f"{', '.join(s.name for s in (*self.strips, *self.gates))}")

    def lines(self, digits: int = 4) -> list[str]:
        """The strips as text, one per line (``seqstudio inspect --step``)."""
        width = max(len(s.label) for s in (*self.strips, *self.gates))
        fmt = f"{{:{digits + 6}.{digits}f}}"
        out = [f"{self.layer}, step t = {self.t} ({self.step_label}), activation "
               f"{self.activation}"]
        for title, group in (("", self.strips), ("gates", self.gates)):
            if group and title:
                out.append(f"{title}:")
            out += [f"  {s.label:<{width}} " + " ".join(fmt.format(v) for v in s.values)
                    for s in group]
        out.append(self.verification)
        return out


class StepError(SeqstudioError):
    """A step that cannot be shown: out of range, or a snapshot without the states needed."""


def step_arithmetic(layer: LayerWeights, hidden: HiddenSnapshot, layer_index: int, t: int,
                    registry: Any = None, params: Mapping[str, Any] | None = None
                    ) -> StepArithmetic:
    """The arithmetic of step ``t`` (from 1) of layer ``layer_index``.

    :param layer: that layer's weights and inputs (``WeightsSnapshot.layers[layer_index]``).
    :param hidden: the hidden-state snapshot of the same moment (Keras' states).
    :param registry: where to find the cell type (default: the installed plugins).
    :param params: the cell's hyperparameters; default ``layer.params`` when the snapshot has
        them, else the cell type's defaults.
    :raises StepError: for a step or layer out of range, or a cell type without a numpy
        reference.
    """
    from seqstudio.plugins import get_registry
    from seqstudio.reference import LayerWeights as ByPath

    cell = (registry or get_registry()).cell_type(layer.cell_type)
    if not cell.has_reference:
        raise StepError(f"cell type {cell.name!r} has no numpy reference step, so its "
                              "arithmetic cannot be shown")
    params = cell.resolve(params if params is not None else getattr(layer, "params", None) or {})
    x_all = np.asarray(layer.inputs, dtype=np.float64)
    steps = x_all.shape[0]
    if not 0 <= layer_index < len(hidden.states):
        raise StepError(f"layer {layer_index} does not exist; the model has layers 0 to "
                              f"{len(hidden.states) - 1}")
    if not 1 <= t <= steps:
        raise StepError(f"step {t} does not exist; steps count from 1 to {steps}")
    keras_states = {k: np.asarray(v, dtype=np.float64)
                    for k, v in hidden.states_of(layer_index).items()}
    names = tuple(cell.state_names)
    if tuple(keras_states) != names[:len(keras_states)] or len(keras_states) != len(names):
        raise StepError(f"this snapshot holds the states {tuple(keras_states)} of layer "
                              f"{layer.name!r}, but the cell has {names}; a run from before "
                              "every state was recorded cannot show this step")
    weights = ByPath({k: np.asarray(v, dtype=np.float64) for k, v in layer.weights.items()})
    x_t = x_all[t - 1]
    previous = tuple(np.zeros_like(keras_states[n][0]) if t == 1 else keras_states[n][t - 2]
                     for n in names)
    output, new_states = cell.call_reference(x_t[None], tuple(p[None] for p in previous),
                                             weights, params)
    ours = {n: np.asarray(s, dtype=np.float64)[0] for n, s in zip(names, new_states,
                                                                  strict=True)}
    keras_now = {n: keras_states[n][t - 1] for n in names}
    label = hidden.step_labels[t - 1] if t - 1 < len(hidden.step_labels) else ""
    activation = cell.activation_for(params)
    strips = _strips(weights, x_t, previous, names, ours, t, label, activation, layer_index)
    gates: tuple[Strip, ...] = ()
    if cell.reference_gates is not None:
        found = cell.reference_gates(x_t[None], tuple(p[None] for p in previous), weights,
                                     params)
        gates = tuple(Strip(k, f"{k} ({np.asarray(v).shape[-1]},)",
                            np.asarray(v, dtype=np.float64)[0]) for k, v in found.items())
    error = max(float(np.max(np.abs(ours[n] - keras_now[n]))) for n in names)
    which = ", ".join(f"{n}_t" for n in names)
    return StepArithmetic(
        layer=layer.name, layer_index=layer_index, t=t, step_label=label,
        activation=activation, strips=strips, gates=gates, states=ours, keras=keras_now,
        max_error=error,
        verification=f"equals the Keras layer's {which} to {error:.1g} (the numpy reference "
                     f"step of {cell.name!r} against the states Keras computed)")


def _strips(weights: Any, x_t: np.ndarray, previous: tuple[np.ndarray, ...],
            names: tuple[str, ...], ours: dict[str, np.ndarray], t: int, label: str,
            activation: str, layer_index: int) -> tuple[Strip, ...]:
    def shape(v: np.ndarray) -> str:
        return f"({v.shape[-1]},)"

    source = "the layer below's h" if layer_index else "as the layer sees it"
    strips = [Strip("x_t", f"x_{t} = {label!r} {shape(x_t)}, {source}", x_t)]
    kernel = weights["kernel"] if "kernel" in weights else None
    recurrent = weights["recurrent_kernel"] if "recurrent_kernel" in weights else None
    bias = weights["bias"] if "bias" in weights else None
    parts = []
    if kernel is not None and kernel.ndim == 2 and kernel.shape[0] == x_t.shape[-1]:
        xw = x_t @ kernel
        strips.append(Strip("x_t·Wx", f"x_{t}·Wx {shape(xw)}", xw))
        parts.append(xw)
    for n, p in zip(names, previous, strict=True):
        note = f"{n}_0 = 0" if t == 1 else f"{n}_{t - 1}"
        strips.append(Strip(f"{n}_{{t-1}}", f"{note} {shape(p)}", p))
    h_prev = previous[0]
    if recurrent is not None and recurrent.shape[0] == h_prev.shape[-1]:
        hw = h_prev @ recurrent if recurrent.ndim == 2 else h_prev * recurrent
        strips.append(Strip("h_{t-1}·Wh", f"h_{t - 1}·Wh {shape(hw)}", hw))
        parts.append(hw)
    if bias is not None and bias.ndim == 1:
        strips.append(Strip("b", f"b {shape(bias)}", bias))
        parts.append(bias)
    elif bias is not None and bias.ndim == 2:  # a GRU's input and recurrent biases
        for row, what in zip(bias, ("input", "recurrent"), strict=False):
            strips.append(Strip(f"b_{what}", f"{BIAS_WORDS[what]} {shape(row)}", row))
    widths = {p.shape[-1] for p in parts}
    additive = len(parts) >= 2 and len(widths) == 1 and (bias is None or bias.ndim == 1)
    if additive:
        z = sum(parts)
        strips.append(Strip("z", f"z = x_{t}·Wx + h_{t - 1}·Wh" + (" + b" if bias is not None
                                                                 else "") + f" {shape(z)}", z))
    for n in names:
        plain = additive and n == names[0] and len(names) == 1 and z.shape == ours[n].shape
        how = f" = {activation}(z)" if plain and activation in ACTIVATIONS else ""
        strips.append(Strip(f"{n}_t", f"{n}_{t}{how} {shape(ours[n])}", ours[n]))
    return tuple(strips)
