"""Generation that carries the recurrent state: the same tokens as the window sampler while the
text fits the window, the whole history's state after it."""

from __future__ import annotations

import numpy as np
import pytest

from seqstudio.data.dataset import HeadSpec, InputSpec
from seqstudio.engine import sampler as S
from seqstudio.engine.predict import Predictor
from seqstudio.model import build_model
from seqstudio.plugins import get_registry

V, T = 12, 6


def lm(cell: str, seq_len: int = T, **params):
    built = build_model(InputSpec("onehot", seq_len, vocab_size=V),
                        HeadSpec("softmax", V, per_step=True), get_registry().cell_type(cell),
                        {"units": 5, **params}, compile=False)
    rng = np.random.default_rng(1)  # weights large enough that the draws depend on them
    built.model.set_weights([rng.normal(0, 0.8, w.shape).astype("float32")
                             for w in built.model.get_weights()])
    return built.model


@pytest.mark.slow
@pytest.mark.parametrize("cell,params", [("simple-rnn-tanh", {}), ("stacked-rnn", {"layers": 2}),
                                         ("gru", {})])
@pytest.mark.long
def test_carried_state_draws_what_the_window_draws_while_the_text_fits(cell, params):
    model = lm(cell, **params)
    carried = S.text_sampler(model, T)
    assert isinstance(carried, S.StateSampler)
    window = S.LMSampler(model, T)
    prompt = [3, 7]
    draws = [(carried(prompt, T - 2, 1.3, k, seed=s), window(prompt, T - 2, 1.3, k, seed=s))
             for s in range(6) for k in (None, 4)]
    assert all(a == b for a, b in draws), draws
    assert len({tuple(a) for a, _ in draws}) > 1  # the seeds draw different texts
    full = np.asarray(model(S.fit_window_start([3, 7, 2, 9], T)[0], training=False))[0, :4]
    np.testing.assert_allclose(carried.prompt_probs([3, 7, 2, 9]), full, rtol=1e-4, atol=1e-6)


@pytest.mark.slow
def test_past_the_window_the_state_holds_the_whole_history():
    short, long = lm("simple-rnn-tanh"), lm("simple-rnn-tanh", seq_len=4 * T)
    long.set_weights(short.get_weights())
    prompt, n = [3, 7, 2], 3 * T
    carried = S.text_sampler(short, T)(prompt, n, 0.0)  # greedy
    # the model run from h_0 = 0 over the whole text in one window of 4T steps
    assert carried == S.LMSampler(long, 4 * T)(prompt, n, 0.0)
    # the window sampler agrees while the text fits its window (then it restarts from h_0 = 0
    # on the last T tokens)
    assert carried[:T - 3] == S.LMSampler(short, T)(prompt, n, 0.0)[:T - 3]


@pytest.mark.slow
def test_predictor_generates_through_the_state_and_keeps_a_seed():
    model = lm("simple-rnn-tanh")
    predict = Predictor(model)
    texts = [predict.generate([3, 4], 40, T, temperature=1.0, top_k=5, seed=s) for s in (2, 2, 3)]
    assert texts[0] == texts[1] != texts[2]
    assert texts[0] == S.StateSampler(model, T)([3, 4], 40, 1.0, 5, seed=2)  # past the window
    assert min(min(t) for t in texts) >= 2 and max(max(t) for t in texts) < V  # no PAD, no OOV


def test_a_model_that_is_not_a_chain_of_cells_keeps_the_window_sampler():
    import keras

    inputs = keras.Input((T,), dtype="int32")
    x = keras.layers.Flatten()(keras.layers.Embedding(V, 3)(inputs))
    outputs = keras.layers.Reshape((T, V))(keras.layers.Dense(T * V, activation="softmax")(x))
    model = keras.Model(inputs, outputs)
    assert isinstance(S.text_sampler(model, T), S.LMSampler)


def test_predictor_chunks_and_pads_to_the_model_s_own_outputs():
    model = lm("simple-rnn-tanh")
    predict = Predictor(model)
    predict.chunk = 8  # several chunks and a padded last one
    x = np.random.default_rng(0).integers(2, V, (19, T)).astype("int32")
    np.testing.assert_allclose(predict(x), np.asarray(model(x, training=False)), rtol=1e-5,
                               atol=1e-6)
    assert predict(x[:0]).shape == (0, T, V)
