"""The bridge between the Trainer and the widgets (on the GUI thread).

With a :class:`~seqstudio.engine.remote.TrainJob` the Trainer runs in a child process
(:mod:`seqstudio.engine.remote`) and this QThread only receives its events, so training and the
event loop never wait for each other's interpreter lock; the process runs a few nice steps
below the window (:data:`TRAINING_NICENESS`), so that on a busy core the scheduler serves the
event loop first. Without one (a custom plugin registry in
tests, or ``SEQSTUDIO_TRAIN_IN_PROCESS=1``), the Trainer runs on this QThread.

Either way nothing here touches a widget. Per-batch events go into a deque that the GUI drains on
a timer (a bounded redraw rate, and no signal per batch); every other event is emitted as a queued
Qt signal.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections import deque
from typing import Any

from PySide6.QtCore import QThread, Signal

from seqstudio.engine.events import BatchEnd, Finished
from seqstudio.gui.i18n import translate
from seqstudio.gui.threads import track

#: how much lower the training process's scheduling priority is than the window's (``nice``
#: steps): on a busy core the event loop is served first, the training takes the rest of the CPU
TRAINING_NICENESS = 5


class TrainingThread(QThread):
    """Builds a Trainer and runs it. ``event(ev)`` for every non-batch event; ``ended(Finished)``.

    :param make_trainer: a callable returning a ready Trainer; called on this thread, since building
        the model touches Keras.
    """

    event = Signal(object)
    ended = Signal(object)

    def __init__(self, make_trainer: Any, parent: Any = None, job: Any = None) -> None:
        super().__init__(parent)
        track(self)
        self._make_trainer = make_trainer
        self._job = job
        self.trainer: Any = None
        self.batches: deque[BatchEnd] = deque()
        self._lock = threading.Lock()
        self._stop_requested = False
        self._pause_requested = False
        self.result: Finished | None = None

    # -- controls, called on the GUI thread --------------------------------------------------
    def stop(self) -> None:
        with self._lock:
            self._stop_requested = True
            trainer = self.trainer
        if trainer is not None:
            trainer.stop()  # a paused run wakes up to stop

    def pause(self) -> None:
        with self._lock:
            self._pause_requested = True
            trainer = self.trainer
        if trainer is not None:
            trainer.pause()

    def resume(self) -> None:
        with self._lock:
            self._pause_requested = False
            trainer = self.trainer
        if trainer is not None:
            trainer.resume()

    @property
    def paused(self) -> bool:
        trainer = self.trainer
        return bool(trainer is not None and trainer.paused) or self._pause_requested

    def take_batches(self) -> list[BatchEnd]:
        out = []
        while True:
            try:
                out.append(self.batches.popleft())
            except IndexError:
                return out

    # -- the training thread -----------------------------------------------------------------
    def _on_event(self, ev: Any) -> None:
        if isinstance(ev, BatchEnd):
            self.batches.append(ev)
        else:
            self.event.emit(ev)

    def _attach(self, trainer: Any) -> None:
        """Make ``trainer`` (a Trainer or a TrainingProcess) the one the controls steer, applying
        a stop or pause asked for before it existed."""
        with self._lock:
            self.trainer = trainer
            stop, pause = self._stop_requested, self._pause_requested
        if stop:
            trainer.stop()
        elif pause:
            trainer.pause()

    def run(self) -> None:  # QThread entry point
        if self._job is not None:
            self._run_remote()
            return
        try:
            trainer = self._make_trainer()
            trainer.subscribe(self._on_event)
            self._attach(trainer)
            result = trainer.run()
        except BaseException as exc:  # noqa: BLE001 - a broken plugin must not take the app down
            result = Finished.could_not_start(exc)
        self.result = result
        self.ended.emit(result)

    def _run_remote(self) -> None:
        """Train in a child process; this thread relays its events."""
        from seqstudio.engine import remote

        result: Finished | None = None
        proc = None
        try:
            proc = remote.take_process()
            lower_priority(proc.pid, TRAINING_NICENESS)
            proc.submit(self._job)
            self._attach(proc)
            for ev in proc.stream():
                self._on_event(ev)
                if isinstance(ev, Finished):
                    result = ev
        except BaseException as exc:  # noqa: BLE001 - the app must survive a failed start
            result = Finished.could_not_start(exc)
        if result is None:
            code = proc.exit_code() if proc is not None else None
            result = Finished(status="failed", epochs_done=0, run_dir="", traceback="",
                              reason=translate("Worker", "the training process ended unexpectedly "
                                                "(exit code {0})").format(code))
        if proc is not None:
            proc.close()
        self.result = result
        self.ended.emit(result)


def lower_priority(pid: int, steps: int) -> None:
    """Make process ``pid`` ``steps`` nice steps nicer, every one of its threads (on Linux each
    thread has its own niceness, and a thread started later takes its starter's); a system that
    refuses it leaves the priority as it was."""
    if steps <= 0 or not hasattr(os, "setpriority"):
        return
    try:
        tasks = [int(tid) for tid in os.listdir(f"/proc/{pid}/task")]
    except OSError:  # no /proc: the niceness is the process's
        tasks = [pid]
    for tid in tasks:
        with contextlib.suppress(OSError):  # a thread that just ended
            os.setpriority(os.PRIO_PROCESS, tid, os.getpriority(os.PRIO_PROCESS, tid) + steps)


def uses_process(registry: Any) -> bool:
    """Whether a run with ``registry`` trains in a child process: only the process-wide registry
    can be rebuilt there (from the same entry points); a custom one trains on a thread."""
    from seqstudio.engine import remote
    from seqstudio.plugins import get_registry

    return remote.supported() and registry is get_registry()


def warm_up(registry: Any) -> None:
    """Start the next training process ahead of time (it imports TensorFlow meanwhile)."""
    if uses_process(registry):
        from seqstudio.engine import remote

        remote.warm_up()


def training_thread(dataset: Any, cell: Any, params: dict, values: dict, registry: Any,
                    parent: Any = None, run_dir: str | None = None) -> TrainingThread:
    """The thread that runs (or relays) one run of ``cell`` on ``dataset``, into ``run_dir``
    (``None``: the engine's default under the working directory)."""

    def make_trainer() -> Any:
        from seqstudio.engine import Trainer, TrainSettings

        return Trainer(dataset, cell, params, TrainSettings(**values), run_dir=run_dir,
                       registry=registry)

    job = None
    if uses_process(registry):
        from seqstudio.engine.remote import TrainJob

        job = TrainJob(dataset=dataset, cell=cell.name, params=dict(params), settings=dict(values),
                       run_dir=run_dir)
    return TrainingThread(make_trainer, parent, job=job)
