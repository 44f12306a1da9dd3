"""Chronological splitting and sliding windows.

The split is by position: the training part is the first ``1 - val_fraction`` of the sequence and the
validation part the rest, and windows are cut inside each part, so no window (inputs or targets)
straddles the boundary and nothing from the future leaks into training.

The numpy arrays handed to the Dataset are read-only :func:`numpy.lib.stride_tricks.sliding_window_view`
views: ``N`` windows of ``T`` steps cost no more memory than the sequence itself, where a copy
would cost ``T`` times as much (a 50 MB text at 20 steps would need 4 GB of int32). The same windows
are produced lazily for training by ``keras.utils.timeseries_dataset_from_array`` in
:meth:`seqstudio.data.dataset.Dataset.tf_dataset`; a test checks the two agree.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from seqstudio.errors import DataError, Note, Phrase
from seqstudio.i18n import QT_TRANSLATE_NOOP

#: the units data is counted in, as the messages name them (marked for the translators)
UNIT_WORDS = (QT_TRANSLATE_NOOP("Errors", "character"), QT_TRANSLATE_NOOP("Errors", "characters"),
              QT_TRANSLATE_NOOP("Errors", "word"), QT_TRANSLATE_NOOP("Errors", "words"),
              QT_TRANSLATE_NOOP("Errors", "row"), QT_TRANSLATE_NOOP("Errors", "rows"))


def split_point(
    length: int, need: int, val_fraction: float, *, unit: str, path: Path | None
) -> tuple[int, list[str]]:
    """Where the validation part starts, so that each part holds at least one window.

    :param length: steps in the whole sequence (tokens or rows).
    :param need: steps one window needs (inputs plus targets).
    :return: ``(start of validation, notes)``; equal to ``length`` when ``val_fraction`` is 0.
    """
    if length < need:
        raise DataError(
            Phrase(QT_TRANSLATE_NOOP("Errors", "only {n} {unit}, but one sample needs {need} "
                                     "({units} for the inputs plus the target); use a longer file "
                                     "or a shorter sequence length or horizon")
                   if unit == "rows" else
                   QT_TRANSLATE_NOOP("Errors", "only {n} {unit}, but one sample needs {need} "
                                     "({units} for the inputs plus the target); use a longer file "
                                     "or a shorter sequence length"),
                   n=length, unit=Phrase(unit[:-1] if length == 1 else unit), need=need,
                   units=Phrase(unit)),
            path=path,
        )
    if val_fraction == 0:
        return length, []
    n_val = max(int(round(length * val_fraction)), need)
    notes = []
    if n_val > round(length * val_fraction):
        notes.append(Note(
            QT_TRANSLATE_NOOP("DatasetNotes", "the validation part was enlarged to {n} {unit} so "
                              "that it holds one sample"), n=n_val, unit=Phrase(unit)))
    if length - n_val < need:
        raise DataError(
            Phrase(QT_TRANSLATE_NOOP("Errors", "{n} {unit} are too few to give both a training "
                                     "and a validation part at least {need} {unit} each; use a "
                                     "longer file, a shorter sequence length, or val_fraction=0"),
                   n=length, unit=Phrase(unit), need=need),
            path=path,
        )
    return length - n_val, notes


def count_windows(length: int, seq_len: int, horizon: int, stride: int) -> int:
    n = length - seq_len - horizon + 1
    return 0 if n <= 0 else (n - 1) // stride + 1


def next_token_windows(ids: np.ndarray, seq_len: int, stride: int,
                       every_step: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """``x[i] = ids[s:s+T]`` with ``s = i*stride``, and the next token as target: at every step,
    ``y[i] = ids[s+1:s+T+1]`` ``(N, T)`` (``every_step``, as char-rnn), or only after the last,
    ``y[i] = ids[s+T]`` ``(N,)``. Read-only views."""
    if len(ids) < seq_len + 1:  # an empty part (val_fraction=0)
        shape = (0, seq_len) if every_step else (0,)
        return np.zeros((0, seq_len), ids.dtype), np.zeros(shape, ids.dtype)
    x = sliding_window_view(ids[:-1], seq_len)[::stride]
    if every_step:
        return x, sliding_window_view(ids[1:], seq_len)[::stride]
    y = ids[seq_len:][::stride]
    return x, _readonly(y)


def forecast_windows(
    inputs: np.ndarray, targets: np.ndarray, seq_len: int, horizon: int, stride: int
) -> tuple[np.ndarray, np.ndarray]:
    """``x[i] = inputs[s:s+T]`` (T, F) and ``y[i] = targets[s+T:s+T+H]`` flattened to H*K.

    ``x`` is a view; ``y`` is a small copy (flattening a strided view needs one).
    """
    length = len(inputs)
    if length < seq_len + horizon:  # an empty part (val_fraction=0)
        empty_x = np.zeros((0, seq_len, inputs.shape[1]), inputs.dtype)
        return empty_x, np.zeros((0, horizon * targets.shape[1]), targets.dtype)
    x = sliding_window_view(inputs[: length - horizon], seq_len, axis=0).transpose(0, 2, 1)[::stride]
    y = sliding_window_view(targets[seq_len:], horizon, axis=0).transpose(0, 2, 1)[::stride]
    y = np.ascontiguousarray(y).reshape(len(y), -1)
    return x, y


def unstrided_targets(targets: np.ndarray, seq_len: int, horizon: int) -> np.ndarray:
    """Forecast targets for every start position, as ``timeseries_dataset_from_array`` expects."""
    y = sliding_window_view(targets[seq_len:], horizon, axis=0).transpose(0, 2, 1)
    return np.ascontiguousarray(y).reshape(len(y), -1)


def _readonly(a: np.ndarray) -> np.ndarray:
    view = a.view()
    view.flags.writeable = False
    return view
