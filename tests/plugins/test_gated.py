"""The built-in gated plugin: lstm and gru equal Keras' LSTM and GRU, load in plain Keras,
show their states and stack like any cell."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from seqstudio.data.dataset import HeadSpec, InputSpec
from seqstudio.model import build_model
from seqstudio.plugins import get_registry
from seqstudio.testing import check_cell

MODES = ["loop", "unrolled"]


@pytest.fixture(scope="module")
def registry():
    return get_registry()


def test_the_gated_cells_come_from_their_own_entry_point(registry):
    record = next(r for r in registry.plugins() if r.name == "builtin-gated")
    assert record.status == "ok" and record.cell_types == ["lstm", "gru"]
    assert record.contract == "1.1"
    assert registry.cell_type("lstm").state_names == ("h", "c")
    assert registry.cell_type("gru").state_names == ("h",)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", ["lstm", "gru"])
def test_they_pass_the_checker_in_every_execution_mode(registry, name, mode):
    report = check_cell(registry.cell_type(name), {"units": 4, "layers": 2},
                        execution_mode=mode, round_trip=mode == "loop")
    assert report.execution == mode
    assert set(report.state_errors) == set(registry.cell_type(name).state_names)
    assert report.max_abs_error <= 1e-5 and "cost" in report.checks


def test_formulas_have_one_term_per_gate_group(registry):
    lstm = registry.cell_type("lstm").param_formula(3, {"units": 4, "use_bias": True})[0]
    gru = registry.cell_type("gru").param_formula(3, {"units": 4, "use_bias": True})[0]
    assert [label.split("[")[1] for label, _ in lstm.terms] == [
        "input]", "forget]", "candidate]", "output]"]
    assert lstm.total == 4 * 4 * (3 + 4 + 1) == 128
    assert len(gru.terms) == 3 and gru.total == 3 * 4 * (3 + 4 + 2) == 108
    assert gru.text.startswith("4·(3 + 4 + 2) [update] + ")


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", ["lstm", "gru"])
def test_numerics_equal_keras_given_the_same_weights(registry, name, mode):
    """Every step of h (and the final c of the LSTM) equals keras.layers.LSTM/GRU to 1e-5."""
    import keras

    spec = InputSpec("numeric", 7, features=3)
    built = build_model(spec, HeadSpec("linear", 1), registry.cell_type(name), {"units": 5},
                        compile=False, execution_mode=mode)
    assert built.execution.unroll == (mode == "unrolled")
    ours = built.recurrent_layers[0]
    rng = np.random.default_rng(4)
    ours.set_weights([rng.uniform(-0.6, 0.6, w.shape).astype("float32")
                      for w in ours.get_weights()])
    cls = keras.layers.LSTM if name == "lstm" else keras.layers.GRU
    theirs = cls(5, return_sequences=True, return_state=True, unroll=mode == "unrolled")
    x = rng.normal(size=(3, 7, 3)).astype("float32")
    theirs(x)  # build
    assert [w.shape for w in theirs.get_weights()] == [w.shape for w in ours.get_weights()]
    theirs.set_weights(ours.get_weights())
    want = [np.asarray(o) for o in theirs(x)]
    (got,) = built.probe_states(x)
    np.testing.assert_allclose(got["h"], want[0], atol=1e-5)
    if name == "lstm":
        np.testing.assert_allclose(got["c"][:, -1], want[2], atol=1e-5)
    # the trained model's own forward pass (not only the probe) agrees too
    sub = keras.Model(built.model.inputs[0], ours.output)
    np.testing.assert_allclose(np.asarray(sub(x)), want[0][:, -1], atol=1e-5)


@pytest.mark.parametrize("unroll", [False, True])
@pytest.mark.parametrize("name", ["lstm", "gru"])
def test_masked_steps_equal_keras(name, unroll):
    """Under a mask (padded text) the hoisted loop keeps the state across padded steps exactly as
    keras.layers.LSTM/GRU do, outputs and final states, to 1e-5."""
    import keras
    from seqstudio_builtins.gated_layers import GatedRecurrent

    rng = np.random.default_rng(7)
    x = rng.normal(size=(4, 9, 3)).astype("float32")
    mask = np.ones((4, 9), bool)
    mask[0, 5:] = mask[1, :2] = mask[2, 3:6] = False
    ours = GatedRecurrent(kind=name, units=5, return_sequences=True, return_state=True,
                          unroll=unroll)
    cls = keras.layers.LSTM if name == "lstm" else keras.layers.GRU
    theirs = cls(5, return_sequences=True, return_state=True, unroll=unroll)
    ours(x), theirs(x)  # build
    weights = [rng.uniform(-0.6, 0.6, w.shape).astype("float32") for w in ours.get_weights()]
    ours.set_weights(weights)
    theirs.set_weights(weights)
    got, want = ours(x, mask=mask), theirs(x, mask=mask)
    assert len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        np.testing.assert_allclose(np.asarray(g), np.asarray(w), atol=1e-5)


def test_the_planner_costs_an_lstm_four_times_a_simple_rnn(registry):
    spec = InputSpec("numeric", 20, features=100)
    plans = {name: build_model(spec, HeadSpec("linear", 1), registry.cell_type(name),
                               {"units": 64}, compile=False).execution
             for name in ("simple-rnn-tanh", "gru", "lstm")}
    spe = [plans[n].steps_per_execution for n in ("simple-rnn-tanh", "gru", "lstm")]
    assert spe[0] > spe[1] > spe[2]


def test_the_planner_counts_the_gates_per_step_on_the_seed_configuration(registry):
    """Issue 13: on T=20, n=10 the FLOPs are tiny and the per-step ops dominate, so a GRU or an
    LSTM must get fewer batches per call than a SimpleRNN (else its live loss comes late)."""
    spec = InputSpec("onehot", 20, vocab_size=100)
    spe = [build_model(spec, HeadSpec("softmax", 100), registry.cell_type(name), {"units": 10},
                       compile=False).execution.steps_per_execution
           for name in ("simple-rnn-tanh", "gru", "lstm")]
    assert spe[0] > spe[1] > spe[2]


def test_stacked_lstm_shows_each_layers_formula(registry):
    spec = InputSpec("onehot", 6, vocab_size=12)
    built = build_model(spec, HeadSpec("softmax", 12), registry.cell_type("lstm"),
                        {"units": 4, "layers": 2}, compile=False)
    rows = {r.name: r for r in built.architecture()}
    assert rows["lstm_1"].formula == ("4·(12 + 4 + 1) [input] + 4·(12 + 4 + 1) [forget] + "
                                      "4·(12 + 4 + 1) [candidate] + 4·(12 + 4 + 1) [output] "
                                      "= 272")
    assert rows["lstm_2"].params == 4 * 4 * (4 + 4 + 1)
    assert rows["lstm_2"].formula.endswith("= 144")


LOADER = """
import sys, numpy as np, keras
model = keras.saving.load_model(sys.argv[1])
x = np.load(sys.argv[2])
np.save(sys.argv[3], np.asarray(model(x)))
print(",".join(type(layer).__name__ for layer in model.layers))
"""


@pytest.mark.slow
@pytest.mark.parametrize("name", ["lstm", "gru"])
def test_saved_models_load_in_plain_keras_in_a_fresh_process(tmp_path, registry, name):
    spec = InputSpec("onehot", 6, vocab_size=12)
    built = build_model(spec, HeadSpec("softmax", 12), registry.cell_type(name),
                        {"units": 4, "layers": 2})
    path = tmp_path / "model.keras"
    built.model.save(path)
    x = np.random.default_rng(0).integers(0, 12, (2, 6)).astype("int32")
    np.save(tmp_path / "x.npy", x)
    result = subprocess.run(
        [sys.executable, "-c", LOADER, str(path), str(tmp_path / "x.npy"), str(tmp_path / "y.npy")],
        capture_output=True, text=True, timeout=180,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.count("GatedRecurrent") == 2
    np.testing.assert_allclose(np.load(tmp_path / "y.npy"), np.asarray(built.model(x)), atol=1e-6)


@pytest.mark.slow
def test_an_lstm_run_snapshots_its_c_state(tmp_path, registry):
    from seqstudio.data import SAMPLES, load_dataset
    from seqstudio.engine import RunDir, Trainer, TrainSettings

    dataset = load_dataset(SAMPLES["sine"], seq_len=8)
    trainer = Trainer(dataset, "lstm", {"units": 3}, TrainSettings(epochs=1, batch_size=64),
                      run_dir=tmp_path / "run", registry=registry)
    events = []
    trainer.subscribe(events.append)
    assert trainer.run().status == "finished"
    live = [e for e in events if type(e).__name__ == "HiddenSnapshot"][-1]
    saved = RunDir(tmp_path / "run").snapshots()[-1]
    for snap in (live, saved):
        states = snap.states_of(0)
        assert list(states) == ["h", "c"] and states["c"].shape == (8, 3)
        np.testing.assert_allclose(states["h"], snap.states[0])
    np.testing.assert_allclose(saved.states_of(0)["c"], live.states_of(0)["c"])
    # c is the memory the LSTM adds: it is not h, and it is not bounded by tanh's range
    assert not np.allclose(states["c"], states["h"])
