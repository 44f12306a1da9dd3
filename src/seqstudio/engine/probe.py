"""Hidden-state snapshots in one compiled call.

``BuiltModel.probe`` copies the trained weights into the probe's twin layer through numpy and runs
the probe model eagerly: correct, and a few milliseconds. Snapshots every few batches need it
cheaper, so the engine wraps the same probe model in a ``tf.function`` that copies the weights
variable to variable and runs the forward pass in one call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np


def fast_probe(built: Any, x: np.ndarray) -> Callable[[np.ndarray], list[dict[str, np.ndarray]]]:
    """A function ``x -> [{state: (B, T, n_i)}, ...]`` equal to ``built.probe_states(x)``; falls
    back to it."""
    import tensorflow as tf

    probe_model, twins = built.probe_parts()
    pairs = [pair for layer, twin in twins
             for pair in zip(layer.weights, twin.weights, strict=True)]
    spec = probe_model.inputs[0]
    dtype = np.dtype(spec.dtype)

    @tf.function(input_signature=[tf.TensorSpec((None, *spec.shape[1:]), spec.dtype)])
    def run(inputs):
        for src, dst in pairs:
            dst.assign(src)
        outputs = probe_model(inputs, training=False)
        return list(outputs) if isinstance(outputs, list | tuple) else [outputs]

    def probe(values: np.ndarray) -> list[dict[str, np.ndarray]]:
        return built.split_probe_outputs(list(run(np.asarray(values, dtype=dtype))))

    expected = built.probe_states(x)
    got = probe(x)
    if len(got) != len(expected) or not all(
            a.keys() == b.keys() and all(np.allclose(a[k], b[k], atol=1e-5) for k in a)
            for a, b in zip(got, expected, strict=True)):
        return built.probe_states
    return probe
