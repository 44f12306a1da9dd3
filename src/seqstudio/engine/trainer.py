"""The Trainer: trains one cell on one dataset, emits typed events and keeps a run directory.

No Qt here. The GUI runs :meth:`Trainer.run` in a child process (:mod:`seqstudio.engine.remote`)
and steers it with :meth:`pause`, :meth:`resume` and :meth:`stop`; the CLI calls it on the main
thread.
"""

from __future__ import annotations

import contextlib
import logging
import math
import shutil
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from seqstudio.data.dataset import Dataset
from seqstudio.engine import checkpoints, distribute, fitting, rundir
from seqstudio.engine import tensorboard as tb
from seqstudio.engine.controls import Controls, Diverged, StopRequested
from seqstudio.engine.events import BatchEnd, Divergence, EpochEnd, Event, Finished
from seqstudio.engine.record import build_config
from seqstudio.engine.resume import ResumeState
from seqstudio.engine.run_output import RunOutput
from seqstudio.engine.rundir import default_run_dir
from seqstudio.engine.settings import TrainSettings
from seqstudio.errors import Phrase, SeqstudioError, TrainingError, error_phrase
from seqstudio.i18n import QT_TRANSLATE_NOOP
from seqstudio.model import BuiltModel
from seqstudio.plugins import Registry, get_registry
from seqstudio.spec import CellType

log = logging.getLogger(__name__)

class Trainer:
    """Train ``cell`` on ``dataset``; see ``docs/internal-api.md`` and ``docs/engine.md``."""

    def __init__(self, dataset: Dataset, cell: str | CellType, cell_params: dict | None = None,
                 settings: TrainSettings | None = None, run_dir: str | Path | None = None,
                 registry: Registry | None = None, *, resume: ResumeState | None = None) -> None:
        """``resume`` continues the run in ``run_dir`` from a checkpoint (see
        :meth:`resume_run`); without it ``run_dir`` must not hold a run yet."""
        self.dataset = dataset
        self.settings = settings or TrainSettings()
        self.settings.validate()
        self.registry = registry or get_registry()
        self.cell_type = cell if isinstance(cell, CellType) else self.registry.cell_type(cell)
        self.cell_params = self.cell_type.resolve(cell_params)
        if resume is not None and run_dir is None:
            raise TrainingError("resuming a run needs its directory")
        self.run_path = Path(run_dir) if run_dir else default_run_dir(self.cell_type.name)
        if dataset.n_train == 0:
            raise TrainingError(QT_TRANSLATE_NOOP("Errors", "the dataset has no training samples"))
        if self.settings.tensorboard:
            tb.require()
        self.built: BuiltModel | None = None
        self.history: list[dict[str, float]] = []
        self.result: Finished | None = None
        self._subscribers: list[Callable[[Event], None]] = []
        self._controls = Controls()
        self._resume = resume
        self._initial_epoch = resume.epochs_done if resume else 0
        self._output: RunOutput | None = None  # made when the run starts
        self._predictor: Any = None
        self._sampler: Any = None
        self._probe: Callable[[Any], list[Any]] = lambda x: self.built.probe_states(x)
        self._info: dict[str, Any] = {}
        self._path: Path = self.run_path
        self._divergence: Divergence | None = None
        self._started = False
        self.is_chief = True
        #: hidden-state snapshots (per epoch and every ``snapshot_every`` batches); a benchmark
        #: switches them off to measure what they cost
        self.snapshots_enabled = True
        #: with every hidden-state snapshot, the glass box's weights and influence snapshots
        #: (:mod:`seqstudio.glassbox`); a benchmark switches them off to measure their cost
        self.glassbox_enabled = True
        self._glass: Any = None
        self._last_snapshot = -math.inf  # time.monotonic() of the last snapshot
        holds_run = self._path.exists() and (self._path / rundir.CONFIG).exists()
        if holds_run and resume is None:
            raise TrainingError(Phrase(QT_TRANSLATE_NOOP("Errors", "{path} already holds a run; "
                                                                   "resume it with 'seqstudio "
                                                                   "resume {path}' or choose "
                                                                   "another directory"),
                                       path=self._path))
        if self._path.exists() and not self._path.is_dir():
            raise TrainingError(Phrase(QT_TRANSLATE_NOOP("Errors", "{path} exists and is not a "
                                                                   "directory"), path=self._path))

    # -- controls and subscribers ------------------------------------------------------------
    def subscribe(self, callback: Callable[[Event], None]) -> None:
        """Call ``callback(event)`` for every event, on the training thread."""
        self._subscribers.append(callback)

    def pause(self) -> None:
        self._controls.pause()

    def resume(self) -> None:
        self._controls.resume()

    def stop(self) -> None:
        """Stop after the current batch (well within 0.5 s), keeping the model and history."""
        self._controls.stop()

    @property
    def paused(self) -> bool:
        return self._controls.paused

    @property
    def controls(self) -> Controls:
        """Pause and stop as the training loop sees them (the callback checks them)."""
        return self._controls

    @property
    def best_epoch(self) -> int | None:
        """The epoch (from 1) with the lowest ``val_loss`` so far (the last without validation);
        at the end ``model.keras`` holds it."""
        return self._output.best_epoch if self._output else None

    @property
    def divergence(self) -> Divergence | None:
        """Where the loss stopped being finite, once a run diverged."""
        return self._divergence

    @property
    def epochs_done(self) -> int:
        """Finished epochs, those of an earlier session of a resumed run included."""
        return self._initial_epoch + len(self.history)

    def _emit(self, event: Event) -> None:
        for callback in list(self._subscribers):
            try:
                callback(event)
            except Exception:  # noqa: BLE001 - a broken subscriber must not end the run
                log.exception("event subscriber %r failed on %s", callback, type(event).__name__)

    # -- resuming ----------------------------------------------------------------------------
    @classmethod
    def resume_run(cls, run_dir: str | Path, dataset: Dataset | None = None, *,
                   epochs: int | None = None, registry: Registry | None = None,
                   allow_changed_data: bool = False) -> Trainer:
        """A Trainer that continues ``run_dir`` from its last checkpoint up to ``epochs``."""
        from seqstudio.engine.resume import prepare_resume

        return prepare_resume(cls, run_dir, dataset, epochs=epochs, registry=registry,
                              allow_changed_data=allow_changed_data)

    # -- the run -----------------------------------------------------------------------------
    def run(self) -> Finished:
        """Train; block until finished, stopped or failed. Never raises for a failed run."""
        status, reason, trace = "finished", "completed", ""
        try:
            status, reason = self._train()
        except KeyboardInterrupt:
            status, reason = "stopped", "interrupted"
        except Exception as exc:  # noqa: BLE001 - reported as a failed run
            status = "failed"
            # a Phrase, so a window can say it in the user's language; the same English text
            reason = error_phrase(exc) if isinstance(exc, SeqstudioError) \
                else f"{type(exc).__name__}: {exc}"
            trace = traceback.format_exc()
        try:
            self._finish(status, reason)
        except Exception as exc:  # noqa: BLE001
            status = "failed"
            reason = error_phrase(exc) if isinstance(exc, SeqstudioError) else (
                f"could not write the run directory: {type(exc).__name__}: {exc}")
            trace = trace or traceback.format_exc()
        self.result = Finished(status=status, reason=reason, epochs_done=self.epochs_done,
                               run_dir=str(self.run_path), traceback=trace,
                               divergence=self._divergence, best_epoch=self.best_epoch)
        self._emit(self.result)
        return self.result

    def _train(self) -> tuple[str, str]:
        import keras

        from seqstudio.engine.callbacks import EngineCallback
        from seqstudio.engine.predict import Predictor, dataset_info, lm_sampler

        s, ds = self.settings, self.dataset
        strategy = distribute.get_strategy(s.strategy)
        self.is_chief = distribute.is_chief(s.strategy)
        if not self.is_chief:
            self._path = Path(tempfile.mkdtemp(prefix="seqstudio-worker-"))
        keras.utils.set_random_seed(s.seed)
        scope = strategy.scope() if strategy is not None else contextlib.nullcontext()
        with scope:
            self.built = fitting.build(ds, self.cell_type, self.cell_params, s)
        model = self.built.model
        if self._resume is not None:
            checkpoints.restore_checkpoint(model, self._resume.checkpoint)
        self._info = dataset_info(ds)
        self._predictor = Predictor(model)
        self._write_start()
        # Trace the prediction function, the per-epoch sampler (language models) and build the
        # probe now, with the model, rather than in the middle of the first epoch.
        self._predictor(np.asarray(ds.probe.x))
        self._sampler = lm_sampler(model, self._info)
        if self.snapshots_enabled:
            from seqstudio.engine.probe import fast_probe

            self._probe = fast_probe(self.built, ds.probe.x)
            if self.glassbox_enabled:
                from seqstudio.glassbox.snapshot import glass_box

                self._glass = glass_box(self.built, ds)
        self._started = True
        self._emit(fitting.started_event(self.built, ds, s, run_dir=str(self.run_path),
                                         execution_mode=self.execution_text,
                                         initial_epoch=self._initial_epoch))

        callbacks: list[Any] = [EngineCallback(self)]
        has_val = ds.n_val > 0
        early = None
        if s.early_stopping:
            early = keras.callbacks.EarlyStopping(monitor="val_loss" if has_val else "loss",
                                                  patience=s.early_stopping)
            callbacks.append(early)
        fit_scope: Any = contextlib.nullcontext()
        if s.strategy == "multi-worker":
            # Keras' eager "symbolic build" reduces the first (int) batch across workers, which
            # MultiWorkerMirroredStrategy rejects; without a pinned strategy Keras builds at
            # trace time instead and takes the strategy from the scope.
            model._distribute_strategy = None
            fit_scope = strategy.scope()
        try:
            with fit_scope:
                model.fit(**fitting.fit_data(ds, s, has_val), epochs=s.epochs,
                          initial_epoch=self._initial_epoch, verbose=0, callbacks=callbacks)
        except StopRequested:
            return "stopped", "stopped by user"
        except Diverged as exc:
            self._divergence = exc.describe(self.settings.learning_rate, self.cell_type.name)
            return "failed", f"diverged: {self._divergence.what}; {self._divergence.advice}"
        if early is not None and early.stopped_epoch > 0:
            return "finished", "early stopping"
        return "finished", "completed"

    @property
    def execution_text(self) -> str:
        """The execution mode asked for and, once built, what it resolved to."""
        plan = getattr(self.built, "execution", None)
        text = getattr(plan, "text", "")
        return f"{self.settings.execution_mode} ({text})" if text else self.settings.execution_mode

    # -- writing (through self._output, see run_output.RunOutput) ---------------------------
    def _write_start(self) -> None:
        previous = self._resume
        config = build_config(
            dataset=self.dataset, cell=self.cell_type, params=self.cell_params,
            settings=self.settings, registry=self.registry,
            execution_mode=self.execution_text,
            workers=distribute.worker_count(self.settings.strategy),
            parameters=self.built.model.count_params(),
            previous=previous.config if previous else None)
        self._output = RunOutput(self._path, previous.history if previous else (),
                                 tensorboard=self.settings.tensorboard and self.is_chief)
        self._output.start(config, self._info, self._status("running", ""), self.built.model,
                           initial=self._initial_epoch == 0)

    def _status(self, status: str, reason: str) -> dict[str, Any]:
        return fitting.status_record(status, reason, epochs_done=self.epochs_done,
                                     epochs=self.settings.epochs, best_epoch=self.best_epoch,
                                     divergence=self._divergence)

    def _finish(self, status: str, reason: str) -> None:
        if not self._started:
            return
        # self.built stays the last epoch's model; model.keras gets the best epoch's
        self._output.finish(self._status(status, reason), self.built.model,
                            epochs_done=self.epochs_done, diverged=self._divergence is not None)
        if not self.is_chief:
            shutil.rmtree(self._path, ignore_errors=True)

    # -- the sink the callback reports to (see callbacks.TrainingSink) -----------------------
    def record_batch(self, epoch: int, batch: int, step: int, loss: float, *,
                     previous: int = -1, snapshot: bool = True) -> None:
        """``batch`` ended; ``previous`` is the batch the last call ended (Keras may run several
        batches per call). A snapshot is taken when the call crossed a multiple of
        ``snapshot_every``, or ``snapshot_seconds`` have passed since the last snapshot, and
        ``snapshot`` says the weights are this batch's."""
        self._output.batch(epoch, batch, step, loss)
        self._emit(BatchEnd(epoch=epoch, batch=batch, step=step, loss=loss))
        if not snapshot:
            return
        k, seconds = self.settings.snapshot_every, self.settings.snapshot_seconds
        # not the time-based one on an epoch's last batch: the epoch's own snapshot follows
        last = batch + 1 >= math.ceil(self.dataset.n_train / self.settings.batch_size)
        if k and (batch + 1) // k > (previous + 1) // k or seconds and not last and \
                time.monotonic() - self._last_snapshot >= seconds:
            self._snapshot(epoch, batch)

    def record_epoch(self, epoch: int, metrics: dict[str, float]) -> None:
        """``epoch`` ended: history row, checkpoint, status, events, snapshot, sample."""
        from seqstudio.engine.predict import sample_prediction

        if self.dataset.n_val == 0:
            metrics.setdefault("val_loss", math.nan)
        self.history.append(metrics)
        # before the EpochEnd event, so a reader that sees the event finds the row
        self._output.epoch(epoch, {"epoch": self.epochs_done, **metrics}, metrics)
        self._output.checkpoint(self.built.model, epoch + 1)
        self._output.status_soon(self._status("running", ""))
        self._emit(EpochEnd(epoch=epoch, metrics=dict(metrics)))
        self._snapshot(epoch, -1)
        prediction = sample_prediction(self._predictor, self._info, epoch, seed=self.settings.seed,
                                       sampler=self._sampler)
        self._output.prediction(prediction)
        self._emit(prediction)

    def _snapshot(self, epoch: int, batch: int) -> None:
        if not self.snapshots_enabled:
            return
        self._last_snapshot = time.monotonic()
        snapshot = fitting.hidden_snapshot(self._probe(self.dataset.probe.x), self.built,
                                           self.dataset, epoch, batch)
        self._output.snapshot(snapshot)
        self._emit(snapshot)
        glass = self._glass.take(snapshot) if self._glass is not None else None
        if glass is not None:  # the weights and influence of the same moment
            self._output.glassbox(*glass)
            for event in glass:
                self._emit(event)
