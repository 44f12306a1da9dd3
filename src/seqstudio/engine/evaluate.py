"""The model's metrics on the validation part, beside honest baselines fitted on the training part.

* lm: cross-entropy ``loss`` and ``accuracy``; baselines ``unigram`` and ``bigram``.
* classify: ``accuracy`` and ``loss``; baselines ``majority`` and ``bag-of-words``.
* forecast: ``mae`` and ``rmse`` in the target's original units; baselines ``mean``,
  ``persistence``, ``seasonal-naive`` and ``ar``.

What each baseline is, and how its settings are chosen, is in :mod:`seqstudio.engine.baselines`.
The model and the baselines are scored on the same targets: a language model's targets may be
``(N,)`` (the next token after each window; the model outputs ``(N, V)``) or ``(N, T)`` (the next
token at every step; ``(N, T, V)``).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import numpy as np

from seqstudio.data.dataset import Dataset
from seqstudio.engine.baselines import (
    EPSILON,
    PAD,
    Baseline,
    compare,
    compute_baselines,
)
from seqstudio.engine.baselines_forecast import loss_name
from seqstudio.engine.predict import Predictor, dataset_info, unscale_targets
from seqstudio.errors import Phrase, SeqstudioError, error_phrase
from seqstudio.i18n import QT_TRANSLATE_NOOP

#: validation samples scored at once, so an (N, T, V) output never has to fit in memory (the
#: Predictor cuts each into its own compiled chunks)
CHUNK = 4096
#: validation parts of at least this many samples are predicted with XLA: each shape's compile
#: (about 1.3 s for a small forecast model on 2 shared cores) then pays for itself; below, the
#: plain compiled function (68 samples: 0.3 s, Keras' predict 0.4 s, with XLA 1.5 s)
XLA_FROM = 4096


class EvaluationError(SeqstudioError):
    """The run cannot be evaluated (no validation part, or a task without baselines)."""


def evaluate(model: Any, dataset: Dataset, *, batch_size: int = 256) -> dict[str, Any]:
    """The model against every baseline of its task, on the validation part. The task's
    :class:`~seqstudio.tasks.TaskSpec` gives the model's figures and the baselines.

    ``model`` is a Keras model or a :class:`~seqstudio.engine.predict.Predictor` of one; its
    forward passes run through the Predictor's compiled chunks, not ``model.predict``
    (``batch_size`` is kept for callers; the Predictor chooses its own chunk size).

    :return: ``{"task", "n_val", "model": {metric: value}, "baselines": {name: {metric: value}},
        "details": {name: {...}}, "labels": {name: label}, "val_loss": {name: value or None},
        "comparison": {"phrase", "beats", "loses_to"}, "model_val_loss"}``, plus ``"units":
        "original"`` for forecasts. ``val_loss`` and ``model_val_loss`` are in the units of the
        Keras ``val_loss`` of the training history. A skipped baseline is only in ``details`` (with its reason) and ``labels``.
    """
    from seqstudio import tasks

    if dataset.n_val == 0:
        raise EvaluationError(QT_TRANSLATE_NOOP("Errors", "the dataset has no validation part; "
                                                          "use a validation fraction > 0"))
    try:
        spec = tasks.get(dataset.task)
    except tasks.UnknownTaskError as exc:
        raise EvaluationError(Phrase(QT_TRANSLATE_NOOP("Errors", "no baselines: {error}"),
                                     error=error_phrase(exc))) from None
    predict = predictor_of(model, len(dataset.x_val))
    metrics, model_val_loss = spec.model_metrics(predict, dataset, batch_size)
    baselines = compute_baselines(dataset)
    result = {"task": spec.name, "n_val": dataset.n_val, **baseline_report(
        spec, metrics, baselines), "model_val_loss": model_val_loss}
    if spec.original_units:
        result["units"] = "original"
    return result


def baseline_report(task: Any, metrics: dict[str, float],
                    baselines: list[Baseline]) -> dict[str, Any]:
    """The JSON-able part of :func:`evaluate` for the model's ``metrics``; ``task`` is a task
    name or its spec."""
    comparison = compare(task, metrics, baselines)
    return {
        "model": metrics,
        "baselines": {b.name: dict(b.metrics) for b in baselines if not b.skipped},
        "details": {b.name: dict(b.details) for b in baselines if b.details},
        "labels": {b.name: b.label for b in baselines},
        "val_loss": {b.name: b.val_loss for b in baselines if not b.skipped},
        "comparison": asdict(comparison),
    }


def predictor_of(model: Any, n_samples: int = 0) -> Predictor:
    """``model`` itself if it is a :class:`~seqstudio.engine.predict.Predictor`, else one of it
    for ``n_samples`` samples (with XLA from :data:`XLA_FROM` on, where the model's layers do
    not say it does not pay, :func:`~seqstudio.engine.predict.xla_pays`)."""
    if isinstance(model, Predictor):
        return model
    return Predictor(model, jit_compile=None if n_samples >= XLA_FROM else False)


def categorical_metrics(model: Any, ds: Dataset, batch_size: int, *,
                        skip_padding: bool) -> dict[str, float]:
    """Cross-entropy and accuracy, predicted chunk by chunk; with ``skip_padding`` the padding
    targets (id 0) are not scored. A model that outputs every step ``(N, T, V)`` scored on
    targets ``(N,)`` is scored on its last step. ``model``: a Keras model or a Predictor."""
    predict = predictor_of(model, len(ds.x_val))
    total_loss, correct, count = 0.0, 0, 0
    for start in range(0, ds.n_val, CHUNK):
        x = ds.x_val[start : start + CHUNK]
        y = np.asarray(ds.y_val[start : start + CHUNK], np.int64)
        probs = np.asarray(predict(x), np.float64)
        if probs.ndim == 3 and y.ndim == 1:
            probs = probs[:, -1]
        if probs.shape[:-1] != y.shape:
            raise EvaluationError(Phrase(QT_TRANSLATE_NOOP("Errors", "the model outputs {shape} per "
                                                                     "sample, but the targets are "
                                                                     "{targets}; the run and its "
                                                                     "data disagree"),
                                         shape=probs.shape[1:], targets=y.shape[1:]))
        probs, y = probs.reshape(-1, probs.shape[-1]), y.reshape(-1)
        if skip_padding:
            keep = y != PAD
            probs, y = probs[keep], y[keep]
        p = np.clip(probs[np.arange(len(y)), y], EPSILON, 1.0)
        total_loss += float(-np.log(p).sum())
        correct += int((probs.argmax(-1) == y).sum())
        count += len(y)
    count = max(count, 1)
    return {"loss": total_loss / count, "accuracy": correct / count}


def forecast_metrics(model: Any, ds: Dataset,
                     batch_size: int) -> tuple[dict[str, float], float | None]:
    """MAE and RMSE in original units, and the validation loss on the scaled targets.
    ``model``: a Keras model or a Predictor."""
    out = np.asarray(predictor_of(model, len(ds.x_val))(ds.x_val))
    return _forecast(out, ds)


def _forecast(out: np.ndarray, ds: Dataset) -> tuple[dict[str, float], float | None]:
    info = dataset_info(ds)
    actual = unscale_targets(info, np.asarray(ds.y_val))  # (N, H, K)
    pred = unscale_targets(info, out.reshape(len(out), -1))
    diff = np.asarray(pred, np.float64) - np.asarray(actual, np.float64)
    scaled = out.reshape(len(out), -1).astype(np.float64) - np.asarray(ds.y_val, np.float64)
    val_loss = {"mse": float((scaled**2).mean()), "mae": float(np.abs(scaled).mean())}.get(
        loss_name(ds))
    return {"mae": float(np.abs(diff).mean()), "rmse": float(np.sqrt((diff**2).mean()))}, val_loss
