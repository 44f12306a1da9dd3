"""Checks for plugin authors: call :func:`check_cell` from your own tests.

    from seqstudio.testing import check_cell

    def test_my_cell():
        check_cell(my_plugin.MY_CELL, {"units": 4})

It builds a small model from the cell type in a chosen execution mode, fills every weight (biases
included) with random values, and checks shapes and the declared states, the parameter formula
against Keras' ``count_params()``, the numpy reference against Keras for every state at every
time step of every layer (from zero states), the declared cost per step, and a ``.keras``
save/load round trip. A failure raises :class:`CellCheckError` whose message names the cell, the
check and the numbers.
"""

from __future__ import annotations

import math
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from seqstudio.data.dataset import HeadSpec, InputSpec
from seqstudio.errors import SeqstudioError
from seqstudio.model import build_model
from seqstudio.reference import ReferenceShapeError, reference_states, state_sizes
from seqstudio.spec import CellType


class CellCheckError(SeqstudioError, AssertionError):
    """A cell type does not meet the contract; the message says which check and by how much."""


@dataclass
class CellCheckReport:
    """What :func:`check_cell` verified, for display or further assertions.

    ``state_errors`` maps each state name to its largest absolute difference from the reference
    over every layer and time step; ``max_abs_error`` is the largest of them.
    """

    cell: str
    params: dict[str, Any]
    layer_params: list[int] = field(default_factory=list)
    formulas: list[str] = field(default_factory=list)
    max_abs_error: float | None = None
    checks: list[str] = field(default_factory=list)
    state_names: tuple[str, ...] = ("h",)
    state_errors: dict[str, float] = field(default_factory=dict)
    execution: str = ""


def check_cell(
    cell_type: CellType,
    params: Mapping[str, Any] | None = None,
    *,
    input_dim: int = 3,
    seq_len: int = 5,
    batch: int = 2,
    atol: float = 1e-5,
    seed: int = 0,
    round_trip: bool = True,
    execution_mode: str = "auto",
) -> CellCheckReport:
    """Check one cell type against the contract; raise :class:`CellCheckError` on the first failure.

    :param cell_type: the :class:`~seqstudio.spec.CellType` to check.
    :param params: hyperparameters (defaults fill the gaps); keep them small for speed.
    :param input_dim: features per time step ``d`` of the random input.
    :param seq_len: time steps ``T`` of the random input.
    :param atol: largest allowed absolute difference between the numpy reference and Keras.
    :param round_trip: also save to ``.keras`` and load back with ``keras.saving.load_model``.
    :param execution_mode: how the model runs (:mod:`seqstudio.execution`): ``loop``,
        ``unrolled`` (with the ``-xla`` variants), or ``auto``, which unrolls these short inputs.
    """
    import keras

    name = cell_type.name

    def fail(check: str, message: str) -> CellCheckError:
        return CellCheckError(f"check_cell({name!r}) failed at {check}: {message}")

    keras.utils.set_random_seed(seed)
    resolved = cell_type.resolve(params)
    report = CellCheckReport(name, resolved, state_names=tuple(cell_type.state_names))
    spec = InputSpec("numeric", seq_len, features=input_dim)
    try:
        built = build_model(spec, HeadSpec("linear", 1), cell_type, resolved, compile=False,
                            execution_mode=execution_mode)
    except SeqstudioError as exc:
        raise fail("build", str(exc)) from exc
    report.execution = built.execution.mode
    report.checks.append("build")

    # Random values in every weight, biases included: freshly initialised biases are zero and
    # would hide a reference step that gets the bias wrong.
    rng = np.random.default_rng(seed)
    for layer in built.recurrent_layers:
        layer.set_weights([rng.uniform(-0.5, 0.5, size=w.shape).astype(w.dtype)
                           for w in layer.get_weights()])

    x = rng.normal(size=(batch, seq_len, input_dim)).astype("float32")
    _check_declared_states(cell_type, built, fail)
    try:
        states = built.probe_states(x)
    except SeqstudioError as exc:
        raise fail("shapes", str(exc)) from exc
    _check_shapes(built, states, batch, seq_len, fail)
    final = states[-1][cell_type.state_names[0]][:, -1, :]
    last_out = _last_layer_output(built, x)
    if last_out.ndim == 3:  # a last layer that returns every step
        last_out = last_out[:, -1, :]
    if not np.allclose(last_out, final, atol=atol):
        raise fail("last state", "the model's recurrent output differs from the hidden state of "
                   "the last time step (seed §7)")
    report.checks.append("shapes")

    # parameter formula
    if len(built.formulas) != len(built.recurrent_layers):
        raise fail("formula", f"param_formula returned {len(built.formulas)} entries for "
                   f"{len(built.recurrent_layers)} recurrent layers")
    for layer, formula in zip(built.recurrent_layers, built.formulas, strict=True):
        counted = int(layer.count_params())
        if formula.total != counted:
            raise fail("formula", f"layer {layer.name!r}: declared {formula.text} but "
                       f"count_params() = {counted:,}")
        report.layer_params.append(counted)
        report.formulas.append(formula.text)
    report.checks.append("formula")

    if cell_type.has_reference:
        _check_reference(cell_type, built, x, states, atol, report, fail)
        report.checks.append("reference")

    if cell_type.cost_per_step is not None:
        try:
            cost = float(cell_type.step_cost(input_dim, state_sizes(built.recurrent_layers[0])[0]))
        except Exception as exc:  # noqa: BLE001 - report any failure of the plugin's function
            raise fail("cost", f"cost_per_step(d, n) raised {type(exc).__name__}: {exc}") from exc
        if not (math.isfinite(cost) and cost > 0):
            raise fail("cost", f"cost_per_step(d, n) must be a positive number of multiply-adds, "
                       f"got {cost!r}")
        report.checks.append("cost")

    if round_trip:
        _check_round_trip(built, x, atol, fail)
        report.checks.append("round trip")
    return report


def _check_declared_states(cell_type: CellType, built: Any, fail: Any) -> None:
    names = cell_type.state_names
    if not names or len(set(names)) != len(names) or not all(isinstance(n, str) and n
                                                             for n in names):
        raise fail("states", f"state_names must be distinct non-empty names, got {names!r}")
    if cell_type.reference_step is not None and cell_type.reference_call is not None:
        raise fail("states", "give reference_call or reference_step, not both")
    for layer in built.recurrent_layers:
        sizes = state_sizes(layer)
        if len(sizes) != len(names):
            raise fail("states", f"layer {layer.name!r} has {len(sizes)} state(s) "
                       f"(state_size={layer.cell.state_size}) but the cell type names "
                       f"{len(names)}: {names}; set CellType.state_names")
        if len(sizes) > 1 and cell_type.reference_step is not None:
            raise fail("states", f"reference_step(x_t, h_prev, weights, params) -> h_t carries "
                       f"one state, but the cell has {len(sizes)} {names}; give "
                       "reference_call(x_t, states, weights, params) -> (output, new_states) "
                       "instead (contract 1.1)")


def _check_shapes(built: Any, states: list[dict[str, np.ndarray]], batch: int, seq_len: int,
                  fail: Any) -> None:
    if len(states) != len(built.recurrent_layers):
        raise fail("shapes", f"probe gave {len(states)} outputs for "
                   f"{len(built.recurrent_layers)} recurrent layers")
    for layer, by_name in zip(built.recurrent_layers, states, strict=True):
        sizes = state_sizes(layer)
        h = next(iter(by_name.values()))
        if h.shape[:2] != (batch, seq_len):
            raise fail("shapes", f"layer {layer.name!r} hidden states have shape {h.shape}, "
                       f"expected ({batch}, {seq_len}, units)")
        if h.shape[-1] != int(layer.cell.output_size):
            raise fail("shapes", f"layer {layer.name!r} outputs {h.shape[-1]} units but its cell "
                       f"declares output_size={layer.cell.output_size}")
        if sizes[0] != h.shape[-1]:
            raise fail("state size", f"layer {layer.name!r} cell declares state_size="
                       f"{layer.cell.state_size}, but its output h has {h.shape[-1]} units")


def _check_reference(cell_type: CellType, built: Any, x: np.ndarray,
                     states: list[dict[str, np.ndarray]], atol: float, report: CellCheckReport,
                     fail: Any) -> None:
    try:
        expected = reference_states(cell_type, built.recurrent_layers, built.params, x)
    except ReferenceShapeError as exc:
        raise fail("reference", str(exc)) from exc
    except Exception as exc:  # noqa: BLE001 - a reference that raises is the plugin's bug
        raise fail("reference", f"the numpy reference raised {type(exc).__name__}: {exc}") from exc
    worst: dict[str, float] = {}
    for i, (got, want) in enumerate(zip(states, expected, strict=True)):
        # by time step first: an error in one state spreads into the others at later steps
        diffs = {state: np.max(np.abs(got[state].astype(np.float64) - ref), axis=(0, 2))
                 for state, ref in want.items()}
        for state, per_step in diffs.items():
            worst[state] = max(worst.get(state, 0.0), float(np.max(per_step)))
        for t in range(x.shape[1]):
            for state, per_step in diffs.items():
                if not per_step[t] <= atol:
                    raise fail("reference", f"layer {i} differs from the numpy reference in "
                               f"state {state!r} by {float(np.max(per_step)):.3g} "
                               f"(> {atol:g}), first at time step {t}")
    report.state_errors = worst
    report.max_abs_error = max(worst.values())


def _check_round_trip(built: Any, x: np.ndarray, atol: float, fail: Any) -> None:
    import keras

    before = np.asarray(built.model(x, training=False))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "model.keras"
        built.model.save(path)
        try:
            loaded = keras.saving.load_model(path, compile=False)
        except Exception as exc:  # noqa: BLE001 - report any loader failure plainly
            raise fail("round trip", f"keras.saving.load_model could not load the saved "
                       f"model: {type(exc).__name__}: {exc}. Register your layers with "
                       "keras.saving.register_keras_serializable and list their module under "
                       "the 'seqstudio.keras' entry-point group") from exc
    after = np.asarray(loaded(x, training=False))
    if not np.allclose(before, after, atol=atol):
        raise fail("round trip", f"the loaded model predicts differently "
                   f"(max diff {float(np.max(np.abs(before - after))):.3g})")


def _last_layer_output(built: Any, x: np.ndarray) -> np.ndarray:
    import keras

    last = built.recurrent_layers[-1]
    sub = keras.Model(built.model.inputs[0], last.output)
    return np.asarray(sub(x, training=False))
