"""Cells that keep a column from being numeric, found and described so that nothing is dropped silently.

A column of numbers with a few cells such as ``n/a?``, ``12,5`` or ``x`` is read by pandas as text.
:func:`numeric_issue` finds those cells; the loader reports them (in ``Dataset.notes``, in
:attr:`~seqstudio.data.preview.Preview.issues`, and in :class:`ColumnError` when the column is
chosen), and ``treat_as_missing=[column]`` turns them into missing values.

Row numbers follow the convention of every data message: data rows counted from 1, the header not
counted (row 1 is the first line below the header). Where the file is known, the line of the file
is given too (the header is line 1 unless comment lines come before it).
"""

from __future__ import annotations

import csv
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from seqstudio.errors import DataError, Phrase
from seqstudio.i18n import QT_TRANSLATE_NOOP

#: a column is offered "treat as missing" when at most this many cells are bad...
FEW_BAD_CELLS = 10
#: ...or at most this share of its non-empty cells.
FEW_BAD_SHARE = 0.05
#: how many bad cells an issue keeps (the first ones in file order).
SHOWN_CELLS = 5
#: the key under which :func:`seqstudio.data.tables.read_table` leaves where a frame came from.
SOURCE_ATTR = "seqstudio_source"


@dataclass(frozen=True)
class ColumnIssue:
    """A column that holds mostly numbers, but some cells that are not numbers.

    :param column: the column's name.
    :param rows: data-row numbers of the first :data:`SHOWN_CELLS` bad cells (1-based, header not
        counted).
    :param lines: the file line of each of those rows (header = line 1 when the file has no comment
        lines above it), or ``None`` where it is not known (a table from a plugin).
    :param cells: the text of each of those cells, as in the file.
    :param total_bad: how many cells in the column are not numbers (all of them, not only those shown).
    :param total_values: how many non-empty cells the column has.
    :param rows_checked: how many rows were looked at (all of them, or a preview's head).
    """

    column: str
    rows: tuple[int, ...]
    lines: tuple[int | None, ...]
    cells: tuple[str, ...]
    total_bad: int
    total_values: int
    rows_checked: int

    @property
    def treatable(self) -> bool:
        """Few enough bad cells that treating them as missing values is a sensible offer."""
        return self.total_bad <= FEW_BAD_CELLS or self.total_bad <= FEW_BAD_SHARE * self.total_values

    def cells_text(self) -> str:
        """``'n/a?' (row 18, line 19), 'x' (row 91, line 92)`` and how many more."""
        parts = {}
        for i, (text, row, line) in enumerate(zip(self.cells, self.rows, self.lines, strict=True)):
            parts[f"cell{i}"] = (
                Phrase(QT_TRANSLATE_NOOP("Errors", "{cell!r} (row {row})"), cell=text, row=row)
                if line is None else
                Phrase(QT_TRANSLATE_NOOP("Errors", "{cell!r} (row {row}, line {line})"),
                       cell=text, row=row, line=line))
        cells = Phrase(", ".join(f"{{{key}}}" for key in parts), **parts)  # a list: no words
        more = self.total_bad - len(self.cells)
        if more > 0:
            return Phrase(QT_TRANSLATE_NOOP("Errors", "{cells} and {more} more"), cells=cells,
                          more=more)
        return cells

    def describe(self) -> str:
        """One sentence: what is wrong, where, and what to do."""
        name, cells = self.column, self.cells_text()
        if self.total_bad > self.total_values / 2:
            return Phrase(QT_TRANSLATE_NOOP("Errors", "column {name!r} should hold numbers but "
                                            "holds text ({cells}); choose other columns"),
                          name=name, cells=cells)
        what = (Phrase(QT_TRANSLATE_NOOP("Errors", "column {name!r} holds numbers, but 1 of its "
                                         "{total} cells is not a number: {cells}"),
                       name=name, total=self.total_values, cells=cells)
                if self.total_bad == 1 else
                Phrase(QT_TRANSLATE_NOOP("Errors", "column {name!r} holds numbers, but {bad} of its "
                                         "{total} cells are not numbers: {cells}"),
                       name=name, bad=self.total_bad, total=self.total_values, cells=cells))
        if self.treatable:
            return Phrase(QT_TRANSLATE_NOOP("Errors", "{what}; fix those cells, or treat them as "
                                            "missing values with treat_as_missing=[{name!r}] "
                                            "(CLI: --treat-as-missing {cli})"),
                          what=what, name=name, cli=_cli_quote(name))
        return Phrase(QT_TRANSLATE_NOOP("Errors", "{what}; fix those cells, or choose other "
                                        "columns"), what=what)


class ColumnError(DataError):
    """A DataError about columns that hold cells that are not numbers.

    :attr issues: one :class:`ColumnIssue` per such column, for a GUI to show and to offer
        ``treat_as_missing``.
    """

    def __init__(self, message: str, issues: list[ColumnIssue], *, path: object | None = None,
                 where: str | None = None):
        self.issues = list(issues)
        super().__init__(message, path=path, where=where)

    def __reduce__(self):  # survives the trip from a worker process, issues included
        return _rebuild_column_error, (str(self), self.issues, self.path, self.where)


def _rebuild_column_error(text: str, issues: list[ColumnIssue], path: object, where: str | None):
    err = ColumnError.__new__(ColumnError)
    Exception.__init__(err, text)
    err.issues, err.path, err.where = list(issues), path, where
    return err


def _cli_quote(name: str) -> str:
    return name if name and all(c.isalnum() or c in "_-." for c in name) else f"'{name}'"


def bad_cell_mask(series: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """``(the series as float64 with bad cells NaN, mask of cells that are there but not numbers)``."""
    if pd.api.types.is_bool_dtype(series) or pd.api.types.is_numeric_dtype(series):
        return series.astype(np.float64), np.zeros(len(series), dtype=bool)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        converted = pd.to_numeric(series, errors="coerce")
    text = series.astype("string")
    present = series.notna().to_numpy() & (text.str.strip().fillna("") != "").to_numpy()
    return converted.astype(np.float64), present & converted.isna().to_numpy()


def numeric_issue(frame: pd.DataFrame, column: str) -> ColumnIssue | None:
    """The bad cells of ``frame[column]`` (a frame in file order, as read), or ``None`` if every
    non-empty cell is a number."""
    series = frame[column]
    _, bad = bad_cell_mask(series)
    if not bad.any():
        return None
    shown = np.flatnonzero(bad)[:SHOWN_CELLS]
    values = series.to_numpy()
    return ColumnIssue(
        column=str(column),
        rows=tuple(int(i) + 1 for i in shown),
        lines=file_lines(frame, shown),
        cells=tuple(str(values[i])[:40] for i in shown),
        total_bad=int(bad.sum()),
        total_values=int(series.notna().sum()),
        rows_checked=len(series),
    )


def mostly_numbers(series: pd.Series, sample: int = 200) -> bool:
    """Whether at least half of the non-empty cells (of the first ``sample``) are numbers."""
    head = series.dropna().head(sample)
    if head.empty:
        return False
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        converted = pd.to_numeric(head, errors="coerce")
    return bool(converted.notna().mean() >= 0.5)


def file_lines(frame: pd.DataFrame, positions: np.ndarray) -> tuple[int | None, ...]:
    """The file line of each data row in ``positions`` (0-based), read again with the csv module so
    that quoted line breaks and blank lines (which pandas skips) are counted; ``None`` each when
    the frame does not say where it came from."""
    source = frame.attrs.get(SOURCE_ATTR)
    positions = [int(p) for p in positions]
    if not source or not positions:
        return tuple(None for _ in positions)
    wanted, last = set(positions), max(positions)
    found: dict[int, int] = {}
    skip = int(source["skip"])
    if source["delimiter"] not in ",;\t|" or len(source["delimiter"]) != 1:
        return _whitespace_lines(source, skip, positions)
    try:
        with Path(source["path"]).open(encoding=source["encoding"], newline="",
                                       errors="replace") as fh:
            for _ in range(skip):
                fh.readline()
            reader = csv.reader(fh, delimiter=source["delimiter"])
            index, start = -1, skip + 1  # index -1 is the header; start: the record's first line
            for record in reader:
                if record:  # pandas skips blank lines
                    if index in wanted:
                        found[index] = start
                    if index >= last:
                        break
                    index += 1
                start = skip + reader.line_num + 1
    except (OSError, csv.Error, UnicodeError, LookupError):
        return tuple(None for _ in positions)
    return tuple(found.get(p) for p in positions)


def _whitespace_lines(source: dict, skip: int, positions: list[int]) -> tuple[int | None, ...]:
    """Lines of data rows in a space-separated table: one non-blank line per record."""
    wanted, found = set(positions), {}
    try:
        with Path(source["path"]).open(encoding=source["encoding"], errors="replace") as fh:
            index = -1
            for number, line in enumerate(fh, start=1):
                if number <= skip or not line.strip():
                    continue
                if index in wanted:
                    found[index] = number
                if index >= max(positions):
                    break
                index += 1
    except (OSError, UnicodeError, LookupError):
        return tuple(None for _ in positions)
    return tuple(found.get(p) for p in positions)
