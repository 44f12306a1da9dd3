"""Per-epoch checkpoints: the model's and the optimizer's variables, written and restored.

After the first (``epoch-0000.keras``, the whole initial model, saved by Keras), a checkpoint holds
only the variables, in ``.npz``: a whole ``.keras`` costs ~20 ms of Python per epoch (Keras walks
the model to save it), copying the variables ~1 ms, and the Trainer's I/O thread writes them. See
:func:`seqstudio.engine.rundir.checkpoint_name` for the names and :meth:`RunDir.load_checkpoint
<seqstudio.engine.rundir.RunDir.load_checkpoint>` for reading one back as a model, and
:func:`seqstudio.engine.runwriter.write_checkpoint` for writing one.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from seqstudio.engine.rundir import RunDirError
from seqstudio.errors import Phrase
from seqstudio.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # pragma: no cover
    import keras


def model_variables(model: keras.Model) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Copies of the model's weights and of its optimizer's variables, in Keras' order."""
    weights = [np.array(v.numpy()) for v in model.weights]
    optimizer = getattr(model, "optimizer", None)
    state = [np.array(v.numpy()) for v in optimizer.variables] if optimizer is not None else []
    return weights, state


def read_checkpoint(path: Path) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """The weights and optimizer variables of an ``.npz`` checkpoint; :class:`RunDirError` for a
    damaged file."""
    try:
        with np.load(path, allow_pickle=False) as data:
            weights = [data[k] for k in sorted(data.files) if k.startswith("weight_")]
            state = [data[k] for k in sorted(data.files) if k.startswith("optimizer_")]
    except (OSError, ValueError, EOFError, zipfile.BadZipFile) as exc:
        raise RunDirError(Phrase(QT_TRANSLATE_NOOP("Errors", "{path} is damaged or was cut short "
                                                             "({kind}: {reason})"),
                                 path=path, kind=type(exc).__name__, reason=exc)) from None
    if not weights:
        raise RunDirError(Phrase(QT_TRANSLATE_NOOP("Errors", "{path} is damaged (it holds no "
                                                             "weights)"), path=path))
    return weights, state


def _not_a_zip(path: Path) -> Phrase:
    return Phrase(QT_TRANSLATE_NOOP("Errors", "{path} is damaged or was cut short (not a .keras "
                                              "zip archive)"), path=path)


def check_checkpoint(path: Path) -> None:
    """Raise :class:`RunDirError` when a checkpoint of either kind cannot be read."""
    path = Path(path)
    if path.suffix == ".keras":
        if not zipfile.is_zipfile(path):
            raise RunDirError(_not_a_zip(path))
    else:
        read_checkpoint(path)


def restore_checkpoint(model: keras.Model, path: Path) -> None:
    """Load a checkpoint (either kind) into ``model``, optimizer state included; the model must
    be built like the run's. Raises :class:`RunDirError` when the variables do not fit."""
    path = Path(path)
    optimizer = getattr(model, "optimizer", None)
    if optimizer is not None and not getattr(optimizer, "built", True):
        optimizer.build(model.trainable_variables)
    if path.suffix == ".keras":
        if not zipfile.is_zipfile(path):
            raise RunDirError(_not_a_zip(path))
        model.load_weights(path)
        return
    weights, state = read_checkpoint(path)
    targets = list(model.weights)
    opt_targets = list(optimizer.variables) if optimizer is not None else []
    if len(weights) != len(targets) or (state and len(state) != len(opt_targets)):
        raise RunDirError(Phrase(QT_TRANSLATE_NOOP("Errors", "{path} holds {weights} weights and "
                                                             "{state} optimizer variables; the "
                                                             "model has {model} and {optimizer}"),
                                 path=path, weights=len(weights), state=len(state),
                                 model=len(targets), optimizer=len(opt_targets)))
    for variable, value in zip([*targets, *opt_targets[:len(state)]], [*weights, *state],
                               strict=True):
        if tuple(variable.shape) != value.shape:
            raise RunDirError(Phrase(QT_TRANSLATE_NOOP("Errors", "{path}: {variable} has shape "
                                                                 "{shape}, the checkpoint "
                                                                 "{saved}"),
                                     path=path, variable=variable.path,
                                     shape=tuple(variable.shape), saved=value.shape))
        variable.assign(value)
