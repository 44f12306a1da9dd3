"""The run directory's format, in one place: names, atomic writes, line formats, and
:class:`RunDir`, which reads it back. :mod:`seqstudio.engine.runwriter` writes a run with these.

Layout (see ``docs/engine.md``)::

    config.json            everything needed to reproduce the run; ``format`` is its version
    status.json            running / finished / stopped / failed, the reason, the best epoch
    dataset.json           vocabulary, class names, scaler, input spec, probe: enough to predict
    history.csv            header, then one row per finished epoch; ``epoch_seconds`` is the
                           epoch's wall time (absent in runs written before it was added)
    batches.csv            epoch, batch, step, loss: one row per batch
    model.keras            the best epoch's model by val_loss, the last epoch's without validation
                           (plain ``keras.saving.load_model`` loads it)
    checkpoints/epoch-0000.keras          the initial model, whole (architecture + weights)
    checkpoints/epoch-NNNN.weights.npz    the weights and optimizer state after epoch N
    checkpoints/latest.json               the newest complete checkpoint
    snapshots/epoch-NNNN-batch-final.npz, snapshots/epoch-NNNN-batch-BBBBBB.npz
    glassbox/epoch-NNNN-batch-final.npz ...   weights, health and influence of the same moments
    predictions.jsonl      one sample prediction per epoch
    tensorboard/           optional: train/ and validation/ event files

Epochs in file names and in ``history.csv``/``batches.csv`` are counted from 1; events count from 0.
Every file is replaced atomically (temporary file in the same folder, then ``os.replace``), and
``batches.csv``/``predictions.jsonl`` (and ``history.csv`` between rewrites) only grow by whole
lines, so a process killed at any moment leaves a directory this module can read.
"""

from __future__ import annotations

import csv
import io
import json
import math
import time
import warnings
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from seqstudio import tasks
from seqstudio.engine.events import HiddenSnapshot, SamplePrediction
from seqstudio.errors import Phrase, SeqstudioError
from seqstudio.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # pragma: no cover
    import keras

#: the run-directory format this seqstudio writes and the newest it reads (``config.json``'s
#: ``format``); raise it when a change would mislead an older reader
FORMAT_VERSION = 1
CONFIG = "config.json"
STATUS = "status.json"
DATASET = "dataset.json"
HISTORY = "history.csv"
BATCHES = "batches.csv"
MODEL = "model.keras"
CHECKPOINTS = "checkpoints"
SNAPSHOTS = "snapshots"
PREDICTIONS = "predictions.jsonl"
TENSORBOARD = "tensorboard"
LATEST = "latest.json"
#: snapshot arrays ``layer_<i>__<state>``: every state of layer i by name, in order (contract 1.1)
LAYER_STATE = "layer_"
#: ``history.csv``'s column of each epoch's wall time in seconds: not a metric. The first epoch of
#: a session counts from the run's start, so it includes building, tracing and compiling.
EPOCH_SECONDS = "epoch_seconds"
BATCH_FIELDS = ("epoch", "batch", "step", "loss")
BATCHES_HEADER = ",".join(BATCH_FIELDS) + "\n"


def default_run_dir(cell: str, root: str | Path = "runs") -> Path:
    """``runs/YYYYmmdd-HHMMSS-<cell>``, with a suffix if that exists."""
    base = Path(root) / f"{time.strftime('%Y%m%d-%H%M%S')}-{cell}"
    path, n = base, 1
    while path.exists():
        n += 1
        path = base.with_name(f"{base.name}-{n}")
    return path


class RunDirError(SeqstudioError):
    """A path is not a readable run directory."""


def checkpoint_name(epoch: int) -> str:
    """``epoch`` counts finished epochs; 0 is the initial model, saved whole by Keras. Later
    checkpoints hold only the variables: a ``.keras`` file costs ~20 ms of Python per epoch
    (Keras walks the whole model to save it), the variables ~1 ms, off the training thread."""
    return f"epoch-{epoch:04d}.keras" if epoch == 0 else f"epoch-{epoch:04d}.weights.npz"


def batch_row(epoch: int, batch: int, step: int, loss: float) -> str:
    """One ``batches.csv`` line; ``epoch`` in file numbering (from 1)."""
    return f"{epoch},{batch},{step},{loss!r}"


def snapshot_name(snapshot: HiddenSnapshot) -> str:
    batch = "final" if snapshot.batch < 0 else f"{snapshot.batch:06d}"
    return f"epoch-{snapshot.epoch + 1:04d}-batch-{batch}.npz"


# -- reading ----------------------------------------------------------------------------------
class RunDir:
    """Read a run directory, finished, stopped, failed or killed half-way.

    Missing or torn files read as empty: :meth:`history` of a run killed in its first epoch is
    ``[]``. Only a missing ``config.json`` makes a path not a run directory.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        config = self.path / CONFIG
        if not config.is_file():
            raise RunDirError(Phrase(QT_TRANSLATE_NOOP("Errors", "{path} is not a run directory "
                                                       "(no {config})"),
                                     path=self.path, config=CONFIG))
        try:
            self.config: dict[str, Any] = json.loads(config.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            raise RunDirError(Phrase(QT_TRANSLATE_NOOP("Errors", "{path} is damaged (not UTF-8 "
                                                       "text); the run cannot be opened without "
                                                       "it"), path=config)) from None
        except ValueError as exc:
            raise RunDirError(Phrase(QT_TRANSLATE_NOOP("Errors", "{path} is damaged or was cut "
                                                       "short (not valid JSON: {reason}); the run "
                                                       "cannot be opened without it"),
                                     path=config, reason=exc)) from None
        except OSError as exc:
            raise RunDirError(Phrase(QT_TRANSLATE_NOOP("Errors", "{path}: cannot read the run "
                                                       "configuration: {reason}"),
                                     path=config, reason=exc.strerror or exc)) from None
        if not isinstance(self.config, dict):
            raise RunDirError(Phrase(QT_TRANSLATE_NOOP("Errors", "{path} is damaged (a JSON "
                                                       "object was expected)"), path=config))
        fmt = self.config.get("format", 1)
        if not isinstance(fmt, int) or fmt > FORMAT_VERSION:
            written = self.config.get("versions", {}).get("seqstudio", "a newer version")
            from seqstudio import __version__

            raise RunDirError(Phrase(QT_TRANSLATE_NOOP("Errors", "{path} was written by "
                                                       "seqstudio {written} in run format {fmt}; "
                                                       "this seqstudio {version} reads format "
                                                       "{supported} and older: upgrade seqstudio "
                                                       "to open it"),
                                     path=self.path, written=written, fmt=fmt,
                                     version=__version__, supported=FORMAT_VERSION))

    def __repr__(self) -> str:
        return f"RunDir({str(self.path)!r})"

    # status and metadata
    def status(self) -> dict[str, Any]:
        """``{"status": "running"|"finished"|"stopped"|"failed", "reason": ..., ...}``.

        A run whose process was killed still says ``running``.
        """
        return _read_json(self.path / STATUS) or {"status": "unknown", "reason": ""}

    def dataset_info(self) -> dict[str, Any]:
        return _read_json(self.path / DATASET) or {}

    @property
    def best_epoch(self) -> int | None:
        """The epoch (from 1) whose model ``model.keras`` holds: the lowest ``val_loss``, or the
        last epoch when the run has no validation part. ``None`` before the first epoch ends.
        A finished run records it in ``status.json``; a killed one is worked out from its
        history (its ``model.keras`` is then absent)."""
        recorded = self.status().get("best_epoch")
        if isinstance(recorded, int):
            return recorded
        return best_epoch_of(self.history())

    @property
    def tensorboard_dir(self) -> Path:
        """Where ``--tensorboard`` writes its logs (it may not exist)."""
        return self.path / TENSORBOARD

    @property
    def task(self) -> str:
        return str(self.config.get("data", {}).get("task") or self.dataset_info().get("task", ""))

    # tables
    def history(self) -> list[dict[str, float]]:
        """``history.csv`` rows; ``epoch`` counts from 1, missing values are NaN."""
        rows = []
        for raw in _read_csv(self.path / HISTORY):
            row: dict[str, float] = {}
            try:
                for key, value in raw.items():
                    if key == "epoch":
                        row[key] = int(value)
                    else:
                        row[key] = float(value) if value not in ("", None) else math.nan
            except (TypeError, ValueError):
                continue  # a damaged line
            rows.append(row)
        return rows

    def epoch_seconds(self) -> dict[int, float]:
        """``{epoch from 1: seconds}`` of the epochs whose wall time ``history.csv`` records
        (none for a run written before the column existed)."""
        return {int(r["epoch"]): r[EPOCH_SECONDS] for r in self.history()
                if math.isfinite(r.get(EPOCH_SECONDS, math.nan))}

    def batch_losses(self) -> list[tuple[int, int, float]]:
        """``(epoch, batch, loss)`` in event numbering (epoch from 0, batch within the epoch)."""
        return [(epoch - 1, batch, loss) for epoch, batch, _, loss in self.batch_rows()]

    def batch_rows(self) -> list[tuple[int, int, int, float]]:
        """``batches.csv`` as written: ``(epoch from 1, batch, step, loss)``."""
        rows = []
        for r in _read_csv(self.path / BATCHES):
            try:
                rows.append((int(r["epoch"]), int(r["batch"]), int(r["step"]), float(r["loss"])))
            except (KeyError, ValueError):
                continue  # a damaged line
        return rows

    def snapshots(self) -> list[HiddenSnapshot]:
        """Every hidden-state snapshot, in training order."""
        folder = self.path / SNAPSHOTS
        if not folder.is_dir():
            return []
        snaps = []
        for file in folder.glob("epoch-*.npz"):
            try:
                with np.load(file, allow_pickle=False) as data:
                    n = sum(1 for k in data.files if k.startswith("state_"))
                    named: list[dict[str, np.ndarray]] = [{} for _ in range(n)]
                    for key in data.files:  # in the order written
                        if key.startswith(LAYER_STATE) and "__" in key:
                            i, name = key[len(LAYER_STATE):].split("__", 1)
                            named[int(i)][name] = np.array(data[key])
                    extra = {"layer_states": tuple(named)} if any(named) else {}
                    snaps.append(HiddenSnapshot(
                        epoch=int(data["epoch"]), batch=int(data["batch"]),
                        states=tuple(np.array(data[f"state_{i}"]) for i in range(n)),
                        layer_names=tuple(str(s) for s in data["layer_names"]),
                        step_labels=tuple(str(s) for s in data["step_labels"]), **extra,
                    ))
            except (OSError, ValueError, KeyError, IndexError, EOFError, zipfile.BadZipFile):
                continue  # a torn or damaged file
        snaps.sort(key=lambda s: (s.epoch, s.batch if s.batch >= 0 else math.inf))
        return snaps

    def weights_snapshots(self) -> list[Any]:
        """Every :class:`~seqstudio.engine.events.WeightsSnapshot` (``glassbox/``), in
        training order; ``[]`` for a run from before the glass box."""
        from seqstudio.glassbox import store

        return [weights for weights, _ in store.read_all(self.path)]

    def influence_snapshots(self) -> list[Any]:
        """Every :class:`~seqstudio.engine.events.InfluenceSnapshot` (``glassbox/``), in
        training order; ``[]`` for a run from before the glass box."""
        from seqstudio.glassbox import store

        return [influence for _, influence in store.read_all(self.path)]

    def predictions(self) -> list[SamplePrediction]:
        out = []
        path = self.path / PREDICTIONS
        if not path.is_file():
            return out
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                d = json.loads(line)
            except ValueError:
                continue
            try:  # the task's record, from this version's lines and older ones alike
                spec = tasks.get(str(d["task"]))
                out.append(SamplePrediction(int(d["epoch"]), spec.name, spec.sample_from_json(d)))
            except (KeyError, TypeError, ValueError, AttributeError):
                continue  # a line of an unknown task, or a damaged one
        return out

    # models
    def checkpoints(self) -> list[tuple[int, Path]]:
        """``(finished epochs, path)`` of every complete checkpoint, oldest first."""
        folder = self.path / CHECKPOINTS
        found = []
        for file in folder.glob("epoch-*") if folder.is_dir() else []:
            if file.name != checkpoint_name(_epoch_of(file.name)):
                continue  # a temporary file of a write in progress, or something else
            found.append((_epoch_of(file.name), file))
        return sorted(found)

    def latest_checkpoint(self) -> tuple[int, Path] | None:
        latest = _read_json(self.path / CHECKPOINTS / LATEST)
        try:
            epoch, file = int(latest["epoch"]), self.path / CHECKPOINTS / str(latest["file"])
        except (TypeError, KeyError, ValueError):
            epoch, file = -1, self.path  # missing or damaged: fall back on the files present
        if epoch >= 0 and file.is_file() and file.name == checkpoint_name(epoch):
            return epoch, file
        found = self.checkpoints()
        return found[-1] if found else None

    def load_checkpoint(self, epoch: int) -> keras.Model:
        """The model as it was after ``epoch`` finished epochs (0: the initial model)."""
        found = dict(self.checkpoints())
        if epoch not in found:
            raise RunDirError(Phrase(QT_TRANSLATE_NOOP("Errors", "{path} has no checkpoint for "
                                                       "epoch {epoch}; it has {epochs}"),
                                     path=self.path, epoch=epoch, epochs=sorted(found) or "none"))
        initial = self.path / CHECKPOINTS / checkpoint_name(0)
        if not initial.is_file():
            raise RunDirError(Phrase(QT_TRANSLATE_NOOP("Errors", "{path} lacks {file}, the model "
                                                       "the checkpoints' weights belong to"),
                                     path=self.path, file=f"{CHECKPOINTS}/{initial.name}"))
        with warnings.catch_warnings():
            # saved before its first step, the initial model's optimizer has no slots yet; Keras
            # warns that it skips them, and the checkpoint below sets them all
            warnings.filterwarnings("ignore", message="Skipping variable loading for optimizer")
            model = load_keras_file(initial)
        if epoch:
            from seqstudio.engine.checkpoints import restore_checkpoint

            restore_checkpoint(model, found[epoch])
        return model

    def load_model(self) -> keras.Model:
        """``model.keras``, or the latest checkpoint of a run that did not finish."""
        if (self.path / MODEL).is_file():
            return load_keras_file(self.path / MODEL, Phrase(QT_TRANSLATE_NOOP(
                "Errors", "the checkpoints in {folder}/ still hold every epoch's weights "
                "(seqstudio resume reads them)"), folder=CHECKPOINTS))
        latest = self.latest_checkpoint()
        if latest is None:
            raise RunDirError(Phrase(QT_TRANSLATE_NOOP("Errors", "{path} holds no model yet (no "
                                                       "{model}, no checkpoint)"),
                                     path=self.path, model=MODEL))
        return self.load_checkpoint(latest[0])


def best_epoch_of(history: list[dict[str, Any]]) -> int | None:
    """The epoch (from 1) with the lowest finite ``val_loss`` (the first of equals), else the last
    epoch; ``None`` for no rows."""
    if not history:
        return None
    scored = [(float(r.get("val_loss", math.nan)), int(r["epoch"])) for r in history]
    finite = [(v, e) for v, e in scored if math.isfinite(v)]
    if not finite:
        return int(history[-1]["epoch"])
    return min(finite, key=lambda ve: (ve[0], ve[1]))[1]


def load_keras_file(path: Path, hint: str = "") -> keras.Model:
    """``keras.saving.load_model``, with a true message for a damaged file (Keras reports a file
    that is not a zip archive as "File not found"); ``hint`` says what still exists."""
    import keras

    path = Path(path)
    hint = Phrase("; {hint}", hint=hint) if hint else ""
    if not zipfile.is_zipfile(path):
        raise RunDirError(Phrase(QT_TRANSLATE_NOOP("Errors", "{path} is damaged or was cut short "
                                                   "(not a .keras zip archive){hint}"),
                                 path=path, hint=hint))
    try:
        return keras.saving.load_model(path)
    except (zipfile.BadZipFile, OSError, EOFError, KeyError) as exc:
        raise RunDirError(Phrase(QT_TRANSLATE_NOOP("Errors", "{path} is damaged ({kind}: {reason})"
                                                   "{hint}"),
                                 path=path, kind=type(exc).__name__, reason=exc,
                                 hint=hint)) from None


def _epoch_of(name: str) -> int:
    try:
        return int(name.split("-")[1].split(".")[0])
    except (IndexError, ValueError):
        return -1


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _read_csv(path: Path) -> list[dict[str, str]]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return []
    if not text.endswith("\n"):  # a torn last line of a killed run
        text = text[: text.rfind("\n") + 1]
    reader = csv.DictReader(io.StringIO(text))
    width = len(reader.fieldnames or [])
    return [row for row in reader if len(row) == width and None not in row.values()]
