"""A time-series table larger than memory as a forecast dataset, read from disk block by block.

The columns, the time axis and the task are decided from the first :data:`HEAD_ROWS` rows, as
for a small table. One pass then parses every block of rows with pandas, checks it (cells that
are not numbers, infinities, dates that do not parse or go backwards) and gathers, per block, the
count, mean and spread of each column (merged with Chan's formula), so the scaler is fitted on
the training rows only once the split is known, re-reading just the block the split falls in.

Differences from the in-memory path, each said in a note: the rows must already be in date order
(a file this size is not sorted in memory); missing values are interpolated within each block
(about :data:`~seqstudio.data.stream.BLOCK_BYTES` of the file), a gap at a block's edge taking
the nearest value; a quoted field must not hold a line break.
"""

from __future__ import annotations

import bisect
import codecs
import hashlib
import io
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from seqstudio.data import stream as stream_settings
from seqstudio.data.columns import detect_columns
from seqstudio.data.dataset import Dataset, HeadSpec, InputSpec, Probe, Windows, has_time_of_day
from seqstudio.data.dates import period_of, time_labels
from seqstudio.data.forecast_columns import forecast_columns, time_axis_of, unused_notes
from seqstudio.data.issues import SOURCE_ATTR, bad_cell_mask
from seqstudio.data.options import DataOptions
from seqstudio.data.stream import (
    Progress,
    Reporter,
    TableWindows,
    block_bounds,
    sample_note,
    sample_range,
)
from seqstudio.data.tables import read_written_numbers
from seqstudio.data.timeaxis import TimeAxis, axis_dates
from seqstudio.data.timeseries import FORECAST_WINDOW, forecast_probe
from seqstudio.data.windows import forecast_windows, split_point
from seqstudio.errors import DataError, Phrase, at_byte, in_column
from seqstudio.i18n import QT_TRANSLATE_NOOP

#: rows read to choose the columns and the time axis
HEAD_ROWS = 5000


@dataclass
class TableStream(TableWindows):
    """Blocks of rows of a delimited file, cleaned and scaled as the in-memory loader does."""

    encoding: str = "utf-8"
    delimiter: str = ","
    names: list[str] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)  # file columns read, in file order
    used: list[str] = field(default_factory=list)
    inputs: list[int] = field(default_factory=list)  # indices into used
    targets: list[int] = field(default_factory=list)
    axis: TimeAxis | None = None
    missing: str = "interpolate"
    treat: list[str] = field(default_factory=list)
    decimal_comma: bool = False
    blocks: list[tuple[int, int]] = field(default_factory=list)
    rows_before: list[int] = field(default_factory=list)
    #: the last row of the block before (values), for a column missing at a block's start
    carry: list[np.ndarray | None] = field(default_factory=list)
    mean: np.ndarray | None = None
    std: np.ndarray | None = None

    def parse(self, index: int, raw: bytes, previous: np.ndarray | None,
              last_date: np.datetime64 | None, with_dates: bool = True
              ) -> tuple[np.ndarray, np.ndarray | None]:
        """Block ``index`` as ``(values (n, used) float64, dates or None)``, checked.

        ``with_dates`` False (an epoch's read of rows checked before): the dates are parsed only
        where interpolating in time needs them."""
        path = Path(self.path)
        row0 = self.rows_before[index] if index < len(self.rows_before) else None
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                frame = pd.read_csv(io.BytesIO(raw), sep=self.delimiter, header=None,
                                    usecols=self.positions, encoding=self.encoding)
        except (pd.errors.ParserError, ValueError, UnicodeDecodeError) as exc:
            raise DataError(Phrase(QT_TRANSLATE_NOOP("Errors", "cannot parse the rows from byte "
                                                     "{offset}: {error}"),
                                   offset=self.blocks[index][0], error=str(exc)),
                            path=path) from None
        frame.columns = [self.names[i] for i in sorted(self.positions)]
        read_written_numbers(frame, decimal_comma=self.decimal_comma)
        where = (Phrase(QT_TRANSLATE_NOOP("Errors", "rows from {first}"), first=f"{row0 + 1:,}")
                 if row0 is not None else at_byte(self.blocks[index][0]))
        data = {}
        for col in self.used:
            values, bad = bad_cell_mask(frame[col])
            if bad.any() and col not in self.treat:
                cell = frame[col].to_numpy()[np.flatnonzero(bad)[0]]
                raise DataError(Phrase(QT_TRANSLATE_NOOP(
                    "Errors", "column {name!r} has cells that are not numbers, e.g. {cell!r}; "
                    "fix them or treat_as_missing=[{name!r}]"), name=col, cell=cell), path=path,
                    where=Phrase("{column}, {rows}", column=in_column(col), rows=where))
            data[col] = values.to_numpy(np.float64)
        values = np.column_stack([data[c] for c in self.used])
        if np.isinf(values).any():
            col = self.used[int(np.isinf(values).any(axis=0).argmax())]
            raise DataError(Phrase(QT_TRANSLATE_NOOP("Errors", "infinite values in column "
                                                     "{name!r}; replace them with numbers or "
                                                     "leave the cells empty"), name=col),
                            path=path, where=where)
        dates = None
        if self.axis is not None and (with_dates or (np.isnan(values).any()
                                                     and self.missing == "interpolate")):
            values, dates = self._dates(frame, values, last_date, where)
        elif self.axis is not None:
            present = np.logical_and.reduce([frame[c].notna().to_numpy()
                                             for c in self.axis.columns])
            values = values if present.all() else values[present]
        return self._fill(values, dates, previous, where)

    def _dates(self, frame, values, last_date, where):
        path = Path(self.path)
        parsed = axis_dates(frame, self.axis)
        if getattr(parsed.dt, "tz", None) is not None:
            parsed = parsed.dt.tz_convert("UTC").dt.tz_localize(None)
        present = np.logical_and.reduce([frame[c].notna().to_numpy() for c in self.axis.columns])
        if (parsed.isna().to_numpy() & present).any():
            raise DataError(Phrase(QT_TRANSLATE_NOOP("Errors", "column {name!r} holds dates, but "
                                                     "some cells are not dates"),
                                   name=self.axis.spec), path=path, where=where)
        if not present.all():
            if self.missing == "error":
                raise DataError(Phrase(QT_TRANSLATE_NOOP("Errors", "column {name!r} has rows with "
                                                         "no date; fill them in or use "
                                                         "missing='drop'"),
                                       name=self.axis.spec), path=path, where=where)
            values, parsed = values[present], parsed[present]
        dates = parsed.to_numpy(dtype="datetime64[ns]")
        back = np.diff(dates) < np.timedelta64(0)
        if back.any() or (last_date is not None and len(dates) and dates[0] < last_date):
            raise DataError(Phrase(QT_TRANSLATE_NOOP(
                "Errors", "the rows are not in date order ({name!r} goes back); a file this large "
                "is read from disk as it is, so sort it by date first"), name=self.axis.spec),
                path=path, where=where)
        return values, dates

    def _fill(self, values: np.ndarray, dates, previous, where):
        isna = np.isnan(values)
        if not isna.any():
            return values, dates
        if self.missing == "error":
            col = self.used[int(isna.any(axis=0).argmax())]
            raise DataError(Phrase(QT_TRANSLATE_NOOP("Errors", "missing values in column {name!r}; "
                                                     "fill them in, or choose "
                                                     "missing='interpolate' or 'drop'"),
                                   name=col), path=Path(self.path), where=where)
        if self.missing == "drop":
            keep = ~isna.any(axis=1)
            return values[keep], (dates[keep] if dates is not None else None)
        frame = pd.DataFrame(values)
        if dates is not None and not pd.Index(dates).has_duplicates:
            frame.index = pd.DatetimeIndex(dates)
            frame = frame.interpolate(method="time", limit_direction="both")
        else:
            frame = frame.interpolate(method="linear", limit_direction="both")
        out = frame.to_numpy(np.float64)
        if np.isnan(out).any() and previous is not None:
            out = np.where(np.isnan(out), previous, out)
        if np.isnan(out).any():
            col = self.used[int(np.isnan(out).any(axis=0).argmax())]
            raise DataError(Phrase(QT_TRANSLATE_NOOP("Errors", "column {name!r} has no values in a "
                                                     "whole block of rows; choose other columns"),
                                   name=col), path=Path(self.path), where=where)
        return out, dates

    def read_values(self, start: int, stop: int, with_dates: bool = True):
        """``(values, dates)`` of rows ``[start, stop)``, cleaned but not scaled."""
        first = max(bisect.bisect_right(self.rows_before, start) - 1, 0)
        with Path(self.path).open("rb") as fh:
            for i in range(first, len(self.blocks)):
                begin = self.rows_before[i]
                if begin >= stop:
                    return
                a, b = self.blocks[i]
                fh.seek(a)
                values, dates = self.parse(i, fh.read(b - a), self.carry[i], None, with_dates)
                cut = slice(max(start - begin, 0), stop - begin)
                yield values[cut], (dates[cut] if dates is not None else None)

    def read(self, start: int, stop: int):
        for values, _ in self.read_values(start, stop, with_dates=False):
            scaled = ((values - self.mean) / self.std).astype(np.float32)
            yield scaled[:, self.inputs], scaled[:, self.targets]


def _data_start(path: Path, skip: int) -> int:
    """The byte where the rows begin: after ``skip`` lines and the header."""
    with path.open("rb") as fh:
        pos = 0
        for _ in range(skip + 1):
            line = fh.readline()
            if not line:
                break
            pos += len(line)
    return pos


class _Moments:
    """Count, mean and sum of squared deviations of each column, merged block by block."""

    def __init__(self, width: int) -> None:
        self.n, self.mean, self.m2 = 0, np.zeros(width), np.zeros(width)
        self.low, self.high = np.full(width, np.inf), np.full(width, -np.inf)

    def add(self, values: np.ndarray) -> _Moments:
        if not len(values):
            return self
        n, mean = len(values), values.mean(axis=0)
        m2 = ((values - mean) ** 2).sum(axis=0)
        total = self.n + n
        delta = mean - self.mean
        self.mean = self.mean + delta * n / total
        self.m2 = self.m2 + m2 + delta**2 * self.n * n / total
        self.n = total
        self.low, self.high = np.minimum(self.low, values.min(0)), np.maximum(self.high,
                                                                              values.max(0))
        return self

    def merge(self, other: _Moments) -> _Moments:
        if other.n == 0:
            return self
        total = self.n + other.n
        delta = other.mean - self.mean
        self.mean = self.mean + delta * other.n / total
        self.m2 = self.m2 + other.m2 + delta**2 * self.n * other.n / total
        self.n = total
        return self


def stream_forecast(path: Path, size: int, head: pd.DataFrame, delimiter: str, opts: DataOptions,
                    threshold: int, progress: Progress | None = None) -> Dataset:
    """A forecast Dataset of a table read from disk (see the module docstring)."""
    source = head.attrs[SOURCE_ATTR]
    encoding = source["encoding"]
    if codecs.lookup(encoding).name.startswith(("utf-16", "utf-32")):
        raise DataError(Phrase(QT_TRANSLATE_NOOP(
            "Errors", "a table this large is read from disk in blocks, which needs an encoding "
            "whose line breaks are single bytes, not {encoding}; convert it to UTF-8"),
            encoding=encoding), path=path)
    opts.seq_len = FORECAST_WINDOW if opts.seq_len is None else opts.seq_len
    opts.stride = 1 if opts.stride is None else opts.stride
    opts.encoding = opts.encoding or encoding.replace("utf-8-sig", "utf-8")
    notes: list[str] = []
    cols = detect_columns(head)
    axis = time_axis_of(head, cols, opts, path)
    inputs, targets = forecast_columns(head, cols, opts, axis, path)
    used = list(dict.fromkeys(inputs + targets))
    notes += unused_notes(head, cols, used, axis, opts)
    names = [str(c) for c in head.columns]
    needed = set(used) | set(axis.columns if axis is not None else ())
    T, H = opts.seq_len, opts.horizon
    stream = TableStream(
        str(path), T, opts.stride, (0, 0), (0, 0), horizon=H, features=len(inputs),
        outputs=len(targets), encoding=encoding, delimiter=delimiter, names=names,
        positions=[i for i, c in enumerate(names) if c in needed], used=used,
        inputs=[used.index(c) for c in inputs], targets=[used.index(c) for c in targets],
        axis=axis, missing=opts.missing, treat=list(opts.treat_as_missing or []),
        decimal_comma=delimiter != ",")
    start = _data_start(path, int(source.get("skip", 0)))
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        digest.update(fh.read(start))
    report = Reporter(progress, size, "reading and checking rows")
    report.add(start)

    def seen(raw: bytes) -> None:
        digest.update(raw)
        report.add(len(raw))

    moments: list[_Moments] = []
    everything = _Moments(len(used))
    previous, last_date, first_date = None, None, None
    rows = 0
    for offset, raw in block_bounds(path, start, size, on_block=seen):
        stream.blocks.append((offset, offset + len(raw)))
        stream.rows_before.append(rows)
        stream.carry.append(previous)
        values, dates = stream.parse(len(stream.blocks) - 1, raw, previous, last_date)
        if dates is not None and len(dates):
            first_date = dates[0] if first_date is None else first_date
            last_date = dates[-1]
        moments.append(_Moments(len(used)).add(values))
        everything.add(values)
        rows += len(values)
        previous = values[-1].copy() if len(values) else previous  # not a view of the block
    split, split_notes = split_point(rows, T + H, opts.val_fraction, unit="rows", path=path)
    train = _Moments(len(used))
    for i, m in enumerate(moments):
        end = stream.rows_before[i + 1] if i + 1 < len(moments) else rows
        if end <= split:
            train.merge(m)
        elif stream.rows_before[i] < split:
            for values, _ in stream.read_values(stream.rows_before[i], split, with_dates=False):
                train.add(values)
    std = np.sqrt(train.m2 / max(train.n, 1))
    constant = [c for c, s in zip(used, std, strict=True) if not s > 0]
    if constant:
        notes.append(f"column(s) {', '.join(map(repr, constant))} are constant in the training part")
    stream.mean, stream.std = train.mean, np.where(std > 0, std, 1.0)
    stream.train, stream.val = (0, split), (split, rows)
    if progress is not None:
        progress(1.0, "reading a sample of each part")
    rows_kept = stream_settings.SAMPLE_ROWS
    parts = [_sample(stream, *sample_range(stream, "train", rows_kept)),
             _sample(stream, *sample_range(stream, "val", rows_kept))]
    a = len(parts[0][0])
    x_all = np.concatenate([parts[0][0], parts[1][0]])
    y_all = np.concatenate([parts[0][1], parts[1][1]])
    x_all.flags.writeable = False
    dates = np.concatenate([parts[0][2], parts[1][2]]) if axis is not None else None
    x_train, y_train = forecast_windows(x_all[:a], y_all[:a], T, H, opts.stride)
    x_val, y_val = forecast_windows(x_all[a:], y_all[a:], T, H, opts.stride)
    ds = Dataset(
        task="forecast", input_spec=InputSpec("numeric", T, features=len(inputs)),
        head=HeadSpec("linear", H * len(targets)), x_train=x_train, y_train=y_train,
        x_val=x_val, y_val=y_val, probe=Probe(np.zeros((1, T, len(inputs)), np.float32), []),
        input_columns=inputs, target_columns=targets, horizon=H,
        scaler={c: (float(stream.mean[i]), float(stream.std[i])) for i, c in enumerate(used)},
        row_dates=dates, windows=Windows(x_all, y_all, T, H, opts.stride, (0, a),
                                         (a, len(x_all))), stream=stream)
    ds.probe = forecast_probe(ds)
    opts.date_column = axis.spec if axis is not None else None
    opts.columns, opts.target = inputs, targets
    notes += split_notes
    notes.append(sample_note(stream, size, threshold, len(x_val)))
    if opts.missing == "interpolate":
        notes.append("missing values, if any, are interpolated within blocks of about 1 MiB of "
                     "the file (a gap at a block's edge takes the nearest value)")
    ds.notes = notes
    ds.summary = _summary(ds, stream, everything, rows, split, first_date, last_date)
    ds.source_sha256 = digest.hexdigest()
    return ds


def _sample(stream: TableStream, start: int, stop: int):
    parts = list(stream.read_values(start, stop)) if stop > start else []
    width = len(stream.used)
    values = np.concatenate([v for v, _ in parts]) if parts else np.zeros((0, width))
    scaled = ((values - stream.mean) / stream.std).astype(np.float32)
    dates = None
    if stream.axis is not None:
        dates = (np.concatenate([d for _, d in parts]) if parts
                 else np.zeros(0, "datetime64[ns]"))
    return scaled[:, stream.inputs], scaled[:, stream.targets], dates


def _summary(ds: Dataset, stream: TableStream, moments: _Moments, rows: int, split: int,
             first_date, last_date) -> dict:
    summary: dict = {
        "task": "forecast",
        "rows": rows,
        "input columns": ", ".join(ds.input_columns),
        "target columns": ", ".join(ds.target_columns),
        "window (T)": stream.seq_len,
        "horizon": stream.horizon,
        "stride": stream.stride,
        "training rows": split,
        "validation rows": rows - split,
        "training samples": ds.n_train,
        "validation samples": ds.n_val,
        "read": "streamed from disk",
    }
    dates = ds.row_dates
    if stream.axis is not None and first_date is not None and dates is not None and len(dates):
        period = period_of(dates)
        val_start = dates[min(ds.windows.val[0], len(dates) - 1)]
        labels = time_labels(np.array([first_date, last_date, val_start]), period,
                             with_time=has_time_of_day(dates))
        summary["date column"] = stream.axis.spec
        summary["first date"], summary["last date"] = labels[0], labels[1]
        if period is not None:
            summary["time step"] = f"1 {period}"
        elif len(dates) > 1:
            summary["typical time step"] = str(pd.Timedelta(np.median(np.diff(dates))))
        if rows > split:
            summary["validation starts"] = labels[2]
    spread = np.sqrt(moments.m2 / max(moments.n - 1, 1))
    for i, col in enumerate(stream.used):
        summary[f"{col}: mean / std / min / max"] = (
            f"{moments.mean[i]:.4g} / {spread[i]:.4g} / {moments.low[i]:.4g} / "
            f"{moments.high[i]:.4g}")
    return summary
