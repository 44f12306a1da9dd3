"""Training in a child process: the same Trainer, its events streamed back over a socket.

The GUI trains here rather than on a thread of its own process. A thread would share the
interpreter lock with the window: every time the training side runs Python (Keras' callbacks,
tracing, the per-epoch checkpoint and sample prediction) the event loop waits, and every time the
window paints, training waits. Measured on 2 cores with the same drawing load, a training thread
put the event loop's p99 lateness at ~127 ms and a training process at ~44 ms (bench/gui.py has
the figures the issue asks for).

A :class:`TrainingProcess` starts Python with ``python -m seqstudio.engine.remote FD``; the child
imports TensorFlow at once and then waits for one :class:`TrainJob`, so a process started ahead of
time (:func:`warm_up`) trains without the import delay. Messages are pickled over a socket pair:

* parent to child: ``("job", TrainJob)``, ``("pause",)``, ``("resume",)``, ``("stop",)``;
* child to parent: ``("ready",)``, then ``("events", [event, ...])`` until the Trainer's
  :class:`~seqstudio.engine.events.Finished` event, then the child exits.

Per-batch events are sent in bundles (at most every :data:`FLUSH_SECONDS`), other events at once.
If the parent goes away, the child stops its run (which keeps the run directory readable) and
exits. No Qt here.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from seqstudio.engine.events import BatchEnd, Finished

#: the longest a per-batch event waits in the child before it is sent
FLUSH_SECONDS = 0.05
#: set to 1 to train on a thread of the calling process instead (debugging, profilers)
IN_PROCESS_ENV = "SEQSTUDIO_TRAIN_IN_PROCESS"


@dataclass
class TrainJob:
    """Everything the child needs to build the Trainer: all of it pickles."""

    dataset: Any
    cell: str
    params: dict[str, Any] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    run_dir: str | None = None
    #: the working directory of the parent when it asked: relative paths mean the same there
    cwd: str = field(default_factory=os.getcwd)


def supported() -> bool:
    """Whether training may run in a child process here (POSIX, and not switched off)."""
    return os.name == "posix" and os.environ.get(IN_PROCESS_ENV, "") not in ("1", "true", "yes")


class TrainingProcess:
    """A child process that trains one job. Controls are safe to call from any thread."""

    def __init__(self) -> None:
        parent, child = socket.socketpair()
        try:
            self._proc = subprocess.Popen(
                [sys.executable, "-m", "seqstudio.engine.remote", str(child.fileno())],
                pass_fds=(child.fileno(),), stdin=subprocess.DEVNULL)
        finally:
            child.close()
        self._conn = Connection(parent.detach())
        self._send_lock = threading.Lock()
        self._paused = False
        self.ready = False

    # -- controls ----------------------------------------------------------------------------
    def _send(self, message: tuple) -> None:
        with self._send_lock, contextlib.suppress(OSError):
            self._conn.send(message)

    def submit(self, job: TrainJob) -> None:
        self._send(("job", job))

    def pause(self) -> None:
        self._paused = True
        self._send(("pause",))

    def resume(self) -> None:
        self._paused = False
        self._send(("resume",))

    def stop(self) -> None:
        self._paused = False
        self._send(("stop",))

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def pid(self) -> int:
        """The child's process id (a benchmark kills it to test recovery)."""
        return self._proc.pid

    # -- receiving ---------------------------------------------------------------------------
    def alive(self) -> bool:
        return self._proc.poll() is None

    def receive(self, timeout: float) -> list[Any] | None:
        """The next bundle of events, ``[]`` for a control message, ``None`` when nothing came
        within ``timeout``. Raises ``EOFError`` once the child is gone."""
        if not self._conn.poll(timeout):
            return None
        message = self._conn.recv()
        if message[0] == "ready":
            self.ready = True
            return []
        if message[0] == "events":
            return list(message[1])
        return []

    def stream(self, poll: float = 0.2) -> Iterator[Any]:
        """Every event the child sends, up to and including its ``Finished``; ends early (without
        one) if the child goes away."""
        while True:
            try:
                events = self.receive(poll)
            except (EOFError, OSError):
                return
            if events is None:
                if not self.alive():
                    return
                continue
            for event in events:
                yield event
                if isinstance(event, Finished):
                    return

    def exit_code(self, wait: float = 5.0) -> int | None:
        try:
            return self._proc.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            return None

    def close(self, wait: float = 10.0) -> None:
        """Ask the child to end, and kill it if it has not within ``wait`` seconds."""
        with contextlib.suppress(OSError):
            self._conn.close()
        try:
            self._proc.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()


# -- a process started ahead of time ------------------------------------------------------------
_warm: TrainingProcess | None = None
_warm_lock = threading.Lock()


def warm_up() -> None:
    """Start a child now (it imports TensorFlow), for the next :func:`take_process`."""
    global _warm
    if not supported():
        return
    with _warm_lock:
        if _warm is None or not _warm.alive():
            _warm = TrainingProcess()


def wait_warm(timeout: float = 120.0) -> bool:
    """Block until the warm child (if any) has imported TensorFlow and waits for a job, so that
    it no longer takes CPU time (benchmarks call this before timing anything)."""
    with _warm_lock:
        proc = _warm
    if proc is None:
        return True
    deadline = time.monotonic() + timeout
    while not proc.ready and time.monotonic() < deadline:
        try:
            proc.receive(0.1)
        except (EOFError, OSError):
            return False
    return proc.ready


def take_process() -> TrainingProcess:
    """The warm child if there is one, else a new one."""
    global _warm
    with _warm_lock:
        proc, _warm = _warm, None
    if proc is not None and proc.alive():
        return proc
    return TrainingProcess()


@atexit.register
def shutdown_warm() -> None:
    """End the waiting child, if any (it holds nothing: killing it loses nothing)."""
    global _warm
    with _warm_lock:
        proc, _warm = _warm, None
    if proc is not None:
        proc.close(wait=0)


# -- the child ----------------------------------------------------------------------------------
class _Forwarder:
    """The Trainer's subscriber in the child: bundles per-batch events, sends the rest at once."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.lock = threading.Lock()
        self.batches: list[BatchEnd] = []
        self.first = 0.0
        self.closed = False

    def __call__(self, event: Any) -> None:
        with self.lock:
            if isinstance(event, BatchEnd):
                if not self.batches:
                    self.first = time.monotonic()
                self.batches.append(event)
                if time.monotonic() - self.first < FLUSH_SECONDS:
                    return
                self._send_locked([])
            else:
                self._send_locked([event])

    def flush(self) -> None:
        with self.lock:
            if self.batches:
                self._send_locked([])

    def _send_locked(self, extra: list[Any]) -> None:
        events, self.batches = [*self.batches, *extra], []
        if self.closed:
            return
        try:
            self.conn.send(("events", events))
        except OSError:
            self.closed = True  # the parent is gone; the control thread stops the run


def _child_main(fd: int) -> int:
    conn = Connection(fd)
    # Import the heavy parts before saying ready, so a warm child trains at once.
    import keras  # noqa: F401

    from seqstudio.engine import Trainer, TrainSettings

    try:
        conn.send(("ready",))
        message = conn.recv()
    except (EOFError, OSError):
        return 0
    if message[0] != "job":
        return 0
    job: TrainJob = message[1]
    forward = _Forwarder(conn)
    try:
        os.chdir(job.cwd)
        trainer = Trainer(job.dataset, job.cell, job.params, TrainSettings(**job.settings),
                          run_dir=job.run_dir)
    except BaseException as exc:  # noqa: BLE001 - reported to the parent as a failed run
        forward(Finished.could_not_start(exc))
        return 0
    trainer.subscribe(forward)
    done = threading.Event()

    def controls() -> None:
        while not done.is_set():
            try:
                if not conn.poll(FLUSH_SECONDS):
                    forward.flush()
                    continue
                message = conn.recv()
            except (EOFError, OSError):
                trainer.stop()  # the parent is gone: end the run cleanly (a pause ends too)
                return
            if message[0] == "pause":
                forward.flush()
                trainer.pause()
            elif message[0] == "resume":
                trainer.resume()
            elif message[0] == "stop":
                trainer.stop()

    watcher = threading.Thread(target=controls, name="seqstudio-controls", daemon=True)
    watcher.start()
    trainer.run()  # emits Finished, which the forwarder sends at once
    done.set()
    return 0


if __name__ == "__main__":
    raise SystemExit(_child_main(int(sys.argv[1])))
