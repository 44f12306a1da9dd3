"""The bridge between the Trainer (on its own QThread) and the widgets (on the GUI thread).

The trainer's subscriber never touches a widget. Per-batch events go into a deque that the GUI
drains on a timer (a bounded redraw rate, and no signal per batch); every other event is emitted as
a queued Qt signal.
"""

from __future__ import annotations

import threading
import traceback
from collections import deque
from typing import Any

from PySide6.QtCore import QThread, Signal

from seqstudio.engine.events import BatchEnd, Finished
from seqstudio.gui.threads import track


class TrainingThread(QThread):
    """Builds a Trainer and runs it. ``event(ev)`` for every non-batch event; ``ended(Finished)``.

    :param make_trainer: a callable returning a ready Trainer; called on this thread, since building
        the model touches Keras.
    """

    event = Signal(object)
    ended = Signal(object)

    def __init__(self, make_trainer: Any, parent: Any = None) -> None:
        super().__init__(parent)
        track(self)
        self._make_trainer = make_trainer
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
            trainer.stop()
            if getattr(trainer, "paused", False):
                trainer.resume()

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

    def run(self) -> None:  # QThread entry point
        try:
            trainer = self._make_trainer()
            trainer.subscribe(self._on_event)
            with self._lock:
                self.trainer = trainer
                stop, pause = self._stop_requested, self._pause_requested
            if stop:
                trainer.stop()
            elif pause:
                trainer.pause()
            result = trainer.run()
        except BaseException as exc:  # noqa: BLE001 - a broken plugin must not take the app down
            result = Finished(status="failed", reason=f"{type(exc).__name__}: {exc}",
                              epochs_done=0, run_dir="", traceback=traceback.format_exc())
        self.result = result
        self.ended.emit(result)
