"""The gated cells on the inference path. One-hot token inputs: the unrolled built-in layers read
their input projection as a row lookup (plugins/seqstudio_builtins/one_hot.py) instead of a
matmul; outputs and gradients of the engine's one-hot model, traced as ``fit`` and ``Predictor``
trace it, equal stock Keras layers given the same weights on the same one-hot vectors, to 1e-5.
The Predictor leaves XLA off where a layer says it does not pay."""

from __future__ import annotations

import numpy as np
import pytest

from seqstudio.data.dataset import HeadSpec, InputSpec
from seqstudio.model import build_model
from seqstudio.plugins import get_registry

V, T, UNITS = 9, 6, 4


def _stock(name: str, use_bias: bool):
    import keras

    inputs = keras.Input((T, V))
    layer = {"lstm": keras.layers.LSTM, "gru": keras.layers.GRU}.get(name, keras.layers.SimpleRNN)
    return keras.Model(inputs, layer(UNITS, use_bias=use_bias, unroll=True)(inputs))


def _outputs_and_grads(model, x, pull):
    import tensorflow as tf

    def run(x):
        with tf.GradientTape() as tape:
            loss = tf.reduce_sum(model(x, training=True) * pull)
        return loss, tape.gradient(loss, model.trainable_weights)

    fn = tf.function(run)
    graph_ops = {op.type for op in fn.get_concrete_function(x).graph.get_operations()}
    return fn(x), graph_ops


@pytest.mark.parametrize(("name", "use_bias"), [
    ("lstm", True), ("gru", True), ("gru", False), ("simple-rnn-tanh", True)])
def test_one_hot_lookup_equals_keras_on_the_one_hot_vectors(name, use_bias):
    import keras
    import tensorflow as tf

    built = build_model(InputSpec("onehot", T, vocab_size=V), HeadSpec("softmax", V),
                        get_registry().cell_type(name), {"units": UNITS, "use_bias": use_bias},
                        compile=False, execution_mode="unrolled")
    recurrent = built.recurrent_layers[0]
    ours = keras.Model(built.model.inputs, recurrent.output)
    rng = np.random.default_rng(4)
    recurrent.set_weights([rng.uniform(-0.8, 0.8, w.shape).astype("float32")
                           for w in recurrent.get_weights()])
    stock = _stock(name, use_bias)
    stock.set_weights(recurrent.get_weights())
    ids = tf.constant(rng.integers(0, V, (5, T)).astype("int32"))
    pull = tf.constant(rng.normal(size=(5, UNITS)).astype("float32"))
    (got_loss, got_grads), ops = _outputs_and_grads(ours, ids, pull)
    assert "GatherV2" in ops  # the lookup path, not the matmul of the one-hot tensor
    (want_loss, want_grads), _ = _outputs_and_grads(stock, tf.one_hot(ids, V), pull)
    np.testing.assert_allclose(float(got_loss), float(want_loss), rtol=1e-5, atol=1e-5)
    assert len(got_grads) == len(want_grads)
    for got, want in zip(got_grads, want_grads, strict=True):
        want = np.asarray(want)
        scale = max(float(np.abs(want).max()), 1e-6)
        assert float(np.abs(np.asarray(got) - want).max()) / scale <= 1e-5


@pytest.mark.parametrize("name", ["lstm", "simple-rnn-tanh"])
def test_the_gradient_with_respect_to_the_one_hot_steps_is_kept(name):
    """The glass box's influence: d(final h)/d(one-hot steps), as keras' layers give it."""
    import tensorflow as tf

    built = build_model(InputSpec("onehot", T, vocab_size=V), HeadSpec("softmax", V),
                        get_registry().cell_type(name), {"units": UNITS}, compile=False,
                        execution_mode="unrolled")
    recurrent = built.recurrent_layers[0]
    stock = _stock(name, True)
    stock.set_weights(recurrent.get_weights())
    ids = tf.constant(np.random.default_rng(7).integers(0, V, (3, T)).astype("int32"))

    def influence(layer):
        @tf.function
        def run(ids):
            encoded = tf.one_hot(ids, V)
            with tf.GradientTape() as tape:
                tape.watch(encoded)
                total = tf.reduce_sum(layer(encoded))
            return tape.gradient(total, encoded)
        return run

    ours = influence(recurrent)
    ops = {op.type for op in ours.get_concrete_function(ids).graph.get_operations()}
    assert "GatherV2" in ops
    want = np.asarray(influence(stock)(ids))
    assert float(np.abs(want).max()) > 0
    np.testing.assert_allclose(np.asarray(ours(ids)), want, atol=1e-5)


def test_ids_out_of_range_read_a_zero_row_as_one_hot_encodes_them():
    import tensorflow as tf
    from seqstudio_builtins.one_hot import project_tokens, token_ids

    rng = np.random.default_rng(2)
    kernel = tf.constant(rng.normal(size=(V, 3)).astype("float32"))
    bias = tf.constant(rng.normal(size=(3,)).astype("float32"))
    ids = tf.constant([[0, 3, V - 1], [-1, V, V + 5]], dtype=tf.int32)

    @tf.function
    def both(ids):
        x = tf.one_hot(ids, V)
        found = token_ids(x)
        return project_tokens(x, found, kernel, bias), tf.matmul(x, kernel) + bias

    got, want = both(ids)
    np.testing.assert_array_equal(np.asarray(got), np.asarray(want))
    np.testing.assert_array_equal(np.asarray(got)[1, 1], np.asarray(bias))


def test_other_inputs_keep_the_matmul():
    import tensorflow as tf
    from seqstudio_builtins.one_hot import token_ids

    @tf.function
    def found(ids, x):
        return [token_ids(tf.one_hot(ids, V, on_value=2.0)) is None,
                token_ids(x) is None, token_ids(tf.one_hot(ids, V)) is None]

    ids = tf.zeros((2, T), tf.int32)
    assert found(ids, tf.zeros((2, T, V))) == [True, True, False]
    assert token_ids(tf.one_hot(ids, V)) is None  # eager: no graph to read


@pytest.mark.parametrize(("mode", "xla"), [("unrolled", False), ("loop", True)])
def test_the_predictor_skips_xla_for_the_fused_gated_sequence(mode, xla):
    """Unrolled, the gated sequence is one fused op whose plain graph was faster than XLA's, so
    the Predictor leaves XLA off for it by default; a rolled loop keeps XLA. Either way its
    outputs are the model's."""
    from seqstudio.engine.predict import Predictor

    built = build_model(InputSpec("onehot", T, vocab_size=V), HeadSpec("softmax", V),
                        get_registry().cell_type("gru"), {"units": UNITS}, compile=False,
                        execution_mode=mode)
    predictor = Predictor(built.model)
    assert predictor.jit_compile is xla
    ids = np.random.default_rng(1).integers(0, V, (Predictor.XLA_MIN_BATCH, T)).astype("int32")
    np.testing.assert_allclose(predictor(ids), np.asarray(built.model(ids)), atol=1e-5)


@pytest.mark.parametrize(("name", "use_bias"), [
    ("lstm", True), ("gru", True), ("gru", False), ("simple-rnn-tanh", True)])
def test_the_predictor_reads_the_token_ids_and_equals_keras(name, use_bias):
    """The Predictor traces its calls under ``forward_only()``: no gradient is taken of them, so
    the unrolled layers read their one-hot steps from the token ids alone and the graph makes no
    one-hot tensor (one traced without it does, for the gradient the glass box takes). Its
    outputs equal stock Keras on the one-hot vectors."""
    import keras
    import tensorflow as tf

    from seqstudio.engine.predict import Predictor
    from seqstudio.execution import forward_only, is_forward_only

    built = build_model(InputSpec("onehot", T, vocab_size=V), HeadSpec("softmax", V),
                        get_registry().cell_type(name), {"units": UNITS, "use_bias": use_bias},
                        compile=False, execution_mode="unrolled")
    recurrent = built.recurrent_layers[0]
    rng = np.random.default_rng(5)
    recurrent.set_weights([rng.uniform(-0.8, 0.8, w.shape).astype("float32")
                           for w in recurrent.get_weights()])
    ours = keras.Model(built.model.inputs, recurrent.output)
    stock = _stock(name, use_bias)
    stock.set_weights(recurrent.get_weights())
    ids = rng.integers(0, V, (7, T)).astype("int32")
    np.testing.assert_allclose(Predictor(ours, jit_compile=False)(ids),
                               np.asarray(stock(tf.one_hot(ids, V))), atol=1e-5)

    def ops_the_output_reads(only: bool) -> set[str]:
        """The types of the traced ops that the output depends on (grappler prunes the rest)."""
        def run(x):
            if not only:
                return ours(x, training=False)
            with forward_only():
                return ours(x, training=False)
        graph = tf.function(run).get_concrete_function(tf.constant(ids)).graph
        seen, todo = set(), [t.op for t in graph.outputs]
        while todo:
            op = todo.pop()
            if op.name not in seen:
                seen.add(op.name)
                todo += [t.op for t in op.inputs] + list(op.control_inputs)
        return {graph.get_operation_by_name(name).type for name in seen}

    assert "OneHot" not in ops_the_output_reads(True)
    assert "OneHot" in ops_the_output_reads(False)
    assert not is_forward_only()  # the block ended
