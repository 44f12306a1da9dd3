"""Honest baselines: what simple models fitted on the training part score on the validation part.

Every baseline predicts exactly the validation targets the model is scored on, and is fitted on
the training part only (any setting it has is chosen on a held-out slice of the training part,
never on the validation part). Pure numpy; no TensorFlow.

* lm: ``unigram`` (add-one smoothed training frequencies) and ``bigram``, an interpolated bigram
  with absolute discounting whose discount is chosen on the last 10 % of the training tokens.
  Targets of shape ``(N,)`` follow the window ``x[:, -1]``; targets of shape ``(N, T)`` follow
  ``x[:, t]`` at every step. Padding targets (id 0) are not scored, by the model or the baselines.
* classify: ``majority`` (its loss uses the add-one smoothed class frequencies as probabilities,
  since a one-hot guess has infinite loss on every other class) and ``bag-of-words``, a multinomial
  logistic regression on the ``log(1 + count)`` of each token of the training texts (padding not
  counted), L2-regularised with its strength chosen on a held-out fifth of the training texts.
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
#: discounts tried for the bigram, and L2 strengths for the bag-of-words model
DISCOUNTS = (0.1, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95)
L2_STRENGTHS = (1e-4, 1e-3, 1e-2, 1e-1, 1.0)
BOW_STEPS = 300
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


# -- language modelling -------------------------------------------------------------------------
def lm_pairs(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(context, target)`` token pairs the model is scored on: ``y`` ``(N,)`` follows
    ``x[:, -1]``; ``y`` ``(N, T)`` follows ``x[:, t]``. Padding targets are dropped. The ids
    keep their small dtype (one byte per character token)."""
    y = np.asarray(y)
    if y.ndim == 1:
        context, target = np.asarray(x[:, -1]), y
    else:
        context, target = np.asarray(x).reshape(-1), y.reshape(-1)
    if not np.count_nonzero(target == PAD):
        return context, target
    keep = target != PAD
    return context[keep], target[keep]


def lm_baselines(ds: Dataset) -> list[Baseline]:
    V = int(ds.head.units)
    ctx_train, y_train = lm_pairs(ds.x_train, ds.y_train)
    ctx_val, y_val = lm_pairs(ds.x_val, ds.y_val)
    prior = smoothed_frequencies(y_train, V)
    guess = int(prior.argmax())
    uni_loss = _mean_over_chunks(len(y_val), lambda a, b: -np.log(
        np.clip(prior[y_val[a:b]], EPSILON, 1.0)).sum())
    hits = np.count_nonzero(y_val == guess) / max(len(y_val), 1)
    unigram = Baseline("unigram", "unigram", {"loss": uni_loss, "accuracy": float(hits)},
                       uni_loss, {"most_common": _token(ds, guess)})
    cut = int(len(y_train) * 0.9)
    if cut < 1 or cut == len(y_train):
        return [unigram, Baseline("bigram", "interpolated bigram", {}, None,
                                  {"skipped": "too few training tokens to choose a discount"})]
    fit_prior = smoothed_frequencies(y_train[:cut], V)
    held = Bigram(ctx_train[:cut], y_train[:cut], V, fit_prior)
    losses = {d: held.loss(ctx_train[cut:], y_train[cut:], d) for d in DISCOUNTS}
    discount = min(losses, key=losses.get)
    bigram = Bigram(ctx_train, y_train, V, prior)
    loss = bigram.loss(ctx_val, y_val, discount)
    best = bigram.best_next(discount)
    accuracy = _mean_over_chunks(len(y_val), lambda a, b: np.count_nonzero(
        best[ctx_val[a:b]] == y_val[a:b]))
    return [unigram, Baseline(
        "bigram", "interpolated bigram", {"loss": loss, "accuracy": accuracy}, loss,
        {"discount": discount, "discount_chosen_on": "the last 10 % of the training tokens"})]


def _mean_over_chunks(n: int, total) -> float:
    """``sum(total(a, b) for each chunk [a, b) of range(n)) / n``."""
    return float(sum(total(a, min(a + PAIR_CHUNK, n)) for a in range(0, n, PAIR_CHUNK))
                 / max(n, 1))


def smoothed_frequencies(ids: np.ndarray, n: int) -> np.ndarray:
    """Add-one smoothed frequencies of ``ids`` over ``n`` symbols."""
    counts = np.zeros(n, np.float64)
    for a in range(0, len(ids), PAIR_CHUNK):
        counts += np.bincount(np.asarray(ids[a : a + PAIR_CHUNK], np.int64), minlength=n)[:n]
    return (counts + 1.0) / (counts.sum() + n)


def _token(ds: Dataset, i: int) -> str:
    return ds.tokens[i] if i < len(ds.tokens) else str(i)


class Bigram:
    """Interpolated absolute discounting: ``p(w | v) = max(c(v,w) - d, 0) / c(v)
    + d * n(v) / c(v) * p1(w)`` with ``n(v)`` the distinct followers of ``v`` and ``p1`` the
    add-one unigram; a context never seen in training gets ``p1``. Counts are kept sparse."""

    def __init__(self, context: np.ndarray, target: np.ndarray, vocab: int,
                 prior: np.ndarray) -> None:
        self.V, self.prior = vocab, prior
        dense = np.zeros(vocab * vocab, np.int64) if vocab * vocab <= 1 << 22 else None
        codes, counts = [], []
        for a in range(0, len(target), PAIR_CHUNK):
            chunk = self._codes(context[a : a + PAIR_CHUNK], target[a : a + PAIR_CHUNK])
            if dense is not None:
                dense += np.bincount(chunk, minlength=vocab * vocab)
            else:
                unique, count = np.unique(chunk, return_counts=True)
                codes.append(unique)
                counts.append(count)
        if dense is not None:
            self.codes = np.flatnonzero(dense)
            self.counts = dense[self.codes].astype(np.float64)
        elif codes:
            self.codes, at = np.unique(np.concatenate(codes), return_inverse=True)
            self.counts = np.bincount(at, weights=np.concatenate(counts).astype(np.float64))
        else:
            self.codes, self.counts = np.zeros(0, np.int64), np.zeros(0)
        ctx = self.codes // vocab
        self.context_total = np.bincount(ctx, weights=self.counts, minlength=vocab)
        self.context_types = np.bincount(ctx, minlength=vocab).astype(np.float64)

    def _codes(self, context: np.ndarray, target: np.ndarray) -> np.ndarray:
        return np.asarray(context, np.int64) * self.V + np.asarray(target, np.int64)

    def probability(self, context: np.ndarray, target: np.ndarray, d: float) -> np.ndarray:
        context, target = np.asarray(context, np.int64), np.asarray(target, np.int64)
        codes = context * self.V + target
        if len(self.codes):
            at = np.minimum(np.searchsorted(self.codes, codes), len(self.codes) - 1)
            pair = np.where(self.codes[at] == codes, self.counts[at], 0.0)
        else:
            pair = np.zeros(len(codes))
        total = self.context_total[context]
        seen = total > 0
        safe = np.where(seen, total, 1.0)
        p = np.maximum(pair - d, 0.0) / safe + d * self.context_types[context] / safe * (
            self.prior[target])
        return np.where(seen, p, self.prior[target])

    def loss(self, context: np.ndarray, target: np.ndarray, d: float) -> float:
        return _mean_over_chunks(len(target), lambda a, b: -np.log(np.clip(
            self.probability(context[a:b], target[a:b], d), EPSILON, 1.0)).sum())

    def best_next(self, d: float) -> np.ndarray:
        """The likeliest next token after every context ``(V,)``."""
        fallback = int(self.prior.argmax())
        best = np.full(self.V, fallback, np.int64)
        if not len(self.codes):
            return best
        ctx, nxt = self.codes // self.V, self.codes % self.V
        score = self.probability(ctx, nxt, d)
        order = np.lexsort((score, ctx))  # by context, then score: the last of each is its best
        last = np.r_[ctx[order][1:] != ctx[order][:-1], True]
        top = order[last]
        total = self.context_total[ctx[top]]
        unseen_score = d * self.context_types[ctx[top]] / total * self.prior[fallback]
        best[ctx[top]] = np.where(score[top] >= unseen_score, nxt[top], fallback)
        return best


# -- classification ---------------------------------------------------------------------------
def classify_baselines(ds: Dataset) -> list[Baseline]:
    C = int(ds.head.units)
    y_train = np.asarray(ds.y_train, np.int64).reshape(-1)
    y_val = np.asarray(ds.y_val, np.int64).reshape(-1)
    prior = smoothed_frequencies(y_train, C)
    guess = int(np.bincount(y_train, minlength=C).argmax())
    loss = cross_entropy(np.broadcast_to(prior, (len(y_val), C)), y_val)
    label = ds.class_names[guess] if guess < len(ds.class_names) else str(guess)
    majority = Baseline("majority", "majority class",
                        {"loss": loss, "accuracy": float((y_val == guess).mean())}, loss,
                        {"predicts": label})
    return [majority, _bag_of_words(ds, y_train, y_val, C)]


class BagOfWords:
    """``log(1 + count)`` of each token id ``1..features-1`` in each row of ``x`` (padding, id 0,
    not counted), kept sparse: a text of ``T`` tokens has at most ``T`` entries, so products
    with it cost ``N * T`` instead of ``N * V``."""

    def __init__(self, x: np.ndarray, features: int) -> None:
        x = np.asarray(x, np.int64)
        self.shape = (len(x), int(features))
        rows = np.repeat(np.arange(len(x)), x.shape[1])
        ids = x.reshape(-1)
        keep = ids != PAD
        codes, counts = np.unique(rows[keep] * features + ids[keep], return_counts=True)
        self.rows, self.cols = codes // features, codes % features
        self.values = np.log1p(counts.astype(np.float64))

    def dot(self, W: np.ndarray) -> np.ndarray:
        """``X @ W`` for ``W`` of shape ``(features, k)``."""
        return self._sum(self.rows, self.values[:, None] * W[self.cols], self.shape[0])

    def tdot(self, R: np.ndarray) -> np.ndarray:
        """``X.T @ R`` for ``R`` of shape ``(N, k)``."""
        return self._sum(self.cols, self.values[:, None] * R[self.rows], self.shape[1])

    @staticmethod
    def _sum(index: np.ndarray, terms: np.ndarray, size: int) -> np.ndarray:
        return np.stack([np.bincount(index, weights=terms[:, k], minlength=size)
                         for k in range(terms.shape[1])], axis=1)

    def toarray(self) -> np.ndarray:
        out = np.zeros(self.shape)
        out[self.rows, self.cols] = self.values
        return out


def _bag_of_words(ds: Dataset, y_train: np.ndarray, y_val: np.ndarray, C: int) -> Baseline:
    features = int(ds.input_spec.vocab_size or ds.head.units)
    X = BagOfWords(ds.x_train, features)
    rng = np.random.default_rng(0)
    held = np.zeros(len(y_train), bool)
    for c in np.unique(y_train):  # a stratified fifth of the training texts
        rows = rng.permutation(np.flatnonzero(y_train == c))
        held[rows[: len(rows) // 5]] = True
    if held.any() and (~held).any():
        scores = {}
        for l2 in L2_STRENGTHS:
            W, b = fit_softmax_regression(BagOfWords(ds.x_train[~held], features),
                                          y_train[~held], C, l2)
            scores[l2] = cross_entropy(softmax(BagOfWords(ds.x_train[held], features).dot(W)
                                               + b), y_train[held])
        l2 = min(scores, key=scores.get)
        chosen = "a stratified fifth of the training texts"
    else:
        l2, chosen = 1e-2, "fixed (too few training texts to hold some out)"
    W, b = fit_softmax_regression(X, y_train, C, l2)
    probs = softmax(BagOfWords(ds.x_val, features).dot(W) + b)
    loss = cross_entropy(probs, y_val)
    return Baseline("bag-of-words", "bag-of-words", {
        "loss": loss, "accuracy": float((probs.argmax(-1) == y_val).mean())}, loss,
        {"l2": l2, "l2_chosen_on": chosen, "features": features, "steps": BOW_STEPS})


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def fit_softmax_regression(X: np.ndarray | BagOfWords, y: np.ndarray, classes: int, l2: float,
                           steps: int = BOW_STEPS) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression: minimise mean cross-entropy ``+ l2/2 |W|^2`` (the bias
    is not penalised) by Nesterov-accelerated full-batch gradient descent.

    The step is ``1 / (s^2 / N + l2)`` for the weights (``s`` the largest singular value of
    ``X``) and 1 for the bias: the Hessian of the loss is at most half that of least squares on
    ``[X 1]``, which is at most twice its block diagonal, so these steps never overshoot, and a
    strong penalty does not slow the bias down. The bias starts at the log class frequencies.
    ``X`` is a dense array or a :class:`BagOfWords`."""
    n, f = X.shape
    dot = X.dot
    tdot = X.tdot if isinstance(X, BagOfWords) else (lambda R: X.T @ R)
    Y = np.eye(classes)[y]
    v = np.random.default_rng(0).standard_normal((f, 1))
    for _ in range(30):  # power iteration for the largest singular value squared
        v = tdot(dot(v))
        v /= np.linalg.norm(v) or 1.0
    step_w = 1.0 / max(float(np.linalg.norm(dot(v)) ** 2) / n + l2, 1e-12)
    W = np.zeros((f, classes))
    b = np.log(smoothed_frequencies(y, classes))
    W_prev, b_prev = W, b
    for k in range(1, steps + 1):
        momentum = (k - 1) / (k + 2)
        W_look, b_look = W + momentum * (W - W_prev), b + momentum * (b - b_prev)
        residual = softmax(dot(W_look) + b_look) - Y
        W_prev, b_prev = W, b
        W = W_look - step_w * (tdot(residual) / n + l2 * W_look)
        b = b_look - residual.mean(axis=0)
    return W, b
