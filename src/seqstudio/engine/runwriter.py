"""Writing a run directory: every write of the format goes through here, atomically.

:mod:`seqstudio.engine.rundir` names the files and reads them back; :class:`RunWriter` is what the
Trainer (and a resumed run's trimming) writes with. A write that the disk refuses (full, read-only,
a file-size limit) raises :class:`RunWriteError`, naming the file and the cause; the file it would
have replaced is left as it was.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from seqstudio.engine import rundir
from seqstudio.engine.events import HiddenSnapshot, SamplePrediction
from seqstudio.errors import SeqstudioError

if TYPE_CHECKING:  # pragma: no cover
    import keras

_CAUSES = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EFBIG: "the file is larger than this system allows",
    errno.EROFS: "the folder is read-only",
    errno.EACCES: "no permission to write there",
    errno.EPERM: "no permission to write there",
}


class RunWriteError(SeqstudioError):
    """The run directory could not be written; the message names the file and the cause."""


def write_error(path: Path, exc: OSError) -> RunWriteError:
    cause = _CAUSES.get(exc.errno or 0, exc.strerror or str(exc))
    return RunWriteError(f"cannot write {path}: {cause}")


# -- atomic writes ----------------------------------------------------------------------------
def atomic_write(path: Path, write: Callable[[Path], None], *, durable: bool = True) -> None:
    """Call ``write(tmp)`` on a temporary path next to ``path``, then move it into place.

    The temporary name keeps the suffix (Keras insists on ``.keras``). With ``durable`` the file is
    fsynced before the rename, so even a power cut leaves the old or the new file, never half.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=f".tmp{path.suffix}",
                                        dir=path.parent)
    except OSError as exc:
        raise write_error(path, exc) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        if durable:
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError):
            raise write_error(path, exc) from None
        cause = exc.__cause__ or exc.__context__
        if isinstance(cause, OSError) and cause.errno in _CAUSES:  # e.g. Keras wraps it
            raise write_error(path, cause) from None
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
    except OSError as exc:
        raise write_error(path, exc) from None


def append_lines(path: Path, lines: Iterable[str]) -> None:
    """Append whole lines with one write; a reader drops a torn last line."""
    text = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
    if text:
        try:
            with open(path, "a", encoding="utf-8") as fh:
                fh.write(text)
                fh.flush()
        except OSError as exc:
            raise write_error(path, exc) from None


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


# -- line and file formats --------------------------------------------------------------------
def prediction_to_json(p: SamplePrediction) -> str:
    """One ``predictions.jsonl`` line: the task's record in the flat format every version
    reads (:meth:`SamplePrediction.to_json`)."""
    return json.dumps(p.to_json(), default=_json_default, allow_nan=True)


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


def _fmt(value: Any) -> str:
    if isinstance(value, int | np.integer):
        return str(int(value))
    return repr(float(value))


def write_snapshot(directory: Path, snapshot: HiddenSnapshot) -> Path:
    path = Path(directory) / rundir.SNAPSHOTS / rundir.snapshot_name(snapshot)
    arrays = {f"state_{i}": np.asarray(s) for i, s in enumerate(snapshot.states)}
    for i, states in enumerate(getattr(snapshot, "layer_states", ())):  # every state by name
        arrays.update({f"{rundir.LAYER_STATE}{i}__{name}": np.asarray(v)
                       for name, v in states.items()})

    def write(tmp: Path) -> None:
        with open(tmp, "wb") as fh:
            np.savez(fh, epoch=np.int64(snapshot.epoch), batch=np.int64(snapshot.batch),
                     layer_names=np.array(snapshot.layer_names, dtype=str),
                     step_labels=np.array(snapshot.step_labels, dtype=str), **arrays)

    atomic_write(path, write, durable=False)
    return path


def write_checkpoint(directory: Path, epoch: int, weights: list[np.ndarray],
                     optimizer: list[np.ndarray]) -> Path:
    """``checkpoints/epoch-NNNN.weights.npz``, then ``latest.json`` pointing at it."""
    path = Path(directory) / rundir.CHECKPOINTS / rundir.checkpoint_name(epoch)
    arrays = {f"weight_{i:04d}": w for i, w in enumerate(weights)}
    arrays.update({f"optimizer_{i:04d}": v for i, v in enumerate(optimizer)})

    def write(tmp: Path) -> None:
        with open(tmp, "wb") as fh:
            np.savez(fh, epoch=np.int64(epoch), **arrays)

    atomic_write(path, write, durable=False)
    write_latest(directory, epoch)
    return path


def write_latest(directory: Path, epoch: int, *, durable: bool = False) -> None:
    """``checkpoints/latest.json``: the checkpoint of ``epoch`` is complete."""
    atomic_write_json(Path(directory) / rundir.CHECKPOINTS / rundir.LATEST,
                      {"epoch": epoch, "file": rundir.checkpoint_name(epoch)}, durable=durable)


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


class RunWriter:
    """What a training run writes, file by file, in the format :class:`~rundir.RunDir` reads.

    Batch rows are buffered and appended once per epoch (and at the end); the Trainer calls the
    methods marked *off the training thread* from its I/O thread.
    """

    def __init__(self, path: str | Path, previous_history: Iterable[dict[str, Any]] = ()) -> None:
        self.path = Path(path)
        self.history = HistoryWriter(self.path / rundir.HISTORY, previous_history)
        self._batch_rows: list[str] = []
        self._epoch_clock = time.monotonic()

    def start(self, config: dict[str, Any], dataset_info: dict[str, Any],
              status: dict[str, Any]) -> None:
        """The files a run has from its first moment: dataset, config, status, batches header.
        The first epoch's ``epoch_seconds`` counts from here."""
        self._epoch_clock = time.monotonic()
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise write_error(self.path, exc) from None
        atomic_write_json(self.path / rundir.DATASET, dataset_info)
        atomic_write_json(self.path / rundir.CONFIG, config)
        self.status(status)
        if not (self.path / rundir.BATCHES).exists():
            atomic_write_text(self.path / rundir.BATCHES, rundir.BATCHES_HEADER)

    def status(self, status: dict[str, Any], *, durable: bool = True) -> None:
        atomic_write_json(self.path / rundir.STATUS, status, durable=durable)

    def add_batch(self, epoch: int, batch: int, step: int, loss: float) -> None:
        """Buffer one ``batches.csv`` row (``epoch`` as in events, from 0)."""
        self._batch_rows.append(rundir.batch_row(epoch + 1, batch, step, loss))

    def flush_batches(self) -> None:
        rows, self._batch_rows = self._batch_rows, []
        if rows:
            append_lines(self.path / rundir.BATCHES, rows)

    def add_epoch(self, row: dict[str, Any]) -> None:
        """One ``history.csv`` row (``epoch`` from 1), with the seconds since the previous
        epoch ended (or since :meth:`start`) as ``epoch_seconds``."""
        now = time.monotonic()
        seconds, self._epoch_clock = now - self._epoch_clock, now
        self.history.add({**row, rundir.EPOCH_SECONDS: round(seconds, 4)})

    def initial_model(self, model: keras.Model) -> None:
        """``checkpoints/epoch-0000.keras``, the whole untrained model, and ``latest.json``."""
        path = self.path / rundir.CHECKPOINTS / rundir.checkpoint_name(0)
        atomic_write(path, lambda tmp: model.save(tmp), durable=False)
        write_latest(self.path, 0)

    def checkpoint(self, epoch: int, weights: list[np.ndarray],
                   optimizer: list[np.ndarray]) -> Path:
        """*Off the training thread*: the variables after ``epoch`` finished epochs."""
        return write_checkpoint(self.path, epoch, weights, optimizer)

    def snapshot(self, snapshot: HiddenSnapshot) -> Path:
        """*Off the training thread.*"""
        return write_snapshot(self.path, snapshot)

    def glassbox(self, weights: Any, influence: Any) -> Path:
        """*Off the training thread*: the glass box's weights and influence of one moment
        (:mod:`seqstudio.glassbox.store`)."""
        from seqstudio.glassbox import store

        return store.write(self.path, weights, influence)

    def prediction(self, prediction: SamplePrediction) -> None:
        """*Off the training thread.*"""
        append_lines(self.path / rundir.PREDICTIONS, [prediction_to_json(prediction)])

    def model(self, model: keras.Model) -> None:
        """``model.keras``, fsynced."""
        atomic_write(self.path / rundir.MODEL, lambda tmp: model.save(tmp))

    def sync(self) -> None:
        """Flush what was written without fsync (history) to disk."""
        fsync_file(self.path / rundir.HISTORY)

    def trim_after(self, done: int) -> None:
        """Forget what was recorded after checkpoint ``done`` so a resumed run writes it afresh:
        history rows, batch rows, snapshots, predictions and checkpoints of later epochs."""
        run = rundir.RunDir(self.path)
        rows = [r for r in run.history() if int(r["epoch"]) <= done]
        atomic_write_text(self.path / rundir.HISTORY, history_csv(rows))
        batches = [rundir.batch_row(*row) for row in run.batch_rows() if row[0] <= done]
        atomic_write_text(self.path / rundir.BATCHES,
                          rundir.BATCHES_HEADER + "".join(b + "\n" for b in batches))
        for snap in (self.path / rundir.SNAPSHOTS).glob("epoch-*.npz"):
            try:
                if int(snap.name.split("-")[1]) > done:
                    snap.unlink()
            except (ValueError, IndexError, OSError):
                continue
        from seqstudio.glassbox import store

        store.trim_after(self.path, done)
        preds = self.path / rundir.PREDICTIONS
        if preds.is_file():
            keep = []
            for line in preds.read_text(encoding="utf-8").splitlines():
                try:
                    if json.loads(line)["epoch"] + 1 <= done:
                        keep.append(line + "\n")
                except (ValueError, KeyError, TypeError):
                    continue
            atomic_write_text(preds, "".join(keep))
        for epoch, file in run.checkpoints():
            if epoch > done:
                file.unlink(missing_ok=True)
        for stray in self.stray_temporaries():
            stray.unlink(missing_ok=True)

    def stray_temporaries(self) -> list[Path]:
        """Temporary files of writes a killed process never finished (readers ignore them)."""
        return [p for p in self.path.rglob(".*.tmp*") if p.is_file()]
