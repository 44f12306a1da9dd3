"""The unrolled lstm and gru run as one op with a hand-written backward pass: its outputs, final
states and every gradient (weights, inputs, initial states) equal autograd of keras.layers.LSTM /
GRU given the same weights, plain and under XLA, with and without biases."""

from __future__ import annotations

import numpy as np
import pytest

from seqstudio.data.dataset import HeadSpec, InputSpec
from seqstudio.model import build_model
from seqstudio.plugins import get_registry


def _pair(name: str, use_bias: bool, mode: str):
    """Our layer as the engine builds it in ``mode``, and Keras' own with the same weights."""
    import keras

    built = build_model(InputSpec("numeric", 6, features=3), HeadSpec("linear", 1),
                        get_registry().cell_type(name), {"units": 4, "use_bias": use_bias},
                        compile=False, execution_mode=mode)
    ours = built.recurrent_layers[0]
    ours.return_sequences = ours.return_state = True
    rng = np.random.default_rng(3)
    ours.set_weights([rng.uniform(-0.7, 0.7, w.shape).astype("float32")
                      for w in ours.get_weights()])
    cls = keras.layers.LSTM if name == "lstm" else keras.layers.GRU
    theirs = cls(4, use_bias=use_bias, return_sequences=True, return_state=True, unroll=True)
    theirs(np.zeros((1, 6, 3), "float32"))
    theirs.set_weights(ours.get_weights())
    return built, ours, theirs


def _outputs_and_grads(layer, x, states, weights, jit: bool):
    import tensorflow as tf

    rng = np.random.default_rng(5)
    outs = layer(x, initial_state=states)
    pulls = [tf.constant(rng.normal(size=o.shape).astype("float32")) for o in outs]

    def run(x, states):
        with tf.GradientTape() as tape:
            tape.watch([x, *states])
            outs = layer(x, initial_state=list(states))
            loss = tf.add_n([tf.reduce_sum(o * p) for o, p in zip(outs, pulls, strict=True)])
        return outs, tape.gradient(loss, [x, *states, *weights])

    return tf.function(run, jit_compile=jit)(x, tuple(states))


XLA = pytest.mark.slow  # XLA compiles both models' gradients: about 8 s each on 2 busy cores


@pytest.mark.parametrize(("name", "mode", "use_bias"), [
    ("lstm", "unrolled", True), ("lstm", "unrolled", False), ("gru", "unrolled", True),
    ("gru", "unrolled", False), pytest.param("lstm", "unrolled-xla", True, marks=XLA),
    pytest.param("gru", "unrolled-xla", True, marks=XLA),
])
def test_gradients_equal_keras_autograd(name, mode, use_bias):
    import tensorflow as tf

    built, ours, theirs = _pair(name, use_bias, mode)
    assert built.execution.unroll and built.execution.jit_compile == mode.endswith("-xla")
    rng = np.random.default_rng(6)
    x = tf.constant(rng.normal(size=(5, 6, 3)).astype("float32"))
    states = [tf.constant(rng.normal(size=(5, 4)).astype("float32"))
              for _ in range(2 if name == "lstm" else 1)]
    jit = built.execution.jit_compile
    got_out, got_grads = _outputs_and_grads(ours, x, states, ours.trainable_weights, jit)
    want_out, want_grads = _outputs_and_grads(theirs, x, states, theirs.trainable_weights, jit)
    assert len(got_out) == len(want_out) and len(got_grads) == len(want_grads)
    for got, want in zip(got_out, want_out, strict=True):
        np.testing.assert_allclose(np.asarray(got), np.asarray(want), atol=1e-5)
    for got, want in zip(got_grads, want_grads, strict=True):
        want = np.asarray(want)
        scale = max(float(np.abs(want).max()), 1e-6)
        assert float(np.abs(np.asarray(got) - want).max()) / scale <= 1e-5


def test_a_training_step_moves_the_weights_as_keras_does():
    """One Adam step of the engine's compiled model (unrolled, hand-written backward) lands on
    the weights a stock keras.layers.LSTM model reaches from the same start."""
    import keras

    spec, head = InputSpec("numeric", 6, features=3), HeadSpec("linear", 1)
    built = build_model(spec, head, get_registry().cell_type("lstm"), {"units": 4},
                        execution_mode="unrolled:1")
    inputs = keras.Input((6, 3))
    stock = keras.Model(inputs, keras.layers.Dense(1)(keras.layers.LSTM(4, unroll=True)(inputs)))
    stock.compile(optimizer=keras.optimizers.Adam(1e-3), loss="mse")
    stock.set_weights(built.model.get_weights())
    rng = np.random.default_rng(8)
    x = rng.normal(size=(16, 6, 3)).astype("float32")
    y = rng.normal(size=(16, 1)).astype("float32")
    built.model.train_on_batch(x, y)
    stock.train_on_batch(x, y)
    for got, want in zip(built.model.get_weights(), stock.get_weights(), strict=True):
        np.testing.assert_allclose(got, want, atol=1e-5)
