"""The faults of docs/faults.md that the app can meet, driven through the window: a damaged or
newer-version run folder opened with File > Open Run, and training into a read-only folder or
onto a disk that fills up. Each gives a readable dialog (the message the doc lists, no
traceback in it) and the window stays usable."""

from __future__ import annotations

import errno
import json
import pathlib
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from gui_helpers import bundled_samples, tiny_training, wait_ready
from PySide6.QtWidgets import QMessageBox

from seqstudio.engine import RunDir
from seqstudio.gui.errors import reporter

sys.path.insert(0, str(Path(__file__).parents[1] / "core"))
from cli_subprocess import FAST, seqstudio, tiny_text  # noqa: E402

SAMPLES = bundled_samples()
TRAIN_TIMEOUT = 180_000


@pytest.fixture(scope="module")
def base_run(tmp_path_factory):
    """A run that ``seqstudio train`` wrote, to be damaged copy by copy."""
    folder = tmp_path_factory.mktemp("app-faults")
    out = seqstudio("train", tiny_text(folder), *FAST, "--out", folder / "run")
    assert out.returncode == 0, out.stderr[-3000:]
    return folder / "run"


@pytest.fixture
def run(base_run, tmp_path):
    copy = tmp_path / "damaged-run"
    shutil.copytree(base_run, copy)
    return copy


def the_dialog(window) -> QMessageBox:
    (box,) = [b for b in window.findChildren(QMessageBox, "errorDialog") if b.isVisible()]
    return box


def readable(box: QMessageBox) -> str:
    """The dialog's text, checked for what a user should never read in it."""
    text = box.text()
    assert text.strip() and "Traceback" not in text and 'File "' not in text, text
    return text


def open_refused(qtbot, window, folder: Path) -> str:
    with qtbot.waitSignal(reporter.shown, timeout=30_000) as blocker:
        window.open_run(folder)
    assert blocker.args[0] == "Cannot open run"
    box = the_dialog(window)
    text = readable(box)
    assert not box.detailedText(), "a damaged run is the user's file, not a bug: no traceback"
    box.close()
    return text


def still_opens(qtbot, window, folder: Path) -> None:
    """The window keeps working: a good run opens and replays after the refusal."""
    window.open_run(folder)
    qtbot.waitUntil(lambda: window.live.loss.n_points > 0, timeout=30_000)
    assert window.statusBar().currentMessage().startswith(f"Opened run {folder}")


@pytest.mark.slow
def test_damaged_config_json_is_refused_with_the_docs_message(qtbot, make_window, run, base_run):
    text = (run / "config.json").read_text()
    (run / "config.json").write_text(text[: len(text) // 2])
    window = make_window()
    message = open_refused(qtbot, window, run)
    assert f"{run / 'config.json'} is damaged or was cut short (not valid JSON" in message
    assert "the run cannot be opened without it" in message
    still_opens(qtbot, window, base_run)


@pytest.mark.slow
def test_a_run_from_a_newer_seqstudio_is_refused_and_left_alone(qtbot, make_window, run,
                                                                base_run):
    config = json.loads((run / "config.json").read_text())
    config["format"] = 99
    config["versions"]["seqstudio"] = "9.0"
    (run / "config.json").write_text(json.dumps(config))
    window = make_window()
    message = open_refused(qtbot, window, run)
    assert f"{run} was written by seqstudio 9.0 in run format 99" in message
    assert "upgrade seqstudio to open it" in message
    assert json.loads((run / "config.json").read_text())["format"] == 99
    still_opens(qtbot, window, base_run)


@pytest.mark.slow
def test_damaged_model_history_and_snapshot_still_replay(qtbot, make_window, run):
    """The replay reads no model, reads around damaged history lines and skips a damaged
    snapshot: the run opens, with what is readable."""
    (run / "model.keras").write_bytes(b"this is not a zip archive\n" * 10)
    lines = (run / "history.csv").read_text().splitlines()
    (run / "history.csv").write_text("\n".join([lines[0], "1,zz,??", *lines[2:]]) + "\n")
    snapshots = sorted((run / "snapshots").glob("*"))
    assert len(snapshots) >= 2
    snapshots[0].write_bytes(b"\x00" * 10)
    readable_snapshots = len(RunDir(run).snapshots())
    assert readable_snapshots == len(snapshots) - 1
    window = make_window()
    shown: list = []
    reporter.shown.connect(lambda *args: shown.append(args))
    still_opens(qtbot, window, run)
    assert len(window.live.scrubber.snapshots) == readable_snapshots
    assert not shown


class FailingDisk:
    """The boundary where seqstudio meets the file system, failing as a full or read-only
    disk would: every new file under ``folder`` (``tempfile.mkstemp``, which each atomic write
    of a run starts with) and every folder made there (``Path.mkdir``) after the first
    ``allow`` files raises ``OSError(code)``."""

    def __init__(self, monkeypatch, folder: Path, code: int, allow: int = 0,
                 only: str = "") -> None:
        self.folder, self.code, self.allow, self.only = Path(folder), code, allow, only
        self.refused: list[Path] = []
        mkstemp, mkdir = tempfile.mkstemp, pathlib.Path.mkdir

        def guarded_mkstemp(*args, **kwargs):
            target = Path(kwargs.get("dir") or tempfile.gettempdir())
            self._check(target)
            return mkstemp(*args, **kwargs)

        def guarded_mkdir(path, *args, **kwargs):
            if not path.exists():
                self._check(path, count=False)
            return mkdir(path, *args, **kwargs)

        monkeypatch.setattr(tempfile, "mkstemp", guarded_mkstemp)
        monkeypatch.setattr(pathlib.Path, "mkdir", guarded_mkdir)

    def _check(self, target: Path, count: bool = True) -> None:
        if not target.resolve().is_relative_to(self.folder.resolve()):
            return
        if self.only and self.only not in target.parts:
            return
        if count and self.allow > 0:
            self.allow -= 1
            return
        if not count and self.allow > 0:
            return
        self.refused.append(target)
        raise OSError(self.code, "refused by the test's disk")


def train_from_the_window(qtbot, window, epochs: int):
    tiny_training(window, epochs=epochs)
    wait_ready(qtbot, window)
    with qtbot.waitSignal(reporter.shown, timeout=TRAIN_TIMEOUT) as shown:
        with qtbot.waitSignal(window.trainingFinished, timeout=TRAIN_TIMEOUT) as blocker:
            window.start_training()
    result = blocker.args[0]
    assert result.status == "failed", result
    assert shown.args[0] == "Training failed"
    box = the_dialog(window)
    text = readable(box)
    box.close()
    # the app keeps running: idle, and Start is offered again
    assert window.state == "idle"
    qtbot.waitUntil(lambda: window.start_button.isEnabled(), timeout=10_000)
    return result, text


@pytest.mark.slow
@pytest.mark.skipif("toy_grammar" not in SAMPLES, reason="bundled samples not found")
def test_training_into_a_read_only_folder(qtbot, make_window, tmp_path, monkeypatch):
    monkeypatch.setenv("SEQSTUDIO_TRAIN_IN_PROCESS", "1")  # the failing disk is in this process
    runs = tmp_path / "read-only-runs"
    runs.mkdir()
    window = make_window(SAMPLES["toy_grammar"])
    window.settings.set_runs_folder(runs)
    disk = FailingDisk(monkeypatch, runs, errno.EROFS)
    result, text = train_from_the_window(qtbot, window, epochs=1)
    assert disk.refused
    assert f"Training failed: cannot write {result.run_dir}: the folder is read-only" in text
    assert not any(runs.iterdir()), "nothing is written"


@pytest.mark.long
@pytest.mark.slow
@pytest.mark.skipif("toy_grammar" not in SAMPLES, reason="bundled samples not found")
def test_a_disk_that_fills_up_while_training(qtbot, make_window, tmp_path, monkeypatch):
    """The first epoch's checkpoint is written; the second finds the disk full."""
    monkeypatch.setenv("SEQSTUDIO_TRAIN_IN_PROCESS", "1")
    runs = tmp_path / "runs-on-a-small-disk"
    window = make_window(SAMPLES["toy_grammar"])
    window.settings.set_runs_folder(runs)
    disk = FailingDisk(monkeypatch, runs, errno.ENOSPC, allow=2, only="checkpoints")
    result, text = train_from_the_window(qtbot, window, epochs=3)
    assert disk.refused
    assert f"Training failed: cannot write {result.run_dir}" in text
    assert "the disk is full" in text
    # the last good state stays on disk: the epochs before the failure, no temporary file
    reader = RunDir(result.run_dir)
    epochs = [r["epoch"] for r in reader.history()]
    assert epochs and epochs == list(range(1, len(epochs) + 1))
    assert reader.load_checkpoint(reader.latest_checkpoint()[0]) is not None
    assert not list(Path(result.run_dir).rglob(".*.tmp*"))
