"""The Keras callback through which the engine watches and steers ``model.fit``.

Keras is imported at module level here; the Trainer imports this module only when a run starts.
The callback knows the Trainer only as a :class:`TrainingSink`.
"""

from __future__ import annotations

import math
from typing import Any, Protocol

import keras

from seqstudio.engine.controls import Controls, Diverged, StopRequested
from seqstudio.keras_objects import losses_of_last_batches


class TrainingSink(Protocol):
    """What the callback reports to (the Trainer implements it).

    ``epoch`` counts from 0, ``batch`` within the epoch, ``step`` over the whole run.
    """

    @property
    def controls(self) -> Controls:
        """Pause and stop, checked between batches."""
        ...

    def record_batch(self, epoch: int, batch: int, step: int, loss: float, *,
                     previous: int = -1, snapshot: bool = True) -> None:
        """``batch`` ended with ``loss``; ``previous`` is the batch the last call ended (Keras
        may run several per call); ``snapshot`` says the model's weights are this batch's."""
        ...

    def record_epoch(self, epoch: int, metrics: dict[str, float]) -> None:
        """``epoch`` ended with these metrics (``loss``, ``val_loss``, ...)."""
        ...


class EngineCallback(keras.callbacks.Callback):
    """Turns Keras' hooks into sink calls; checks controls and divergence after each batch.

    Keras logs the *running mean* of the loss since the epoch began; the loss of one batch is
    recovered from two consecutive means, ``(b+1)·m_b − b·m_{b−1}``, in float64. When Keras runs
    several batches per call (``steps_per_execution``), the hook fires once per call; the
    ``BatchLosses`` metric then holds every batch's loss of that call, and one call to the sink is
    made per batch. A non-finite loss raises :class:`Diverged` after the batches before it were
    recorded.
    """

    def __init__(self, sink: TrainingSink) -> None:
        super().__init__()
        self.sink = sink
        self.controls = sink.controls
        self.epoch = 0
        self.step = 0
        self._prev_end = -1
        self._prev_mean = 0.0

    def on_epoch_begin(self, epoch: int, logs: Any = None) -> None:
        self.epoch = epoch
        self._prev_end = -1
        self._prev_mean = 0.0
        self.controls.checkpoint()

    def on_train_batch_end(self, batch: int, logs: Any = None) -> None:
        mean = float(logs["loss"]) if logs and "loss" in logs else math.nan
        steps = (self.params or {}).get("steps")
        if steps:  # the last call of an epoch may report a batch index past its end
            batch = min(batch, steps - 1)
        previous = self._prev_end
        n = batch - previous
        losses = None
        if n > 1 and logs is not None and "batch_losses" in logs:
            losses = losses_of_last_batches(logs["batch_losses"], n)
        if losses is None:  # one batch, or a plain mean of the call's batches
            losses = [((batch + 1) * mean - (previous + 1) * self._prev_mean) / max(n, 1)]
            first = batch
        else:
            first = previous + 1
        self._prev_end, self._prev_mean = batch, mean
        stride = max(n, 1) if len(losses) == 1 else 1  # one mean loss stands for the whole call
        for i, loss in enumerate(losses):
            if not math.isfinite(loss) or not math.isfinite(mean) and i == len(losses) - 1:
                raise Diverged(self.epoch, first + i, loss, step=self.step + stride - 1)
            self.step += stride
            last = i == len(losses) - 1
            # snapshots see the weights after the call, so only its last batch may take one
            self.sink.record_batch(self.epoch, first + i, self.step - 1, loss,
                                   previous=previous, snapshot=last)
        self.controls.checkpoint()

    def on_test_batch_end(self, batch: int, logs: Any = None) -> None:
        if self.controls.stop_requested.is_set():
            raise StopRequested

    def on_epoch_end(self, epoch: int, logs: Any = None) -> None:
        metrics = {k: float(v) for k, v in (logs or {}).items() if _is_number(v)}
        for key in ("loss", "val_loss"):
            if key in metrics and not math.isfinite(metrics[key]):
                raise Diverged(epoch, -1, metrics[key], step=max(self.step - 1, 0),
                               where="validation" if key == "val_loss" else "")
        self.sink.record_epoch(epoch, metrics)
        self.controls.checkpoint()


def _is_number(value: Any) -> bool:
    try:
        float(value)
    except (TypeError, ValueError):
        return False
    return True
