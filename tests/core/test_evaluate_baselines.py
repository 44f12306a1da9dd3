"""``seqstudio evaluate`` in a subprocess: every baseline in the table and in ``--json``, the
comparison in words, and baseline figures in the units of the run's own ``val_loss``."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from seqstudio.data import SAMPLES

STDLIB_LICENSE = Path(os.__file__).with_name("LICENSE.txt")


def seqstudio(*argv) -> subprocess.CompletedProcess:
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    return subprocess.run([sys.executable, "-m", "seqstudio", *map(str, argv)],
                          capture_output=True, text=True, timeout=600, env=env)


def val_losses(run: Path) -> list[float]:
    with open(run / "history.csv", newline="") as f:
        return [float(row["val_loss"]) for row in csv.DictReader(f)]


def check_report(out: str, names: set[str]) -> dict:
    """The table lists every baseline by its label, then the comparison; the JSON agrees."""
    result = json.loads(out.strip().splitlines()[-1])
    assert set(result["labels"]) == names
    for name, label in result["labels"].items():
        if name in result["baselines"]:
            assert any(line.startswith(label) for line in out.splitlines()), label
        else:
            assert "skipped" in result["details"][name]
    comparison = result["comparison"]
    assert f"model: {comparison['phrase']}" in out
    assert sorted(comparison["beats"] + comparison["loses_to"]) == sorted(result["baselines"])
    return result


def keras_predict_figures(run: Path) -> dict[str, float]:
    """The model's figures as evaluate computed them before it used the compiled Predictor:
    Keras' ``model.predict`` on the run's rebuilt validation part."""
    from seqstudio.engine.resume import rebuild_dataset
    from seqstudio.engine.rundir import RunDir

    rundir = RunDir(run)
    ds = rebuild_dataset(rundir.config)
    out = np.asarray(rundir.load_model().predict(ds.x_val, batch_size=256, verbose=0),
                     np.float64)
    if ds.task == "forecast":
        diff = ds.unscale(out.reshape(len(out), -1)) - ds.unscale(np.asarray(ds.y_val,
                                                                             np.float64))
        return {"mae": float(np.abs(diff).mean()), "rmse": float(np.sqrt((diff**2).mean()))}
    y = np.asarray(ds.y_val, np.int64).reshape(-1)
    probs = out.reshape(len(y), -1)
    keep = y != 0  # the padding id is not scored for a language model
    probs, y = probs[keep], y[keep]
    p = np.clip(probs[np.arange(len(y)), y], 1e-7, 1.0)
    return {"loss": float(-np.log(p).mean()), "accuracy": float((probs.argmax(-1) == y).mean())}


@pytest.mark.slow
def test_forecast_evaluate_prints_every_baseline(tmp_path):
    run = tmp_path / "run"
    done = seqstudio("train", SAMPLES["sine"], "--window", "12", "--epochs", "2", "--units",
                     "6", "--out", run, "--quiet")
    assert done.returncode == 0, done.stderr
    done = seqstudio("evaluate", run, "--json")
    assert done.returncode == 0, done.stderr
    result = check_report(done.stdout, {"mean", "persistence", "seasonal-naive", "ar"})
    assert result["model"] == pytest.approx(keras_predict_figures(run), rel=1e-4)
    # the sample is hourly: a day is the season
    assert result["details"]["seasonal-naive"]["period"] == 24
    assert result["labels"]["seasonal-naive"] == "seasonal naive (period 24)"
    assert result["labels"]["ar"] == f"AR({result['details']['ar']['p']})"
    # MAE and RMSE in original units; the model's val_loss is the one the run logged for the
    # epoch model.keras holds, so the baselines' val_loss is in the units of the loss plot
    epoch = result["model_epoch"]
    assert f"model: model.keras, epoch {epoch} of 2" in done.stdout
    assert result["model_val_loss"] == pytest.approx(val_losses(run)[epoch - 1], rel=2e-3)
    mine, best = result["model"]["mae"], min(b["mae"] for b in result["baselines"].values())
    assert result["comparison"]["phrase"].startswith("beats" if mine < best else "not yet")
    for name in result["baselines"]:
        assert result["val_loss"][name] > 0
        assert result["baselines"][name]["rmse"] >= result["baselines"][name]["mae"]


@pytest.mark.slow
def test_lm_evaluate_on_a_text_this_project_did_not_write(tmp_path):
    run = tmp_path / "run"
    done = seqstudio("train", STDLIB_LICENSE, "--epochs", "1", "--units", "8", "--out", run,
                     "--quiet")
    assert done.returncode == 0, done.stderr
    done = seqstudio("evaluate", run, "--json")
    assert done.returncode == 0, done.stderr
    result = check_report(done.stdout, {"unigram", "bigram"})
    assert result["model"] == pytest.approx(keras_predict_figures(run), rel=1e-4)
    # lm: the loss is the Keras cross-entropy, and val_loss is the same figure
    assert result["model"]["loss"] == pytest.approx(val_losses(run)[result["model_epoch"] - 1],
                                                    rel=2e-3)
    for name, metrics in result["baselines"].items():
        assert result["val_loss"][name] == pytest.approx(metrics["loss"])
    # a licence text is far from random characters: the bigram knows more than the unigram
    assert result["baselines"]["bigram"]["loss"] < result["baselines"]["unigram"]["loss"] - 0.3
    assert result["details"]["bigram"]["discount_chosen_on"] == (
        "the last 10 % of the training tokens")


@pytest.mark.slow
def test_classify_evaluate_names_the_majority_class(tmp_path):
    run = tmp_path / "run"
    done = seqstudio("train", SAMPLES["sentences"], "--epochs", "1", "--units", "4", "--out",
                     run, "--quiet")
    assert done.returncode == 0, done.stderr
    done = seqstudio("evaluate", run)
    assert done.returncode == 0, done.stderr
    assert "majority class" in done.stdout and "bag-of-words" in done.stdout
    assert "majority: predicts" in done.stdout and "model: " in done.stdout
