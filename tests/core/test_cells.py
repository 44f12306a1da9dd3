"""The built-in cells are numerically the cell of the lecture notes (seed §1, §4, §5, §8, §9)."""

from __future__ import annotations

import numpy as np
import pytest

from seqstudio.data.dataset import HeadSpec, InputSpec
from seqstudio.errors import ParamError, UnknownCellError
from seqstudio.model import build_model, encode_for_reference, reference_states
from seqstudio.plugins import get_registry
from seqstudio.testing import check_cell

BUILTINS = ["simple-rnn-tanh", "simple-rnn-relu", "stacked-rnn"]


@pytest.fixture(scope="module")
def registry():
    return get_registry()


@pytest.mark.parametrize("name", BUILTINS)
def test_builtins_pass_the_plugin_checker(registry, name):
    report = check_cell(registry.cell_type(name), {"units": 4})
    assert report.checks == ["build", "shapes", "formula", "reference", "round trip"]
    assert report.max_abs_error is not None and report.max_abs_error <= 1e-5


@pytest.mark.parametrize("name", BUILTINS)
def test_every_time_step_matches_the_cell_equation(registry, name):
    """h_t = act(x_t·Wx + h_{t-1}·Wh + b), h_0 = 0, written out here independently."""
    import keras

    keras.utils.set_random_seed(1)
    cell = registry.cell_type(name)
    spec = InputSpec("numeric", 7, features=5)
    built = build_model(spec, HeadSpec("linear", 1), cell, {"units": 6}, compile=False)
    for layer in built.recurrent_layers:  # random, non-zero bias too
        layer.set_weights([np.random.default_rng(2).normal(size=w.shape) * 0.5
                           for w in layer.get_weights()])
    x = np.random.default_rng(3).normal(size=(3, 7, 5)).astype("float32")
    got = built.probe(x)
    act = np.tanh if built.params.get("activation", name.split("-")[-1]) == "tanh" else (
        lambda z: np.maximum(z, 0))
    seq = x.astype(np.float64)
    for layer_states, layer in zip(got, built.recurrent_layers, strict=True):
        wx, wh, b = (np.asarray(w, dtype=np.float64) for w in layer.get_weights())
        h = np.zeros((3, wh.shape[0]))  # h_0 = 0
        steps = []
        for t in range(seq.shape[1]):
            h = act(seq[:, t] @ wx + h @ wh + b)
            steps.append(h)
        seq = np.stack(steps, axis=1)
        np.testing.assert_allclose(layer_states, seq, atol=1e-5)
    # the model's recurrent output is the hidden state of the last step (seed §7)
    assert got[-1].shape == (3, 7, 6)


def test_seed_example_has_1110_parameters(registry):
    """Seed §9: SimpleRNN(10) on 20 steps of one-hot over 100 words has 1,110 parameters."""
    spec = InputSpec("onehot", 20, vocab_size=100)
    built = build_model(spec, HeadSpec("softmax", 100), registry.cell_type("simple-rnn-tanh"),
                        {"units": 10}, compile=False)
    (rnn,) = built.recurrent_layers
    assert rnn.count_params() == 1110 == built.formulas[0].total
    assert built.formulas[0].text == "100·10 + 10·10 + 10 = 1,110"
    assert tuple(rnn.output.shape) == (None, 10)  # 1-D per sample: no Flatten needed
    kinds = [type(layer).__name__ for layer in built.model.layers]
    assert "Flatten" not in kinds
    rows = {row.name: row for row in built.architecture()}
    assert rows["rnn"].formula == "100·10 + 10·10 + 10 = 1,110"


def test_three_units_have_a_three_by_three_recurrent_kernel(registry):
    """Seed §5: every unit feeds every unit, so 3 units have 9 recurrent weights."""
    spec = InputSpec("numeric", 4, features=2)
    built = build_model(spec, HeadSpec("linear", 1), registry.cell_type("simple-rnn-tanh"),
                        {"units": 3}, compile=False)
    weights = {w.name: tuple(w.shape) for w in built.recurrent_layers[0].weights}
    assert weights == {"kernel": (2, 3), "recurrent_kernel": (3, 3), "bias": (3,)}


def test_stacked_first_layer_returns_every_step(registry):
    """Seed §8: the first layer outputs all steps, the last only the final one."""
    spec = InputSpec("onehot", 4, vocab_size=6)
    built = build_model(spec, HeadSpec("softmax", 6), registry.cell_type("stacked-rnn"),
                        {"layers": 3, "units": 5}, compile=False)
    shapes = [tuple(layer.output.shape) for layer in built.recurrent_layers]
    assert shapes == [(None, 4, 5), (None, 4, 5), (None, 5)]
    x = np.array([[1, 2, 3, 4]])
    states = built.probe(x)
    expected = reference_states(built.cell_type, built, encode_for_reference(spec, x))
    for got, want in zip(states, expected, strict=True):
        np.testing.assert_allclose(got, want, atol=1e-5)


def test_time_steps_equal_the_sequence_length(registry):
    """Seed §6: 4 words of 3 numbers each are 4 time steps of 3 features."""
    spec = InputSpec("numeric", 4, features=3)
    built = build_model(spec, HeadSpec("linear", 1), registry.cell_type("simple-rnn-tanh"),
                        {"units": 2}, compile=False)
    (states,) = built.probe(np.ones((1, 4, 3), dtype="float32"))
    assert states.shape == (1, 4, 2)


def test_unknown_cell_lists_the_available_names(registry):
    with pytest.raises(UnknownCellError) as info:
        registry.cell_type("transformer")
    message = str(info.value)
    assert "'transformer'" in message
    for name in BUILTINS:
        assert name in message


@pytest.mark.parametrize("value, error", [
    (0, ">= 1"), (5000, "<= 1024"), ("ten", "expects int"), (2.5, "expects int"),
])
def test_parameters_are_range_checked(registry, value, error):
    with pytest.raises(ParamError, match=error):
        registry.cell_type("simple-rnn-tanh").resolve({"units": value})


def test_unknown_parameter_is_named(registry):
    with pytest.raises(ParamError, match="no parameter 'unitz'"):
        registry.cell_type("simple-rnn-tanh").resolve({"unitz": 3})


@pytest.mark.parametrize("mode, unroll, per_call", [
    ("auto", True, None), ("loop", False, None), ("unrolled:4", True, 4), ("loop-xla:2", False, 2),
])
def test_execution_modes_resolve_and_keep_the_numerics(registry, mode, unroll, per_call):
    """Issue 5: every execution mode computes the same hidden states as the cell equation."""
    spec = InputSpec("onehot", 20, vocab_size=100)
    built = build_model(spec, HeadSpec("softmax", 100), registry.cell_type("stacked-rnn"),
                        {"units": 10}, execution_mode=mode)
    assert built.execution.unroll is unroll
    assert built.execution.mode != "auto"
    if per_call:
        assert built.execution.steps_per_execution == per_call
    x = np.random.default_rng(0).integers(0, 100, (3, 20))
    got = built.probe(x)
    want = reference_states(built.cell_type, built, encode_for_reference(spec, x))
    for g, w in zip(got, want, strict=True):
        np.testing.assert_allclose(g, w, atol=1e-5)


def test_auto_picks_per_configuration():
    from seqstudio.execution import plan_execution

    seed = plan_execution(seq_len=20, step_dim=100, units=[10], head_units=100)
    large = plan_execution(seq_len=100, step_dim=64, units=[128], head_units=1)
    assert (seed.mode, large.mode) == ("unrolled", "loop")
    assert seed.steps_per_execution > large.steps_per_execution >= 1


@pytest.mark.parametrize("mode", ["fast", "unrolled:0", "loop:x"])
def test_bad_execution_mode_is_named(mode):
    from seqstudio.execution import plan_execution

    with pytest.raises(ParamError, match="execution mode"):
        plan_execution(mode, seq_len=5, step_dim=3, units=[2], head_units=1)


def test_the_seed_example_on_the_bundled_sample(registry):
    """Seed §9 with real data: the notes' preset on the toy grammar at word level fills a 100-word
    vocabulary; one-hot, 20 steps, 10 units give the notes' 1,110 parameters, with the next word
    learned after the last step (the notes' model) or at every step (the default)."""
    from seqstudio.data import SAMPLES, load_dataset
    from seqstudio.data.options import NOTES_PRESET

    cell = registry.cell_type("simple-rnn-tanh")
    for targets, rnn_shape, head_shape in (("last", "(None, 10)", "(None, 100)"),
                                           ("every", "(None, 20, 10)", "(None, 20, 100)")):
        dataset = load_dataset(SAMPLES["toy_grammar"], level="word", lm_targets=targets,
                               **NOTES_PRESET.data_options())
        assert dataset.input_spec.vocab_size == 100 and dataset.input_spec.seq_len == 20
        assert dataset.input_spec.kind == "onehot"
        built = build_model(dataset.input_spec, dataset.head, cell,
                            {"units": NOTES_PRESET.units}, compile=False)
        rows = {row.name: row for row in built.architecture()}
        assert rows["rnn"].params == 1110
        assert rows["rnn"].formula == "100·10 + 10·10 + 10 = 1,110"
        assert (rows["rnn"].output_shape, rows["head"].output_shape) == (rnn_shape, head_shape)
