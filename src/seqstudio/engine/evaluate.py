"""The model's metrics on the validation part, beside naive baselines computed from the data.

* lm: cross-entropy ``loss`` and ``accuracy`` against ``unigram`` (training-token frequencies).
* classify: ``accuracy`` and ``loss`` against ``majority`` (the most common training class; its
  loss uses the training class frequencies as probabilities, since a one-hot guess has infinite
  loss on every other class).
* forecast: ``mae`` and ``rmse`` in the target's original units against ``mean`` (the training
  mean) and ``persistence`` (the last value in the window, repeated over the horizon).

Frequencies are add-one smoothed so a token never seen in training has a finite loss.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from seqstudio.data.dataset import Dataset
from seqstudio.engine.predict import dataset_info, unscale_targets
from seqstudio.errors import SeqstudioError

#: Keras clips probabilities the same way in its cross-entropy
EPSILON = 1e-7
BASELINE_NAMES = {"lm": ("unigram",), "classify": ("majority",), "forecast": ("mean", "persistence")}


class EvaluationError(SeqstudioError):
    """The run cannot be evaluated (no validation part, or a task without baselines)."""


def evaluate(model: Any, dataset: Dataset, *, batch_size: int = 256) -> dict[str, Any]:
    """``{"task", "n_val", "model": {metric: value}, "baselines": {name: {metric: value}}}``."""
    if dataset.n_val == 0:
        raise EvaluationError("the dataset has no validation part; use a validation fraction > 0")
    out = np.asarray(model.predict(dataset.x_val, batch_size=batch_size, verbose=0))
    if dataset.task in ("lm", "classify"):
        result = _categorical(out, dataset)
    elif dataset.task == "forecast":
        result = _forecast(out, dataset)
    else:
        raise EvaluationError(f"no baselines for task {dataset.task!r}")
    return {"task": dataset.task, "n_val": dataset.n_val, **result}


def _cross_entropy(probs: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(probs[np.arange(len(y)), y], EPSILON, 1.0)
    return float(-np.log(p).mean())


def _categorical(probs: np.ndarray, ds: Dataset) -> dict[str, Any]:
    y_val = np.asarray(ds.y_val, dtype=np.int64).reshape(-1)
    y_train = np.asarray(ds.y_train, dtype=np.int64).reshape(-1)
    n = probs.shape[-1]
    model = {"loss": _cross_entropy(probs, y_val),
             "accuracy": float((probs.argmax(-1) == y_val).mean())}
    counts = np.bincount(y_train, minlength=n)[:n].astype(np.float64)
    prior = (counts + 1.0) / (counts.sum() + n)
    guess = int(counts.argmax())
    baseline = {"loss": _cross_entropy(np.broadcast_to(prior, (len(y_val), n)), y_val),
                "accuracy": float((y_val == guess).mean())}
    name = "unigram" if ds.task == "lm" else "majority"
    if ds.task == "classify":
        label = ds.class_names[guess] if guess < len(ds.class_names) else str(guess)
        baseline_info = {"predicts": label}
    else:
        label = ds.tokens[guess] if guess < len(ds.tokens) else str(guess)
        baseline_info = {"most_common": label}
    return {"model": model, "baselines": {name: baseline}, "details": {name: baseline_info}}


def _errors(pred: np.ndarray, actual: np.ndarray) -> dict[str, float]:
    diff = np.asarray(pred, np.float64) - np.asarray(actual, np.float64)
    return {"mae": float(np.abs(diff).mean()), "rmse": float(np.sqrt((diff**2).mean()))}


def _forecast(out: np.ndarray, ds: Dataset) -> dict[str, Any]:
    info = dataset_info(ds)
    actual = unscale_targets(info, np.asarray(ds.y_val))  # (N, H, K)
    pred = unscale_targets(info, out)
    cols = info["target_columns"] or ["target"]
    train_targets = unscale_targets(info, np.asarray(ds.y_train))
    if all(c in info["scaler"] for c in cols):
        means = np.array([info["scaler"][c][0] for c in cols])
    else:
        means = train_targets.reshape(-1, len(cols)).mean(axis=0)
    baselines = {"mean": _errors(np.broadcast_to(means, actual.shape), actual)}
    details: dict[str, Any] = {"mean": {"value": [float(m) for m in means]}}
    inputs = info["input_columns"]
    if cols and all(c in inputs for c in cols):
        idx = [inputs.index(c) for c in cols]
        stats = np.array([info["scaler"].get(c, (0.0, 1.0)) for c in cols], dtype=np.float64)
        last = np.asarray(ds.x_val, np.float64)[:, -1, idx] * stats[:, 1] + stats[:, 0]
        baselines["persistence"] = _errors(np.broadcast_to(last[:, None, :], actual.shape), actual)
    else:
        details["persistence"] = {"skipped": "the target is not among the input columns"}
    return {"model": _errors(pred, actual), "baselines": baselines, "details": details,
            "units": "original"}
