"""Which columns a forecast reads: the time axis, the inputs and the targets, chosen from the
table (or named by the options), and a note for every column the default choice leaves out.

Shared by the in-memory loader (:mod:`seqstudio.data.timeseries`) and the streamed one
(:mod:`seqstudio.data.stream_table`), which decides from the first rows of the file.
"""

from __future__ import annotations

import pandas as pd

from seqstudio.data.columns import Columns, find_column
from seqstudio.data.issues import ColumnError
from seqstudio.data.options import DataOptions
from seqstudio.data.timeaxis import TimeAxis, time_axis_for, years_out_of_order
from seqstudio.errors import DataError, Note, Phrase, in_column
from seqstudio.i18n import QT_TRANSLATE_NOOP


def time_axis_of(frame, cols: Columns, opts: DataOptions, path) -> TimeAxis | None:
    """The chosen ``date_column``, else the detected axis unless the chosen columns use it."""
    if opts.date_column:
        return time_axis_for(frame, opts.date_column, path, find_column)
    if cols.time is None:
        return None
    chosen = {str(c).lower().strip() for c in (opts.columns or []) + (opts.target or [])}
    if chosen & {c.lower().strip() for c in cols.time.columns}:
        return None  # asked for as a feature (as in runs saved before years were time)
    return cols.time


def forecast_columns(frame, cols: Columns, opts, axis: TimeAxis | None, path):
    timed = set(axis.columns) if axis is not None else set()
    treated = {find_column(path, frame, c, "treat_as_missing") for c in opts.treat_as_missing or []}
    numeric = [str(c) for c in frame.columns if c not in timed and (
        c in cols.numeric or c in treated and c != cols.index)]
    if opts.columns:
        inputs = [find_column(path, frame, c, "columns") for c in opts.columns]
    else:
        inputs = numeric
    if not inputs and opts.target:
        inputs = [find_column(path, frame, c, "target") for c in opts.target]
    if not inputs:
        raise _no_numeric_column(frame, cols, path)
    for col in inputs:
        if col in timed:
            raise DataError(
                Phrase(QT_TRANSLATE_NOOP("Errors", "column {name!r} is the date column and "
                                         "cannot also be an input"), name=col),
                path=path, where=in_column(col),
            )
    if opts.target:
        targets = [find_column(path, frame, c, "target") for c in opts.target]
    else:  # the last input, but not a column of years that is not the time axis (a panel's year)
        targets = [next((c for c in reversed(inputs) if not years_out_of_order(frame, c)), inputs[-1])]
    for col in targets:
        if col in timed:
            raise DataError(
                Phrase(QT_TRANSLATE_NOOP("Errors", "column {name!r} is the date column and "
                                         "cannot be a target"), name=col),
                path=path, where=in_column(col),
            )
    return list(dict.fromkeys(inputs)), list(dict.fromkeys(targets))


def _no_numeric_column(frame, cols: Columns, path) -> DataError:
    others = {}
    if cols.index is not None:
        others["index"] = Phrase(QT_TRANSLATE_NOOP("Errors", "{name!r} only numbers the rows; "
                                                   "columns=[...] can choose it"), name=cols.index)
    if cols.time is not None:
        names = " and ".join(map(repr, cols.time.columns))
        others["time"] = (Phrase(QT_TRANSLATE_NOOP("Errors", "{names} is the time axis"), names=names)
                          if len(cols.time.columns) == 1 else
                          Phrase(QT_TRANSLATE_NOOP("Errors", "{names} are the time axis"),
                                 names=names))
    # punctuation around a list: no words to translate, the parts are translated
    also = Phrase(" (" + "; ".join(f"{{{key}}}" for key in others) + ")", **others) if others else ""
    if cols.issues:
        described = {f"reason{i}": issue.describe() for i, issue in enumerate(cols.issues)}
        reasons = Phrase("; ".join(f"{{{key}}}" for key in described), **described)  # a list
        return ColumnError(Phrase(QT_TRANSLATE_NOOP("Errors", "no column of numbers to "
                                                    "forecast{also}: {reasons}"),
                                  also=also, reasons=reasons), cols.issues,
                           path=path, where=in_column(cols.issues[0].column))
    kinds = ", ".join(f"{c!r} ({frame[c].dtype})" for c in frame.columns)
    return DataError(
        Phrase(QT_TRANSLATE_NOOP("Errors", "the table has no numeric column to forecast "
                                 "(columns: {kinds}){also}; a time series needs at least one "
                                 "column of numbers, or choose the columns with columns=[...]"),
               kinds=kinds, also=also),
        path=path,
    )


_KIND_WORDS = {"digits": QT_TRANSLATE_NOOP("DatasetNotes", "dates written as numbers"),
               "year": QT_TRANSLATE_NOOP("DatasetNotes", "years"),
               "decimal-year": QT_TRANSLATE_NOOP("DatasetNotes", "decimal years"),
               "year+quarter": QT_TRANSLATE_NOOP("DatasetNotes", "year and quarter"),
               "year+month": QT_TRANSLATE_NOOP("DatasetNotes", "year and month")}


def _axis_text(axis: TimeAxis) -> str:
    if len(axis.columns) == 1:
        return in_column(axis.columns[0])
    return "columns " + " and ".join(map(repr, axis.columns))


def unused_notes(frame, cols: Columns, used: list[str], axis, opts) -> list[str]:
    """Say what the default choice left out and why, so no column disappears without a word."""
    notes = []
    if axis is not None and axis.kind != "dates":
        notes.append(Note(QT_TRANSLATE_NOOP("DatasetNotes", "{axis} read as the time axis "
                                            "({kind}), not as an input"),
                          axis=_axis_text(axis), kind=Note(_KIND_WORDS[axis.kind])))
    if cols.index is not None and cols.index not in used:
        notes.append(Note(QT_TRANSLATE_NOOP("DatasetNotes", "column {name!r} only numbers the "
                                            "rows; not used as an input"), name=cols.index))
    empty = [c for c in cols.empty if c not in used]
    if empty:
        notes.append(Note(QT_TRANSLATE_NOOP("DatasetNotes", "not used: {columns} (empty)"),
                          columns=", ".join(map(repr, empty))))
    chosen = set(opts.treat_as_missing or [])
    for issue in cols.issues:
        if issue.column not in used and issue.column not in chosen:
            notes.append(Note(QT_TRANSLATE_NOOP("DatasetNotes", "not used: {reason}"),
                              reason=issue.describe()))
    for col in used:
        if years_out_of_order(frame, col):
            notes.append(Note(QT_TRANSLATE_NOOP("DatasetNotes", "column {name!r} holds years, but "
                                                "they repeat or are out of order (several series "
                                                "one after another?), so they are not the time "
                                                "axis; the rows are used in file order and the "
                                                "column is an input"), name=col))
    timed = set(axis.columns) if axis is not None else set()
    issues = {i.column for i in cols.issues}
    text = [str(c) for c in frame.columns if str(c) not in used and str(c) not in timed
            and str(c) not in issues and str(c) not in cols.empty
            and not pd.api.types.is_numeric_dtype(frame[c])]
    if text:
        notes.append(Note(QT_TRANSLATE_NOOP("DatasetNotes", "not used: {columns} (text; a "
                                            "forecast reads numbers)"),
                          columns=", ".join(map(repr, text))))
    return notes
