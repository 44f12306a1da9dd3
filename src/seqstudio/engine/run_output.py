"""What a training run writes while it trains, and how: the run directory's
:class:`~seqstudio.engine.runwriter.RunWriter`, the one I/O thread that writes behind the
training loop, the TensorBoard scalars, the checkpoints, and at the end the choice of the model
that ``model.keras`` holds.

The :class:`~seqstudio.engine.trainer.Trainer` owns one :class:`RunOutput` per run and tells it
what happened; nothing here knows Keras' fit loop or the run's events. No Qt here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

from seqstudio.engine import checkpoints, rundir
from seqstudio.engine import tensorboard as tb
from seqstudio.engine.events import HiddenSnapshot, SamplePrediction
from seqstudio.engine.runwriter import RunWriter

#: finished writes are collected (and their errors raised) once this many are pending
PENDING_WRITES = 64


class RunOutput:
    """The files of one run in ``path``; call from the training thread.

    :param previous_history: the history rows of the earlier sessions of a resumed run.
    :param tensorboard: also write TensorBoard scalars (the package must be installed).
    """

    def __init__(self, path: Path, previous_history: Iterable[dict[str, Any]] = (), *,
                 tensorboard: bool = False) -> None:
        self.path = path
        self.writer = RunWriter(path, previous_history)
        self._tensorboard = tensorboard
        self._scalars: tb.ScalarLog | None = None
        self._io = ThreadPoolExecutor(max_workers=1, thread_name_prefix="seqstudio-io")
        self._futures: list[Future[Any]] = []

    @property
    def best_epoch(self) -> int | None:
        """The epoch (from 1) with the lowest ``val_loss`` so far (the last without validation)."""
        return rundir.best_epoch_of(self.writer.history.rows)

    def start(self, config: dict[str, Any], dataset_info: dict[str, Any],
              status: dict[str, Any], model: Any, *, initial: bool) -> None:
        """The run's first files; ``initial``: a new run, whose untrained model is saved whole."""
        self.writer.start(config, dataset_info, status)
        if initial:
            self.checkpoint(model, 0)
        if self._tensorboard:
            self._scalars = tb.ScalarLog(self.path)

    def batch(self, epoch: int, batch: int, step: int, loss: float) -> None:
        self.writer.add_batch(epoch, batch, step, loss)
        if self._scalars is not None:
            self._scalars.batch(step, loss)

    def epoch(self, epoch: int, row: dict[str, Any], metrics: dict[str, float]) -> None:
        """``epoch`` (from 0) ended: its batches and its ``history.csv`` row, written now, so a
        reader told of the epoch finds them."""
        self.writer.flush_batches()
        self.writer.add_epoch(row)
        if self._scalars is not None:
            self._scalars.epoch(epoch, metrics)

    def checkpoint(self, model: Any, epochs_done: int) -> None:
        """The initial model is saved whole, here; after an epoch, a copy of the variables
        (about a millisecond) is written by the I/O thread. Atomic, not fsynced: a killed process
        leaves the old or the new file; model.keras is fsynced at the end."""
        weights, state = checkpoints.model_variables(model)
        if not all(np.isfinite(w).all() for w in weights if w.dtype.kind == "f"):
            return  # keep the last finite checkpoint
        if epochs_done == 0:
            self.writer.initial_model(model)
            return
        self._later(self.writer.checkpoint, epochs_done, weights, state)

    def status_soon(self, status: dict[str, Any]) -> None:
        """``status.json`` by the I/O thread, after what was handed to it before; not fsynced
        until :meth:`finish`."""
        self._later(functools.partial(self.writer.status, durable=False), status)

    def snapshot(self, snapshot: HiddenSnapshot) -> None:
        self._later(self.writer.snapshot, snapshot)

    def glassbox(self, weights: Any, influence: Any) -> None:
        self._later(self.writer.glassbox, weights, influence)

    def prediction(self, prediction: SamplePrediction) -> None:
        self._later(self.writer.prediction, prediction)

    def _later(self, fn: Callable[..., Any], *args: Any) -> None:
        self._futures.append(self._io.submit(fn, *args))
        if len(self._futures) > PENDING_WRITES:
            for future in [f for f in self._futures if f.done()]:
                future.result()
            self._futures = [f for f in self._futures if not f.done()]

    def finish(self, status: dict[str, Any], model: Any, *, epochs_done: int,
               diverged: bool) -> None:
        """Wait for every write, then ``model.keras`` and the final ``status.json``.

        ``model.keras`` is the best epoch's model, read back from its checkpoint when that is
        not ``model`` (the last epoch's, or a diverged one's); a model with non-finite weights
        is not written.
        """
        if self._scalars is not None:
            self._scalars.close()
        self.writer.flush_batches()
        self._io.shutdown(wait=True)
        for future in self._futures:
            future.result()
        best = self.best_epoch
        run = rundir.RunDir(self.path)
        found = dict(run.checkpoints())
        if diverged and best not in found:
            best = max(found, default=None)
        if best in found and (best != epochs_done or diverged):
            model = run.load_checkpoint(best)
        if all(np.isfinite(w).all() for w in model.get_weights()):
            self.writer.model(model)
        self.writer.sync()
        self.writer.status(status)
