"""The Keras callback through which the Trainer watches and steers ``model.fit``.

Keras is imported at module level here; the Trainer imports this module only when a run starts.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import keras

from seqstudio.engine.controls import Diverged, StopRequested
from seqstudio.keras_objects import losses_of_last_batches

if TYPE_CHECKING:  # pragma: no cover
    from seqstudio.engine.trainer import Trainer

class EngineCallback(keras.callbacks.Callback):
    """Turns Keras' hooks into Trainer events; checks controls and divergence after each batch.

    Keras logs the *running mean* of the loss since the epoch began; the loss of one batch is
    recovered from two consecutive means, ``(b+1)·m_b − b·m_{b−1}``, in float64. When Keras runs
    several batches per call (``steps_per_execution``), the hook fires once per call; the
    ``BatchLosses`` metric then holds every batch's loss of that call, and one event is emitted
    per batch.
    """

    def __init__(self, trainer: Trainer) -> None:
        super().__init__()
        self.trainer = trainer
        self.controls = trainer._controls
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
        if not math.isfinite(mean):
            raise Diverged(self.epoch, batch, mean)
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
            self.step += stride
            last = i == len(losses) - 1
            # snapshots see the weights after the call, so only its last batch may take one
            self.trainer._on_batch_end(self.epoch, first + i, self.step - 1, loss, previous,
                                       snapshot=last)
        self.controls.checkpoint()

    def on_test_batch_end(self, batch: int, logs: Any = None) -> None:
        if self.controls.stop_requested.is_set():
            raise StopRequested

    def on_epoch_end(self, epoch: int, logs: Any = None) -> None:
        metrics = {k: float(v) for k, v in (logs or {}).items() if _is_number(v)}
        for key in ("loss", "val_loss"):
            if key in metrics and not math.isfinite(metrics[key]):
                raise Diverged(epoch, -1, metrics[key])
        self.trainer._on_epoch_end(epoch, metrics)
        self.controls.checkpoint()


def _is_number(value: Any) -> bool:
    try:
        float(value)
    except (TypeError, ValueError):
        return False
    return True
