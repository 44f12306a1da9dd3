"""Honest baselines: what simple models fitted on the training part score on the validation part.

Every baseline predicts exactly the validation targets the model is scored on, and is fitted on
the training part only (any setting it has is chosen on a held-out slice of the training part,
never on the validation part). Pure numpy; no TensorFlow.

* lm (:mod:`seqstudio.engine.baselines_lm`): ``unigram`` (add-one smoothed training
  frequencies) and ``bigram``, an interpolated bigram with absolute discounting whose discount is
  chosen on the last 10 % of the training tokens. Targets of shape ``(N,)`` follow the window
  ``x[:, -1]``; targets of shape ``(N, T)`` follow ``x[:, t]`` at every step. Padding targets
  (id 0) are not scored, by the model or the baselines.
* classify (:mod:`seqstudio.engine.baselines_classify`): ``majority`` (its loss uses the add-one
  smoothed class frequencies as probabilities, since a one-hot guess has infinite loss on every
  other class) and ``bag-of-words``, a multinomial logistic regression on the ``log(1 + count)``
  of each token of the training texts (padding not counted), L2-regularised with its strength
  chosen on a held-out fifth of the training texts.
* forecast (see :mod:`seqstudio.engine.baselines_forecast`): ``mean``, ``persistence``,
  ``seasonal-naive`` and ``ar``, in the target's original units.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from seqstudio.data.dataset import Dataset

#: Keras clips probabilities the same way in its cross-entropy
EPSILON = 1e-7
PAD = 0
#: token pairs handled at once (their int64 codes and probabilities: ~100 MB)
PAIR_CHUNK = 1 << 22
METRIC_WORDS = {"loss": "val loss", "accuracy": "accuracy", "mae": "MAE", "rmse": "RMSE"}


@dataclass(frozen=True)
class Baseline:
    """One baseline's figures on the validation part.

    :param name: stable id (``unigram``, ``bigram``, ``majority``, ``bag-of-words``, ``mean``,
        ``persistence``, ``seasonal-naive``, ``ar``).
    :param label: readable, e.g. ``interpolated bigram``, ``seasonal naive (period 12)``, ``AR(6)``.
    :param metrics: the metric names the model gets from ``evaluate()``: lm/classify ``loss`` and
        ``accuracy``; forecast ``mae`` and ``rmse`` in original units. Empty when skipped.
    :param val_loss: the baseline in the units of the model's Keras ``val_loss`` (lm/classify:
        cross-entropy; forecast: the training loss on scaled targets), or None.
    :param details: e.g. ``{"period": 12}``, ``{"p": 6}``, ``{"predicts": "MIT"}``; a skipped
        baseline has ``{"skipped": reason}``.
    """

    name: str
    label: str
    metrics: dict[str, float]
    val_loss: float | None
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def skipped(self) -> bool:
        return not self.metrics


@dataclass(frozen=True)
class Comparison:
    """The model against the baselines on the task's headline metric (lm: loss, classify:
    accuracy, forecast: MAE). ``beats`` and ``loses_to`` hold baseline names; ``phrase`` says it
    in words against the strongest baseline.

    The sentence's parts, for a front end that says it in another language: ``verdict``
    (``"beats"``, ``"level"``, ``"behind"``, or ``""`` when nothing was compared), ``against``
    (the strongest baseline's label), ``metric`` (``loss``, ``accuracy``, ``mae``...), ``mine`` and
    ``theirs`` (the figures compared) and, when it beats it, ``margin`` in ``margin_unit``
    (``"points"`` of accuracy or ``"%"`` of the baseline's figure; ``None`` when that is 0)."""

    beats: list[str]
    loses_to: list[str]
    phrase: str
    verdict: str = ""
    against: str = ""
    metric: str = ""
    mine: float | None = None
    theirs: float | None = None
    margin: float | None = None
    margin_unit: str = ""


def compute_baselines(dataset: Dataset) -> list[Baseline]:
    """Every baseline of the dataset's task (its :class:`~seqstudio.tasks.TaskSpec` says which),
    on the validation targets the model is scored on; none without a validation part."""
    from seqstudio import tasks

    if dataset.n_val == 0:
        return []
    return tasks.get(dataset.task).baselines(dataset)


def compare(task: Any, model_metrics: Mapping[str, float],
            baselines: Sequence[Baseline]) -> Comparison:
    """Which baselines the model beats on the headline metric of ``task`` (a task name or its
    :class:`~seqstudio.tasks.TaskSpec`: lm loss, classify accuracy, forecast MAE), and a
    sentence about the strongest one (:func:`compare_on`)."""
    from seqstudio import tasks

    spec = tasks.get(task) if isinstance(task, str) else task
    return spec.compare(model_metrics, baselines)


def compare_on(metric: str, higher: bool, model_metrics: Mapping[str, float],
               baselines: Sequence[Baseline]) -> Comparison:
    """Which baselines the model beats on ``metric``, and a sentence about the strongest one:
    "beats persistence by 12 %", "not yet better than interpolated bigram (val loss 2.71 against
    2.65)". ``higher``: higher is better (accuracy); else lower is (loss, MAE, RMSE)."""
    mine = model_metrics.get(metric)
    scored = [b for b in baselines if _finite(b.metrics.get(metric))]
    if mine is None or not _finite(mine) or not scored:
        return Comparison([], [], "no baseline to compare with")
    sign = 1.0 if higher else -1.0
    beats = [b.name for b in scored if sign * (mine - b.metrics[metric]) > 0]
    loses = [b.name for b in scored if b.name not in beats]
    best = max(scored, key=lambda b: sign * b.metrics[metric])
    theirs = best.metrics[metric]
    numbers = (f"({METRIC_WORDS.get(metric, metric)} {short_figure(mine)} against "
               f"{short_figure(theirs)})")
    parts = {"against": best.label, "metric": metric, "mine": float(mine),
             "theirs": float(theirs)}
    if best.name in beats:
        if metric == "accuracy":
            value, unit = 100 * (mine - theirs), "points"
            margin = f"{value:.1f} points"
        else:
            value, unit = (100 * (theirs - mine) / abs(theirs), "%") if theirs else (None, "%")
            margin = f"{value:.0f} %" if value is not None else "a margin"
        return Comparison(beats, loses, f"beats {best.label} by {margin} {numbers}", "beats",
                          margin=value, margin_unit=unit, **parts)
    if mine == theirs:
        return Comparison(beats, loses, f"level with {best.label} {numbers}", "level", **parts)
    return Comparison(beats, loses, f"not yet better than {best.label} {numbers}", "behind",
                      **parts)


def _finite(value: Any) -> bool:
    return isinstance(value, int | float) and bool(np.isfinite(value))


def short_figure(value: float) -> str:
    """A figure as the comparison sentence writes it (3 significant digits; whole from 1,000)."""
    return f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"


def cross_entropy(probs: np.ndarray, y: np.ndarray) -> float:
    """Mean ``-log p(y)`` of rows of probabilities, clipped as Keras clips them."""
    p = np.clip(np.asarray(probs, np.float64)[np.arange(len(y)), y], EPSILON, 1.0)
    return float(-np.log(p).mean())


def smoothed_frequencies(ids: np.ndarray, n: int) -> np.ndarray:
    """Add-one smoothed frequencies of ``ids`` over ``n`` symbols."""
    counts = np.zeros(n, np.float64)
    for a in range(0, len(ids), PAIR_CHUNK):
        counts += np.bincount(np.asarray(ids[a : a + PAIR_CHUNK], np.int64), minlength=n)[:n]
    return (counts + 1.0) / (counts.sum() + n)


#: the lm and classify baselines live in their own modules; their names stay importable from here
_MOVED = {
    "baselines_lm": ("DISCOUNTS", "Bigram", "lm_baselines", "lm_pairs"),
    "baselines_classify": ("BOW_STEPS", "L2_STRENGTHS", "BagOfWords", "classify_baselines",
                           "fit_softmax_regression", "softmax"),
}


def __getattr__(name: str) -> Any:
    for module, names in _MOVED.items():
        if name in names:
            import importlib

            return getattr(importlib.import_module(f"seqstudio.engine.{module}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
