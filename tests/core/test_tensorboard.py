"""``--tensorboard``: the logs hold every batch's and every epoch's scalars, read back with
TensorBoard's own event reader; without the package the command refuses before training."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from seqstudio.engine import RunDir
from seqstudio.engine import tensorboard as tb

sys.path.insert(0, str(Path(__file__).parent))
from cli_subprocess import FAST, one_error_line, seqstudio, tiny_text  # noqa: E402


def _scalars(folder: Path) -> dict[str, list[tuple[int, float]]]:
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
    from tensorboard.util import tensor_util

    acc = EventAccumulator(str(folder), size_guidance={"tensors": 0})
    acc.Reload()
    return {tag: [(e.step, float(tensor_util.make_ndarray(e.tensor_proto))) for e in acc.Tensors(tag)]
            for tag in acc.Tags()["tensors"]}


@pytest.mark.slow
def test_train_tensorboard_logs_every_batch_and_epoch(tmp_path):
    pytest.importorskip("tensorboard")
    out = seqstudio("train", tiny_text(tmp_path), *FAST, "--tensorboard", "--out",
                    tmp_path / "run")
    assert out.returncode == 0, out.stderr[-3000:]
    run = RunDir(tmp_path / "run")
    train = _scalars(run.tensorboard_dir / "train")
    val = _scalars(run.tensorboard_dir / "validation")
    rows = run.batch_rows()
    assert [s for s, _ in train["batch_loss"]] == [step for _, _, step, _ in rows]
    assert [v for _, v in train["batch_loss"]] == pytest.approx([r[3] for r in rows], rel=1e-5)
    history = run.history()
    assert [s for s, _ in train["epoch_loss"]] == [0, 1]
    assert [v for _, v in train["epoch_loss"]] == pytest.approx([r["loss"] for r in history])
    assert [v for _, v in val["epoch_loss"]] == pytest.approx([r["val_loss"] for r in history])
    assert "epoch_accuracy" in train and "epoch_accuracy" in val


@pytest.mark.slow
def test_without_tensorboard_one_error_line_before_training(tmp_path):
    """The import fails (a stand-in module on the path raises ImportError, as a missing
    package would): one error line, exit 2, and no run directory is made."""
    blocker = tmp_path / "blocked"
    blocker.mkdir()
    (blocker / "tensorboard.py").write_text("raise ImportError('No module named tensorboard')\n")
    out = seqstudio("train", tiny_text(tmp_path), *FAST, "--tensorboard", "--out",
                    tmp_path / "run", env={"PYTHONPATH": str(blocker)})
    assert out.returncode == 2, out.stderr[-3000:]
    line = one_error_line(out.stderr)
    assert "tensorboard package" in line and 'pip install "seqstudio[tensorboard]"' in line
    assert not (tmp_path / "run").exists()


def test_where_the_logs_are_and_the_command_that_opens_them(tmp_path):
    folder, command = tb.open_command(tmp_path / "my run")
    assert folder == (tmp_path / "my run" / "tensorboard").resolve()
    assert command == f"tensorboard --logdir '{folder}'"
