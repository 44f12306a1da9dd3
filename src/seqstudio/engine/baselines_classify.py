"""The classification baselines of :mod:`seqstudio.engine.baselines`: ``majority`` and
``bag-of-words``, a multinomial logistic regression on the ``log(1 + count)`` of each token of the
training texts, L2-regularised with its strength chosen on a held-out fifth of them. Pure numpy."""

from __future__ import annotations

import numpy as np

from seqstudio.data.dataset import Dataset
from seqstudio.engine.baselines import PAD, Baseline, cross_entropy, smoothed_frequencies

#: L2 strengths tried for the bag-of-words model, and its gradient steps
L2_STRENGTHS = (1e-4, 1e-3, 1e-2, 1e-1, 1.0)
BOW_STEPS = 300


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
