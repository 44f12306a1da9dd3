"""Run directory files, evaluation baselines and prediction, without the CLI."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from seqstudio.engine import RunDir, Trainer, TrainSettings, rundir, runwriter
from seqstudio.engine import predict as P
from seqstudio.engine.evaluate import EvaluationError, evaluate
from seqstudio.engine.events import HiddenSnapshot

sys.path.insert(0, str(Path(__file__).parent))
import engine_fixtures as F  # noqa: E402


def test_atomic_write_leaves_the_old_file_when_writing_fails(tmp_path):
    target = tmp_path / "a.json"
    runwriter.atomic_write_json(target, {"v": 1})

    def broken(tmp):
        tmp.write_text("half")
        raise RuntimeError("killed")

    with pytest.raises(RuntimeError):
        runwriter.atomic_write(target, broken)
    assert rundir._read_json(target) == {"v": 1}
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_reader_tolerates_a_killed_run(tmp_path):
    runwriter.atomic_write_json(tmp_path / "config.json", {"cell": {}})
    (tmp_path / "history.csv").write_text("epoch,loss,val_loss\n1,0.5,0.6\n2,0.4")
    (tmp_path / "batches.csv").write_text("epoch,batch,step,loss\n1,0,0,0.9\n1,1,1,0.")
    (tmp_path / "predictions.jsonl").write_text('{"epoch": 0, "task": "lm", "text": "a"}\n{"ep')
    (tmp_path / "snapshots").mkdir()
    (tmp_path / "snapshots" / "epoch-0001-batch-final.npz").write_bytes(b"PK\x03torn")
    run = RunDir(tmp_path)
    assert run.history() == [{"epoch": 1, "loss": 0.5, "val_loss": 0.6}]
    assert run.batch_losses() == [(0, 0, 0.9)]
    assert [p.text for p in run.predictions()] == ["a"]
    assert run.snapshots() == []
    assert run.status()["status"] == "unknown"
    with pytest.raises(rundir.RunDirError, match="no model"):
        run.load_model()
    with pytest.raises(rundir.RunDirError, match="not a run directory"):
        RunDir(tmp_path / "nothing")


def test_snapshot_round_trip(tmp_path):
    snap = HiddenSnapshot(epoch=2, batch=10, states=(np.ones((4, 3)), np.zeros((4, 2))),
                          layer_names=("a", "b"), step_labels=("w", "x", "y", "z"))
    path = runwriter.write_snapshot(tmp_path, snap)
    assert path.name == "epoch-0003-batch-000010.npz"
    runwriter.atomic_write_json(tmp_path / "config.json", {})
    (back,) = RunDir(tmp_path).snapshots()
    assert (back.epoch, back.batch, back.layer_names, back.step_labels) == (
        2, 10, ("a", "b"), ("w", "x", "y", "z"))
    np.testing.assert_array_equal(back.states[0], snap.states[0])


def _trained(ds, tmp_path, **settings):
    trainer = Trainer(ds, "simple-rnn-tanh", {"units": 8},
                      TrainSettings(**{"epochs": 2, "batch_size": 16, **settings}),
                      run_dir=tmp_path / "run")
    assert trainer.run().status == "finished"
    run = RunDir(tmp_path / "run")
    return run, run.load_model(), run.dataset_info()


def test_lm_evaluation_and_generation(tmp_path):
    ds = F.lm_dataset()
    run, model, info = _trained(ds, tmp_path, learning_rate=0.01)
    result = evaluate(model, ds)
    counts = np.bincount(ds.y_train, minlength=len(ds.tokens)).astype(float)
    prior = (counts + 1) / (counts.sum() + len(counts))
    assert result["baselines"]["unigram"]["loss"] == pytest.approx(
        -np.log(prior[ds.y_val]).mean())
    assert result["baselines"]["unigram"]["accuracy"] == pytest.approx(
        np.mean(ds.y_val == counts.argmax()))
    assert set(result["model"]) == {"loss", "accuracy"}
    assert result["model"]["loss"] == pytest.approx(model.evaluate(ds.x_val, ds.y_val,
                                                                   verbose=0)[0], rel=1e-4)
    predictor = P.Predictor(model)
    text = P.generate_text(predictor, info, "the cat", n=25, temperature=0.7, top_k=3, seed=1)
    assert len(text) == 25 and "[UNK]" not in text
    greedy = [P.generate_text(predictor, info, "the ", 10, temperature=0) for _ in range(2)]
    assert greedy[0] == greedy[1]
    with pytest.raises(P.PredictError):
        P.classify_text(predictor, info, "x")


def test_classify_evaluation_and_probabilities(tmp_path):
    ds = F.classify_dataset()
    _, model, info = _trained(ds, tmp_path, learning_rate=0.02)
    result = evaluate(model, ds)
    majority = np.bincount(ds.y_train).argmax()
    assert result["baselines"]["majority"]["accuracy"] == pytest.approx(
        np.mean(ds.y_val == majority))
    probs = P.classify_text(P.Predictor(model), info, "a very good film")
    assert set(probs) == {"neg", "pos"} and sum(probs.values()) == pytest.approx(1, abs=1e-5)


def test_forecast_evaluation_in_original_units(tmp_path):
    ds = F.forecast_dataset()
    _, model, info = _trained(ds, tmp_path, learning_rate=0.01)
    result = evaluate(model, ds)
    actual = ds.unscale(ds.y_val)
    mean = ds.scaler["value"][0]
    assert result["baselines"]["mean"]["mae"] == pytest.approx(np.abs(actual - mean).mean())
    last = ds.x_val[:, -1, 0] * ds.scaler["value"][1] + mean
    assert result["baselines"]["persistence"]["rmse"] == pytest.approx(
        np.sqrt(((actual - last[:, None]) ** 2).mean()), rel=1e-5)
    assert set(result["model"]) == {"mae", "rmse"}
    predictor = P.Predictor(model)
    next_values = P.forecast(predictor, info, ds.x_val[-1])
    assert next_values.shape == (2, 1) and 0 < next_values.mean() < 20
    rec = P.recursive_forecast(predictor, info, ds.x_val[-1], 7)
    assert rec.shape == (7, 1)
    np.testing.assert_allclose(rec[:2], next_values, rtol=1e-5)
    with pytest.raises(P.PredictError, match="shape"):
        P.forecast(predictor, info, ds.x_val[-1][:3])


def test_evaluation_needs_a_validation_part(tmp_path):
    ds = F.classify_dataset()
    ds.x_val, ds.y_val = ds.x_val[:0], ds.y_val[:0]
    with pytest.raises(EvaluationError, match="validation"):
        evaluate(None, ds)


def test_sampling_respects_top_k_and_never_draws_padding():
    rng = np.random.default_rng(0)
    probs = np.array([0.5, 0.2, 0.1, 0.15, 0.05])
    draws = {P.sample_token(probs, 1.0, 2, rng) for _ in range(200)}
    assert draws == {2, 3}
    assert P.sample_token(probs, 0, None, rng) == 3
