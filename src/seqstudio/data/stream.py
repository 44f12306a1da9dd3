"""Files larger than memory: read from disk in blocks, windows cut on the fly for ``tf.data``.

A text or a time-series table over :func:`stream_threshold` bytes is not read into memory. One
pass over the file (:mod:`~seqstudio.data.stream_text`, :mod:`~seqstudio.data.stream_table`)
fits the vocabulary or the scaler and records where each block of :data:`BLOCK_BYTES` starts, in
bytes and in tokens (rows); training then reads the blocks again in every epoch, encodes them
and cuts the windows on the way into ``tf.data`` (:meth:`Stream.tf_dataset`), so memory stays at
a few blocks, a shuffle buffer and a bounded sample whatever the size of the file.

The Dataset of a streamed file is an ordinary :class:`~seqstudio.data.dataset.Dataset` whose
arrays (``x_train`` ... ``y_val``, ``windows``) hold a bounded sample on each side of the
split: the last :data:`SAMPLE_STEPS` tokens (rows) of the training part and the first of the
validation part (:func:`sample_range`; :data:`SAMPLE_ROWS` rows for a table). The probe, the baselines, the previews and
``evaluate`` read that sample; ``n_train``/``n_val`` and ``tf_dataset`` are the whole file.

Settings: ``DataOptions.stream_bytes``, else the environment variable
``SEQSTUDIO_STREAM_BYTES``, else :data:`DEFAULT_STREAM_BYTES`.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from seqstudio.data.dataset import SHUFFLE_BUFFER, count_of
from seqstudio.data.windows import count_windows
from seqstudio.errors import DataError, Phrase
from seqstudio.i18n import QT_TRANSLATE_NOOP

#: files above this many bytes stream from disk unless ``stream_bytes`` or the environment say
DEFAULT_STREAM_BYTES = 64 * 2**20
STREAM_ENV = "SEQSTUDIO_STREAM_BYTES"
#: the unit of reading; blocks end at a line break (or a space) so no token or row is cut.
#: Small, so that the temporaries of a block (4 bytes a character while encoding) stay a few MB:
#: with 4 MiB, peak memory grew 1.8x from a 10 MB to a 1 GB text (1.56x with 1 MiB, 1.04x
#: once tf.data's autotuner was off, see tf_dataset)
BLOCK_BYTES = 2**20
#: tokens of each part kept in memory for the probe, the baselines and the previews...
SAMPLE_STEPS = 1 << 20
#: ...and rows of a table (a row of floats weighs more than a token: 64K rows keep the sample
#: under ~10 MB, so memory is flat from files of a few MB on)
SAMPLE_ROWS = 1 << 16
#: windows cut at once
WINDOWS_PER_PIECE = 4096
#: batches handed from the Python generator to tf.data at once
BATCHES_PER_CROSSING = 16

#: ``progress(fraction done in [0, 1], what is being done)``; raise from it to stop the load
Progress = Callable[[float, str], None]


class LoadCancelled(DataError):
    """The load was stopped by its progress callback (the user pressed Cancel)."""


def stream_threshold(stream_bytes: int | None) -> int:
    """The size above which a file streams: the option, else ``SEQSTUDIO_STREAM_BYTES``, else
    :data:`DEFAULT_STREAM_BYTES`."""
    if stream_bytes is not None:
        return int(stream_bytes)
    raw = os.environ.get(STREAM_ENV, "").strip()
    if not raw:
        return DEFAULT_STREAM_BYTES
    try:
        value = int(raw)
    except ValueError:
        raise DataError(Phrase(QT_TRANSLATE_NOOP("Errors", "{name} must be a number of bytes, "
                                                 "got {value!r}"), name=STREAM_ENV, value=raw),
                        where=Phrase(QT_TRANSLATE_NOOP("Errors", "environment"))) from None
    if value < 1:
        raise DataError(Phrase(QT_TRANSLATE_NOOP("Errors", "{name} must be at least 1, got "
                                                 "{value}"), name=STREAM_ENV, value=value),
                        where=Phrase(QT_TRANSLATE_NOOP("Errors", "environment")))
    return value


def block_bounds(path: Path, start: int, end: int, *, utf8: bool = True,
                 block_bytes: int | None = None, on_block: Callable[[bytes], None] | None = None
                 ) -> Iterator[tuple[int, bytes]]:
    """``(offset, bytes)`` blocks of ``path[start:end]`` of about ``block_bytes``, each ending
    after a line break, else after a space, else at a UTF-8 character boundary (not between
    ``\\r`` and ``\\n``; without ``utf8`` such a block is an error). The encodings streamed keep
    ASCII bytes as themselves, so cutting after ``\\n`` or a space never splits a character."""
    size = block_bytes or BLOCK_BYTES
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise DataError(Phrase(QT_TRANSLATE_NOOP("Errors", "cannot read the file: {reason}"),
                               reason=exc.strerror or exc), path=path) from None
    with fh:
        fh.seek(start)
        pos, carry = start, b""
        while pos < end or carry:
            data = carry + fh.read(max(0, min(size, end - pos)))
            pos += len(data) - len(carry)
            if on_block is not None and len(data) > len(carry):
                on_block(data[len(carry):])
            if pos >= end:
                if data:
                    yield pos - len(data), data
                return
            cut = data.rfind(b"\n") + 1 or data.rfind(b" ") + 1
            if not cut:
                if not utf8:
                    raise DataError(Phrase(QT_TRANSLATE_NOOP(
                        "Errors", "{size} without a line break or a space from byte {offset}; "
                        "streaming cuts the file at them"), size=human(size),
                        offset=pos - len(data)), path=path)
                cut = len(data)
                while cut > 1 and 0x80 <= data[cut - 1] < 0xC0:  # inside a character
                    cut -= 1
                if cut > 1 and (data[cut - 1] >= 0xC0 or data[cut - 1] == 0x0D):
                    cut -= 1  # a character's first byte, or a \r whose \n may follow
            yield pos - len(data), data[:cut]
            carry = data[cut:]


def human(n: int) -> str:
    from seqstudio.data.files import human_size

    return human_size(n)


@dataclass
class Stream:
    """Where the windows of a streamed file come from: the part boundaries (``train`` and
    ``val``, positions in tokens or rows of the whole file) and how windows are cut.

    Subclasses say how to read positions ``[start, stop)`` back as arrays (:meth:`read`).
    ``need``: positions one window spans (``T + 1`` for a next token, ``T + H`` for a forecast).
    """

    path: str
    seq_len: int
    stride: int
    train: tuple[int, int]
    val: tuple[int, int]

    # -- to be provided --------------------------------------------------------------------
    def read(self, start: int, stop: int) -> Iterator[tuple[np.ndarray, np.ndarray | None]]:
        raise NotImplementedError

    @property
    def need(self) -> int:
        raise NotImplementedError

    def cut(self, data: np.ndarray, targets: np.ndarray | None, offsets: slice
            ) -> tuple[np.ndarray, np.ndarray]:
        """Windows starting at ``offsets`` of the buffer ``data`` (and ``targets``)."""
        raise NotImplementedError

    def signature(self):
        raise NotImplementedError

    # -- shared ------------------------------------------------------------------------------
    def count(self, part: str) -> int:
        """How many windows ``part`` ("train" or "val") holds in the whole file."""
        start, stop = self.train if part == "train" else self.val
        return self.count_in(stop - start)

    def count_in(self, length: int) -> int:
        return count_windows(length, self.seq_len, self.need - self.seq_len, self.stride)

    def windows(self, part: str) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """Blocks of at most :data:`WINDOWS_PER_PIECE` ``(x, y)`` windows of ``part``, in file
        order, as the in-memory loaders cut them."""
        start, stop = self.train if part == "train" else self.val
        total = self.count_in(stop - start)
        done, base = 0, start  # base: file position of buf[0]
        buf = tbuf = None
        for data, targets in self.read(start, stop):
            buf = data if buf is None else np.concatenate([buf, data])
            if targets is not None:
                tbuf = targets if tbuf is None else np.concatenate([tbuf, targets])
            while done < total:
                first = start + done * self.stride - base
                room = len(buf) - self.need - first
                if room < 0:
                    break
                n = min(room // self.stride + 1, total - done, WINDOWS_PER_PIECE)
                x, y = self.cut(buf, tbuf, slice(first, first + (n - 1) * self.stride + 1,
                                                 self.stride))
                yield x, y
                done += n
            keep = min(start + done * self.stride - base, len(buf))
            buf, base = buf[keep:], base + keep
            if tbuf is not None:
                tbuf = tbuf[keep:]
            if done >= total:
                return

    def batches(self, part: str, batch_size: int, shuffle: bool = False,
                seed: int | None = None) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """``(x, y)`` batches of ``part``; with ``shuffle``, the windows are shuffled in numpy
        within pools of about :data:`~seqstudio.data.dataset.SHUFFLE_BUFFER` windows (handing
        tf.data whole batches: element by element, its own shuffle cost ~20 us a window)."""
        rng = np.random.default_rng(seed)
        pool: list[tuple[np.ndarray, np.ndarray]] = []
        held = 0

        def drain(final: bool):
            x = np.concatenate([p[0] for p in pool])
            y = np.concatenate([p[1] for p in pool])
            if shuffle:
                order = rng.permutation(len(x))
                x, y = x[order], y[order]
            whole = len(x) if final else len(x) // batch_size * batch_size
            for i in range(0, whole, batch_size):
                yield x[i : i + batch_size], y[i : i + batch_size]
            pool.clear()
            if whole < len(x):
                pool.append((x[whole:], y[whole:]))
            return len(x) - whole

        limit = SHUFFLE_BUFFER if shuffle else batch_size
        for x, y in self.windows(part):
            pool.append((x, y))
            held += len(x)
            if held >= limit:
                held = yield from drain(False)
        if held:
            yield from drain(True)

    def tf_dataset(self, part: str, batch_size: int, *, shuffle: bool = False,
                   seed: int | None = None):
        """``(x, y)`` batches of ``part`` read from disk (see :meth:`batches`), shuffled
        differently in each epoch, reproducibly from ``seed``."""
        import tensorflow as tf

        n = self.count(part)
        epochs = iter(range(1 << 30))

        def generate():
            epoch = next(epochs)
            run_seed = None if seed is None else (seed, epoch)
            # groups of batches cross from Python at once (each crossing costs milliseconds)
            return self.batches(part, batch_size * BATCHES_PER_CROSSING, shuffle and n > 1,
                                run_seed)

        data = tf.data.Dataset.from_generator(generate, output_signature=self.signature())
        data = data.rebatch(batch_size).prefetch(2)
        # tf.data's autotuner grows buffers as an epoch goes on: with it, the peak rose from
        # +17 to +31 MiB within one epoch of a 100 MB text; without it, flat at +24 from the start
        options = tf.data.Options()
        options.autotune.enabled = False
        data = data.with_options(options)
        return data.apply(tf.data.experimental.assert_cardinality(math.ceil(n / batch_size)))


@dataclass
class SequenceStream(Stream):
    """Next-token windows over token ids (``every_step``: a target at every step)."""

    every_step: bool = True
    dtype: str = "uint8"

    @property
    def need(self) -> int:
        return self.seq_len + 1

    def count_in(self, length: int) -> int:
        return count_of(length - 1, self.seq_len, self.stride)

    def cut(self, data, targets, offsets):
        T = self.seq_len
        x = sliding_window_view(data[:-1], T)[offsets]
        if self.every_step:
            y = sliding_window_view(data[1:], T)[offsets]
        else:
            y = data[T:][offsets]
        return np.ascontiguousarray(x), np.ascontiguousarray(y)

    def signature(self):
        import tensorflow as tf

        dtype = tf.as_dtype(self.dtype)
        y = (None, self.seq_len) if self.every_step else (None,)
        return (tf.TensorSpec((None, self.seq_len), dtype), tf.TensorSpec(y, dtype))


@dataclass
class TableWindows(Stream):
    """Forecast windows: ``T`` rows of scaled inputs, the next ``H`` rows of scaled targets."""

    horizon: int = 1
    features: int = 1
    outputs: int = 1

    @property
    def need(self) -> int:
        return self.seq_len + self.horizon

    def cut(self, data, targets, offsets):
        T, H = self.seq_len, self.horizon
        x = sliding_window_view(data[: len(data) - H], T, axis=0).transpose(0, 2, 1)[offsets]
        y = sliding_window_view(targets[T:], H, axis=0).transpose(0, 2, 1)[offsets]
        return np.ascontiguousarray(x), np.ascontiguousarray(y).reshape(len(y), -1)

    def signature(self):
        import tensorflow as tf

        return (tf.TensorSpec((None, self.seq_len, self.features), tf.float32),
                tf.TensorSpec((None, self.horizon * self.outputs), tf.float32))


def sample_range(stream: Stream, part: str, steps: int | None = None) -> tuple[int, int]:
    """The positions of ``part`` kept in memory: the validation part's first ``steps``
    (default :data:`SAMPLE_STEPS`), the training part's last (starting where one of its
    windows starts)."""
    steps = steps or SAMPLE_STEPS
    start, stop = stream.train if part == "train" else stream.val
    if part == "val":
        return start, min(stop, start + steps)
    first = max(start, stop - steps)
    first = start + -(-(first - start) // stream.stride) * stream.stride
    return (first, stop) if stop - first >= stream.need else (start, stop)


def sample_note(stream: Stream, size: int, threshold: int, n_val_sample: int) -> str:
    """The note every streamed dataset carries: what is read from disk and what is a sample."""
    return (f"the file is {human(size)}, over the streaming threshold of {human(threshold)}: "
            "training reads it from disk in every epoch (shuffled within a buffer of "
            f"{SHUFFLE_BUFFER:,} windows); the probe, the baselines, the previews and evaluate use "
            f"the first {n_val_sample:,} of the {stream.count('val'):,} validation samples "
            "(and the training samples just before them)")


class Reporter:
    """Turns bytes read into ``progress`` calls, at most every 1 % of the file."""

    def __init__(self, progress: Progress | None, total: int, what: str) -> None:
        self.progress, self.total, self.what = progress, max(total, 1), what
        self.done, self._last = 0, -1.0

    def add(self, n: int) -> None:
        self.done += n
        fraction = min(self.done / self.total, 1.0)
        if self.progress is not None and fraction - self._last >= 0.01:
            self._last = fraction
            self.progress(fraction, self.what)
