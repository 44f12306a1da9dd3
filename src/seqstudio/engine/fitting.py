"""What the Trainer hands Keras, and the records it makes of a run, as plain functions of the
dataset, the cell and the settings (no run state): the model built from the settings, the data
``model.fit`` is given (arrays, or a ``tf.data`` pipeline for a file streamed from disk), the
:class:`~seqstudio.engine.events.Started` event, the status record of ``status.json`` and a
hidden-state snapshot of the probe sequence.
"""

from __future__ import annotations

import math
import time
from typing import Any

import numpy as np

from seqstudio import tasks
from seqstudio.data.dataset import Dataset
from seqstudio.engine.events import Divergence, HiddenSnapshot, Started
from seqstudio.engine.settings import TrainSettings
from seqstudio.errors import Phrase, TrainingError
from seqstudio.i18n import QT_TRANSLATE_NOOP
from seqstudio.model import BuiltModel, build_model
from seqstudio.spec import CellType

#: training windows larger than this (bytes, as arrays) are streamed through tf.data
MATERIALISE_LIMIT = 512 * 2**20


def build(dataset: Dataset, cell_type: CellType, cell_params: dict[str, Any],
          settings: TrainSettings) -> BuiltModel:
    """The compiled model of ``cell_type`` for ``dataset``; an unknown optimizer is a
    :class:`~seqstudio.errors.TrainingError`."""
    s = settings
    mode = s.execution_mode
    if s.strategy != "default" and ":" not in mode:
        mode += ":1"  # Keras' multi-batch calls fail under tf.distribute strategies
    try:
        return build_model(dataset.input_spec, dataset.head, cell_type, cell_params,
                           optimizer=s.optimizer, learning_rate=s.learning_rate,
                           execution_mode=mode, batch_size=s.batch_size,
                           loss=tasks.get(dataset.task).loss_and_metrics(dataset.head))
    except ValueError as exc:
        if "optimizer" in str(exc).lower() or "Could not interpret" in str(exc):
            raise TrainingError(Phrase(QT_TRANSLATE_NOOP("Errors", "unknown optimizer {name!r}: "
                                                                   "{reason}"),
                                       name=s.optimizer, reason=exc)) from None
        raise


def fit_data(dataset: Dataset, settings: TrainSettings, has_val: bool) -> dict[str, Any]:
    """``model.fit``'s data arguments: numpy arrays as they are, like a plain ``fit``; windows
    too big to materialise, and files streamed from disk, go through the dataset's ``tf.data``
    pipeline instead."""
    ds, s = dataset, settings
    # a streamed file (larger than memory) holds only a sample in its arrays
    big = getattr(ds, "streamed", False) or np.asarray(ds.x_train).nbytes > MATERIALISE_LIMIT
    if big and callable(getattr(ds, "tf_dataset", None)):
        # shuffled by the pipeline itself; fit's own shuffle (on by default) would only warn
        return {"x": ds.tf_dataset("train", s.batch_size, shuffle=True, seed=s.seed),
                "shuffle": False,
                "validation_data": ds.tf_dataset("val", s.batch_size) if has_val else None}
    return {"x": ds.x_train, "y": ds.y_train, "batch_size": s.batch_size, "shuffle": True,
            "validation_data": (ds.x_val, ds.y_val) if has_val else None}


def started_event(built: BuiltModel, dataset: Dataset, settings: TrainSettings, *,
                  run_dir: str, execution_mode: str, initial_epoch: int) -> Started:
    """The event that opens a run: the model's summary and size, and the plan of epochs."""
    lines: list[str] = []
    built.model.summary(print_fn=lambda line, *a, **k: lines.append(line))
    return Started(
        run_dir=run_dir, summary="\n".join(lines), layers=tuple(built.architecture()),
        total_params=int(built.model.count_params()), epochs=settings.epochs,
        steps_per_epoch=math.ceil(dataset.n_train / settings.batch_size),
        execution_mode=execution_mode, initial_epoch=initial_epoch,
    )


def status_record(status: str, reason: str, *, epochs_done: int, epochs: int,
                  best_epoch: int | None, divergence: Divergence | None) -> dict[str, Any]:
    """The run's ``status.json``: where it stands, and where it diverged if it did."""
    div = divergence
    return {
        "status": status, "reason": reason, "epochs_done": epochs_done,
        "epochs": epochs, "updated": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "best_epoch": best_epoch, "detail": div.what if div else "",
        "divergence": None if div is None else {
            "epoch": div.epoch, "batch": div.batch, "step": div.step, "loss": div.loss,
            "advice": div.advice},
    }


def hidden_snapshot(outputs: list[Any], built: BuiltModel, dataset: Dataset, epoch: int,
                    batch: int) -> HiddenSnapshot:
    """The snapshot of the probe's first sequence from ``outputs``, the probe's result per
    recurrent layer: an array ``(B, T, n)`` of its output, or every state by name, output
    first."""
    layers = [{k: np.asarray(v)[0] for k, v in out.items()} if isinstance(out, dict)
              else {"h": np.asarray(out)[0]} for out in outputs]
    named = any(len(states) > 1 or "h" not in states for states in layers)
    return HiddenSnapshot(
        epoch=epoch, batch=batch, states=tuple(next(iter(st.values())) for st in layers),
        layer_names=tuple(layer.name for layer in built.recurrent_layers),
        step_labels=tuple(dataset.probe.step_labels),
        **({"layer_states": tuple(layers)} if named else {}),
    )
