"""The glass box in training: weights, health and influence snapshots beside the hidden states,
persisted in the run directory, checked against numpy and against finite differences."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from seqstudio.engine import RunDir, Trainer, TrainSettings
from seqstudio.engine.events import HiddenSnapshot, InfluenceSnapshot, WeightsSnapshot
from seqstudio.glassbox import memory_length, recurrent_matrix

sys.path.insert(0, str(Path(__file__).parent))
import engine_fixtures as F  # noqa: E402


def train(ds, cell, params, run_dir, **settings):
    settings = {"epochs": 2, "batch_size": 64, **settings}
    trainer = Trainer(ds, cell, params, TrainSettings(**settings), run_dir=run_dir)
    events: list = []
    trainer.subscribe(events.append)
    result = trainer.run()
    assert result.status == "finished", result.reason
    return events


def of(events, kind):
    return [e for e in events if isinstance(e, kind)]


@pytest.mark.slow
def test_every_hidden_snapshot_comes_with_weights_and_influence_and_a_run_replays_them(tmp_path):
    ds = F.lm_dataset()
    events = train(ds, "simple-rnn-tanh", {"units": 4}, tmp_path / "run", snapshot_every=2)
    hidden, weights, influence = (of(events, k) for k in (HiddenSnapshot, WeightsSnapshot,
                                                          InfluenceSnapshot))
    moments = [(s.epoch, s.batch) for s in hidden]
    assert len(moments) > 2 and -1 in {b for _, b in moments}
    assert [(w.epoch, w.batch) for w in weights] == moments
    assert [(i.epoch, i.batch) for i in influence] == moments

    run = RunDir(tmp_path / "run")
    read_w, read_i = run.weights_snapshots(), run.influence_snapshots()
    assert [(w.epoch, w.batch) for w in read_w] == moments
    for live, back in zip(weights, read_w, strict=True):
        for a, b in zip(live.layers, back.layers, strict=True):
            assert a.weights.keys() == b.weights.keys() == {"kernel", "recurrent_kernel", "bias"}
            for key in a.weights:
                np.testing.assert_array_equal(a.weights[key], b.weights[key])
            np.testing.assert_array_equal(a.eigvals, b.eigvals)
            assert (a.spectral_radius, a.saturated, a.dead) == (b.spectral_radius, b.saturated,
                                                                b.dead)
            assert (a.recurrent, a.params) == (b.recurrent, b.params) == (
                "recurrent_kernel", {"units": 4, "use_bias": True, "layers": 1})
    for live, back in zip(influence, read_i, strict=True):
        np.testing.assert_array_equal(live.probe, back.probe)
        np.testing.assert_array_equal(live.batch_mean, back.batch_mean)
        assert live.memory == back.memory == memory_length(live.probe)
        assert live.step_labels == back.step_labels == tuple(ds.probe.step_labels)

    # the end-of-epoch weights are those of the checkpoint written after that epoch
    last = next(w for w in reversed(weights) if w.batch == -1)
    model = run.load_checkpoint(last.epoch + 1)
    layer = last.layers[0]
    np.testing.assert_array_equal(layer.weights["kernel"], model.get_layer("rnn").cell.kernel)
    # the first layer sees the probe one-hot; the eigenvalues are numpy's
    np.testing.assert_array_equal(layer.inputs, np.eye(ds.input_spec.vocab_size)[ds.probe.x[0]])
    wh = recurrent_matrix("simple-rnn-tanh", layer.weights)
    np.testing.assert_allclose(np.sort_complex(layer.eigvals),
                               np.sort_complex(np.linalg.eigvals(wh)), atol=1e-6)
    assert layer.spectral_radius == np.abs(layer.eigvals).max()
    h = hidden[-1].states[0]
    assert layer.saturated == np.mean(np.abs(h) > 0.95)


@pytest.mark.slow
def test_influence_equals_finite_differences_of_the_final_state(tmp_path):
    import keras

    ds = F.forecast_dataset(window=8, n=120)
    events = train(ds, "simple-rnn-tanh", {"units": 3}, tmp_path / "run", epochs=1)
    influence = of(events, InfluenceSnapshot)[-1]
    model = RunDir(tmp_path / "run").load_checkpoint(1)
    final = keras.Model(model.inputs[0], model.get_layer("rnn").output)

    def fd(x: np.ndarray, eps: float = 1e-2) -> np.ndarray:
        """|d sum(h_T) / d x_t| for each sample and step (one input feature)."""
        out = np.zeros(x.shape[:2])
        for t in range(x.shape[1]):
            up, down = x.copy(), x.copy()
            up[:, t, 0] += eps
            down[:, t, 0] -= eps
            diff = (np.asarray(final(up)).astype(np.float64).sum(-1)
                    - np.asarray(final(down)).astype(np.float64).sum(-1))
            out[:, t] = np.abs(diff / (2 * eps))
        return out

    probe = fd(np.asarray(ds.probe.x, dtype=np.float32))[0]
    np.testing.assert_allclose(influence.probe, probe, rtol=2e-2, atol=2e-4)
    batch = fd(np.asarray(ds.x_val[:32], dtype=np.float32)).mean(axis=0)
    np.testing.assert_allclose(influence.batch_mean, batch, rtol=2e-2, atol=2e-4)
    assert influence.probe.max() > 1e-3  # not a vanishing check


def test_memory_counts_the_steps_back_above_a_tenth_of_the_peak():
    assert memory_length(np.array([0.01, 0.2, 0.05, 0.5, 1.0])) == 2
    assert memory_length(np.array([0.3, 0.2, 0.5, 1.0])) == 4
    assert memory_length(np.array([1.0, 0.5, 0.05])) == 0
    assert memory_length(np.zeros(4)) == 0
