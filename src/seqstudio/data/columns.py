"""Which column of a table is which: the time axis, the numbers, a row counter, text and labels.

Guessed so that a typical file loads with no options, and said in notes (see
:mod:`seqstudio.data.timeseries`) so that no column is left out without a word.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from seqstudio.data.issues import ColumnIssue, mostly_numbers, numeric_issue
from seqstudio.data.timeaxis import TimeAxis, detect_time_axis
from seqstudio.errors import DataError, Phrase, in_column
from seqstudio.i18n import QT_TRANSLATE_NOOP

TEXT_NAMES = ("text", "sentence", "sentences", "review", "content", "message", "body", "document")
LABEL_NAMES = ("label", "labels", "class", "category", "target", "sentiment", "y", "tag")
#: names of a column that only counts the rows (pandas writes its index as "" or "Unnamed: 0")
INDEX_NAMES = ("", "index", "idx", "id", "row", "rownum", "row number", "no", "nr", "#", "n",
               "obs", "level_0", "t", "step", "timestep", "time_step", "time", "period")
#: the name given to R's unnamed row-name column
ROW_NAMES = "row name"
_BLANK_NAME_RE = re.compile(r"^(unnamed: \d+|column \d+)$")


def find_column(path: Path, frame: pd.DataFrame, name: str, option: str) -> str:
    """``name`` if the table has it; otherwise DataError listing the columns and a close match."""
    if name in frame.columns:
        return name
    names = [str(c) for c in frame.columns]
    lowered = {n.lower().strip(): n for n in names}
    if name.lower().strip() in lowered:
        return lowered[name.lower().strip()]
    close = difflib.get_close_matches(name, names, n=1)
    columns = ", ".join(map(repr, names))
    message = (Phrase(QT_TRANSLATE_NOOP("Errors", "there is no column {name!r} ({option}); the "
                                        "columns are: {columns}. Did you mean {close!r}?"),
                      name=name, option=option, columns=columns, close=close[0]) if close else
               Phrase(QT_TRANSLATE_NOOP("Errors", "there is no column {name!r} ({option}); the "
                                        "columns are: {columns}."),
                      name=name, option=option, columns=columns))
    raise DataError(message, path=path, where=in_column(name))


@dataclass
class Columns:
    """Column roles guessed from a table (or its first rows).

    :param date: the time axis as ``date_column`` names it (a column, or ``"year+quarter"``).
    :param time: how that axis is read (see :class:`~seqstudio.data.timeaxis.TimeAxis`).
    :param numeric: numeric columns that can be inputs (not the time axis, not a row counter).
    :param index: a column that only numbers the rows (0, 1, 2...), never an input by default.
    :param issues: columns of mostly numbers with some cells that are not numbers.
    :param empty: columns without any value.
    """

    date: str | None = None
    numeric: list[str] = field(default_factory=list)
    text: str | None = None
    label: str | None = None
    time: TimeAxis | None = None
    index: str | None = None
    issues: list[ColumnIssue] = field(default_factory=list)
    #: columns without a single value (spreadsheets often save a few at the right)
    empty: list[str] = field(default_factory=list)

    @property
    def time_columns(self) -> tuple[str, ...]:
        return self.time.columns if self.time is not None else ()


def is_numeric(series: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)


def detect_date_column(frame: pd.DataFrame) -> str | None:
    """The time axis as ``date_column`` would name it, or None."""
    axis = detect_time_axis(frame)
    return axis.spec if axis is not None else None


def is_row_counter(frame: pd.DataFrame, col: str) -> bool:
    """Whether ``col`` only numbers the rows: a blank header over increasing whole numbers (as
    pandas writes an index), or an index-like name over 0, 1, 2... or 1, 2, 3..."""
    series = frame[col]
    name = str(col).lower().strip()
    blank = bool(_BLANK_NAME_RE.match(name)) or name == ""
    if not (blank or name in INDEX_NAMES) or not is_numeric(series) or len(series) < 2:
        return False
    values = series.to_numpy(dtype=np.float64)
    if not np.isfinite(values).all() or not (values == np.round(values)).all():
        return False
    steps = np.diff(values)
    if blank:
        return bool((steps > 0).all())
    return bool(values[0] in (0, 1) and (steps == 1).all())


def detect_columns(frame: pd.DataFrame) -> Columns:
    cols = Columns(time=detect_time_axis(frame))
    cols.date = cols.time.spec if cols.time is not None else None
    timed = set(cols.time_columns)
    cols.empty = [str(c) for c in frame.columns if c not in timed and not frame[c].notna().any()]
    numeric = [str(c) for c in frame.columns
               if c not in timed and c not in cols.empty and is_numeric(frame[c])]
    cols.index = next((c for c in numeric if is_row_counter(frame, c)), None)
    cols.numeric = [c for c in numeric if c != cols.index]
    others = [str(c) for c in frame.columns
              if c not in timed and not is_numeric(frame[c]) and frame[c].notna().any()]
    for c in others:
        if mostly_numbers(frame[c]):
            issue = numeric_issue(frame, c)
            if issue is not None:
                cols.issues.append(issue)
    bad = {i.column for i in cols.issues}
    strings = [c for c in others if c not in bad and c != ROW_NAMES]  # row labels are no text
    mean_len = {c: float(frame[c].dropna().astype(str).str.len().mean()) for c in strings}
    named = [c for c in strings if c.lower().strip() in TEXT_NAMES]
    wordy = [c for c in strings if _varied(frame[c]) and (
        mean_len[c] >= 8 or frame[c].astype(str).str.contains(" ").mean() > 0.5)]
    if named:
        cols.text = named[0]
    elif wordy:
        cols.text = max(wordy, key=lambda c: mean_len[c])
    if cols.text is None:
        return cols
    candidates = [str(c) for c in frame.columns if c != cols.text and c not in timed]
    limit = max(2, min(100, len(frame) // 2))
    named = [c for c in candidates if c.lower().strip() in LABEL_NAMES]
    few = [c for c in candidates if 2 <= frame[c].nunique() <= limit]
    if named:
        cols.label = named[0]
    elif few:
        cols.label = min(few, key=lambda c: frame[c].nunique())
    return cols


def _varied(series: pd.Series) -> bool:
    """Texts to classify are mostly different; a few names repeated on many rows (a panel's
    ``firm`` column) are a category, not text."""
    values = series.dropna()
    return len(values) < 10 or values.nunique() >= 0.5 * len(values)


def detect_task(cols: Columns) -> str | None:
    if cols.text is not None and cols.label is not None:
        return "classify"
    if cols.numeric or cols.issues:
        return "forecast"  # a column of numbers with bad cells is reported by the forecast loader
    return None


def rows_text(rows: np.ndarray | list[int], limit: int = 10) -> str:
    """``"rows 3, 7 and 12 more"`` with 1-based data-row numbers (the header is not a row)."""
    rows = [int(r) + 1 for r in rows]
    shown = ", ".join(map(str, rows[:limit]))
    if len(rows) > limit:
        return Phrase(QT_TRANSLATE_NOOP("Errors", "rows {shown} and {more} more"), shown=shown,
                      more=len(rows) - limit)
    if len(rows) > 1:
        return Phrase(QT_TRANSLATE_NOOP("Errors", "rows {shown}"), shown=shown)
    return Phrase(QT_TRANSLATE_NOOP("Errors", "row {shown}"), shown=shown)
