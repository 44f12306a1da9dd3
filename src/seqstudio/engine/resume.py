"""Continue a run from its last checkpoint: rebuild the data, trim what came after, train on."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from seqstudio.engine import rundir
from seqstudio.engine.checkpoints import check_checkpoint
from seqstudio.engine.record import file_sha256
from seqstudio.engine.runwriter import RunWriter
from seqstudio.engine.settings import TrainSettings
from seqstudio.errors import Phrase, TrainingError, error_phrase
from seqstudio.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # pragma: no cover
    from seqstudio.data.dataset import Dataset
    from seqstudio.engine.trainer import Trainer


@dataclass(frozen=True)
class ResumeState:
    """What a Trainer needs to continue a run: the checkpoint it starts from and what the
    earlier sessions recorded (their configuration and history rows up to the checkpoint)."""

    checkpoint: Path
    epochs_done: int
    config: dict[str, Any] = field(default_factory=dict)
    history: tuple[dict[str, float], ...] = ()


def check_data_file(config: dict[str, Any], *, allow_changed_data: bool = False,
                    action: str = "resume") -> None:
    """Refuse a run whose data file was never recorded, is gone, or changed (its sha256), by
    reading the file only: no TensorFlow, so the CLI answers a refused ``resume`` or
    ``evaluate`` in a fraction of a second. ``action`` ("resume" or "evaluate") is what the
    ``--force`` hint names."""
    path = _recorded_file(config)
    recorded = config.get("data", {}).get("sha256")
    if recorded and not allow_changed_data and file_sha256(path) != recorded:
        raise _changed(path, action)


def rebuild_dataset(config: dict[str, Any], *, allow_changed_data: bool = False,
                    action: str = "resume") -> Dataset:
    """Load the run's data file again with the recorded options; refuse a changed file.

    The file is read once: the sha256 compared with the recorded one is the loaded dataset's
    own (the loader hashes what it reads), so the check covers exactly the data that was loaded.
    """
    from seqstudio.data import DataOptions, load_dataset

    path = _recorded_file(config)
    data = config.get("data", {})
    # runs recorded before language models learned a target at every step learned only the last
    dataset = load_dataset(path, DataOptions(**{"lm_targets": "last", **data.get("options", {})}))
    recorded = data.get("sha256")
    if recorded and not allow_changed_data and dataset.source_sha256 != recorded:
        raise _changed(path, action)
    return dataset


def _recorded_file(config: dict[str, Any]) -> str:
    """The run's recorded data file; refused when none was recorded or it is gone."""
    path = config.get("data", {}).get("path")
    if not path:
        raise TrainingError(QT_TRANSLATE_NOOP("Errors", "this run was trained on in-memory data; "
                                                        "pass the dataset to resume it"))
    if not Path(path).is_file():
        raise TrainingError(Phrase(QT_TRANSLATE_NOOP("Errors", "the run's data file {path} is "
                                                               "gone; restore it to resume"),
                                   path=path))
    return path


def _changed(path: str, action: str) -> TrainingError:
    template = (QT_TRANSLATE_NOOP("Errors", "the data file {path} changed since the run "
                                            "started (sha256 differs); use --force to "
                                            "evaluate on the new content")
                if action == "evaluate" else
                QT_TRANSLATE_NOOP("Errors", "the data file {path} changed since the run "
                                            "started (sha256 differs); use --force to resume "
                                            "on the new content"))
    return TrainingError(Phrase(template, path=path))


def check_resumable(run_dir: str | Path, *, epochs: int | None = None,
                    allow_changed_data: bool = False) -> None:
    """Every refusal of :func:`prepare_resume` that needs only the run's files (no checkpoint,
    a damaged one, nothing left to train, a changed data file), without TensorFlow."""
    run = rundir.RunDir(run_dir)
    _plan(run, epochs)
    check_data_file(run.config, allow_changed_data=allow_changed_data)


def _plan(run: rundir.RunDir, epochs: int | None) -> tuple[int, Path, TrainSettings]:
    """The checkpoint to continue from, its epoch, and the settings up to ``epochs``."""
    config = run.config
    latest = run.latest_checkpoint()
    if latest is None:
        raise TrainingError(Phrase(QT_TRANSLATE_NOOP("Errors", "{path} has no checkpoint to "
                                                               "resume from"), path=run.path))
    done, checkpoint = latest
    try:
        check_checkpoint(checkpoint)
    except rundir.RunDirError as exc:
        raise TrainingError(Phrase(QT_TRANSLATE_NOOP("Errors", "{error}; delete it to resume from "
                                                               "the checkpoint before it"),
                                   error=error_phrase(exc))) from None
    settings = TrainSettings.from_dict(config.get("settings", {}))
    if epochs is not None:
        settings.epochs = int(epochs)
    if done >= settings.epochs:
        raise TrainingError(Phrase(QT_TRANSLATE_NOOP("Errors", "{path} already trained {done} of "
                                                               "{epochs} epochs; pass --epochs to "
                                                               "train further"),
                                   path=run.path, done=done, epochs=settings.epochs))
    return done, checkpoint, settings


def prepare_resume(cls: type[Trainer], run_dir: str | Path, dataset: Dataset | None, *,
                   epochs: int | None, registry: Any, allow_changed_data: bool) -> Trainer:
    run = rundir.RunDir(run_dir)
    config = run.config
    done, checkpoint, settings = _plan(run, epochs)
    if dataset is None:
        dataset = rebuild_dataset(config, allow_changed_data=allow_changed_data)
    _same_shapes(run, dataset)
    cell = config.get("cell") or {}
    if not cell.get("name"):
        raise TrainingError(Phrase(QT_TRANSLATE_NOOP("Errors", "{path} names no cell; the run "
                                                               "cannot resume"),
                                   path=run.path / rundir.CONFIG))
    history = tuple(r for r in run.history() if int(r["epoch"]) <= done)
    if [int(r["epoch"]) for r in history] != list(range(1, done + 1)):
        have = [int(r["epoch"]) for r in history]
        missing = sorted(set(range(1, done + 1)) - set(have))
        fault = (Phrase(QT_TRANSLATE_NOOP("Errors", "lacks epoch(s) {missing} of the {done} the "
                                                    "checkpoint holds"),
                        missing=", ".join(map(str, missing)), done=done) if missing
                 else Phrase(QT_TRANSLATE_NOOP("Errors", "repeats an epoch")))
        raise TrainingError(Phrase(QT_TRANSLATE_NOOP("Errors", "{path} is damaged: it {fault}; "
                                                               "resuming would leave a gap in the "
                                                               "history"),
                                   path=run.path / rundir.HISTORY, fault=fault))
    state = ResumeState(checkpoint=checkpoint, epochs_done=done, config=config, history=history)
    trainer = cls(dataset, cell["name"], cell.get("params"), settings, run_dir=run.path,
                  registry=registry, resume=state)
    RunWriter(run.path).trim_after(done)
    return trainer


def _same_shapes(run: rundir.RunDir, dataset: Dataset) -> None:
    """A changed data file may still be resumed on (``--force``) when the model fits it: the same
    vocabulary, input columns and outputs."""
    recorded = run.dataset_info()
    before = {**recorded.get("input_spec", {}), **{f"head_{k}": v for k, v in
                                                   recorded.get("head", {}).items()}}
    spec, head = vars(dataset.input_spec), vars(dataset.head)
    now = {**spec, **{f"head_{k}": v for k, v in head.items()}}
    names = {"vocab_size": QT_TRANSLATE_NOOP("Errors", "vocabulary size"),
             "features": QT_TRANSLATE_NOOP("Errors", "number of input columns"),
             "seq_len": QT_TRANSLATE_NOOP("Errors", "sequence length"),
             "head_units": QT_TRANSLATE_NOOP("Errors", "number of outputs")}
    for key, name in names.items():
        if key in before and before[key] != now.get(key):
            raise TrainingError(Phrase(QT_TRANSLATE_NOOP("Errors", "the data now gives a {name} of "
                                                                   "{now}, the run's model was "
                                                                   "built for {before}; the model "
                                                                   "cannot continue on it: train "
                                                                   "a new run"),
                                       name=Phrase(name), now=now.get(key), before=before[key]))
    # Same sizes are not enough: a vocabulary of the same size in another order would feed the
    # model other ids for the same tokens, silently.
    for key, name in (("tokens", QT_TRANSLATE_NOOP("Errors", "vocabulary")),
                      ("class_names", QT_TRANSLATE_NOOP("Errors", "classes"))):
        old, new = list(recorded.get(key) or []), list(getattr(dataset, key, None) or [])
        if old and old != new:
            changed = sum(a != b for a, b in zip(old, new, strict=False)) + abs(len(old) - len(new))
            raise TrainingError(Phrase(QT_TRANSLATE_NOOP("Errors", "the data now gives another "
                                                                   "{name} ({changed} of {n} "
                                                                   "entries differ from the "
                                                                   "run's); the model cannot "
                                                                   "continue on it: train a new "
                                                                   "run"),
                                       name=Phrase(name), changed=changed, n=len(old)))
