"""Per-epoch checkpoints: the model's and the optimizer's variables, written and restored.

After the first (``epoch-0000.keras``, the whole initial model, saved by Keras), a checkpoint holds
only the variables, in ``.npz``: a whole ``.keras`` costs ~20 ms of Python per epoch (Keras walks
the model to save it), copying the variables ~1 ms, and the Trainer's I/O thread writes them. See
:func:`seqstudio.engine.rundir.checkpoint_name` for the names and :meth:`RunDir.load_checkpoint
<seqstudio.engine.rundir.RunDir.load_checkpoint>` for reading one back as a model.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from seqstudio.engine.rundir import (
    CHECKPOINTS,
    RunDirError,
    atomic_write,
    atomic_write_json,
    checkpoint_name,
)

if TYPE_CHECKING:  # pragma: no cover
    import keras


def model_variables(model: keras.Model) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Copies of the model's weights and of its optimizer's variables, in Keras' order."""
    weights = [np.array(v.numpy()) for v in model.weights]
    optimizer = getattr(model, "optimizer", None)
    state = [np.array(v.numpy()) for v in optimizer.variables] if optimizer is not None else []
    return weights, state


def write_checkpoint(directory: Path, epoch: int, weights: list[np.ndarray],
                     optimizer: list[np.ndarray]) -> Path:
    """``checkpoints/epoch-NNNN.weights.npz``, then ``latest.json`` pointing at it."""
    folder = Path(directory) / CHECKPOINTS
    name = checkpoint_name(epoch)
    arrays = {f"weight_{i:04d}": w for i, w in enumerate(weights)}
    arrays.update({f"optimizer_{i:04d}": v for i, v in enumerate(optimizer)})

    def write(tmp: Path) -> None:
        with open(tmp, "wb") as fh:
            np.savez(fh, epoch=np.int64(epoch), **arrays)

    atomic_write(folder / name, write, durable=False)
    atomic_write_json(folder / "latest.json", {"epoch": epoch, "file": name}, durable=False)
    return folder / name


def restore_checkpoint(model: keras.Model, path: Path) -> None:
    """Load a checkpoint (either kind) into ``model``, optimizer state included; the model must
    be built like the run's. Raises :class:`RunDirError` when the variables do not fit."""
    path = Path(path)
    optimizer = getattr(model, "optimizer", None)
    if optimizer is not None and not getattr(optimizer, "built", True):
        optimizer.build(model.trainable_variables)
    if path.suffix == ".keras":
        model.load_weights(path)
        return
    try:
        with np.load(path, allow_pickle=False) as data:
            weights = [data[k] for k in sorted(data.files) if k.startswith("weight_")]
            state = [data[k] for k in sorted(data.files) if k.startswith("optimizer_")]
    except (OSError, ValueError) as exc:
        raise RunDirError(f"{path}: cannot read the checkpoint: {exc}") from None
    targets = list(model.weights)
    opt_targets = list(optimizer.variables) if optimizer is not None else []
    if len(weights) != len(targets) or (state and len(state) != len(opt_targets)):
        raise RunDirError(f"{path} holds {len(weights)} weights and {len(state)} optimizer "
                          f"variables; the model has {len(targets)} and {len(opt_targets)}")
    for variable, value in zip([*targets, *opt_targets[:len(state)]], [*weights, *state],
                               strict=True):
        if tuple(variable.shape) != value.shape:
            raise RunDirError(f"{path}: {variable.path} has shape {tuple(variable.shape)}, the "
                              f"checkpoint {value.shape}")
        variable.assign(value)
