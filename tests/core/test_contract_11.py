"""Contract 1.1: named states, the all-states reference, cost per step, weights by path, stacking.

Each behaviour is checked on fixture cells of one and of two states (tests/core/cell_fixtures.py).
"""

from __future__ import annotations

import dataclasses
import types

import numpy as np
import pytest
from cell_fixtures import NESTED, ONE_STATE, TWO_STATE, nested_call, two_state_call

from seqstudio import CONTRACT_VERSION
from seqstudio.data.dataset import HeadSpec, InputSpec
from seqstudio.execution import plan_execution
from seqstudio.hookspecs import hookimpl
from seqstudio.model import build_model
from seqstudio.plugins import contract_compatible, create_registry
from seqstudio.reference import weights_by_path
from seqstudio.testing import CellCheckError, check_cell


def test_the_contract_is_version_1_1_and_accepts_1_0_plugins():
    assert CONTRACT_VERSION == "1.1"
    assert contract_compatible("1.0") and contract_compatible("1.1")
    assert not contract_compatible("1.2") and not contract_compatible("2.0")


@pytest.mark.parametrize("cell", [ONE_STATE, TWO_STATE], ids=lambda c: c.name)
def test_fixture_cells_pass_the_checker_in_every_state(cell):
    report = check_cell(cell, {"units": 3})
    assert report.state_names == cell.state_names
    assert set(report.state_errors) == set(cell.state_names)
    assert report.max_abs_error is not None and report.max_abs_error <= 1e-5
    assert "reference" in report.checks and "round trip" in report.checks


def test_probe_states_gives_every_state_of_every_step():
    spec = InputSpec("numeric", 6, features=2)
    built = build_model(spec, HeadSpec("linear", 1), TWO_STATE, {"units": 3}, compile=False)
    x = np.random.default_rng(0).normal(size=(2, 6, 2)).astype("float32")
    (states,) = built.probe_states(x)
    assert list(states) == ["h", "c"]
    # c is the leaky sum of the input projection, written out here
    kernel = built.recurrent_layers[0].get_weights()[0]
    c = np.zeros((2, 3))
    for t in range(6):
        c = 0.5 * c + x[:, t] @ kernel
        np.testing.assert_allclose(states["c"][:, t], c, atol=1e-5)
    np.testing.assert_allclose(built.probe(x)[0], states["h"])


def test_the_checker_compares_the_second_state_too():
    def wrong_c(x, states, w, p):
        h, (h, c) = two_state_call(x, states, w, p)
        return h, (h, c * 1.01)

    with pytest.raises(CellCheckError, match="layer 0 differs from the numpy reference in state "
                                             "'c'"):
        check_cell(dataclasses.replace(TWO_STATE, reference_call=wrong_c), {"units": 3},
                   round_trip=False)


def test_a_reference_without_new_states_names_the_expected_shapes():
    def only_h_and_c(x, states, w, p):  # (h, c) instead of (output, (h, c))
        h, (h, c) = two_state_call(x, states, w, p)
        return h, c

    with pytest.raises(CellCheckError, match=r"reference: .*new_states a tuple of 2: "
                                             r"h \(2, 3\), c \(2, 3\)"):
        check_cell(dataclasses.replace(TWO_STATE, reference_call=only_h_and_c), {"units": 3},
                   round_trip=False)


def test_a_one_state_reference_returning_h_and_c_gets_a_cell_check_error():
    """The outsider's first try: a 1.0 reference_step returning [h, c]."""
    def step(x, h, w, p):
        h, (h, c) = two_state_call(x, (h, np.zeros_like(h)), w, p)
        return [h, c]

    one_state_names = dataclasses.replace(TWO_STATE, reference_call=None, reference_step=step,
                                          state_names=("h",))
    with pytest.raises(CellCheckError, match=r"states: layer 'two' has 2 state\(s\).*"
                                             r"set CellType.state_names"):
        check_cell(one_state_names, {"units": 3}, round_trip=False)
    named = dataclasses.replace(one_state_names, state_names=("h", "c"))
    with pytest.raises(CellCheckError, match="give reference_call"):
        check_cell(named, {"units": 3}, round_trip=False)
    one = dataclasses.replace(ONE_STATE, reference_call=None, reference_step=lambda x, h, w, p:
                              [h, h])
    with pytest.raises(CellCheckError, match=r"reference_step must return h_t of shape \(2, 3\)"):
        check_cell(one, {"units": 3}, round_trip=False)


def test_nested_weights_are_keyed_by_their_path():
    spec = InputSpec("numeric", 4, features=2)
    built = build_model(spec, HeadSpec("linear", 1), NESTED, {"units": 3}, compile=False)
    weights = weights_by_path(built.recurrent_layers[0])
    assert sorted(weights) == ["candidate/kernel", "gate/kernel"]
    with pytest.raises(KeyError, match="ambiguous.*'gate/kernel'.*'candidate/kernel'"):
        weights["kernel"]
    assert check_cell(NESTED, {"units": 3}).max_abs_error <= 1e-5


def test_a_reference_that_raises_is_reported_as_a_cell_check_error():
    def by_short_name(x, states, w, p):
        return np.tanh(x @ w["kernel"]), (None,)

    with pytest.raises(CellCheckError, match="KeyError.*ambiguous"):
        check_cell(dataclasses.replace(NESTED, reference_call=by_short_name), {"units": 3},
                   round_trip=False)
    with pytest.raises(CellCheckError, match="new_states is NoneType"):
        check_cell(dataclasses.replace(NESTED, reference_call=nested_call), {"units": 3},
                   round_trip=False)


def test_the_planner_uses_the_declared_cost_per_step():
    shape = dict(seq_len=20, step_dim=100, units=[64], head_units=100, batch_size=64)
    plain = plan_execution("auto", **shape)
    lstm_like = plan_execution("auto", **shape, step_cost=lambda d, n: 4 * (d * n + n * n))
    assert lstm_like.steps_per_execution < plain.steps_per_execution
    spec = InputSpec("numeric", 20, features=100)
    costly = dataclasses.replace(ONE_STATE, cost_per_step=lambda d, n: 8 * (d * n + n * n))
    fast = build_model(spec, HeadSpec("linear", 1), ONE_STATE, {"units": 64}, compile=False)
    slow = build_model(spec, HeadSpec("linear", 1), costly, {"units": 64}, compile=False)
    assert slow.execution.steps_per_execution < fast.execution.steps_per_execution


def test_a_bad_cost_per_step_is_caught():
    with pytest.raises(CellCheckError, match="cost: cost_per_step"):
        check_cell(dataclasses.replace(TWO_STATE, cost_per_step=lambda d, n: -1), {"units": 3},
                   round_trip=False)


@pytest.mark.parametrize("cell", [ONE_STATE, TWO_STATE], ids=lambda c: c.name)
def test_any_cell_is_stacked_by_the_host(cell):
    assert "layers" in [p.name for p in cell.params]
    spec = InputSpec("numeric", 5, features=2)
    built = build_model(spec, HeadSpec("linear", 1), cell, {"units": 3, "layers": 3},
                        compile=False)
    names = [layer.name for layer in built.recurrent_layers]
    assert names == [f"{names[0][:-2]}_{i}" for i in (1, 2, 3)]
    assert [f.layer for f in built.formulas] == names
    assert [f.total for f in built.formulas] == [int(x.count_params())
                                                  for x in built.recurrent_layers]
    assert built.formulas[0].terms[0] == ("2·3", 6) and built.formulas[1].terms[0] == ("3·3", 9)
    report = check_cell(cell, {"units": 3, "layers": 2})
    assert len(report.formulas) == 2 and report.max_abs_error <= 1e-5


def test_registry_refuses_a_several_state_cell_with_a_one_state_reference():
    bad = dataclasses.replace(TWO_STATE, reference_call=None,
                              reference_step=lambda x, h, w, p: h)
    module = types.SimpleNamespace(
        __name__="bad_states", SEQSTUDIO_CONTRACT="1.1",
        seqstudio_cell_types=hookimpl(lambda: [bad]))
    record = create_registry(extra_plugins=[("bad-states", module)]).plugins()[-1]
    assert record.status == "failed" and "reference_call" in record.error
    assert record.contract == "1.1"


@pytest.mark.parametrize("mode", ["loop", "unrolled"])
def test_check_cell_runs_in_a_chosen_execution_mode(mode):
    report = check_cell(TWO_STATE, {"units": 3}, execution_mode=mode, round_trip=False)
    assert report.execution == mode and report.max_abs_error <= 1e-5


def test_host_stacking_refuses_a_cell_that_builds_several_layers():
    from seqstudio.errors import PluginError

    def two_layers(p):
        import keras
        from cell_fixtures import OneStateCell

        return [keras.layers.RNN(OneStateCell(p["units"]), return_sequences=True, name="a"),
                keras.layers.RNN(OneStateCell(p["units"]), name="b")]

    cell = dataclasses.replace(ONE_STATE, build_layers=two_layers)
    spec = InputSpec("numeric", 4, features=2)
    assert len(build_model(spec, HeadSpec("linear", 1), cell, {"units": 3},
                           compile=False).recurrent_layers) == 2
    with pytest.raises(PluginError, match="builds 2 layers itself, so the host cannot stack it"):
        build_model(spec, HeadSpec("linear", 1), cell, {"units": 3, "layers": 2}, compile=False)


def test_snapshots_of_runs_before_contract_1_1_still_read(tmp_path):
    """An old run's snapshot file holds only state_<i> (each layer's h)."""
    from seqstudio.engine import RunDir

    folder = tmp_path / "snapshots"
    folder.mkdir()
    h = np.arange(12, dtype=np.float32).reshape(4, 3)
    np.savez(folder / "epoch-0001-batch-final.npz", epoch=np.int64(0), batch=np.int64(-1),
             layer_names=np.array(["rnn"]), step_labels=np.array(list("abcd")), state_0=h)
    (tmp_path / "config.json").write_text("{}")
    (snap,) = RunDir(tmp_path).snapshots()
    assert list(snap.states_of(0)) == ["h"]
    np.testing.assert_array_equal(snap.states_of(0)["h"], h)
