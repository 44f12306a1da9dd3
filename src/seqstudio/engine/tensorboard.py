"""TensorBoard logs of a run: the per-batch and per-epoch scalars, written by the engine.

Keras' own ``TensorBoard`` callback would log every metric, and one of ours (``batch_losses``,
the losses of the batches of one compiled call) is a vector, which it cannot write as a scalar.
So the Trainer writes the scalars itself, in Keras' layout, which TensorBoard shows as usual::

    tensorboard/train/       batch_loss (x: global step), epoch_loss, epoch_<metric> (x: epoch)
    tensorboard/validation/  epoch_loss, epoch_<metric> (the ``val_`` metrics without the prefix)

The ``tensorboard`` package is an extra (``pip install "seqstudio[tensorboard]"``); asking for logs
without it is refused before training starts.
"""

from __future__ import annotations

import importlib
import math
import shlex
from pathlib import Path
from typing import Any

from seqstudio.engine.rundir import TENSORBOARD
from seqstudio.errors import TrainingError

INSTALL = 'pip install "seqstudio[tensorboard]"'


def available() -> bool:
    """Whether the ``tensorboard`` package can be imported."""
    try:
        importlib.import_module("tensorboard")
    except ImportError:
        return False
    return True


def require() -> None:
    """Raise :class:`TrainingError` with the install command when TensorBoard is missing."""
    if not available():
        raise TrainingError(f"TensorBoard logs need the tensorboard package, which is not "
                            f"installed; install it with: {INSTALL}")


def log_dir(run_dir: str | Path) -> Path:
    return Path(run_dir) / TENSORBOARD


def open_command(run_dir: str | Path) -> tuple[Path, str]:
    """The run's log folder and the shell command that opens it in TensorBoard."""
    folder = log_dir(run_dir).resolve()
    return folder, f"tensorboard --logdir {shlex.quote(str(folder))}"


class ScalarLog:
    """Writes the scalars; call from the training thread, :meth:`close` at the end."""

    def __init__(self, run_dir: str | Path) -> None:
        import tensorflow as tf

        self._tf = tf
        folder = log_dir(run_dir)
        self._train = tf.summary.create_file_writer(str(folder / "train"))
        self._val = tf.summary.create_file_writer(str(folder / "validation"))

    def batch(self, step: int, loss: float) -> None:
        with self._train.as_default():
            self._tf.summary.scalar("batch_loss", loss, step=step)

    def epoch(self, epoch: int, metrics: dict[str, Any]) -> None:
        """``epoch`` counts from 0, like Keras' callback."""
        for key, value in metrics.items():
            if not math.isfinite(float(value)):
                continue  # val_loss of a run without validation
            writer, name = (self._val, key[4:]) if key.startswith("val_") else (self._train, key)
            with writer.as_default():
                self._tf.summary.scalar(f"epoch_{name}", float(value), step=epoch)

    def close(self) -> None:
        for writer in (self._train, self._val):
            writer.flush()
            writer.close()
