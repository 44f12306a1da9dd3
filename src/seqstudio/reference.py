"""Run a cell type's numpy reference over a built model's layers, every state at every step.

Shared by the plugin checker (:mod:`seqstudio.testing`) and the cell inspector. The weights a
reference receives are keyed by their path inside the layer's cell (:func:`weights_by_path`), so
two nested variables of the same short name never collide.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import numpy as np

from seqstudio.errors import PluginError
from seqstudio.spec import CellType


class ReferenceShapeError(PluginError):
    """A reference step returned something of the wrong form; the message names what was
    expected."""


class LayerWeights(Mapping[str, np.ndarray]):
    """A layer's weights keyed by their path inside the cell (``kernel``, ``gate/kernel``).

    A short name (the last part of a path) also finds its weight as long as only one weight has
    it, so a 1.0 reference's ``weights["kernel"]`` keeps working; an ambiguous short name raises
    a ``KeyError`` that lists the paths to choose from.
    """

    def __init__(self, by_path: Mapping[str, np.ndarray]) -> None:
        self._by_path = dict(by_path)
        self._by_short: dict[str, list[str]] = {}
        for path in self._by_path:
            self._by_short.setdefault(path.rsplit("/", 1)[-1], []).append(path)

    def __getitem__(self, key: str) -> np.ndarray:
        if key in self._by_path:
            return self._by_path[key]
        paths = self._by_short.get(key, [])
        if len(paths) == 1:
            return self._by_path[paths[0]]
        if paths:
            raise KeyError(f"weight name {key!r} is ambiguous: use one of the paths "
                           f"{', '.join(map(repr, paths))}")
        raise KeyError(f"no weight {key!r}; the layer has {', '.join(map(repr, self._by_path))}")

    def __contains__(self, key: object) -> bool:
        return key in self._by_path or len(self._by_short.get(str(key), [])) == 1

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_path)

    def __len__(self) -> int:
        return len(self._by_path)

    def __repr__(self) -> str:
        shapes = ", ".join(f"{k!r}: {v.shape}" for k, v in self._by_path.items())
        return f"LayerWeights({{{shapes}}})"


def weight_path(layer: Any, variable: Any) -> str:
    """The path of ``variable`` inside ``layer``'s cell (or inside the layer, for a weight
    outside the cell)."""
    path = str(getattr(variable, "path", variable.name))
    cell = getattr(layer, "cell", None)
    for owner in (cell, layer):
        prefix = getattr(owner, "path", None)
        if prefix and path.startswith(prefix + "/"):
            return path[len(prefix) + 1:]
    return path


def weights_by_path(layer: Any, dtype: Any = None) -> LayerWeights:
    """``layer``'s weights as numpy arrays keyed by :func:`weight_path`."""
    arrays = {}
    for w in layer.weights:
        value = np.asarray(w.numpy())
        arrays[weight_path(layer, w)] = value.astype(dtype) if dtype is not None else value
    return LayerWeights(arrays)


def state_sizes(layer: Any) -> list[int]:
    """The size of every state of a recurrent layer's cell, in Keras' ``state_size`` order."""
    size = layer.cell.state_size
    sizes = list(size) if isinstance(size, list | tuple) else [size]
    return [int(s[0] if isinstance(s, list | tuple) else s) for s in sizes]


def check_state_names(cell_type: CellType, layer: Any) -> None:
    """Raise :class:`ReferenceShapeError` when the declared state names do not match the cell."""
    sizes = state_sizes(layer)
    if len(sizes) != len(cell_type.state_names):
        raise ReferenceShapeError(
            f"cell type {cell_type.name!r} names {len(cell_type.state_names)} state(s) "
            f"{cell_type.state_names} but layer {layer.name!r} has {len(sizes)} "
            f"(state_size={layer.cell.state_size}); set CellType.state_names to match")


def reference_states(cell_type: CellType, layers: list[Any], params: Mapping[str, Any],
                     x: np.ndarray) -> list[dict[str, np.ndarray]]:
    """Run the numpy reference over every layer and time step from zero states.

    :param layers: the model's recurrent layers, in order.
    :param x: ``(B, T, d)``, the input as the first recurrent layer sees it.
    :return: one dict per layer, ``{state name: (B, T, size)}`` in ``state_names`` order.
    :raises ReferenceShapeError: when the reference returns the wrong form or shapes; the message
        names the shapes it expected.
    """
    if not cell_type.has_reference:
        raise PluginError(f"cell type {cell_type.name!r} has no numpy reference step")
    result = []
    seq = np.asarray(x, dtype=np.float64)
    for layer in layers:
        check_state_names(cell_type, layer)
        weights = weights_by_path(layer, np.float64)
        batch = seq.shape[0]
        sizes = state_sizes(layer)
        states = tuple(np.zeros((batch, s)) for s in sizes)  # zero initial states
        out_size = int(layer.cell.output_size)
        outputs, history = [], {name: [] for name in cell_type.state_names}
        for t in range(seq.shape[1]):
            returned = cell_type.call_reference(seq[:, t, :], states, weights, params)
            output, states = _validate(cell_type, layer, returned, batch, sizes, out_size, t)
            outputs.append(output)
            for name, s in zip(cell_type.state_names, states, strict=True):
                history[name].append(s)
        seq = np.stack(outputs, axis=1)
        result.append({name: np.stack(v, axis=1) for name, v in history.items()})
    return result


def _validate(cell_type: CellType, layer: Any, returned: Any, batch: int, sizes: list[int],
              out_size: int, t: int) -> tuple[np.ndarray, tuple[np.ndarray, ...]]:
    names = cell_type.state_names
    want_states = ", ".join(f"{n} ({batch}, {s})" for n, s in zip(names, sizes, strict=True))
    form = ("reference_step must return h_t of shape "
            f"({batch}, {sizes[0]})" if cell_type.reference_call is None else
            f"reference_call must return (output, new_states) with output ({batch}, {out_size}) "
            f"and new_states a tuple of {len(sizes)}: {want_states}")
    where = f"cell type {cell_type.name!r}, layer {layer.name!r}, time step {t}"
    if not (isinstance(returned, tuple | list) and len(returned) == 2):
        raise ReferenceShapeError(f"{where}: {form}; got {_describe(returned)}")
    output, new_states = returned
    if isinstance(new_states, np.ndarray) or not isinstance(new_states, tuple | list):
        raise ReferenceShapeError(f"{where}: {form}; new_states is {_describe(new_states)}")
    if len(new_states) != len(sizes):
        raise ReferenceShapeError(f"{where}: {form}; got {len(new_states)} state(s)")
    output = np.asarray(output, dtype=np.float64)
    if output.shape != (batch, out_size):
        raise ReferenceShapeError(f"{where}: {form}; output has shape {output.shape}")
    checked = []
    for name, size, s in zip(names, sizes, new_states, strict=True):
        s = np.asarray(s, dtype=np.float64)
        if s.shape != (batch, size):
            raise ReferenceShapeError(f"{where}: {form}; state {name!r} has shape {s.shape}, "
                                 f"expected ({batch}, {size})")
        checked.append(s)
    return output, tuple(checked)


def _describe(value: Any) -> str:
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    if isinstance(value, tuple | list):
        return f"a {type(value).__name__} of {len(value)}"
    return type(value).__name__
