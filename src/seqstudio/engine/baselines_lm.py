"""The language-model baselines of :mod:`seqstudio.engine.baselines`: ``unigram`` (add-one
smoothed training frequencies) and ``bigram``, an interpolated bigram with absolute discounting
whose discount is chosen on the last 10 % of the training tokens. Pure numpy."""

from __future__ import annotations

import numpy as np

from seqstudio.data.dataset import Dataset
from seqstudio.engine.baselines import EPSILON, PAD, PAIR_CHUNK, Baseline, smoothed_frequencies

#: discounts tried for the bigram
DISCOUNTS = (0.1, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95)


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
