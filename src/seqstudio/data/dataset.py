"""The Dataset: what every loader produces and what the model builder and the Trainer consume.

This module is the contract between the data layer and the rest; it imports no TensorFlow.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np

from seqstudio import tasks

Task = Literal["lm", "classify", "forecast"]
#: windows held in the shuffle buffer of a streamed every-step language-model part
SHUFFLE_BUFFER = 1 << 16


def token_dtype(vocab_size: int) -> np.dtype:
    """The dtype of token-id arrays for a vocabulary of ``vocab_size`` tokens: the smallest that
    holds every id in ``[0, vocab_size)`` (uint8 up to 256 tokens, uint16 up to 65,536, else int32).

    A character-level text is then one byte per character instead of four. Keras models whose
    ``keras.Input`` is int32 accept these arrays as they are (fit, predict, calling the model and
    the probe; the values are cast at the input), and so does sparse categorical cross-entropy.
    """
    if vocab_size <= 1 << 8:
        return np.dtype(np.uint8)
    if vocab_size <= 1 << 16:
        return np.dtype(np.uint16)
    return np.dtype(np.int32)


@dataclass(frozen=True)
class InputSpec:
    """What one time step of the model input is.

    ``onehot``: token ids in ``[0, vocab_size)``, one-hot encoded inside the model (seed §9).
    ``embedding``: token ids, embedded into ``embed_dim`` dimensions.
    ``numeric``: ``features`` floats per step.
    ``mask_padding``: id 0 is padding (classification pads short texts at the end); the model
    masks it, so a text's prediction does not depend on how much padding follows it.
    ``differenced`` (numeric): the model reads these input columns as their step-to-step
    changes, times ``difference_scale`` (one per column, so a typical change is about 1; the
    first step's change is 0), so the level of a trending series never leaves the range seen in
    training. The step keeps ``features`` values.
    """

    kind: Literal["onehot", "embedding", "numeric"]
    seq_len: int
    vocab_size: int | None = None
    embed_dim: int | None = None
    features: int | None = None
    mask_padding: bool = False
    differenced: tuple[int, ...] = ()
    difference_scale: tuple[float, ...] = ()

    def __post_init__(self) -> None:  # lists read back from dataset.json become tuples
        object.__setattr__(self, "differenced", tuple(int(i) for i in self.differenced))
        object.__setattr__(self, "difference_scale", tuple(float(v) for v in self.difference_scale))

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
    outputs (forecast: horizon × targets, flattened).

    ``per_step``: the head reads the hidden state at every time step (a language model with a
    next-token target at each step, ``y`` of shape ``(N, T)``); otherwise only the last state.
    ``residual``: forecast only; the model adds the last observed value of each target (its
    scaled input column at the last step) to the head's output, so it predicts the change.
    ``residual_columns`` are those input columns, one per target, repeated over the horizon.
    """

    kind: Literal["softmax", "linear"]
    units: int
    per_step: bool = False
    residual_columns: tuple[int, ...] = ()

    def __post_init__(self) -> None:  # a list read back from dataset.json becomes a tuple
        object.__setattr__(self, "residual_columns", tuple(int(i) for i in self.residual_columns))


@dataclass
class Probe:
    """One fixed validation sample whose hidden states the GUI shows.

    :param x: shape ``(1, T)`` int32 token ids or ``(1, T, F)`` float32.
    :param step_labels: ``T`` readable labels, one per time step (token, timestamp or index).
    :param target_label: what the model should predict for it, readable.
    """

    x: np.ndarray
    step_labels: list[str]
    target_label: str = ""
    index: int = 0


@dataclass(frozen=True)
class Windows:
    """How the samples were cut from one flat sequence, so they can be rebuilt lazily.

    ``data`` is ``(L,)`` token ids in :func:`token_dtype` (language modelling: the target is the
    next id) or
    ``(L, F)`` float32 scaled inputs with ``targets`` ``(L, K)`` float32 scaled targets (forecast).
    Sample ``i`` of a part ``[start, stop)`` begins at position ``start + i * stride``.
    ``every_step`` (language modelling): the target is the next id at every step, ``(T,)`` per
    sample, instead of only the id after the window.
    """

    data: np.ndarray
    targets: np.ndarray | None
    seq_len: int
    horizon: int
    stride: int
    train: tuple[int, int]
    val: tuple[int, int]
    every_step: bool = False


def display_token(token: str) -> str:
    """A token as a readable label: whitespace made visible (space ␣, newline ↵, tab ⇥)."""
    return token.replace(" ", "␣").replace("\n", "↵").replace("\t", "⇥") if token else "∅"


def date_label(value: np.datetime64, with_time: bool = True) -> str:
    """``2024-01-02`` without time of day, ``2024-01-02 13:00`` with it (seconds when not 0)."""
    text = str(np.datetime_as_string(value, unit="s")).replace("T", " ")
    if not with_time:
        return text[:10]
    return text[:-3] if text.endswith(":00") else text


def has_time_of_day(dates: np.ndarray) -> bool:
    """Whether any date is not at midnight, so labels need the time."""
    return bool((dates.astype("datetime64[D]") != dates).any())


@dataclass
class Dataset:
    """Encoded arrays plus everything needed to display and reproduce them.

    ``x_*`` are ``(N, T)`` token ids or ``(N, T, F)`` float32; ``y_*`` are ``(N, T)`` token ids
    (language modelling: the next token at every step; ``(N,)`` with ``lm_targets="last"``),
    ``(N,)`` int32 class ids (classification), or ``(N, H*K)`` float32 scaled targets for
    forecasting. Token ids have the smallest unsigned dtype that holds the vocabulary,
    :func:`token_dtype` of ``len(tokens)``: uint8 for up to 256 tokens, uint16 for up to 65,536, else
    int32. Do arithmetic on them only after a cast (``np.asarray(x, np.int64)``), as uint8 wraps;
    ``Probe.x`` is always int32. Arrays may be read-only views (sliding windows) to keep memory
    low; do not write into them.
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
    #: text level as resolved: "char" or "word" (the default is "char" for language modelling and
    #: "word" for classification); "" for forecasting.
    level: str = ""
    source: Path | None = None
    source_sha256: str = ""
    #: every option used to build it, enough to rebuild it: ``load_dataset(source, **options)``.
    options: dict[str, Any] = field(default_factory=dict)
    #: readable facts for the GUI preview and CLI: samples, vocabulary coverage, class balance...
    summary: dict[str, Any] = field(default_factory=dict)
    #: messages about what was done (e.g. "interpolated 3 missing values in column 'temp'").
    notes: list[str] = field(default_factory=list)
    #: forecasting: the date of every row after sorting (datetime64), or None without a date column.
    row_dates: np.ndarray | None = None
    #: windowed tasks (lm, forecast): where the samples come from; see :class:`Windows`.
    windows: Windows | None = None
    #: a file larger than memory: where the windows are read from in every epoch
    #: (:class:`seqstudio.data.stream.Stream`). The arrays above then hold a bounded sample of
    #: each part (see :mod:`seqstudio.data.stream`); ``n_train``, ``n_val`` and ``tf_dataset``
    #: are the whole file.
    stream: Any = None

    def __post_init__(self) -> None:
        # A forecaster predicts the change from the last observed value when every target is
        # among the inputs (so a trend may leave the training range); otherwise the plain head.
        if (tasks.get(self.task).change_head and self.head.kind == "linear" and not self.head.residual_columns
                and self.target_columns and all(c in self.input_columns
                                                for c in self.target_columns)):
            columns = tuple(self.input_columns.index(c) for c in self.target_columns)
            self.head = dataclasses.replace(self.head, residual_columns=columns)
            if not self.input_spec.differenced and self.windows is not None:
                self.input_spec = _differenced(self.input_spec, self.windows, columns)

    # -- pickling ------------------------------------------------------------------------------
    # The GUI hands a Dataset to a training process. Windowed tasks hold their samples as views
    # into one flat sequence; pickling those views would copy every window (T times the data), so
    # they travel as the sequence and are cut again on arrival.
    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        if self.windows is not None and self._views_match_windows():
            for key in ("x_train", "y_train", "x_val", "y_val"):
                state[key] = None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        if self.x_train is None:
            self.x_train, self.y_train, self.x_val, self.y_val = _cut_windows(self.windows)

    def _views_match_windows(self) -> bool:
        try:
            cut = _cut_windows(self.windows)
        except (ValueError, TypeError, IndexError):
            return False
        mine = (self.x_train, self.y_train, self.x_val, self.y_val)
        views = all(x.size == 0 or np.shares_memory(x, self.windows.data)
                    for x in (self.x_train, self.x_val))
        return views and all(a.shape == b.shape and (a.size == 0 or (
            np.array_equal(a[0], b[0]) and np.array_equal(a[-1], b[-1])))
            for a, b in zip(cut, mine, strict=True))

    @property
    def streamed(self) -> bool:
        """Whether the samples are read from disk in every epoch (a file larger than memory)."""
        return self.stream is not None

    @property
    def n_train(self) -> int:
        return self.stream.count("train") if self.stream is not None else int(len(self.x_train))

    @property
    def n_val(self) -> int:
        return self.stream.count("val") if self.stream is not None else int(len(self.x_val))

    def tf_dataset(
        self, part: str = "train", batch_size: int = 64, *, shuffle: bool = False, seed: int | None = None
    ):
        """A ``tf.data.Dataset`` of ``(x, y)`` batches for ``part`` ("train" or "val").

        A streamed file (:attr:`streamed`) is read from disk block by block, its windows cut on
        the way and shuffled within a buffer. Windowed tasks are cut lazily by ``keras.utils.timeseries_dataset_from_array`` from the flat
        sequence, so memory stays at the size of the sequence, not ``N * T``. Batches keep the
        arrays' dtypes (token ids: :func:`token_dtype`), which an int32 ``keras.Input`` accepts.
        """
        if self.stream is not None:  # a file larger than memory, read again in every epoch
            return self.stream.tf_dataset(part, batch_size, shuffle=shuffle, seed=seed)
        import keras
        import tensorflow as tf

        x, y = (self.x_train, self.y_train) if part == "train" else (self.x_val, self.y_val)
        w = self.windows
        if w is None:
            data = tf.data.Dataset.from_tensor_slices((np.asarray(x), np.asarray(y)))
            if shuffle:
                data = data.shuffle(len(x), seed=seed)
            return data.batch(batch_size)
        start, stop = w.train if part == "train" else w.val
        if w.targets is None and w.every_step:
            return self._every_step_batches(w, start, stop, batch_size, shuffle, seed)
        if w.targets is None:
            data, targets = w.data[start : stop - 1], w.data[start + w.seq_len : stop]
        else:
            from seqstudio.data.windows import unstrided_targets

            data = w.data[start : stop - w.horizon]
            targets = unstrided_targets(w.targets[start:stop], w.seq_len, w.horizon)
        batches = keras.utils.timeseries_dataset_from_array(
            data, targets, sequence_length=w.seq_len, sequence_stride=w.stride,
            batch_size=batch_size, shuffle=shuffle, seed=seed,
        )
        # The windows come out as (None, None, ...): give them their static length T, without
        # which an unrolled RNN refuses to build and CategoryEncoding (one-hot) fails in graph mode.
        x_shape = (None, w.seq_len, *data.shape[1:])
        return batches.map(lambda bx, by: (tf.ensure_shape(bx, x_shape), by))

    @staticmethod
    def _every_step_batches(w: Windows, start: int, stop: int, batch_size: int, shuffle: bool,
                            seed: int | None):
        """Next-token windows with a target at every step: the inputs and the targets are the
        same windows one position apart, cut by the same Keras utility and zipped."""
        import keras
        import tensorflow as tf

        def cut(values):
            return keras.utils.timeseries_dataset_from_array(
                values, None, sequence_length=w.seq_len, sequence_stride=w.stride,
                batch_size=None, shuffle=False)

        pairs = tf.data.Dataset.zip((cut(w.data[start : stop - 1]), cut(w.data[start + 1 : stop])))
        if shuffle:
            buffer = min(count_of(stop - start - 1, w.seq_len, w.stride), SHUFFLE_BUFFER)
            pairs = pairs.shuffle(max(buffer, 1), seed=seed)
        shape = (None, w.seq_len)
        return pairs.batch(batch_size).map(
            lambda bx, by: (tf.ensure_shape(bx, shape), tf.ensure_shape(by, shape)))

    def step_labels(self, part: str, index: int) -> list[str]:
        """Readable labels of the ``T`` steps of sample ``index``: tokens, dates or row numbers."""
        x = self.x_train if part == "train" else self.x_val
        if self.tokens and x.ndim == 2:
            return [display_token(self.tokens[int(i)]) for i in x[index]]
        w = self.windows
        if w is None:
            return [str(t) for t in range(x.shape[1])]
        first = (w.train if part == "train" else w.val)[0] + index * w.stride
        rows = range(first, first + w.seq_len)
        if self.row_dates is not None:
            timed = has_time_of_day(self.row_dates)
            return [date_label(self.row_dates[r], timed) for r in rows]
        return [str(r) for r in rows]

    def unscale(self, values: np.ndarray) -> np.ndarray:
        """Map scaled forecast targets ``(..., H*K)`` back to original units."""
        if not self.scaler:
            return values
        k = len(self.target_columns)
        mean = np.array([self.scaler[c][0] for c in self.target_columns] * (values.shape[-1] // k))
        std = np.array([self.scaler[c][1] for c in self.target_columns] * (values.shape[-1] // k))
        return values * std + mean


def _differenced(spec: InputSpec, w: Windows, columns: tuple[int, ...]) -> InputSpec:
    """``spec`` reading ``columns`` as their changes, scaled by the spread of the changes in
    the training rows."""
    train = np.asarray(w.data[w.train[0] : w.train[1]], np.float64)[:, list(columns)]
    if len(train) < 3:
        return spec
    spread = np.diff(train, axis=0).std(axis=0)
    scale = tuple(float(1.0 / s) if s > 0 else 1.0 for s in spread)
    return dataclasses.replace(spec, differenced=columns, difference_scale=scale)


def count_of(length: int, seq_len: int, stride: int) -> int:
    """How many windows of ``seq_len`` start every ``stride`` steps in ``length`` steps."""
    return 0 if length < seq_len else (length - seq_len) // stride + 1


def _cut_windows(w: Windows) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``x_train, y_train, x_val, y_val`` as the loaders cut them from ``w``."""
    from seqstudio.data.windows import forecast_windows, next_token_windows

    (a, b), (c, d) = w.train, w.val
    if w.targets is None:
        return (*next_token_windows(w.data[a:b], w.seq_len, w.stride, w.every_step),
                *next_token_windows(w.data[c:d], w.seq_len, w.stride, w.every_step))
    return (*forecast_windows(w.data[a:b], w.targets[a:b], w.seq_len, w.horizon, w.stride),
            *forecast_windows(w.data[c:d], w.targets[c:d], w.seq_len, w.horizon, w.stride))
