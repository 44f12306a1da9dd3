"""The time axis of a table: a date column, or years (with quarters or months) written as numbers.

Many real tables give time as numbers: ``YEAR`` 1700, 1701... (yearly sunspots), ``year`` and
``quarter`` columns (macroeconomic data), decimal years 1959.0, 1959.25..., or period strings
``1959M01`` / ``1959Q1``. Read as numbers they would become input features (a trend the model
cannot extrapolate) and the time steps would be labelled by row. Here they become dates, and the
step labels say ``1700``, ``1959Q1`` or ``1959-01`` as the period requires.

``date_column`` names one column, or two joined by ``+`` (``"year+quarter"``) for a year column
with a quarter or month column beside it. Reading date text and labelling dates by their period
is :mod:`seqstudio.data.dates`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from seqstudio.data.dates import looks_numeric, parse_dates
from seqstudio.errors import DataError, Phrase, in_column
from seqstudio.i18n import QT_TRANSLATE_NOOP

DATE_NAMES = ("date", "time", "datetime", "timestamp", "ds", "day", "month", "year", "period")
YEAR_NAMES = ("year", "years", "yr", "yyyy", "jahr", "annee", "année", "ano", "año", "anno")
QUARTER_NAMES = ("quarter", "qtr", "q", "quartal", "trimestre")
MONTH_NAMES = ("month", "mon", "mo", "m", "monat", "mois", "mes")
FIRST_YEAR, LAST_YEAR = 1000, 2200

AxisKind = Literal["dates", "digits", "year", "decimal-year", "year+quarter", "year+month"]
#: dates written as whole numbers: 19580329, 195803
_DIGIT_FORMATS = {8: "%Y%m%d", 6: "%Y%m"}


@dataclass(frozen=True)
class TimeAxis:
    """Where a table's time comes from.

    :param spec: what ``date_column`` holds for it: a column name, or ``"year+quarter"``.
    :param columns: the columns it uses up (none of them is an input feature).
    :param kind: ``dates`` (text or datetime cells), ``digits`` (dates written as numbers,
        19580329 or 195803), ``year`` (whole years as numbers),
        ``decimal-year`` (1959.25), ``year+quarter`` or ``year+month``.
    """

    spec: str
    columns: tuple[str, ...]
    kind: AxisKind


def _name(col: object) -> str:
    return str(col).lower().strip()


def _is_numeric(series: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)


def _whole_years(values: np.ndarray) -> bool:
    return bool(len(values) and np.all(values == np.round(values))
                and values.min() >= FIRST_YEAR and values.max() <= LAST_YEAR)


def _numeric_kind(frame: pd.DataFrame, col: str, *, named: bool, first: bool) -> TimeAxis | None:
    """``col`` as years, decimal years, or the year of a year+quarter/month pair, if it is one."""
    values = frame[col].to_numpy(dtype=np.float64)
    values = values[np.isfinite(values)]
    if len(values) < 2:
        return None
    # newest-first files are common; the rows are sorted by the dates later
    steps = np.diff(values) * (-1 if values[0] > values[-1] else 1)
    if named and (steps > 0).all() and _digit_format(values) is not None:
        return TimeAxis(col, (col,), "digits")
    if _whole_years(values):
        if (steps > 0).all() and (named or (first and (steps == 1).all())):
            return TimeAxis(col, (col,), "year")
        if named and (steps >= 0).all():
            return _year_with_part(frame, col)
        return None
    in_range = values.min() >= FIRST_YEAR and values.max() < LAST_YEAR + 1
    if named and in_range and (steps > 0).all() and _decimal_months(values) is not None:
        return TimeAxis(col, (col,), "decimal-year")
    return None


def years_out_of_order(frame: pd.DataFrame, col: str) -> bool:
    """A column named like a year, of whole years, that cannot be the time axis alone because the
    years repeat or go back and forth (a panel: several series one after another)."""
    if _name(col) not in YEAR_NAMES or not _is_numeric(frame[col]):
        return False
    values = frame[col].to_numpy(dtype=np.float64)
    values = values[np.isfinite(values)]
    return _whole_years(values) and not _monotonic(values)


def _digit_format(values: np.ndarray) -> str | None:
    """``%Y%m%d`` or ``%Y%m`` when every value is a whole number of that many digits that is a
    date in the years accepted (co2.csv as statsmodels ships it: 19580329, 19580405...)."""
    if not len(values) or not np.all(values == np.round(values)) or values.min() <= 0:
        return None
    digits = {len(str(int(v))) for v in (values.min(), values.max())}
    fmt = _DIGIT_FORMATS.get(digits.pop()) if len(digits) == 1 else None
    if fmt is None:
        return None
    parsed = pd.to_datetime(pd.Series(values.astype(np.int64).astype(str)), format=fmt,
                            errors="coerce")
    if parsed.isna().any() or parsed.min().year < FIRST_YEAR or parsed.max().year > LAST_YEAR:
        return None
    return fmt


def _digit_dates(series: pd.Series) -> pd.Series:
    values = series.to_numpy(dtype=np.float64)
    ok = np.isfinite(values)
    fmt = _digit_format(values[ok]) or "%Y%m%d"
    text = pd.Series(pd.NA, index=series.index, dtype="string")
    text[ok] = values[ok].astype(np.int64).astype(str)
    return pd.to_datetime(text, format=fmt, errors="coerce").astype("datetime64[ns]")


def _decimal_months(values: np.ndarray) -> np.ndarray | None:
    """Months 1..12 of decimal years (1959.25 -> April), or None if the fractions are not twelfths."""
    frac = (values - np.floor(values)) * 12
    if not (np.abs(frac - np.round(frac)) < 0.05).all():
        return None
    return np.round(frac).astype(int) + 1


_PART_RE = re.compile(r"^\s*([QqMm])0?(\d{1,2})\s*$")


def _part_values(series: pd.Series) -> tuple[np.ndarray, str | None] | None:
    """The numbers of a quarter or month column (``1.0``, or ``Q01``/``M03`` as the US Bureau of
    Labor Statistics writes its Period column) and the letter, if any; None for anything else."""
    if _is_numeric(series):
        return series.to_numpy(dtype=np.float64), None
    text = series.astype("string")
    parts = text.str.extract(_PART_RE)
    present = series.notna().to_numpy()
    if parts[0].isna().to_numpy()[present].any() or not present.any():
        return None
    letters = set(parts[0].dropna().str.upper())
    if len(letters) != 1:
        return None
    return pd.to_numeric(parts[1], errors="coerce").to_numpy(dtype=np.float64), letters.pop()


def _year_with_part(frame: pd.DataFrame, year: str) -> TimeAxis | None:
    for names, top, kind in ((QUARTER_NAMES, 4, "year+quarter"), (MONTH_NAMES, 12, "year+month")):
        for col in frame.columns:
            if col == year or _name(col) not in names + ("period",):
                continue
            values = _part_values(frame[col])
            if values is None or values[1] not in (None, "Q" if top == 4 else "M"):
                continue
            key = _period_key(frame, year, col, top)
            if key is not None and _monotonic(key):
                return TimeAxis(f"{year}+{col}", (year, str(col)), kind)  # type: ignore[arg-type]
    return None


def _period_key(frame: pd.DataFrame, year: str, part: str, top: int) -> np.ndarray | None:
    y = frame[year].to_numpy(dtype=np.float64)
    values = _part_values(frame[part])
    if values is None or values[1] not in (None, "Q" if top == 4 else "M"):
        return None
    p = values[0]
    ok = np.isfinite(y) & np.isfinite(p)
    if not ok.any() or not np.all(p[ok] == np.round(p[ok])) or p[ok].min() < 1 or p[ok].max() > top:
        return None
    key = y[ok] * top + p[ok]
    return key if len(np.unique(key)) == len(key) else None


def _monotonic(values: np.ndarray) -> bool:
    steps = np.diff(values)
    return bool((steps > 0).all() or (steps < 0).all())


def detect_time_axis(frame: pd.DataFrame) -> TimeAxis | None:
    """The table's time axis, if it has one: a date column first, then years as numbers."""
    names = [c for c in frame.columns if _name(c) in DATE_NAMES]
    for col in names + [c for c in frame.columns if c not in names]:
        series = frame[col]
        if pd.api.types.is_datetime64_any_dtype(series):
            return TimeAxis(str(col), (str(col),), "dates")
        if not _is_numeric(series) and _parses_as_dates(series):
            return TimeAxis(str(col), (str(col),), "dates")
    years = [c for c in frame.columns if _name(c) in YEAR_NAMES]
    dated = [c for c in frame.columns if _name(c) in DATE_NAMES and c not in years]
    first = frame.columns[0] if len(frame.columns) else None
    for col in years + dated + ([first] if first is not None and first not in years + dated else []):
        if _is_numeric(frame[col]):
            named = _name(col) in YEAR_NAMES + DATE_NAMES
            axis = _numeric_kind(frame, str(col), named=named, first=col == first)
            if axis is not None:
                return axis
    return None


def time_axis_for(frame: pd.DataFrame, spec: str, path: Path | None, find_column) -> TimeAxis:
    """The axis ``date_column=spec`` asks for; DataError when its columns cannot be time.

    :param find_column: ``(path, frame, name, option) -> name`` that resolves a column name or
        raises (:func:`seqstudio.data.columns.find_column`).
    """
    if spec not in frame.columns and "+" in spec:
        year_name, part_name = (s.strip() for s in spec.split("+", 1))
        year = find_column(path, frame, year_name, "date_column")
        part = find_column(path, frame, part_name, "date_column")
        kinds = [(4, "year+quarter"), (12, "year+month")]
        if _name(part) in MONTH_NAMES:
            kinds.reverse()
        if _is_numeric(frame[year]) and _whole_years(frame[year].dropna().to_numpy(dtype=np.float64)):
            for top, kind in kinds:
                if _period_key(frame, year, part, top) is not None:
                    return TimeAxis(f"{year}+{part}", (year, part), kind)  # type: ignore[arg-type]
        raise DataError(
            Phrase(QT_TRANSLATE_NOOP("Errors", "date_column {spec!r}: {year!r} must hold years and "
                                     "{part!r} quarters (1-4) or months (1-12), no two rows with "
                                     "the same year and part"), spec=spec, year=year, part=part),
            path=path, where=in_column(year),
        )
    col = find_column(path, frame, spec, "date_column")
    if not _is_numeric(frame[col]):
        return TimeAxis(col, (col,), "dates")
    # chosen, not guessed: the years may come in any order (the rows are sorted by them)
    values = frame[col].to_numpy(dtype=np.float64)
    values = values[np.isfinite(values)]
    if _digit_format(values) is not None:
        return TimeAxis(col, (col,), "digits")
    if _whole_years(values):
        return TimeAxis(col, (col,), "year")
    in_range = len(values) and values.min() >= FIRST_YEAR and values.max() < LAST_YEAR + 1
    axis = TimeAxis(col, (col,), "decimal-year") if in_range and _decimal_months(values) is not None else None
    if axis is None:
        raise DataError(
            Phrase(QT_TRANSLATE_NOOP("Errors", "column {name!r} holds numbers that are not years "
                                     "(whole numbers from {first} to {last}); a date column needs "
                                     "dates (2024-01-31), years, decimal years (1959.25), or a "
                                     "year and a quarter or month column: "
                                     "date_column='year+quarter'"),
                   name=col, first=FIRST_YEAR, last=LAST_YEAR),
            path=path, where=in_column(col),
        )
    return axis


def axis_dates(frame: pd.DataFrame, axis: TimeAxis) -> pd.Series:
    """The axis as datetime64 per row: NaT where a cell is missing or not a date."""
    if axis.kind == "dates":
        return parse_dates(frame[axis.columns[0]])
    if axis.kind == "digits":
        return _digit_dates(frame[axis.columns[0]])
    years = frame[axis.columns[0]].to_numpy(dtype=np.float64)
    ok = np.isfinite(years)
    if axis.kind == "year":
        months = np.ones(len(years))
    elif axis.kind == "decimal-year":
        months = np.ones(len(years))
        months[ok] = _decimal_months(years[ok])
        years = np.floor(years)
    else:
        values = _part_values(frame[axis.columns[1]])
        part = values[0] if values is not None else np.full(len(years), np.nan)
        ok &= np.isfinite(part)
        months = 3 * (part - 1) + 1 if axis.kind == "year+quarter" else part
    stamps = np.full(len(years), np.datetime64("NaT"), dtype="datetime64[M]")
    stamps[ok] = ((years[ok].astype(np.int64) - 1970) * 12 + months[ok].astype(np.int64) - 1).astype(
        "datetime64[M]")
    return pd.Series(stamps.astype("datetime64[ns]"), index=frame.index)


def _parses_as_dates(series: pd.Series) -> bool:
    sample = series.dropna().astype(str).head(20)
    if sample.empty or all(looks_numeric(v) for v in sample):
        return False
    if all(_PART_RE.match(v) for v in sample):
        return False  # Q01 or M01 without a year: the part of a year+quarter/month axis
    return bool(parse_dates(sample).notna().all())
