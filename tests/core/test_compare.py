"""``seqstudio compare``, in a subprocess, on two tiny runs that ``seqstudio train`` made."""

from __future__ import annotations

import csv
import json
import re
import shutil
import statistics
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from cli_subprocess import one_error_line, seqstudio, tiny_text  # noqa: E402

FAST_ONE = ("--epochs", "1", "--seq-len", "8", "--batch-size", "256", "--quiet")


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("compare")
    data = tiny_text(folder)
    runs = []
    for cell, units in (("simple-rnn-tanh", 4), ("simple-rnn-relu", 6)):
        out = folder / cell
        done = seqstudio("train", data, "--cell", cell, "--units", units, *FAST_ONE,
                         "--out", out)
        assert done.returncode == 0, done.stderr
        runs.append(out)
    return runs


@pytest.mark.slow
def test_compare_two_runs_table_json_and_diff_only(two_runs):
    a, b = two_runs
    full = seqstudio("compare", a, b, "--json")
    assert full.returncode == 0, full.stderr
    result = json.loads(full.stdout.strip().splitlines()[-1])
    assert result["runs"] == [a.name, b.name]
    rows = {r["name"]: r for r in result["rows"]}
    assert rows["cell"]["values"] == ["simple-rnn-tanh", "simple-rnn-relu"]
    assert rows["cell"]["differs"] and rows["cell.units"]["values"] == [4, 6]
    assert not rows["training.seed"]["differs"] and not rows["data.sha256"]["differs"]
    # the parameters of a char model on the same vocabulary V: n·V + n·n + n, then n·V + V
    vocab = rows["data.vocab"]["values"][0]
    expected = [n * vocab + n * n + n + n * vocab + vocab for n in (4, 6)]
    assert rows["parameters"]["values"] == expected
    # the metrics are each run's own, read from its history.csv
    for run, value in zip((a, b), rows["val_loss (best epoch)"]["values"], strict=True):
        val = float((run / "history.csv").read_text().splitlines()[1].split(",")[2])
        assert value == pytest.approx(val)
    assert rows["best epoch"]["values"] == [1, 1]
    assert rows["status"]["values"] == ["finished"] * 2
    assert rows["reason"]["values"] == ["completed"] * 2
    # speed from history.csv's epoch_seconds: the median epoch, and training samples per second
    for run, per_epoch, rate in zip((a, b), rows["s per epoch (median)"]["values"],
                                    rows["samples/s"]["values"], strict=True):
        with open(run / "history.csv", newline="") as fh:
            seconds = [float(r["epoch_seconds"]) for r in csv.DictReader(fh)]
        assert seconds and all(s > 0 for s in seconds)
        # the first epoch (compiling included) is left out when there are others
        assert per_epoch == pytest.approx(statistics.median(seconds[1:] or seconds))
        n_train = json.loads((run / "config.json").read_text())["data"]["n_train"]
        assert rate == pytest.approx(n_train / per_epoch)
    assert "epoch_seconds (best epoch)" not in rows  # a time, not a metric
    # the baselines: what `seqstudio evaluate` reports for the same run's validation part
    evaluated = seqstudio("evaluate", a, "--json")
    assert evaluated.returncode == 0, evaluated.stderr
    report = json.loads(evaluated.stdout.strip().splitlines()[-1])
    for name, val_loss in report["val_loss"].items():
        row = rows[f"{report['labels'][name]} (val_loss)"]
        assert row["section"] == "baselines"
        assert row["values"] == pytest.approx([val_loss, val_loss])  # same data: same baselines
    # the glass box's read-outs at the last epoch, as the run folders hold them
    from seqstudio.engine.rundir import RunDir

    last = [(RunDir(r).weights_snapshots()[-1], RunDir(r).influence_snapshots()[-1])
            for r in (a, b)]
    assert rows["memory (steps back)"]["values"] == [i.memory for _, i in last]
    assert rows["spectral radius of Wh"]["values"] == pytest.approx(
        [w.layers[0].spectral_radius for w, _ in last])
    assert rows["spectral radius of Wh"]["section"] == "glass-box"
    against = rows["best epoch against them"]["values"]
    assert all(p.startswith(("beats", "not yet better", "level with")) for p in against)
    text = full.stdout
    assert "simple-rnn-relu" in text and "cell*" in text and "training.seed" in text

    diff = seqstudio("compare", a, b, "--diff-only")
    assert diff.returncode == 0, diff.stderr
    assert "cell.units*" in diff.stdout and "training.seed" not in diff.stdout
    assert "val_loss (best epoch)" in diff.stdout  # metrics stay
    assert "setting(s) the runs share are not shown" in diff.stdout


def test_parameters_are_recorded_and_counted_again_for_older_runs(two_runs, tmp_path):
    """``seqstudio train`` records the parameter count in config.json, which compare reads; a
    run written before that is counted by building its model, to the same number."""
    from seqstudio.engine import RunDir
    from seqstudio.engine.compare import count_parameters, recorded_parameters

    a, _ = two_runs
    recorded = json.loads((a / "config.json").read_text())["parameters"]
    legacy = tmp_path / "legacy"
    shutil.copytree(a, legacy)
    config = json.loads((legacy / "config.json").read_text())
    del config["parameters"]
    (legacy / "config.json").write_text(json.dumps(config))
    assert recorded_parameters(RunDir(legacy)) is None
    assert count_parameters(RunDir(legacy)) == recorded == recorded_parameters(RunDir(a))


@pytest.mark.long
@pytest.mark.slow
def test_compare_an_older_run_without_timings_or_its_data_file(two_runs, tmp_path):
    """A run written before history.csv had epoch_seconds compares with '-' for its speed; one
    whose data file is gone with '?' for the baselines."""
    a, b = two_runs
    legacy = tmp_path / "legacy"
    shutil.copytree(b, legacy)
    with open(legacy / "history.csv", newline="") as fh:
        rows = list(csv.DictReader(fh))
    fields = [k for k in rows[0] if k != "epoch_seconds"]
    with open(legacy / "history.csv", "w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    config = json.loads((legacy / "config.json").read_text())
    config["data"]["path"] = str(tmp_path / "gone.txt")
    (legacy / "config.json").write_text(json.dumps(config))
    done = seqstudio("compare", a, legacy, "--json")
    assert done.returncode == 0, done.stderr
    result = {r["name"]: r["values"] for r in json.loads(done.stdout.splitlines()[-1])["rows"]}
    assert result["s per epoch (median)"][1] is None and result["samples/s"][1] is None
    assert result["s per epoch (median)"][0] > 0
    assert result["interpolated bigram (val_loss)"][1] == "?"
    assert result["best epoch against them"][1] == "?"
    line = next(ln for ln in done.stdout.splitlines() if "s per epoch (median)" in ln)
    assert line.split()[-1] == "-"


@pytest.mark.slow
def test_compare_refuses_missing_damaged_and_too_few_runs(two_runs, tmp_path):
    a, _ = two_runs
    missing = seqstudio("compare", a, tmp_path / "nothere")
    assert missing.returncode == 2
    assert "is not a run directory" in one_error_line(missing.stderr)
    # refused before TensorFlow is imported (only the baselines need it), in Python's import profile
    profiled = seqstudio("compare", a, tmp_path / "nothere", env={"PYTHONPROFILEIMPORTTIME": "1"})
    assert profiled.returncode == 2 and re.search(r"\|\s+numpy$", profiled.stderr, re.M)
    assert not re.search(r"\|\s+tensorflow$", profiled.stderr, re.M)
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / "config.json").write_text('{"format": 1, "cell"', encoding="utf-8")
    torn = seqstudio("compare", a, damaged)
    assert torn.returncode == 2 and "damaged" in one_error_line(torn.stderr)
    alone = seqstudio("compare", a)
    assert alone.returncode == 2 and "2 to 4" in one_error_line(alone.stderr)
    five = seqstudio("compare", *[a] * 5)
    assert five.returncode == 2 and "got 5" in one_error_line(five.stderr)
