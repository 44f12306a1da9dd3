"""Time series from a table: numeric columns, an optional date column, windows of ``T`` rows.

Order of work, each step reported in ``Dataset.notes``: choose columns; make the chosen columns
numeric (non-numbers are an error that lists the rows); parse dates and sort rows by them; refuse
infinities; apply the missing-value policy; split chronologically; fit the scaler on the training
rows only; cut windows inside each part.

Missing values default to ``interpolate``: linear in time (by the dates when there is a date column,
else by position), with leading and trailing gaps filled from the nearest value. ``drop`` removes the
rows, ``error`` lists them.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from seqstudio.data.dataset import (
    Dataset,
    HeadSpec,
    InputSpec,
    Probe,
    Windows,
    date_label,
    has_time_of_day,
)
from seqstudio.data.options import DataOptions
from seqstudio.data.tables import Columns, find_column, rows_text
from seqstudio.data.windows import forecast_windows, split_point
from seqstudio.errors import DataError


def build_forecast(frame: pd.DataFrame, cols: Columns, opts: DataOptions, path: Path | None) -> Dataset:
    notes: list[str] = []
    date_col = find_column(path, frame, opts.date_column, "date_column") if opts.date_column else cols.date
    inputs, targets = _choose_columns(frame, cols, opts, date_col, path)
    used = list(dict.fromkeys(inputs + targets))
    data = pd.DataFrame({col: _numeric(frame[col], col, path) for col in used})
    dates = None
    if date_col is not None:
        dates, data, notes_dates = _dates(frame[date_col], data, date_col, opts, path)
        notes += notes_dates
        # The date strings are the biggest part of a parsed table; the loader owns the frame and
        # has no further use for them.
        del frame[date_col]
    values = data.to_numpy(dtype=np.float64)
    bad = np.isinf(values)
    if bad.any():
        rows = data.index.to_numpy()[bad.any(axis=1)]
        cols_bad = [c for c, b in zip(used, bad.any(axis=0), strict=True) if b]
        raise DataError(
            f"infinite values in column {cols_bad[0]!r} at {rows_text(rows)}; replace them with "
            "numbers or leave the cells empty to treat them as missing",
            path=path,
            where=f"column {cols_bad[0]!r}",
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
        notes.append(f"column(s) {', '.join(map(repr, constant))} are constant in the training part")
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
        head=HeadSpec("linear", H * len(targets)),
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
    ds.probe = _probe(ds)
    opts.date_column, opts.columns, opts.target = date_col, inputs, targets
    ds.summary = _summary(ds, data, date_col, split)
    return ds


def _choose_columns(frame, cols: Columns, opts, date_col, path) -> tuple[list[str], list[str]]:
    numeric = [c for c in cols.numeric if c != date_col]
    if opts.columns:
        inputs = [find_column(path, frame, c, "columns") for c in opts.columns]
    else:
        inputs = numeric
    if not inputs:
        kinds = ", ".join(f"{c!r} ({frame[c].dtype})" for c in frame.columns)
        raise DataError(
            f"the table has no numeric column to forecast (columns: {kinds}); a time series needs "
            "at least one column of numbers, or choose the columns with columns=[...]",
            path=path,
        )
    if date_col in inputs:
        raise DataError(
            f"column {date_col!r} is the date column and cannot also be an input",
            path=path, where=f"column {date_col!r}",
        )
    targets = [find_column(path, frame, c, "target") for c in opts.target] if opts.target else [inputs[-1]]
    if date_col in targets:
        raise DataError(
            f"column {date_col!r} is the date column and cannot be a target",
            path=path, where=f"column {date_col!r}",
        )
    return list(dict.fromkeys(inputs)), list(dict.fromkeys(targets))


def _numeric(series: pd.Series, col: str, path) -> pd.Series:
    if pd.api.types.is_bool_dtype(series) or pd.api.types.is_numeric_dtype(series):
        return series.astype(np.float64)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        converted = pd.to_numeric(series, errors="coerce")
    bad = converted.isna().to_numpy() & series.notna().to_numpy()
    if bad.any():
        rows = np.flatnonzero(bad)
        example = str(series.iloc[rows[0]])[:40]
        raise DataError(
            f"column {col!r} should hold numbers but has {example!r} at {rows_text(rows)}; fix "
            "those cells, leave them empty to treat them as missing, or choose other columns",
            path=path,
            where=f"column {col!r}",
        )
    return converted.astype(np.float64)


def _dates(raw: pd.Series, data: pd.DataFrame, col: str, opts: DataOptions, path):
    notes: list[str] = []
    parsed = parse_dates(raw)
    if getattr(parsed.dt, "tz", None) is not None:
        parsed = parsed.dt.tz_convert("UTC").dt.tz_localize(None)
    unparsed = parsed.isna().to_numpy() & raw.notna().to_numpy()
    if unparsed.any():
        rows = np.flatnonzero(unparsed)
        raise DataError(
            f"column {col!r} holds dates, but {str(raw.iloc[rows[0]])!r} at {rows_text(rows)} is "
            "not one; fix those cells, or choose another date_column",
            path=path,
            where=f"column {col!r}",
        )
    empty = np.flatnonzero(raw.isna().to_numpy())
    if len(empty):
        if opts.missing == "error":
            raise DataError(
                f"column {col!r} has no date at {rows_text(empty)}; fill them in, or use "
                "missing='drop' to drop those rows",
                path=path,
                where=f"column {col!r}",
            )
        keep = raw.notna().to_numpy()
        data, parsed = data[keep], parsed[keep]
        notes.append(f"dropped {len(empty)} rows with no date ({rows_text(empty)})")
    order = np.argsort(parsed.to_numpy(), kind="stable")
    if (np.diff(order) < 0).any():
        data = data.iloc[order]
        parsed = parsed.iloc[order]
        notes.append(f"rows were not in date order; sorted them by {col!r}")
    dup = int(parsed.duplicated().sum())
    if dup:
        notes.append(f"{dup} rows repeat an earlier date in {col!r}; kept in file order")
    return parsed.to_numpy(dtype="datetime64[ns]"), data, notes


def parse_dates(raw: pd.Series) -> pd.Series:
    """Dates in one format guessed from the first value (fast, vectorised), else element-wise."""
    from pandas.tseries.api import guess_datetime_format

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if pd.api.types.is_datetime64_any_dtype(raw):
            return raw
        first = raw.dropna().head(1)
        fmt = guess_datetime_format(str(first.iloc[0])) if len(first) else None
        for option in ([fmt] if fmt else []) + ["mixed"]:
            try:
                parsed = pd.to_datetime(raw, errors="coerce", format=option)
            except (ValueError, TypeError, OverflowError):
                continue
            if not (parsed.isna() & raw.notna()).any():
                return parsed
        return parsed if "parsed" in locals() else pd.Series(pd.NaT, index=raw.index)


def _missing(data: pd.DataFrame, dates, opts: DataOptions, path):
    isna = data.isna().to_numpy()
    if not isna.any():
        return data, dates, []
    per_col = {c: int(n) for c, n in zip(data.columns, isna.sum(axis=0), strict=True) if n}
    listing = ", ".join(f"{n} in {c!r}" for c, n in per_col.items())
    rows = data.index.to_numpy()[isna.any(axis=1)]
    if opts.missing == "error":
        first = next(iter(per_col))
        raise DataError(
            f"missing values ({listing}) at {rows_text(rows)}; fill them in, or choose "
            "missing='interpolate' or missing='drop'",
            path=path,
            where=f"column {first!r}",
        )
    if opts.missing == "drop":
        keep = ~isna.any(axis=1)
        notes = [f"dropped {len(rows)} rows with missing values ({listing}; {rows_text(rows)})"]
        return data[keep], (dates[keep] if dates is not None else None), notes
    filled = data.copy()
    if dates is not None and not pd.Index(dates).has_duplicates:
        filled.index = pd.DatetimeIndex(dates)
        filled = filled.interpolate(method="time", limit_direction="both")
        how = "linearly in time"
    else:
        filled = filled.reset_index(drop=True).interpolate(method="linear", limit_direction="both")
        how = "linearly between neighbouring rows"
    filled.index = data.index
    if filled.isna().to_numpy().any():
        empty = [c for c in filled.columns if filled[c].isna().all()]
        raise DataError(
            f"column {empty[0]!r} has no values at all; choose other columns",
            path=path,
            where=f"column {empty[0]!r}",
        )
    return filled, dates, [f"interpolated {sum(per_col.values())} missing values {how} ({listing})"]


def _probe(ds: Dataset) -> Probe:
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
        step_labels=ds.step_labels(part, 0),
        target_label=target,
        index=0,
    )


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
        timed = has_time_of_day(ds.row_dates)
        summary["date column"] = date_col
        summary["first date"] = date_label(ds.row_dates[0], timed)
        summary["last date"] = date_label(ds.row_dates[-1], timed)
        if len(ds.row_dates) > 1:
            step = pd.Timedelta(np.median(np.diff(ds.row_dates)))
            summary["typical time step"] = str(step)
        if w.val[1] > w.val[0]:
            summary["validation starts"] = date_label(ds.row_dates[w.val[0]], timed)
    for col in data.columns:
        s = data[col]
        summary[f"{col}: mean / std / min / max"] = (
            f"{s.mean():.4g} / {s.std():.4g} / {s.min():.4g} / {s.max():.4g}"
        )
    return summary
