"""Pause, resume and stop, and the exceptions that end ``fit`` early. No TensorFlow here."""

from __future__ import annotations

import threading

#: how often a paused run wakes up to see whether it was stopped
PAUSE_POLL_S = 0.05


class StopRequested(Exception):
    """Raised inside ``fit`` to end the run at once (``stop_training`` waits for the epoch end)."""


class Diverged(Exception):
    """Raised inside ``fit`` when a loss is NaN or infinite."""

    def __init__(self, epoch: int, batch: int, loss: float) -> None:
        super().__init__(f"loss became {loss} at epoch {epoch + 1}, batch {batch + 1}")
        self.epoch, self.batch, self.loss = epoch, batch, loss


class Controls:
    """Pause, resume and stop, safe to call from any thread."""

    def __init__(self) -> None:
        self.stop_requested = threading.Event()
        self.running = threading.Event()
        self.running.set()

    def pause(self) -> None:
        self.running.clear()

    def resume(self) -> None:
        self.running.set()

    def stop(self) -> None:
        self.stop_requested.set()
        self.running.set()

    @property
    def paused(self) -> bool:
        return not self.running.is_set() and not self.stop_requested.is_set()

    def checkpoint(self) -> None:
        """Block while paused; raise :class:`StopRequested` once stop was asked for."""
        if not self.running.is_set():
            while not self.running.wait(PAUSE_POLL_S):
                pass
        if self.stop_requested.is_set():
            raise StopRequested
