"""The run directory: written by the Trainer while it trains, read back by :class:`RunDir`.

Layout (see ``docs/engine.md``)::

    config.json            everything needed to reproduce the run
    status.json            running / finished / stopped / failed, with the reason
    dataset.json           vocabulary, class names, scaler, input spec, probe: enough to predict
    history.csv            header, then one row per finished epoch
    batches.csv            epoch, batch, step, loss: one row per batch
    model.keras            the final model (plain ``keras.saving.load_model`` loads it)
    checkpoints/epoch-0000.keras          the initial model, whole (architecture + weights)
    checkpoints/epoch-NNNN.weights.npz    the weights and optimizer state after epoch N
    checkpoints/latest.json               the newest complete checkpoint
    snapshots/epoch-NNNN-batch-final.npz, snapshots/epoch-NNNN-batch-BBBBBB.npz
    predictions.jsonl      one sample prediction per epoch
    tensorboard/           optional

Epochs in file names and in ``history.csv``/``batches.csv`` are counted from 1; events count from 0.
Every file is replaced atomically (temporary file in the same folder, then ``os.replace``), and
``batches.csv``/``predictions.jsonl`` (and ``history.csv`` between rewrites) only grow by whole
lines, so a process killed at any moment leaves a directory this module can read.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import math
import os
import tempfile
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from seqstudio.engine.events import HiddenSnapshot, SamplePrediction
from seqstudio.errors import SeqstudioError

if TYPE_CHECKING:  # pragma: no cover
    import keras

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
BATCH_FIELDS = ("epoch", "batch", "step", "loss")


class RunDirError(SeqstudioError):
    """A path is not a readable run directory."""


# -- atomic writes ----------------------------------------------------------------------------
def atomic_write(path: Path, write: Callable[[Path], None], *, durable: bool = True) -> None:
    """Call ``write(tmp)`` on a temporary path next to ``path``, then move it into place.

    The temporary name keeps the suffix (Keras insists on ``.keras``). With ``durable`` the file is
    fsynced before the rename, so even a power cut leaves the old or the new file, never half.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=f".tmp{path.suffix}",
                                    dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        if durable:
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def atomic_write_text(path: Path, text: str, *, durable: bool = True) -> None:
    atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8"), durable=durable)


def atomic_write_json(path: Path, obj: Any, *, durable: bool = True) -> None:
    atomic_write_text(path, json.dumps(obj, indent=2, default=_json_default) + "\n",
                      durable=durable)


def fsync_file(path: Path) -> None:
    """Flush a file written with ``durable=False`` to disk; nothing when it does not exist."""
    try:
        with open(path, "rb+") as fh:
            os.fsync(fh.fileno())
    except FileNotFoundError:
        pass


def _json_default(obj: Any) -> Any:
    if isinstance(obj, np.ndarray):
        return obj.tolist()
    if isinstance(obj, np.generic):
        return obj.item()
    if isinstance(obj, Path):
        return str(obj)
    if isinstance(obj, set | tuple):
        return list(obj)
    return repr(obj)


def append_lines(path: Path, lines: Iterable[str]) -> None:
    """Append whole lines with one write; a reader drops a torn last line."""
    text = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
    if text:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()


def checkpoint_name(epoch: int) -> str:
    """``epoch`` counts finished epochs; 0 is the initial model, saved whole by Keras. Later
    checkpoints hold only the variables: a ``.keras`` file costs ~20 ms of Python per epoch
    (Keras walks the whole model to save it), the variables ~1 ms, off the training thread."""
    return f"epoch-{epoch:04d}.keras" if epoch == 0 else f"epoch-{epoch:04d}.weights.npz"


def snapshot_name(snapshot: HiddenSnapshot) -> str:
    batch = "final" if snapshot.batch < 0 else f"{snapshot.batch:06d}"
    return f"epoch-{snapshot.epoch + 1:04d}-batch-{batch}.npz"


def write_snapshot(directory: Path, snapshot: HiddenSnapshot) -> Path:
    path = Path(directory) / SNAPSHOTS / snapshot_name(snapshot)
    arrays = {f"state_{i}": np.asarray(s) for i, s in enumerate(snapshot.states)}

    def write(tmp: Path) -> None:
        with open(tmp, "wb") as fh:
            np.savez(fh, epoch=np.int64(snapshot.epoch), batch=np.int64(snapshot.batch),
                     layer_names=np.array(snapshot.layer_names, dtype=str),
                     step_labels=np.array(snapshot.step_labels, dtype=str), **arrays)

    atomic_write(path, write, durable=False)
    return path


def prediction_to_json(p: SamplePrediction) -> str:
    return json.dumps({
        "epoch": p.epoch, "task": p.task, "text": p.text, "class_probs": p.class_probs,
        "forecast": None if p.forecast is None else np.asarray(p.forecast).tolist(),
        "actual": None if p.actual is None else np.asarray(p.actual).tolist(),
        "history": None if p.history is None else np.asarray(p.history).tolist(),
        "extra": p.extra,
    }, default=_json_default, allow_nan=True)


def history_csv(rows: list[dict[str, float]]) -> str:
    """``epoch`` first, then ``loss``, ``val_loss`` and the other metrics in a stable order."""
    keys: list[str] = ["epoch"]
    for row in rows:
        for key in row:
            if key not in keys:
                keys.append(key)
    front = [k for k in ("epoch", "loss", "val_loss") if k in keys or k == "val_loss"]
    rest = sorted(k for k in keys if k not in front)
    header = front + rest
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n", restval="")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _fmt(v) for k, v in row.items()})
    return out.getvalue()


class HistoryWriter:
    """``history.csv`` while a run trains: one line appended per epoch while the columns stay
    the same (a cost that does not grow with the run), else rewritten whole and atomically (the
    first epoch of a session, a new metric). Not fsynced; the Trainer does that at the end.

    :param previous: the rows of earlier sessions of a resumed run, kept at the top.
    """

    def __init__(self, path: Path, previous: Iterable[dict[str, Any]] = ()) -> None:
        self.path = Path(path)
        self.rows: list[dict[str, Any]] = list(previous)
        self._header: str | None = None

    def add(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        header, line = history_csv([row]).splitlines()
        if header == self._header:
            append_lines(self.path, [line])
            return
        text = history_csv(self.rows)
        atomic_write_text(self.path, text, durable=False)
        self._header = text.split("\n", 1)[0]


def _fmt(value: Any) -> str:
    if isinstance(value, int | np.integer):
        return str(int(value))
    return repr(float(value))


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
            raise RunDirError(f"{self.path} is not a run directory (no {CONFIG})")
        try:
            self.config: dict[str, Any] = json.loads(config.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise RunDirError(f"{config}: cannot read the run configuration: {exc}") from None

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
    def task(self) -> str:
        return str(self.config.get("data", {}).get("task") or self.dataset_info().get("task", ""))

    # tables
    def history(self) -> list[dict[str, float]]:
        """``history.csv`` rows; ``epoch`` counts from 1, missing values are NaN."""
        rows = []
        for raw in _read_csv(self.path / HISTORY):
            row: dict[str, float] = {}
            for key, value in raw.items():
                if key == "epoch":
                    row[key] = int(value)
                else:
                    row[key] = float(value) if value not in ("", None) else math.nan
            rows.append(row)
        return rows

    def batch_losses(self) -> list[tuple[int, int, float]]:
        """``(epoch, batch, loss)`` in event numbering (epoch from 0, batch within the epoch)."""
        return [(int(r["epoch"]) - 1, int(r["batch"]), float(r["loss"]))
                for r in _read_csv(self.path / BATCHES)]

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
                    snaps.append(HiddenSnapshot(
                        epoch=int(data["epoch"]), batch=int(data["batch"]),
                        states=tuple(np.array(data[f"state_{i}"]) for i in range(n)),
                        layer_names=tuple(str(s) for s in data["layer_names"]),
                        step_labels=tuple(str(s) for s in data["step_labels"]),
                    ))
            except (OSError, ValueError, KeyError):
                continue  # a torn file of a killed run
        snaps.sort(key=lambda s: (s.epoch, s.batch if s.batch >= 0 else math.inf))
        return snaps

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
            arrays = {k: None if d.get(k) is None else np.asarray(d[k], dtype=float)
                      for k in ("forecast", "actual", "history")}
            out.append(SamplePrediction(epoch=d["epoch"], task=d["task"], text=d.get("text", ""),
                                        class_probs=d.get("class_probs", {}),
                                        extra=d.get("extra", {}), **arrays))
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
        latest = _read_json(self.path / CHECKPOINTS / "latest.json")
        if latest and (self.path / CHECKPOINTS / latest["file"]).is_file():
            return int(latest["epoch"]), self.path / CHECKPOINTS / latest["file"]
        found = self.checkpoints()
        return found[-1] if found else None

    def load_checkpoint(self, epoch: int) -> keras.Model:
        """The model as it was after ``epoch`` finished epochs (0: the initial model)."""
        import keras

        found = dict(self.checkpoints())
        if epoch not in found:
            raise RunDirError(f"{self.path} has no checkpoint for epoch {epoch}; it has "
                              f"{sorted(found) or 'none'}")
        initial = self.path / CHECKPOINTS / checkpoint_name(0)
        if not initial.is_file():
            raise RunDirError(f"{self.path} lacks {CHECKPOINTS}/{initial.name}, the model the "
                              "checkpoints' weights belong to")
        with warnings.catch_warnings():
            # saved before its first step, the initial model's optimizer has no slots yet; Keras
            # warns that it skips them, and the checkpoint below sets them all
            warnings.filterwarnings("ignore", message="Skipping variable loading for optimizer")
            model = keras.saving.load_model(initial)
        if epoch:
            from seqstudio.engine.checkpoints import restore_checkpoint

            restore_checkpoint(model, found[epoch])
        return model

    def load_model(self) -> keras.Model:
        """``model.keras``, or the latest checkpoint of a run that did not finish."""
        import keras

        if (self.path / MODEL).is_file():
            return keras.saving.load_model(self.path / MODEL)
        latest = self.latest_checkpoint()
        if latest is None:
            raise RunDirError(f"{self.path} holds no model yet (no {MODEL}, no checkpoint)")
        return self.load_checkpoint(latest[0])


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
