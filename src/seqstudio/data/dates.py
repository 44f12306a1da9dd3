"""Dates written as text, and labels for dates.

:func:`parse_dates` reads a column of date text in one format that fits every value (day-first or
month-first as the values require), and period strings (``1959M01``, ``1959Q1``) as the first day
of their month or quarter. :func:`period_of` says whether a series of dates steps by years,
quarters or months, and :func:`time_labels` writes the labels that period calls for (``1700``,
``1959Q1``, ``1959-01``), or the dates themselves.

Which columns of a table are its time axis is :mod:`seqstudio.data.timeaxis`'s business; it
reads the axis's text cells with :func:`parse_dates`.
"""

from __future__ import annotations

import re
import warnings
from typing import Literal

import numpy as np
import pandas as pd

from seqstudio.data.dataset import date_label, has_time_of_day

NUMBER_RE = re.compile(r"^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$")
_MONTH_RE = re.compile(r"^\s*(\d{4})\s*[Mm:]\s*(\d{1,2})\s*$")
_QUARTER_RE = re.compile(r"^\s*(?:(\d{4})\s*-?\s*[Qq]\s*([1-4])|[Qq]([1-4])\s*[-/ ]?\s*(\d{4}))\s*$")


def _periods_as_dates(values: pd.Series) -> pd.Series | None:
    """``1959M01``, ``1959Q1`` and ``Q1 1959`` as ``1959-01`` text, or None if the first value is
    neither (the others must then match too, or they are left as they were)."""
    first = values.dropna().astype(str).head(1)
    if first.empty:
        return None
    text = values.astype("string")
    if _MONTH_RE.match(first.iloc[0]):
        parts = text.str.extract(_MONTH_RE)
        return parts[0] + "-" + parts[1].str.zfill(2)
    if _QUARTER_RE.match(first.iloc[0]):
        parts = text.str.extract(_QUARTER_RE)
        year = parts[0].fillna(parts[3])
        quarter = pd.to_numeric(parts[1].fillna(parts[2]), errors="coerce")
        month = (3 * (quarter - 1) + 1).astype("Int64").astype("string").str.zfill(2)
        return year + "-" + month
    return None


def looks_numeric(text: str) -> bool:
    """Whether ``text`` is written as a number (``12``, ``-3.5``, ``1e-3``)."""
    return NUMBER_RE.match(text) is not None


def parse_dates(raw: pd.Series) -> pd.Series:
    """Dates in one format guessed from the first value (fast, vectorised), else element-wise.

    Period strings (``1959M01``, ``1959Q1``) are read as the first day of their month or quarter.
    """
    from pandas.tseries.api import guess_datetime_format

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if pd.api.types.is_datetime64_any_dtype(raw):
            return raw
        periods = _periods_as_dates(raw)
        if periods is not None:
            parsed = pd.to_datetime(periods, errors="coerce", format="%Y-%m")
            return parsed.astype("datetime64[ns]")
        parsed = None
        for option in _formats(raw, guess_datetime_format) + ["mixed"]:
            try:
                parsed = pd.to_datetime(raw, errors="coerce", format=option)
            except (ValueError, TypeError, OverflowError):
                continue
            if not (parsed.isna() & raw.notna()).any():
                return parsed
        return parsed if parsed is not None else pd.Series(pd.NaT, index=raw.index)


def _formats(raw: pd.Series, guess) -> list[str]:
    """Formats that may fit every value: guessed from a few values, month-first and day-first.

    One guess from the first value is not enough: ``01.02.2024`` reads as January 2 until
    ``13.02.2024`` comes; and element-wise ("mixed") parsing would then read each value its own
    way, mixing up days and months. Dotted dates (German, Russian...) are tried day-first first.
    """
    # a sample, not the column: a million dates would be copied twice for nothing
    picked = pd.concat([raw.iloc[:20], raw.iloc[:: max(1, len(raw) // 20)]]).dropna()
    if picked.empty:
        picked = raw.dropna().head(20)
    if picked.empty:
        return []
    sample = picked.astype(str).unique()
    order = (True, False) if "." in sample[0] and not looks_numeric(sample[0]) else (False, True)
    formats: list[str] = []
    for value in sample[:40]:
        for dayfirst in order:
            fmt = guess(str(value), dayfirst=dayfirst)
            if fmt and fmt not in formats:
                formats.append(fmt)
    return formats


Period = Literal["year", "quarter", "month"]


def period_of(dates: np.ndarray) -> Period | None:
    """``year``, ``quarter`` or ``month`` when every date starts one and they step by it."""
    if len(dates) < 2:
        return None
    months = dates.astype("datetime64[M]")
    if (months.astype("datetime64[ns]") != dates).any():
        return None
    month_of_year = months.astype(np.int64) % 12 + 1
    step = np.median(np.diff(months.astype(np.int64)))
    if (month_of_year == 1).all() and step >= 12:
        return "year"
    if np.isin(month_of_year, (1, 4, 7, 10)).all() and step == 3:
        return "quarter"
    if 1 <= step <= 2:
        return "month"
    return None


def time_labels(dates: np.ndarray, period: Period | None | str = "auto",
                with_time: bool | None = None) -> list[str]:
    """Readable labels: ``1700`` for years, ``1959Q1`` for quarters, ``1959-01`` for months, else
    the date, with the time of day where any date has one.

    :param period: as :func:`period_of` says of the whole series (``"auto"``: of ``dates``); pass
        it, and ``with_time``, when labelling a slice.
    """
    if period == "auto":
        period = period_of(dates)
    if period in ("year", "quarter", "month"):
        months = dates.astype("datetime64[M]").astype(np.int64)
        years, month = months // 12 + 1970, months % 12 + 1
        if period == "year":
            return [str(y) for y in years]
        if period == "quarter":
            return [f"{y}Q{(m - 1) // 3 + 1}" for y, m in zip(years, month, strict=True)]
        return [f"{y}-{m:02d}" for y, m in zip(years, month, strict=True)]
    timed = has_time_of_day(dates) if with_time is None else with_time
    return [date_label(d, timed) for d in dates]
