"""Continue a run from its last checkpoint: rebuild the data, trim what came after, train on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from seqstudio.engine import rundir
from seqstudio.engine.record import file_sha256
from seqstudio.engine.settings import TrainSettings
from seqstudio.errors import TrainingError

if TYPE_CHECKING:  # pragma: no cover
    from seqstudio.data.dataset import Dataset
    from seqstudio.engine.trainer import Trainer


def rebuild_dataset(config: dict[str, Any], *, allow_changed_data: bool = False) -> Dataset:
    """Load the run's data file again with the recorded options; refuse a changed file."""
    from seqstudio.data import DataOptions, load_dataset

    data = config.get("data", {})
    path = data.get("path")
    if not path:
        raise TrainingError("this run was trained on in-memory data; pass the dataset to resume it")
    if not Path(path).is_file():
        raise TrainingError(f"the run's data file {path} is gone; restore it to resume")
    if data.get("sha256") and not allow_changed_data and file_sha256(path) != data["sha256"]:
        raise TrainingError(f"the data file {path} changed since the run started (sha256 differs);"
                            " use --force to resume on the new content")
    return load_dataset(path, DataOptions(**data.get("options", {})))


def prepare_resume(cls: type[Trainer], run_dir: str | Path, dataset: Dataset | None, *,
                   epochs: int | None, registry: Any, allow_changed_data: bool) -> Trainer:
    run = rundir.RunDir(run_dir)
    config = run.config
    latest = run.latest_checkpoint()
    if latest is None:
        raise TrainingError(f"{run.path} has no checkpoint to resume from")
    done, checkpoint = latest
    settings = TrainSettings.from_dict(config.get("settings", {}))
    if epochs is not None:
        settings.epochs = int(epochs)
    if done >= settings.epochs:
        raise TrainingError(f"{run.path} already trained {done} of {settings.epochs} epochs; "
                            "pass --epochs to train further")
    if dataset is None:
        dataset = rebuild_dataset(config, allow_changed_data=allow_changed_data)
    cell = config["cell"]
    # Build with a throw-away path check, then point at the existing directory.
    trainer = cls.__new__(cls)
    cls.__init__(trainer, dataset, cell["name"], cell.get("params"), settings,
                 run_dir=run.path / ".resume-probe", registry=registry)
    trainer.run_path = trainer._path = run.path
    trainer._initial_epoch = done
    trainer._resume_from = checkpoint
    trainer._previous_config = config
    trainer._previous_history = [r for r in run.history() if int(r["epoch"]) <= done]
    _trim(run, done)
    return trainer


def _trim(run: rundir.RunDir, done: int) -> None:
    """Forget what was recorded after the checkpoint, so the resumed run writes it afresh."""
    path = run.path
    rows = [r for r in run.history() if int(r["epoch"]) <= done]
    rundir.atomic_write_text(path / rundir.HISTORY, rundir.history_csv(rows))
    batches = [f"{e + 1},{b},{s},{loss!r}" for (e, b, loss), s in
               zip(run.batch_losses(), _steps(run), strict=False) if e + 1 <= done]
    rundir.atomic_write_text(path / rundir.BATCHES,
                             ",".join(rundir.BATCH_FIELDS) + "\n" + "".join(b + "\n" for b in batches))
    for snap in (path / rundir.SNAPSHOTS).glob("epoch-*.npz"):
        try:
            if int(snap.name.split("-")[1]) > done:
                snap.unlink()
        except (ValueError, IndexError, OSError):
            continue
    preds = path / rundir.PREDICTIONS
    if preds.is_file():
        keep = []
        for line in preds.read_text(encoding="utf-8").splitlines():
            try:
                if json.loads(line)["epoch"] + 1 <= done:
                    keep.append(line + "\n")
            except (ValueError, KeyError):
                continue
        rundir.atomic_write_text(preds, "".join(keep))
    for epoch, file in run.checkpoints():
        if epoch > done:
            file.unlink(missing_ok=True)


def _steps(run: rundir.RunDir) -> list[int]:
    return [int(r["step"]) for r in rundir._read_csv(run.path / rundir.BATCHES)]
