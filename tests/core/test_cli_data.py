"""``seqstudio train`` on the data files a newcomer brings: wrong files get one ``error:`` line and
exit 2; bad cells are named and can be treated as missing; a year column is the time axis."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from seqstudio.cli.app import main

FAULTS = {
    "empty.csv": b"",
    "empty.txt": b"",
    "header.csv": b"date,value\r\n",
    "one.txt": b"a",
    "image.csv": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    "image.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    "blob.csv": bytes(range(256)) * 8,
    "packed.csv": gzip.compress(b"date,value\n2024-01-01,1\n" * 30),
    "spaces.csv": b"   \n  \n",
}


def one_error_line(err: str) -> str:
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert "Traceback" not in err and len(lines) == 1 and lines[0].startswith("error: "), err
    return lines[0]


@pytest.mark.parametrize("name", sorted(FAULTS))
def test_a_wrong_file_gets_one_error_line_and_exit_2(tmp_path, capsys, name):
    path = tmp_path / name
    path.write_bytes(FAULTS[name])
    code = main(["train", str(path), "--epochs", "1", "--out", str(tmp_path / "run")])
    _, err = capsys.readouterr()
    assert code == 2
    line = one_error_line(err)
    assert name in line
    assert not (tmp_path / "run").exists()  # refused before a run directory was made


def test_bad_cells_are_named_on_the_command_line(tmp_path, capsys):
    values = [f"{v:.1f}" for v in np.sin(np.arange(60) / 4) * 10 + 50]
    values[9], values[30] = "n/a?", "12,5"
    path = tmp_path / "bad.csv"
    pd.DataFrame({"date": pd.date_range("2024-01-01", periods=60).strftime("%Y-%m-%d"),
                  "value": values}).to_csv(path)
    code = main(["train", str(path), "--epochs", "1", "--target", "value"])
    line = one_error_line(capsys.readouterr()[1])
    assert code == 2
    assert "'n/a?' (row 10, line 11), '12,5' (row 31, line 32)" in line
    assert "--treat-as-missing value" in line


def seqstudio(*args, timeout=300):
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    return subprocess.run([sys.executable, "-m", "seqstudio", *map(str, args)],
                          capture_output=True, text=True, timeout=timeout, env=env)


@pytest.mark.slow
def test_cli_trains_sunspots_on_years_and_treats_bad_cells_as_missing(tmp_path):
    n = 80
    sun = tmp_path / "sunspots.csv"
    pd.DataFrame({"YEAR": np.arange(1700.0, 1700 + n),
                  "SUNACTIVITY": (np.sin(np.arange(n) / 1.75) * 40 + 50).round(1)}).to_csv(sun)
    done = seqstudio("train", sun, "--epochs", "1", "--seq-len", "8", "--units", "4",
                     "--out", tmp_path / "sun", "--quiet")
    assert done.returncode == 0, done.stderr
    config = json.loads((tmp_path / "sun" / "config.json").read_text())
    options = config["data"]["options"]
    assert options["date_column"] == "YEAR"
    assert options["columns"] == options["target"] == ["SUNACTIVITY"]
    labels = json.loads((tmp_path / "sun" / "dataset.json").read_text())["probe"]["step_labels"]
    first = int(labels[0])
    assert 1700 < first and labels == [str(y) for y in range(first, first + 8)]
    [snapshot] = sorted((tmp_path / "sun" / "snapshots").glob("*.npz"))[-1:]
    assert list(np.load(snapshot)["step_labels"]) == labels  # what the heatmap is labelled with

    values = [f"{v:.1f}" for v in np.sin(np.arange(60) / 4) * 10 + 50]
    values[9] = "x"
    bad = tmp_path / "bad.csv"
    pd.DataFrame({"value": values}).to_csv(bad, index=False)
    done = seqstudio("train", bad, "--epochs", "1", "--seq-len", "8", "--units", "4",
                     "--treat-as-missing", "value", "--out", tmp_path / "bad", "--quiet")
    assert done.returncode == 0, done.stderr
    options = json.loads((tmp_path / "bad" / "config.json").read_text())["data"]["options"]
    assert options["treat_as_missing"] == ["value"] and options["target"] == ["value"]
