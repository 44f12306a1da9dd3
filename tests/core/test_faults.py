"""Faults beyond the training data, as docs/faults.md lists them: damaged or partly written run
directories, a full disk, a read-only folder, a prompt of unknown characters, a run from a newer
seqstudio. Each is the CLI in a subprocess: one ``error:`` line, exit 2, no traceback, and what
was on disk before stays readable."""

from __future__ import annotations

import json
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from seqstudio.engine import RunDir
from seqstudio.engine.runwriter import write_snapshot

sys.path.insert(0, str(Path(__file__).parent))
from cli_subprocess import FAST, one_error_line, seqstudio, tiny_text  # noqa: E402

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def base_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("faults")
    out = seqstudio("train", tiny_text(folder), *FAST, "--out", folder / "run")
    assert out.returncode == 0, out.stderr[-3000:]
    return folder / "run"


@pytest.fixture
def run(base_run, tmp_path):
    copy = tmp_path / "run"
    shutil.copytree(base_run, copy)
    return copy


def refused(*args, **kwargs) -> str:
    out = seqstudio(*args, **kwargs)
    assert out.returncode == 2, (out.returncode, out.stdout[-2000:], out.stderr[-3000:])
    return one_error_line(out.stderr)


def test_garbage_model_keras(run):
    (run / "model.keras").write_bytes(b"this is not a zip archive\n" * 10)
    line = refused("predict", run, "-n", "5")
    assert "model.keras is damaged or was cut short (not a .keras zip archive)" in line
    assert "checkpoints/ still hold every epoch" in line
    assert RunDir(run).load_checkpoint(2) is not None  # the last good state


def test_model_keras_cut_short(run):
    data = (run / "model.keras").read_bytes()
    (run / "model.keras").write_bytes(data[: len(data) // 2])
    line = refused("predict", run, "-n", "5")
    assert "model.keras is damaged or was cut short" in line


def test_config_json_cut_short(run):
    text = (run / "config.json").read_text()
    (run / "config.json").write_text(text[: len(text) // 2])
    line = refused("inspect", run)
    assert "config.json is damaged or was cut short (not valid JSON" in line


def test_damaged_history_is_read_around_and_resume_refuses_a_gap(run):
    lines = (run / "history.csv").read_text().splitlines()
    assert len(lines) == 3
    (run / "history.csv").write_text("\n".join([lines[0], "1,zz,??", lines[2], "3,0.1"]))
    out = seqstudio("inspect", run)
    assert out.returncode == 0, out.stderr
    assert "1 of 2 epoch(s)" in out.stdout  # the readable row; the torn last line is ignored
    line = refused("resume", run, "--epochs", "3")
    assert "history.csv is damaged: it lacks epoch(s) 1 of the 2 the checkpoint holds" in line


def test_damaged_latest_checkpoint(run):
    (run / "checkpoints" / "epoch-0002.weights.npz").write_bytes(b"PK\x03\x04 torn")
    line = refused("resume", run, "--epochs", "3")
    assert "epoch-0002.weights.npz is damaged or was cut short" in line
    assert "delete it to resume from the checkpoint before it" in line
    assert RunDir(run).load_checkpoint(1) is not None


def test_damaged_initial_model_of_a_killed_run(run):
    (run / "model.keras").unlink()  # killed before the end: predict reads the checkpoints
    (run / "checkpoints" / "epoch-0000.keras").write_bytes(b"\0" * 100)
    line = refused("predict", run, "-n", "5")
    assert "epoch-0000.keras is damaged or was cut short" in line


def test_damaged_latest_json_and_snapshot_are_read_around(run):
    """No command reads these alone: the reader falls back on the checkpoint files present and
    skips a damaged snapshot, keeping the others."""
    (run / "checkpoints" / "latest.json").write_text('{"epoch": ')
    snaps = sorted((run / "snapshots").iterdir())
    snaps[0].write_bytes(b"PK\x03\x04garbage")
    reader = RunDir(run)
    assert reader.latest_checkpoint()[0] == 2
    assert [s.epoch for s in reader.snapshots()] == [1]
    out = seqstudio("resume", run, "--epochs", "3", "--quiet")
    assert out.returncode == 0, out.stderr[-3000:]
    assert [r["epoch"] for r in RunDir(run).history()] == [1, 2, 3]


def test_prompt_of_unknown_characters(run):
    line = refused("predict", run, "--prompt", "☃☃☃")
    assert "--prompt '☃☃☃' has no character of the run's vocabulary" in line


def test_run_from_a_newer_seqstudio(run):
    config = json.loads((run / "config.json").read_text())
    config["format"] = 99
    config["versions"]["seqstudio"] = "9.0"
    (run / "config.json").write_text(json.dumps(config))
    for command in (["inspect", run], ["resume", run, "--epochs", "3"], ["predict", run]):
        line = refused(*command)
        assert "was written by seqstudio 9.0 in run format 99" in line
        assert "upgrade seqstudio" in line
    assert json.loads((run / "config.json").read_text())["format"] == 99  # left as it was


def _file_size_limit(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def _check_last_good_state(path: Path) -> None:
    run = RunDir(path)
    epochs = [r["epoch"] for r in run.history()]
    assert epochs == list(range(1, len(epochs) + 1)), epochs
    for epoch, _ in run.checkpoints():
        assert run.load_checkpoint(epoch) is not None
    assert not list(path.rglob(".*.tmp*")), "no temporary file left"


def test_a_file_size_limit_while_writing(tmp_path, base_run):
    """model.keras is the largest file; a limit just above the initial checkpoint lets every
    epoch be recorded and refuses the final model."""
    limit = (base_run / "checkpoints" / "epoch-0000.keras").stat().st_size + 512
    assert (base_run / "model.keras").stat().st_size > limit
    line = refused("train", tiny_text(tmp_path), *FAST, "--out", tmp_path / "run",
                   preexec_fn=_file_size_limit(limit))
    assert "model.keras: the file is larger than this system allows" in line
    _check_last_good_state(tmp_path / "run")
    assert RunDir(tmp_path / "run").latest_checkpoint()[0] == 2


def _unshare_works() -> bool:
    try:
        out = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs tmpfs /mnt"],
                             capture_output=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return out.returncode == 0


needs_mounts = pytest.mark.skipif(not _unshare_works(),
                                  reason="needs a private mount namespace (unshare -m, root)")


def _in_tmpfs(tmp_path: Path, options: str, *argv: object) -> subprocess.CompletedProcess:
    """``seqstudio ARGV`` with ``tmp_path/disk`` a tmpfs of its own (a private mount namespace);
    what it held is copied to ``tmp_path/kept`` before the namespace goes."""
    disk = tmp_path / "disk"
    disk.mkdir()
    cmd = " ".join(f"'{a}'" for a in [sys.executable, "-m", "seqstudio", *map(str, argv)])
    script = (f"mount -t tmpfs -o {options} tmpfs '{disk}' && {{ {cmd}; rc=$?; "
              f"cp -a '{disk}' '{tmp_path / 'kept'}'; exit $rc; }}")
    import os

    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    return subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True,
                          text=True, timeout=240, env=env)


@needs_mounts
def test_a_full_disk_while_writing(tmp_path):
    data = tiny_text(tmp_path)
    out = _in_tmpfs(tmp_path, "size=64k", "train", data, *FAST, "--out", tmp_path / "disk" / "run")
    assert out.returncode == 2, out.stderr[-3000:]
    line = one_error_line(out.stderr)
    assert "cannot write" in line and "the disk is full" in line
    _check_last_good_state(tmp_path / "kept" / "run")


@needs_mounts
def test_a_read_only_output_folder(tmp_path):
    data = tiny_text(tmp_path)
    out = _in_tmpfs(tmp_path, "ro,size=64k", "train", data, *FAST, "--out",
                    tmp_path / "disk" / "run")
    assert out.returncode == 2, out.stderr[-3000:]
    line = one_error_line(out.stderr)
    assert f"cannot write {tmp_path / 'disk' / 'run'}: the folder is read-only" in line


def test_snapshot_files_round_trip_every_state(tmp_path):
    """The reader gives back a two-state cell's states by name (contract 1.1)."""
    from seqstudio.engine.events import HiddenSnapshot

    h, c = np.ones((4, 3)), np.full((4, 3), 2.0)
    snap = HiddenSnapshot(epoch=0, batch=-1, states=(h,), layer_names=("lstm",),
                          step_labels=tuple("abcd"), layer_states=({"h": h, "c": c},))
    write_snapshot(tmp_path, snap)
    (tmp_path / "config.json").write_text("{}")
    (back,) = RunDir(tmp_path).snapshots()
    assert list(back.states_of(0)) == ["h", "c"]
    np.testing.assert_array_equal(back.states_of(0)["c"], c)
