"""``seqstudio inspect RUN --step T --epoch E --layer L`` and ``--memory``, in a subprocess, on
a run trained by the CLI; the printed numbers are compared with the run's recorded snapshots."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np
import pytest

from seqstudio.engine import RunDir

sys.path.insert(0, str(Path(__file__).parent))
from cli_subprocess import FAST, one_error_line, seqstudio, tiny_text  # noqa: E402


def values(line: str) -> np.ndarray:
    """The numbers of a strip whose label ends in its shape, ``h_3 = tanh(z) (4,)``."""
    n = int(re.findall(r"\((\d+),\)", line)[0])
    return np.array([float(v) for v in line.split()[-n:]])


@pytest.mark.slow
def test_inspect_step_and_memory_print_the_recorded_numbers(tmp_path):
    data = tiny_text(tmp_path)
    run_dir = tmp_path / "run"
    trained = seqstudio("train", data, *FAST, "--layers", "2", "--out", run_dir)
    assert trained.returncode == 0, trained.stderr
    run = RunDir(run_dir)
    hidden = {(s.epoch, s.batch): s for s in run.snapshots()}[(0, -1)]

    out = seqstudio("inspect", run_dir, "--step", "3", "--epoch", "1", "--layer", "2")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "epoch 1 (end), layer 2 of 2"
    h_line = next(ln for ln in lines if ln.lstrip().startswith("h_3 = tanh(z)"))
    np.testing.assert_allclose(values(h_line), hidden.states[1][2], atol=1e-4)
    prev = next(ln for ln in lines if ln.lstrip().startswith("h_2 (4,)"))
    np.testing.assert_allclose(values(prev), hidden.states[1][1], atol=1e-4)
    x_line = next(ln for ln in lines if ln.lstrip().startswith("x_3 = "))
    np.testing.assert_allclose(values(x_line), hidden.states[0][2], atol=1e-4)  # layer 1's h
    error = float(re.search(r"equals the Keras layer's h_t to (\S+)", out.stdout).group(1))
    assert error < 1e-5
    assert re.search(r"spectral radius of recurrent_kernel: \d", out.stdout)
    assert "health: " in out.stdout

    # the last epoch; with Python's import profile on, to see what the command imported
    both = seqstudio("inspect", run_dir, "--step", "1", "--memory",
                     env={"PYTHONPROFILEIMPORTTIME": "1"})
    assert both.returncode == 0, both.stderr[-3000:]
    assert re.search(r"\|\s+numpy$", both.stderr, re.M)  # the profile is there...
    assert not re.search(r"\|\s+tensorflow$", both.stderr, re.M)  # ...without TensorFlow
    assert "epoch 2 (end), layer 1 of 2" in both.stdout
    h0 = next(ln for ln in both.stdout.splitlines() if ln.lstrip().startswith("h_0 = 0"))
    assert not values(h0).any()
    memory = both.stdout[both.stdout.index("epoch 2 (end): influence"):]
    influence = {(i.epoch, i.batch): i for i in run.influence_snapshots()}[(1, -1)]
    rows = [ln.split() for ln in memory.splitlines() if re.match(r"\s+\d+\s", ln)]
    assert [int(r[0]) for r in rows] == list(range(1, 9))
    np.testing.assert_allclose([float(r[-2]) for r in rows], influence.probe, rtol=1e-4)
    np.testing.assert_allclose([float(r[-1]) for r in rows], influence.batch_mean, rtol=1e-4)
    assert f"memory: {influence.memory} of 8 steps back" in memory

    for argv, words in [(("--step", "1", "--layer", "3"), "recurrent layers 1 to 2"),
                        (("--memory", "--epoch", "7"), "epochs 1 to 2")]:
        refused = seqstudio("inspect", run_dir, *argv)
        assert refused.returncode == 2
        assert words in one_error_line(refused.stderr)
