"""The probe model: every state of every recurrent layer at every time step.

A Keras RNN layer returns its output at every step (``return_sequences=True``), which is the
cell's first state ``h``; the other states (an LSTM's ``c``) stay inside its loop. The probe
therefore runs, beside the model's own layers, a *twin* of each layer whose output it cannot
read as it is: the last layer when it returns only its final state, and every layer of a cell
with several states. A several-state twin wraps a copy of the cell in :class:`StateTap`, whose
output at each step is all new states side by side. The twin's weights are copied from the
trained layer before each probe.

Imports Keras; :mod:`seqstudio.model` imports this module only when a probe is first built.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any

import keras
from keras import ops

from seqstudio.reference import state_sizes


class StateTap(keras.layers.Layer):
    """A cell that runs ``cell`` and outputs every one of its new states, concatenated."""

    def __init__(self, cell: Any, **kwargs) -> None:
        super().__init__(**kwargs)
        self.cell = cell
        self.state_size = cell.state_size
        self.sizes = [int(s) for s in _flat_sizes(cell.state_size)]
        self.output_size = sum(self.sizes)
        self._pass_training = "training" in inspect.signature(cell.call).parameters

    def build(self, input_shape) -> None:
        if not self.cell.built:
            self.cell.build(input_shape)

    def call(self, inputs, states, training=False):
        kwargs = {"training": training} if self._pass_training else {}
        _, new_states = self.cell(inputs, list(states), **kwargs)
        if not isinstance(new_states, list | tuple):
            new_states = [new_states]
        return ops.concatenate(list(new_states), axis=-1), list(new_states)

    def get_initial_state(self, batch_size=None):
        if hasattr(self.cell, "get_initial_state"):
            return self.cell.get_initial_state(batch_size=batch_size)
        return [ops.zeros((batch_size, s), dtype=self.compute_dtype) for s in self.sizes]


def _layer_input(layer: Any) -> dict[str, Any]:
    """What ``layer`` was called on: its sequences, and the mask of padded text, which Keras
    records beside them as a second input."""
    inputs = layer.input
    if isinstance(inputs, list | tuple):
        return {"sequences": inputs[0], "mask": inputs[1]}
    return {"sequences": inputs}


def _flat_sizes(size: Any) -> list[int]:
    sizes = list(size) if isinstance(size, list | tuple) else [size]
    return [int(s[0] if isinstance(s, list | tuple) else s) for s in sizes]


@dataclass
class ProbeLayout:
    """Which outputs of the probe model hold which layer's states.

    ``slots[i]`` is ``(output index, [(state name, start, stop), ...])``: layer ``i``'s states
    are columns ``start:stop`` of that output.
    """

    slots: list[tuple[int, list[tuple[str, int, int]]]]


def build_probe(model: Any, layers: list[Any], state_names: list[tuple[str, ...]]
                ) -> tuple[Any, list[tuple[Any, Any]], ProbeLayout]:
    """The probe model, the ``(trained layer, twin)`` pairs whose weights must be copied before
    each probe, and the layout of its outputs."""
    outputs, twins, slots = [], [], []
    for layer, names in zip(layers, state_names, strict=True):
        sizes = state_sizes(layer)
        if len(sizes) == 1 and layer.return_sequences:
            seq = layer.output  # already every step; shares the trained weights
            spans = [(names[0], 0, sizes[0])]
        elif len(sizes) == 1:
            config = layer.get_config()
            config["return_sequences"] = True
            config["name"] = f"probe_{layer.name}"
            twin = layer.__class__.from_config(config)
            seq = twin(**_layer_input(layer))
            twins.append((layer, twin))
            spans = [(names[0], 0, sizes[0])]
        else:
            cell = layer.cell.__class__.from_config(layer.cell.get_config())
            twin = keras.layers.RNN(StateTap(cell), return_sequences=True,
                                    unroll=bool(getattr(layer, "unroll", False)),
                                    name=f"probe_{layer.name}")
            seq = twin(**_layer_input(layer))
            twins.append((layer, twin))
            spans, start = [], 0
            for name, size in zip(names, sizes, strict=True):
                spans.append((name, start, start + size))
                start += size
        slots.append((len(outputs), spans))
        outputs.append(seq)
    probe_model = keras.Model(model.inputs[0], outputs, name="probe")
    return probe_model, twins, ProbeLayout(slots)


def split_states(outputs: list[Any], layout: ProbeLayout) -> list[dict[str, Any]]:
    """The probe model's outputs as one ``{state name: (B, T, size)}`` dict per layer."""
    result = []
    for index, spans in layout.slots:
        seq = outputs[index]
        result.append({name: seq[..., start:stop] for name, start, stop in spans})
    return result
