"""Train the compare window's runs one after another, each on a
:class:`~seqstudio.gui.worker.TrainingThread` made by :func:`~seqstudio.gui.worker.training_thread`
(the same path as the main window's Start: a child process where possible)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from seqstudio.engine.events import BatchEnd, Finished, Started
from seqstudio.gui import worker


@dataclass
class Job:
    """One run to train: ``index`` is its place in the comparison; ``run_dir`` is chosen when it
    starts (so consecutive runs of one cell get distinct folders)."""

    index: int
    cell: Any
    params: dict[str, Any]
    values: dict[str, Any]
    runs_folder: str


class CompareRunner(QObject):
    """``runStarted(index, run_dir)``, ``event(index, ev)`` for every non-batch event,
    ``runEnded(index, Finished)``, and ``done(stopped)`` after the last (or after Stop)."""

    runStarted = Signal(int, str)
    event = Signal(int, object)
    runEnded = Signal(int, object)
    done = Signal(bool)

    def __init__(self, dataset: Any, registry: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dataset = dataset
        self.registry = registry
        self.queue: list[Job] = []
        self.thread: worker.TrainingThread | None = None
        self.current: Job | None = None
        self.stopped = False

    @property
    def running(self) -> bool:
        return self.thread is not None

    def start(self, jobs: list[Job]) -> None:
        self.queue = list(jobs)
        self.stopped = False
        self._next()

    def stop(self) -> None:
        """Stop the run that trains (keeping what it learned) and train no more."""
        self.stopped = True
        self.queue = []
        if self.thread is not None:
            self.thread.stop()

    def take_batches(self) -> list[BatchEnd]:
        return self.thread.take_batches() if self.thread is not None else []

    def wait(self) -> None:
        if self.thread is not None:
            self.thread.wait()

    def _next(self) -> None:
        if not self.queue or self.stopped:
            self.current = None
            self.done.emit(self.stopped)
            return
        from seqstudio.engine.rundir import default_run_dir

        job = self.current = self.queue.pop(0)
        run_dir = str(default_run_dir(job.cell.name, root=job.runs_folder))
        self.thread = worker.training_thread(self.dataset, job.cell, job.params, job.values,
                                             self.registry, self, run_dir)
        self.thread.event.connect(lambda ev, i=job.index: self._relay(i, ev))
        self.thread.ended.connect(lambda result, i=job.index: self._ended(i, result))
        self.runStarted.emit(job.index, run_dir)
        self.thread.start()

    def _relay(self, index: int, ev: Any) -> None:
        if isinstance(ev, Started):
            # the run has taken the waiting training process: start the next one's now, so it
            # imports TensorFlow while this run trains (and the main window's next Start is quick)
            worker.warm_up(self.registry)
        self.event.emit(index, ev)

    def _ended(self, index: int, result: Finished) -> None:
        self.runEnded.emit(index, result)  # the window takes the run's last batches first
        thread, self.thread = self.thread, None
        if thread is not None:
            thread.wait()
            thread.deleteLater()
        self._next()
