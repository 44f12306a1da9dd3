"""Pause, resume and stop, and the exceptions that end ``fit`` early. No TensorFlow here."""

from __future__ import annotations

import threading

from seqstudio.engine.events import Divergence
from seqstudio.errors import Phrase
from seqstudio.i18n import QT_TRANSLATE_NOOP

#: how often a paused run wakes up to see whether it was stopped
PAUSE_POLL_S = 0.05


class StopRequested(Exception):
    """Raised inside ``fit`` to end the run at once (``stop_training`` waits for the epoch end)."""


class Diverged(Exception):
    """Raised inside ``fit`` when a loss is NaN or infinite. ``epoch`` counts from 0, ``batch``
    within the epoch (-1: at the epoch's end), ``step`` over the run; ``where`` is
    ``"validation"`` when the validation loss was the first to go."""

    def __init__(self, epoch: int, batch: int, loss: float, *, step: int = -1,
                 where: str = "") -> None:
        at = f"epoch {epoch + 1}, batch {batch + 1}" if batch >= 0 else f"the end of epoch {epoch + 1}"
        what = "the validation loss" if where == "validation" else "loss"
        super().__init__(f"{what} became {loss} at {at}")
        self.epoch, self.batch, self.loss, self.step, self.where = epoch, batch, loss, step, where

    def describe(self, learning_rate: float, cell: str) -> Divergence:
        """What happened, in words, and what to try."""
        advice = Phrase(QT_TRANSLATE_NOOP("Errors", "try a lower learning rate than {rate} (for "
                                          "example {lower})"),
                        rate=f"{learning_rate:g}", lower=f"{learning_rate / 10:g}")
        if cell != "simple-rnn-tanh":
            advice = Phrase(QT_TRANSLATE_NOOP("Errors", "{advice}, or the tanh cell "
                                              "(simple-rnn-tanh), whose states stay within -1..1"),
                            advice=advice)
        return Divergence(epoch=self.epoch, batch=self.batch, step=self.step, loss=self.loss,
                          what=str(self), advice=advice)


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
