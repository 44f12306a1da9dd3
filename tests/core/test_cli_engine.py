"""``seqstudio train / resume / evaluate / predict / inspect`` in-process, on the bundled samples
and on files this project did not write."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from seqstudio.cli.app import main
from seqstudio.data import SAMPLES
from seqstudio.engine import RunDir

STDLIB_LICENSE = Path(os.__file__).with_name("LICENSE.txt")


def run_cli(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def lm_run(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "lm"
    assert main(["train", str(SAMPLES["toy_grammar"]), "--epochs", "1", "--seq-len", "8",
                 "--units", "8", "--out", str(path), "--quiet"]) == 0
    return path


def test_train_writes_a_run_and_prints_progress(tmp_path, capsys):
    code, out, err = run_cli(capsys, "train", SAMPLES["sentences"], "--cell", "stacked-rnn",
                             "--layers", "2", "--units", "4", "--epochs", "2", "--level", "word",
                             "--input-kind", "embedding", "--seq-len", "6", "--out",
                             tmp_path / "run")
    assert code == 0, err
    assert "epoch 1/2" in out and "epoch 2/2" in out and "val_loss" in out
    assert "finished: completed after 2 epoch(s)" in out
    config = RunDir(tmp_path / "run").config
    assert config["cell"]["params"] == {"layers": 2, "units": 4, "activation": "tanh",
                                        "use_bias": True}
    assert config["data"]["path"] == str(Path(SAMPLES["sentences"]).resolve())
    assert config["data"]["options"]["level"] == "word" and config["data"]["task"] == "classify"
    code, out, _ = run_cli(capsys, "evaluate", tmp_path / "run", "--json")
    result = json.loads(out.strip().splitlines()[-1])
    assert {"model", "baselines", "details", "comparison"} <= set(result)
    assert set(result["baselines"]) == {"majority", "bag-of-words"}
    assert set(result["model"]) == set(result["baselines"]["majority"]) == {"loss", "accuracy"}
    code, out, _ = run_cli(capsys, "predict", tmp_path / "run", "--text", "I like the book",
                           "--json")
    probs = json.loads(out.strip().splitlines()[-1])["class_probs"]
    assert code == 0 and sum(probs.values()) == pytest.approx(1, abs=1e-4) and len(probs) == 3


def test_lm_evaluate_predict_inspect(lm_run, capsys):
    code, out, _ = run_cli(capsys, "evaluate", lm_run, "--json")
    assert code == 0 and out.splitlines()[4].startswith("unigram")
    result = json.loads(out.strip().splitlines()[-1])
    assert set(result["baselines"]["unigram"]) == set(result["baselines"]["bigram"]) == {
        "loss", "accuracy"}
    code, out, _ = run_cli(capsys, "predict", lm_run, "--prompt", "The boy", "-n", "30",
                           "--temperature", "0.5", "--top-k", "5", "--seed", "3", "--json")
    assert code == 0 and len(json.loads(out.strip().splitlines()[-1])["text"]) == 30
    code, out, _ = run_cli(capsys, "inspect", lm_run)
    assert code == 0
    assert "layer" in out and "formula" in out and "status: finished" in out
    vocab = RunDir(lm_run).dataset_info()["input_spec"]["vocab_size"]
    assert f"{vocab}·8 + 8·8 + 8 = {vocab * 8 + 72:,}" in out


def test_default_options_just_work(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(capsys, "train", SAMPLES["sine"], "--cell", "simple-rnn-tanh")
    assert code == 0, err
    (run,) = list((tmp_path / "runs").iterdir())
    from seqstudio.data import load_dataset
    from seqstudio.engine.settings import suggest_training

    # the epochs the user did not give are chosen for the data
    assert len(RunDir(run).history()) == suggest_training(load_dataset(SAMPLES["sine"])).epochs


def test_forecast_evaluate_and_predict(tmp_path, capsys):
    code, _, err = run_cli(capsys, "train", SAMPLES["sine"], "--window", "12", "--horizon", "2",
                           "--epochs", "2", "--units", "6", "--lr", "0.01", "--out",
                           tmp_path / "run", "--quiet")
    assert code == 0, err
    code, out, _ = run_cli(capsys, "evaluate", tmp_path / "run", "--json")
    result = json.loads(out.strip().splitlines()[-1])
    assert set(result["labels"]) == {"mean", "persistence", "seasonal-naive", "ar"}
    assert {"mean", "persistence"} <= set(result["baselines"])
    assert set(result["model"]) == {"mae", "rmse"}
    code, out, _ = run_cli(capsys, "predict", tmp_path / "run", "--steps", "5", "--json")
    result = json.loads(out.strip().splitlines()[-1])
    assert len(result["forecast"]) == 2 and len(result["recursive"]) == 5
    assert result["window_from"] == "the end of the data"
    values = ",".join(str(v) for v in range(12))
    code, out, _ = run_cli(capsys, "predict", tmp_path / "run", "--values", values)
    assert code == 0 and "the given values" in out


def test_a_text_file_this_project_did_not_write(tmp_path, capsys):
    assert STDLIB_LICENSE.is_file()
    code, out, err = run_cli(capsys, "train", STDLIB_LICENSE, "--level", "word", "--vocab",
                             "200", "--seq-len", "6", "--epochs", "1", "--units", "8",
                             "--input-kind", "embedding", "--out", tmp_path / "run")
    assert code == 0, err
    code, out, _ = run_cli(capsys, "evaluate", tmp_path / "run", "--json")
    assert code == 0 and "unigram" in json.loads(out.splitlines()[-1])["baselines"]
    code, out, _ = run_cli(capsys, "predict", tmp_path / "run", "--prompt", "the software",
                           "-n", "5")
    assert code == 0 and len(out.split()) >= 5


@pytest.mark.parametrize("argv, message", [
    (["train", "{missing}"], "no such file"),
    (["train", "{sine}", "--epochs", "0"], "epochs"),
    (["train", "{sine}", "--epochs", "many"], "invalid int"),
    (["train", "{sine}", "--cell", "lstm-please"], "unknown cell type"),
    (["train", "{sine}", "--units", "abc"], "units"),
    (["train", "{sine}", "--units", "0"], "units"),
    (["train", "{sine}", "--activation", "relu"], "no parameter 'activation'"),
    (["train", "{sine}", "--layers", "9"], "'layers' must be <= 8"),
    (["train", "{sine}", "--task", "translate"], "invalid choice"),
    (["train", "{sine}", "--target", "nope", "--out", "{tmp}/x"], "nope"),
    (["train", "{sine}", "--strategy", "multi-worker"], "TF_CONFIG"),
    (["evaluate", "{tmp}"], "not a run directory"),
    (["predict", "{tmp}"], "not a run directory"),
    (["resume", "{tmp}"], "not a run directory"),
    (["inspect", "{tmp}/none"], "not a run directory"),
])
def test_bad_input_is_one_error_line_and_exit_2(argv, message, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("TF_CONFIG", raising=False)
    fill = {"missing": tmp_path / "missing.txt", "sine": SAMPLES["sine"], "tmp": tmp_path}
    argv = [a.format(**fill) for a in argv]
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse errors
        code = exc.code
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert code == 2, err
    assert len(lines) == 1 and lines[0].startswith("error:") and message in lines[0]
    assert "Traceback" not in err
    assert not (tmp_path / "x" / "model.keras").exists()


def test_debug_shows_the_traceback(tmp_path, capsys):
    code, _, err = run_cli(capsys, "--debug", "train", tmp_path / "missing.txt")
    assert code == 2 and "Traceback" in err and err.strip().splitlines()[-1].startswith("error:")


@pytest.mark.parametrize("command", ["train", "resume", "evaluate", "predict", "inspect"])
def test_help_works_everywhere(command, capsys):
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0
    assert command in capsys.readouterr().out


def test_an_existing_run_is_not_overwritten(lm_run, capsys):
    before = (lm_run / "model.keras").stat().st_mtime_ns
    code, _, err = run_cli(capsys, "train", SAMPLES["toy_grammar"], "--out", lm_run)
    assert code == 2 and "already holds a run" in err
    assert (lm_run / "model.keras").stat().st_mtime_ns == before


@pytest.mark.slow
def test_killed_run_is_readable_and_resumes(tmp_path, capsys):
    run = tmp_path / "run"
    cmd = [sys.executable, "-m", "seqstudio", "train", str(SAMPLES["toy_grammar"]), "--epochs",
           "40", "--batch-size", "16", "--seq-len", "8", "--units", "4", "--out", str(run)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 90
        while not (run / "checkpoints" / "epoch-0001.weights.npz").exists() and time.time() < deadline:
            time.sleep(0.05)
        time.sleep(0.3)  # kill it mid-epoch
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    reader = RunDir(run)
    assert reader.status()["status"] == "running"
    done = reader.latest_checkpoint()[0]
    assert done >= 1 and len(reader.history()) >= done
    reader.load_model()
    reader.batch_losses(), reader.snapshots(), reader.predictions()
    code, out, err = run_cli(capsys, "resume", run, "--epochs", str(done + 1))
    assert code == 0, err
    assert f"from epoch {done + 1}" in out
    assert [r["epoch"] for r in RunDir(run).history()] == list(range(1, done + 2))
    assert RunDir(run).status()["status"] == "finished"
