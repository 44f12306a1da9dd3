"""Checks for plugin authors: call :func:`check_cell` from your own tests.

    from seqstudio.testing import check_cell

    def test_my_cell():
        check_cell(my_plugin.MY_CELL, {"units": 4})

It builds a small model from the cell type, fills every weight (biases included) with random values,
and checks shapes and state size, the declared parameter
formula against Keras' ``count_params()``, the numpy reference step against the Keras hidden states
at every time step of every layer (``h_0 = 0``), and a ``.keras`` save/load round trip. A failure
raises :class:`CellCheckError` whose message names the cell, the check and the numbers.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from seqstudio.data.dataset import HeadSpec, InputSpec
from seqstudio.errors import SeqstudioError
from seqstudio.model import build_model, reference_states, state_units
from seqstudio.spec import CellType


class CellCheckError(SeqstudioError, AssertionError):
    """A cell type does not meet the contract; the message says which check and by how much."""


@dataclass
class CellCheckReport:
    """What :func:`check_cell` verified, for display or further assertions."""

    cell: str
    params: dict[str, Any]
    layer_params: list[int] = field(default_factory=list)
    formulas: list[str] = field(default_factory=list)
    max_abs_error: float | None = None
    checks: list[str] = field(default_factory=list)


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
) -> CellCheckReport:
    """Check one cell type against the contract; raise :class:`CellCheckError` on the first failure.

    :param cell_type: the :class:`~seqstudio.spec.CellType` to check.
    :param params: hyperparameters (defaults fill the gaps); keep them small for speed.
    :param input_dim: features per time step ``d`` of the random input.
    :param seq_len: time steps ``T`` of the random input.
    :param atol: largest allowed absolute difference between the numpy reference and Keras.
    :param round_trip: also save to ``.keras`` and load back with ``keras.saving.load_model``.
    """
    import keras

    name = cell_type.name

    def fail(check: str, message: str) -> CellCheckError:
        return CellCheckError(f"check_cell({name!r}) failed at {check}: {message}")

    keras.utils.set_random_seed(seed)
    resolved = cell_type.resolve(params)
    report = CellCheckReport(name, resolved)
    spec = InputSpec("numeric", seq_len, features=input_dim)
    try:
        built = build_model(spec, HeadSpec("linear", 1), cell_type, resolved, compile=False)
    except SeqstudioError as exc:
        raise fail("build", str(exc)) from exc
    report.checks.append("build")

    # Random values in every weight, biases included: freshly initialised biases are zero and
    # would hide a reference step that gets the bias wrong.
    rng = np.random.default_rng(seed)
    for layer in built.recurrent_layers:
        layer.set_weights([rng.uniform(-0.5, 0.5, size=w.shape).astype(w.dtype)
                           for w in layer.get_weights()])

    # shapes and state size
    x = rng.normal(size=(batch, seq_len, input_dim)).astype("float32")
    states = built.probe(x)
    if len(states) != len(built.recurrent_layers):
        raise fail("shapes", f"probe gave {len(states)} outputs for "
                   f"{len(built.recurrent_layers)} recurrent layers")
    for layer, seq in zip(built.recurrent_layers, states, strict=True):
        size = state_units(layer)
        if seq.shape[:2] != (batch, seq_len):
            raise fail("shapes", f"layer {layer.name!r} hidden states have shape {seq.shape}, "
                       f"expected ({batch}, {seq_len}, units)")
        if seq.shape[-1] != int(layer.cell.output_size):
            raise fail("shapes", f"layer {layer.name!r} outputs {seq.shape[-1]} units but its cell "
                       f"declares output_size={layer.cell.output_size}")
        if size != seq.shape[-1]:
            raise fail("state size", f"layer {layer.name!r} cell declares state_size={size}, "
                       f"hidden state has {seq.shape[-1]} units")
    final = states[-1][:, -1, :]
    last_out = _last_layer_output(built, x)
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

    # numpy reference
    if cell_type.reference_step is not None:
        expected = reference_states(cell_type, built, x)
        worst = 0.0
        for i, (got, want) in enumerate(zip(states, expected, strict=True)):
            err = float(np.max(np.abs(got.astype(np.float64) - want)))
            worst = max(worst, err)
            if not err <= atol:
                t = int(np.argmax(np.max(np.abs(got - want), axis=(0, 2))))
                raise fail("reference", f"layer {i} differs from the numpy reference by {err:.3g} "
                           f"(> {atol:g}), first at time step {t}")
        report.max_abs_error = worst
        report.checks.append("reference")

    # save / load round trip
    if round_trip:
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
        report.checks.append("round trip")
    return report


def _last_layer_output(built: Any, x: np.ndarray) -> np.ndarray:
    import keras

    last = built.recurrent_layers[-1]
    sub = keras.Model(built.model.inputs[0], last.output)
    return np.asarray(sub(x, training=False))
