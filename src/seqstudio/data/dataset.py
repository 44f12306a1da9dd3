"""The Dataset: what every loader produces and what the model builder and the Trainer consume.

This module is the contract between the data layer and the rest; it imports no TensorFlow.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np

Task = Literal["lm", "classify", "forecast"]


@dataclass(frozen=True)
class InputSpec:
    """What one time step of the model input is.

    ``onehot``: token ids in ``[0, vocab_size)``, one-hot encoded inside the model (seed §9).
    ``embedding``: token ids, embedded into ``embed_dim`` dimensions.
    ``numeric``: ``features`` floats per step.
    """

    kind: Literal["onehot", "embedding", "numeric"]
    seq_len: int
    vocab_size: int | None = None
    embed_dim: int | None = None
    features: int | None = None

    @property
    def step_dim(self) -> int:
        """The number of features the first recurrent layer sees per time step (``d``)."""
        if self.kind == "onehot":
            return int(self.vocab_size or 0)
        if self.kind == "embedding":
            return int(self.embed_dim or 0)
        return int(self.features or 0)


@dataclass(frozen=True)
class HeadSpec:
    """The output layer: ``softmax`` over ``units`` classes/tokens, or ``linear`` with ``units``
    outputs (forecast: horizon × targets, flattened)."""

    kind: Literal["softmax", "linear"]
    units: int


@dataclass
class Probe:
    """One fixed validation sample whose hidden states the GUI shows.

    :param x: shape ``(1, T)`` token ids or ``(1, T, F)`` floats.
    :param step_labels: ``T`` readable labels, one per time step (token, timestamp or index).
    :param target_label: what the model should predict for it, readable.
    """

    x: np.ndarray
    step_labels: list[str]
    target_label: str = ""
    index: int = 0


@dataclass
class Dataset:
    """Encoded arrays plus everything needed to display and reproduce them.

    ``x_*`` are ``(N, T)`` int32 token ids or ``(N, T, F)`` float32; ``y_*`` are ``(N,)`` int class or
    token ids, or ``(N, H*K)`` float32 scaled targets for forecasting. Arrays may be read-only views
    (sliding windows) to keep memory low; do not write into them.
    """

    task: Task
    input_spec: InputSpec
    head: HeadSpec
    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray
    probe: Probe
    #: token list (id -> token) for text; ``tokens[0]`` is padding, ``tokens[1]`` the OOV token.
    tokens: list[str] = field(default_factory=list)
    class_names: list[str] = field(default_factory=list)
    #: forecasting: input and target column names, dates of each sample's last input step.
    input_columns: list[str] = field(default_factory=list)
    target_columns: list[str] = field(default_factory=list)
    horizon: int = 1
    #: forecasting: per-column mean and std fitted on the training part, by column name.
    scaler: dict[str, tuple[float, float]] = field(default_factory=dict)
    #: text level: "char" or "word".
    level: str = ""
    source: Path | None = None
    source_sha256: str = ""
    #: every option used to build it, enough to rebuild it: ``load_dataset(source, **options)``.
    options: dict[str, Any] = field(default_factory=dict)
    #: readable facts for the GUI preview and CLI: samples, vocabulary coverage, class balance...
    summary: dict[str, Any] = field(default_factory=dict)
    #: messages about what was done (e.g. "interpolated 3 missing values in column 'temp'").
    notes: list[str] = field(default_factory=list)

    @property
    def n_train(self) -> int:
        return int(len(self.x_train))

    @property
    def n_val(self) -> int:
        return int(len(self.x_val))

    def unscale(self, values: np.ndarray) -> np.ndarray:
        """Map scaled forecast targets ``(..., H*K)`` back to original units."""
        if not self.scaler:
            return values
        k = len(self.target_columns)
        mean = np.array([self.scaler[c][0] for c in self.target_columns] * (values.shape[-1] // k))
        std = np.array([self.scaler[c][1] for c in self.target_columns] * (values.shape[-1] // k))
        return values * std + mean
