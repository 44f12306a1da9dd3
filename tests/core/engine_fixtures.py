"""Small synthetic datasets for engine tests, built directly on the Dataset contract."""

from __future__ import annotations

import numpy as np

from seqstudio.data.dataset import Dataset, HeadSpec, InputSpec, Probe

TEXT = "the cat sat on the mat. the dog sat on the log. " * 20


def lm_dataset(seq_len: int = 8, n: int = 240, seed: int = 0) -> Dataset:
    """Character language model on a repeating sentence: ``tokens[0]`` pad, ``tokens[1]`` OOV."""
    chars = sorted(set(TEXT))
    tokens = ["", "[UNK]", *chars]
    ids = np.array([tokens.index(c) for c in TEXT], dtype=np.int32)
    starts = np.arange(min(n, len(ids) - seq_len - 1))
    x = np.stack([ids[s: s + seq_len] for s in starts])
    y = ids[starts + seq_len]
    split = int(len(x) * 0.8)
    probe_x = x[split: split + 1]
    return Dataset(
        task="lm", input_spec=InputSpec("onehot", seq_len, vocab_size=len(tokens)),
        head=HeadSpec("softmax", len(tokens)), x_train=x[:split], y_train=y[:split],
        x_val=x[split:], y_val=y[split:],
        probe=Probe(probe_x, [tokens[i] for i in probe_x[0]], tokens[y[split]], 0),
        tokens=tokens, level="char", options={"task": "lm", "seq_len": seq_len},
    )


def classify_dataset(seq_len: int = 6, n: int = 200, seed: int = 0) -> Dataset:
    """Word sequences; the class is whether the sequence contains ``good`` (ids 2..9)."""
    rng = np.random.default_rng(seed)
    tokens = ["", "[UNK]", "good", "bad", "film", "plot", "actor", "the", "a", "very"]
    x = rng.integers(3, len(tokens), size=(n, seq_len)).astype(np.int32)
    y = (rng.random(n) < 0.4).astype(np.int32)
    x[y == 1, rng.integers(0, seq_len)] = 2
    split = int(n * 0.8)
    return Dataset(
        task="classify", input_spec=InputSpec("embedding", seq_len, vocab_size=len(tokens),
                                              embed_dim=4),
        head=HeadSpec("softmax", 2), x_train=x[:split], y_train=y[:split], x_val=x[split:],
        y_val=y[split:], probe=Probe(x[split: split + 1], [tokens[i] for i in x[split]],
                                     ["neg", "pos"][y[split]], 0),
        tokens=tokens, class_names=["neg", "pos"], level="word",
        options={"task": "classify", "seq_len": seq_len},
    )


def forecast_dataset(window: int = 12, horizon: int = 2, n: int = 300) -> Dataset:
    """A noisy sine, scaled by its training mean and std; one input column, one target."""
    t = np.arange(n + window + horizon, dtype=np.float64)
    series = 10 + 3 * np.sin(t / 5) + 0.1 * np.cos(t * 1.3)
    split = int(n * 0.8)
    mean, std = float(series[: split + window].mean()), float(series[: split + window].std())
    scaled = ((series - mean) / std).astype(np.float32)
    x = np.stack([scaled[i: i + window] for i in range(n)])[..., None]
    y = np.stack([scaled[i + window: i + window + horizon] for i in range(n)])
    return Dataset(
        task="forecast", input_spec=InputSpec("numeric", window, features=1),
        head=HeadSpec("linear", horizon), x_train=x[:split], y_train=y[:split],
        x_val=x[split:], y_val=y[split:],
        probe=Probe(x[split: split + 1], [str(i) for i in range(window)], "", 0),
        input_columns=["value"], target_columns=["value"], horizon=horizon,
        scaler={"value": (mean, std)}, options={"task": "forecast", "seq_len": window},
    )
