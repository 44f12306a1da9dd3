"""Time series from a table: numeric columns, an optional date column, windows of ``T`` rows.

Order of work, each step reported in ``Dataset.notes``: choose columns
(:mod:`seqstudio.data.forecast_columns`; a row counter and the time axis are never inputs by
default, see :mod:`seqstudio.data.timeaxis`); make the chosen
columns numeric (cells that are not numbers are a :class:`~seqstudio.data.issues.ColumnError`
that lists them, unless ``treat_as_missing`` names the column); parse dates and sort rows by them;
refuse infinities; apply the missing-value policy; split chronologically; fit the scaler on the
training rows only; cut windows inside each part.

Missing values default to ``interpolate``: linear in time (by the dates when there is a date column,
else by position), with leading and trailing gaps filled from the nearest value. ``drop`` removes the
rows, ``error`` lists them.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from seqstudio import tasks
from seqstudio.data.columns import Columns, find_column, rows_text
from seqstudio.data.dataset import Dataset, InputSpec, Probe, Windows, has_time_of_day
from seqstudio.data.dates import parse_dates, period_of
from seqstudio.data.dates import time_labels as _time_labels
from seqstudio.data.forecast_columns import forecast_columns, time_axis_of, unused_notes
from seqstudio.data.issues import ColumnError, bad_cell_mask, numeric_issue
from seqstudio.data.options import DataOptions
from seqstudio.data.timeaxis import TimeAxis, axis_dates
from seqstudio.data.windows import forecast_windows, split_point
from seqstudio.errors import DataError, Note, Phrase, in_column
from seqstudio.i18n import QT_TRANSLATE_NOOP

__all__ = ["build_forecast", "parse_dates", "row_labels", "sample_labels"]
#: the window ``T`` when ``seq_len`` is None
FORECAST_WINDOW = 20


def build_forecast(frame: pd.DataFrame, cols: Columns, opts: DataOptions, path: Path | None) -> Dataset:
    notes: list[str] = []
    # None means "choose for me" (the text loaders choose from the text); a window is 20 rows
    opts.seq_len = FORECAST_WINDOW if opts.seq_len is None else opts.seq_len
    opts.stride = 1 if opts.stride is None else opts.stride
    axis = time_axis_of(frame, cols, opts, path)
    inputs, targets = forecast_columns(frame, cols, opts, axis, path)
    used = list(dict.fromkeys(inputs + targets))
    notes += unused_notes(frame, cols, used, axis, opts)
    data = pd.DataFrame(_numeric_columns(frame, used, opts, path, notes))
    dates = None
    date_col = axis.spec if axis is not None else None
    if axis is not None:
        dates, data, notes_dates = _dates(frame, axis, data, opts, path)
        notes += notes_dates
        # The date strings are the biggest part of a parsed table; the loader owns the frame and
        # has no further use for them.
        for col in axis.columns:
            if col not in used:
                del frame[col]
    values = data.to_numpy(dtype=np.float64)
    bad = np.isinf(values)
    if bad.any():
        rows = data.index.to_numpy()[bad.any(axis=1)]
        cols_bad = [c for c, b in zip(used, bad.any(axis=0), strict=True) if b]
        raise DataError(
            Phrase(QT_TRANSLATE_NOOP("Errors", "infinite values in column {name!r} at {rows}; "
                                     "replace them with numbers or leave the cells empty to treat "
                                     "them as missing"), name=cols_bad[0], rows=rows_text(rows)),
            path=path,
            where=in_column(cols_bad[0]),
        )
    data, dates, notes_missing = _missing(data, dates, opts, path)
    notes += notes_missing
    T, H = opts.seq_len, opts.horizon
    n = len(data)
    split, notes_split = split_point(n, T + H, opts.val_fraction, unit="rows", path=path)
    notes += notes_split
    values = data.to_numpy(dtype=np.float64)
    train = values[:split]
    mean = train.mean(axis=0)
    std = train.std(axis=0)
    constant = [c for c, s in zip(used, std, strict=True) if not s > 0]
    if constant:
        notes.append(Note(QT_TRANSLATE_NOOP("DatasetNotes", "column(s) {columns} are constant in "
                                            "the training part"),
                          columns=", ".join(map(repr, constant))))
    std = np.where(std > 0, std, 1.0)
    scaled = ((values - mean) / std).astype(np.float32)
    del values
    idx = {c: i for i, c in enumerate(used)}
    x_all = scaled[:, [idx[c] for c in inputs]] if len(inputs) < len(used) else scaled
    y_all = scaled[:, [idx[c] for c in targets]]
    x_all.flags.writeable = False
    x_train, y_train = forecast_windows(x_all[:split], y_all[:split], T, H, opts.stride)
    x_val, y_val = forecast_windows(x_all[split:], y_all[split:], T, H, opts.stride)
    scaler = {c: (float(mean[idx[c]]), float(std[idx[c]])) for c in used}
    ds = Dataset(
        task="forecast",
        input_spec=InputSpec("numeric", T, features=len(inputs)),
        head=tasks.get("forecast").head(H * len(targets)),
        x_train=x_train,
        y_train=y_train,
        x_val=x_val,
        y_val=y_val,
        probe=Probe(np.zeros((1, T, len(inputs)), np.float32), []),
        input_columns=inputs,
        target_columns=targets,
        horizon=H,
        scaler=scaler,
        notes=notes,
        row_dates=dates,
        windows=Windows(x_all, y_all, T, H, opts.stride, (0, split), (split, n)),
    )
    ds.probe = forecast_probe(ds)
    opts.date_column, opts.columns, opts.target = date_col, inputs, targets
    ds.summary = _summary(ds, data, date_col, split)
    return ds


def _numeric_columns(frame, used: list[str], opts: DataOptions, path, notes: list[str]) -> dict:
    missing_ok = {find_column(path, frame, c, "treat_as_missing") for c in opts.treat_as_missing or []}
    out = {}
    for col in used:
        values, bad = bad_cell_mask(frame[col])
        if bad.any():
            issue = numeric_issue(frame, col)
            assert issue is not None
            if col not in missing_ok:
                raise ColumnError(issue.describe(), [issue], path=path, where=in_column(col))
            if issue.total_bad > issue.total_values / 2:
                raise ColumnError(
                    Phrase(QT_TRANSLATE_NOOP("Errors", "column {name!r} is mostly text ({bad} of "
                                             "{total} cells are not numbers: {cells}); "
                                             "treat_as_missing is for a few bad cells in a "
                                             "column of numbers; choose other columns"),
                           name=col, bad=issue.total_bad, total=issue.total_values,
                           cells=issue.cells_text()),
                    [issue], path=path, where=in_column(col),
                )
            notes.append(Note(QT_TRANSLATE_NOOP("DatasetNotes", "treated {n} cells of {name!r} "
                                                "that are not numbers as missing: {cells}"),
                              n=issue.total_bad, name=col, cells=issue.cells_text()))
        out[col] = values
    return out


def _dates(frame: pd.DataFrame, axis: TimeAxis, data: pd.DataFrame, opts: DataOptions, path):
    notes: list[str] = []
    col = axis.spec
    raw = frame[axis.columns[0]]
    parsed = axis_dates(frame, axis)
    if getattr(parsed.dt, "tz", None) is not None:
        parsed = parsed.dt.tz_convert("UTC").dt.tz_localize(None)
    present = np.logical_and.reduce([frame[c].notna().to_numpy() for c in axis.columns])
    unparsed = parsed.isna().to_numpy() & present
    if unparsed.any():
        rows = np.flatnonzero(unparsed)
        raise DataError(
            Phrase(QT_TRANSLATE_NOOP("Errors", "column {name!r} holds dates, but {cell!r} at "
                                     "{rows} is not one; fix those cells, or choose another "
                                     "date_column"),
                   name=col, cell=str(raw.iloc[rows[0]]), rows=rows_text(rows)),
            path=path,
            where=in_column(col),
        )
    empty = np.flatnonzero(~present)
    if len(empty):
        if opts.missing == "error":
            raise DataError(
                Phrase(QT_TRANSLATE_NOOP("Errors", "column {name!r} has no date at {rows}; fill "
                                         "them in, or use missing='drop' to drop those rows"),
                       name=col, rows=rows_text(empty)),
                path=path,
                where=in_column(col),
            )
        keep = present
        data, parsed = data[keep], parsed[keep]
        notes.append(Note(QT_TRANSLATE_NOOP("DatasetNotes", "dropped {n} {unit} with no date "
                                            "({rows})"),
                          n=len(empty), unit=Phrase("row" if len(empty) == 1 else "rows"),
                          rows=rows_text(empty)))
    order = np.argsort(parsed.to_numpy(), kind="stable")
    if (np.diff(order) < 0).any():
        data = data.iloc[order]
        parsed = parsed.iloc[order]
        notes.append(Note(QT_TRANSLATE_NOOP("DatasetNotes", "rows were not in date order; sorted "
                                            "them by {name!r}"), name=col))
    dup = int(parsed.duplicated().sum())
    if dup:
        notes.append(Note(QT_TRANSLATE_NOOP("DatasetNotes", "{n} rows repeat an earlier date in "
                                            "{name!r}; kept in file order"), n=dup, name=col))
    return parsed.to_numpy(dtype="datetime64[ns]"), data, notes


def _missing(data: pd.DataFrame, dates, opts: DataOptions, path):
    isna = data.isna().to_numpy()
    if not isna.any():
        return data, dates, []
    per_col = {c: int(n) for c, n in zip(data.columns, isna.sum(axis=0), strict=True) if n}
    counts = {f"column{i}": Phrase(QT_TRANSLATE_NOOP("Errors", "{n} in {name!r}"), n=n, name=c)
              for i, (c, n) in enumerate(per_col.items())}
    listing = Phrase(", ".join(f"{{{key}}}" for key in counts), **counts)  # a list: no words
    rows = data.index.to_numpy()[isna.any(axis=1)]
    if opts.missing == "error":
        first = next(iter(per_col))
        raise DataError(
            Phrase(QT_TRANSLATE_NOOP("Errors", "missing values ({listing}) at {rows}; fill them "
                                     "in, or choose missing='interpolate' or missing='drop'"),
                   listing=listing, rows=rows_text(rows)),
            path=path,
            where=in_column(first),
        )
    if opts.missing == "drop":
        keep = ~isna.any(axis=1)
        notes = [Note(QT_TRANSLATE_NOOP("DatasetNotes", "dropped {n} rows with missing values "
                                        "({listing}; {rows})"),
                      n=len(rows), listing=listing, rows=rows_text(rows))]
        return data[keep], (dates[keep] if dates is not None else None), notes
    filled = data.copy()
    if dates is not None and not pd.Index(dates).has_duplicates:
        filled.index = pd.DatetimeIndex(dates)
        filled = filled.interpolate(method="time", limit_direction="both")
        how = QT_TRANSLATE_NOOP("DatasetNotes", "linearly in time")
    else:
        filled = filled.reset_index(drop=True).interpolate(method="linear", limit_direction="both")
        how = QT_TRANSLATE_NOOP("DatasetNotes", "linearly between neighbouring rows")
    filled.index = data.index
    if filled.isna().to_numpy().any():
        empty = [c for c in filled.columns if filled[c].isna().all()]
        raise DataError(
            Phrase(QT_TRANSLATE_NOOP("Errors", "column {name!r} has no values at all; choose "
                                     "other columns"), name=empty[0]),
            path=path,
            where=in_column(empty[0]),
        )
    return filled, dates, [Note(QT_TRANSLATE_NOOP("DatasetNotes", "interpolated {n} missing "
                                                  "values {how} ({listing})"),
                                n=sum(per_col.values()), how=Note(how), listing=listing)]


def forecast_probe(ds: Dataset) -> Probe:
    part = "val" if ds.n_val else "train"
    x = ds.x_val if ds.n_val else ds.x_train
    y = ds.y_val if ds.n_val else ds.y_train
    values = ds.unscale(np.asarray(y[0], dtype=np.float64)).reshape(ds.horizon, -1)
    target = "; ".join(
        f"{c}: " + ", ".join(f"{v:.4g}" for v in values[:, k]) for k, c in enumerate(ds.target_columns)
    )
    if ds.horizon > 1:
        target += f" (next {ds.horizon} steps)"
    return Probe(
        x=np.array(x[:1], dtype=np.float32),
        step_labels=sample_labels(ds, part, 0),
        target_label=target,
        index=0,
    )


def sample_labels(ds: Dataset, part: str, index: int) -> list[str]:
    """The ``T`` step labels of forecast sample ``index`` of ``part`` (``"train"``/``"val"``): its
    dates as the period reads (``1700``, ``1959Q1``, ``1959-01``, ``2024-01-31 13:00``), or row
    numbers (0-based, after sorting) for a table without a time axis."""
    w = ds.windows
    if ds.row_dates is None or w is None:
        return ds.step_labels(part, index)
    first = (w.train if part == "train" else w.val)[0] + index * w.stride
    return row_labels(ds, first, first + w.seq_len)


def row_labels(ds: Dataset, start: int = 0, stop: int | None = None) -> list[str]:
    """Labels of rows ``start:stop`` of a forecast dataset (see :func:`sample_labels`); all rows
    by default."""
    if ds.row_dates is None:
        n = len(ds.windows.data) if ds.windows is not None else 0
        return [str(r) for r in range(n)][start:stop]
    dates = ds.row_dates
    return _time_labels(dates[start:stop], period_of(dates), with_time=has_time_of_day(dates))


def _summary(ds: Dataset, data: pd.DataFrame, date_col, split: int) -> dict:
    w = ds.windows
    summary: dict = {
        "task": "forecast",
        "rows": len(data),
        "input columns": ", ".join(ds.input_columns),
        "target columns": ", ".join(ds.target_columns),
        "window (T)": w.seq_len,
        "horizon": w.horizon,
        "stride": w.stride,
        "training rows": split,
        "validation rows": len(data) - split,
        "training samples": ds.n_train,
        "validation samples": ds.n_val,
    }
    if ds.row_dates is not None and len(ds.row_dates):
        period = period_of(ds.row_dates)
        timed = has_time_of_day(ds.row_dates)
        val_start = min(w.val[0], len(ds.row_dates) - 1)
        picked = ds.row_dates[[0, len(ds.row_dates) - 1, val_start]]
        labels = _time_labels(picked, period, with_time=timed)
        summary["date column"] = date_col
        summary["first date"] = labels[0]
        summary["last date"] = labels[1]
        if period is not None:
            summary["time step"] = f"1 {period}"
        elif len(ds.row_dates) > 1:
            step = pd.Timedelta(np.median(np.diff(ds.row_dates)))
            summary["typical time step"] = str(step)
        if w.val[1] > w.val[0]:
            summary["validation starts"] = labels[2]
    for col in data.columns:
        s = data[col]
        summary[f"{col}: mean / std / min / max"] = (
            f"{s.mean():.4g} / {s.std():.4g} / {s.min():.4g} / {s.max():.4g}"
        )
    return summary
