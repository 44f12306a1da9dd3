"""The per-epoch language-model sample: one compiled call, seeded, valid tokens only."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from seqstudio.engine import Trainer, TrainSettings
from seqstudio.engine import predict as P
from seqstudio.engine.events import SamplePrediction, Started

sys.path.insert(0, str(Path(__file__).parent))
import engine_fixtures as F  # noqa: E402

V, T = 10, 5


def fixed_model(bias=None):
    """Token ids (T,) -> softmax over V; fixed weights, or only ``bias`` (kernel zero)."""
    import keras

    inputs = keras.Input((T,), dtype="int32")
    x = keras.layers.Flatten()(keras.layers.Embedding(V, 3)(inputs))
    model = keras.Model(inputs, keras.layers.Dense(V, activation="softmax")(x))
    rng = np.random.default_rng(0)
    weights = [rng.normal(size=w.shape).astype("float32") for w in model.get_weights()]
    if bias is not None:
        weights[1] = np.zeros_like(weights[1])
        weights[2] = np.asarray(bias, dtype="float32")
    model.set_weights(weights)
    return model


class Counting:
    def __init__(self, fn):
        self.fn, self.calls = fn, 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self.fn(*args, **kwargs)


def lm_info(prompt=(3, 4, 5, 6, 7)):
    return {"task": "lm", "level": "char", "tokens": ["", "[UNK]", *"abcdefgh"],
            "input_spec": {"seq_len": T}, "probe": {"x": [list(prompt)]}}


def test_a_sample_is_one_compiled_call_traced_once():
    model = fixed_model()
    info = lm_info()
    sampler = P.lm_sampler(model, info)
    assert isinstance(sampler, P.LMSampler)
    traced = sampler._function.experimental_get_tracing_count()
    assert traced == 1  # by lm_sampler, before any epoch
    generate, predict = Counting(sampler._generate), Counting(P.Predictor(model))
    sampler._generate = generate
    texts = [P.sample_prediction(predict, info, epoch, seed=3, sampler=sampler).text
             for epoch in range(4)]
    assert generate.calls == 4 and predict.calls == 0
    assert sampler._function.experimental_get_tracing_count() == traced  # none per epoch
    assert all(len(t) == T for t in texts)
    # other lengths, temperatures and top-k reuse the same trace
    sampler([2], 12, 0.0, None, seed=1)
    sampler([2, 3], 3, 1.5, 2, seed=(1, 2))
    assert sampler._function.experimental_get_tracing_count() == traced


def test_the_sample_is_deterministic_for_a_seed_and_epoch():
    sampler = P.LMSampler(fixed_model(), T)
    prompt = [3, 4, 5, 6, 7]
    a = sampler(prompt, 30, 1.0, None, seed=(7, 2))
    assert sampler(prompt, 30, 1.0, None, seed=(7, 2)) == a
    draws = {tuple(sampler(prompt, 30, 1.0, None, seed=(7, e))) for e in range(5)}
    assert len(draws) > 1, "the epoch is part of the seed"


def test_only_valid_tokens_even_when_padding_and_oov_are_likely():
    # padding and OOV hold nearly all the probability
    sampler = P.LMSampler(fixed_model(bias=[9.0, 9.0] + [0.0] * (V - 2)), T)
    for temperature, top_k in [(1.0, None), (0.8, 3), (2.0, 1), (0.0, None)]:
        out = sampler([1, 0, 0], 60, temperature, top_k, seed=(0, 1))
        assert len(out) == 60 and all(2 <= t < V for t in out), (temperature, top_k, out)
    # every valid probability underflows to 0: greedy over the valid ids, as sample_token
    sampler = P.LMSampler(fixed_model(bias=[200.0] + [0.0] * (V - 1)), T)
    out = sampler([3], 5, 1.0, 4, seed=0)
    assert all(2 <= t < V for t in out)
    probs = P.Predictor(sampler.model)(P.fit_window([3], T))[0]
    assert P.sample_token(probs, 1.0, 4, np.random.default_rng(0)) == out[0]


def test_greedy_and_top_1_equal_the_python_loop():
    model = fixed_model()
    sampler, predict = P.LMSampler(model, T), P.Predictor(model)
    for prompt in ([3, 4, 5, 6, 7], [2], [9, 1, 8]):
        loop = P.generate_ids(predict, T, prompt, 15, temperature=0)
        assert sampler(prompt, 15, 0.0) == loop
        assert sampler(prompt, 15, 0.7, 1, seed=5) == loop


def per_step_model():
    """Token ids (T,) -> a softmax over V at every step, from a recurrent layer (causal)."""
    import keras

    inputs = keras.Input((T,), dtype="int32")
    h = keras.layers.SimpleRNN(6, return_sequences=True)(keras.layers.Embedding(V, 3)(inputs))
    model = keras.Model(inputs, keras.layers.Dense(V, activation="softmax")(h))
    rng = np.random.default_rng(1)
    model.set_weights([rng.normal(size=w.shape).astype("float32") for w in model.get_weights()])
    return model


def test_a_per_step_model_is_read_after_the_last_token():
    """With a distribution at every step, a prompt shorter than the window sits at its start and
    the next token is drawn from the step of its last token: what the model gives for the prompt
    alone, whatever padding follows. The compiled sampler fills the window the same way."""
    model = per_step_model()
    sampler, predict = P.LMSampler(model, T), P.Predictor(model)
    assert sampler.per_step and predict.per_step
    prompt = [3, 4]
    alone = np.asarray(model(np.array([prompt + [5, 6, 7]], np.int32)))[0, len(prompt) - 1]
    np.testing.assert_allclose(P.next_token_probs(predict, prompt, T), alone, rtol=1e-5)
    for prompt in ([3, 4, 5, 6, 7], [2], [9, 1, 8], [2, 3, 4, 5, 6, 7, 8]):
        loop = P.generate_ids(predict, T, prompt, 12, temperature=0)
        assert sampler(prompt, 12, 0.0) == loop, prompt
    out = sampler([3], 20, 1.0, 3, seed=(2, 1))
    assert len(out) == 20 and all(2 <= t < V for t in out)


def test_the_trainer_samples_through_the_compiled_sampler_and_runs_agree(tmp_path):
    def run(path):
        trainer = Trainer(F.lm_dataset(), "simple-rnn-tanh", {"units": 8},
                          TrainSettings(epochs=3, batch_size=32, seed=4), run_dir=path)
        seen: dict = {}

        def on_event(event):
            if isinstance(event, Started):  # traced before Started
                seen["traced"] = trainer._sampler._function.experimental_get_tracing_count()
                trainer._sampler._generate = seen["generate"] = Counting(
                    trainer._sampler._generate)
                trainer._predictor = seen["predict"] = Counting(trainer._predictor)
            elif isinstance(event, SamplePrediction):
                seen.setdefault("texts", []).append(event.text)

        trainer.subscribe(on_event)
        assert trainer.run().status == "finished"
        assert seen["traced"] == 1 and seen["generate"].calls == 3
        assert seen["predict"].calls == 0
        assert trainer._sampler._function.experimental_get_tracing_count() == 1
        return seen["texts"]

    first, second = run(tmp_path / "a"), run(tmp_path / "b")
    assert first == second and len(first) == 3
    tokens = set(F.lm_dataset().tokens[2:])
    assert all(len(t) == 8 and set(t) <= tokens for t in first)


def test_without_a_compiled_sampler_the_sample_falls_back_to_the_loop(tmp_path, monkeypatch,
                                                                       caplog):
    def broken(self, model, seq_len):
        raise RuntimeError("this model cannot run in a while loop")

    monkeypatch.setattr(P.LMSampler, "__init__", broken)
    trainer = Trainer(F.lm_dataset(), "simple-rnn-tanh", {"units": 4},
                      TrainSettings(epochs=1, batch_size=32), run_dir=tmp_path / "run")
    events: list = []
    trainer.subscribe(events.append)
    assert trainer.run().status == "finished"
    assert trainer._sampler is None and "no compiled sampler" in caplog.text
    (sample,) = [e for e in events if isinstance(e, SamplePrediction)]
    assert len(sample.text) == 8


def test_other_tasks_get_no_sampler():
    assert P.lm_sampler(fixed_model(), {**lm_info(), "task": "classify"}) is None


def test_a_model_that_does_not_fit_gets_no_sampler():
    assert P.lm_sampler(fixed_model(), {**lm_info(), "input_spec": {"seq_len": T + 1}}) is None
    with pytest.raises(P.PredictError, match="token ids"):
        P.LMSampler(fixed_model(), T + 1)
