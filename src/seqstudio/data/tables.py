"""Reading CSV/TSV tables with pandas.

pandas does the parsing (quoting, dtypes, encodings); this module turns its exceptions into
:class:`DataError` messages that name the file and line, and reads what real exports add around a
table (comment and note lines above it, spaces as the delimiter, R's row names, decimal commas,
thousands separators). Which column is which is :mod:`seqstudio.data.columns` (re-exported here).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from seqstudio.data.columns import (
    LABEL_NAMES,
    ROW_NAMES,
    TEXT_NAMES,
    Columns,
    detect_columns,
    detect_date_column,
    detect_task,
    find_column,
    is_numeric,
    is_row_counter,
    rows_text,
)
from seqstudio.data.dates import NUMBER_RE
from seqstudio.data.files import detect_encoding, read_head
from seqstudio.data.formats import WHITESPACE
from seqstudio.data.issues import SOURCE_ATTR
from seqstudio.data.timeaxis import detect_time_axis
from seqstudio.errors import DataError, Note, Phrase, at_line
from seqstudio.i18n import QT_TRANSLATE_NOOP

__all__ = [  # the column detection lived here; its names stay importable from this module
    "LABEL_NAMES", "TEXT_NAMES", "Columns", "check_header", "detect_columns", "detect_date_column",
    "detect_task", "find_column", "is_row_counter", "read_table", "rows_text",
]

_NUMBER_RE = NUMBER_RE
_LINE_RE = re.compile(r"line (\d+)")
CHUNKED_BYTES = 16 * 2**20  # tables above this are parsed in chunks of CHUNK_ROWS rows
CHUNK_ROWS = 200_000


def read_table(
    path: Path,
    *,
    delimiter: str,
    encoding: str | None,
    nrows: int | None = None,
    usecols: list[str] | None = None,
) -> tuple[pd.DataFrame, str, list[str]]:
    """Parse a delimited file. UTF-8 first unless ``encoding`` is given, then a detected encoding.

    :return: ``(frame, encoding used, notes)``.
    """
    notes: list[str] = []
    chosen = encoding or "utf-8-sig"
    skip = leading_comment_lines(read_head(path))
    if skip:
        notes.append(Note(QT_TRANSLATE_NOOP("DatasetNotes", "skipped {n} comment lines at the top "
                                            "of the file") if skip > 1 else
                          QT_TRANSLATE_NOOP("DatasetNotes", "skipped {n} comment line at the top of "
                                            "the file"), n=skip))
    try:
        frame = _read_csv(path, delimiter, chosen, nrows, usecols, skip)
    except UnicodeDecodeError as exc:
        if encoding is not None:
            raise _decode_error(path, chosen, exc) from None
        detected = detect_encoding(read_head(path))
        if detected is None or detected.replace("_", "-").lower() in ("utf-8", "utf8"):
            raise _decode_error(path, "UTF-8", exc) from None
        try:
            frame = _read_csv(path, delimiter, detected, nrows, usecols, skip)
        except UnicodeDecodeError:
            raise _decode_error(path, "UTF-8", exc) from None
        notes.append(Note(QT_TRANSLATE_NOOP("DatasetNotes", "the file is not UTF-8; decoded it as "
                                            "{encoding}, detected from its content"),
                          encoding=detected))
        chosen = detected
    except DataError:
        # statistics offices put a few lines about the series above the table (BLS, ONS...)
        preamble = _preamble_length(read_head(path), delimiter, skip)
        if not preamble:
            raise
        frame = _read_csv(path, delimiter, chosen, nrows, usecols, preamble)
        notes.append(Note(QT_TRANSLATE_NOOP("DatasetNotes", "skipped {n} lines above the table, "
                                            "from {first!r}; the table starts at line {line}"),
                          n=preamble - skip, first=_first_text(read_head(path), skip),
                          line=preamble + 1))
        skip = preamble
    check_header(path, frame, line=skip + 1)
    notes += read_written_numbers(frame, decimal_comma=delimiter != ",")
    # where the rows came from, so that a bad cell can be reported by its line in the file
    frame.attrs[SOURCE_ATTR] = {"path": str(path), "encoding": chosen, "delimiter": delimiter,
                                "skip": skip}
    return frame, chosen, notes


def _fields(line: str, delimiter: str) -> int:
    if delimiter == WHITESPACE:
        return len(shlex_split(line))
    import csv

    try:
        return len(next(csv.reader([line], delimiter=delimiter)))
    except (csv.Error, StopIteration):
        return 0


def _preamble_length(head: bytes, delimiter: str, skip: int) -> int:
    """The line where a table starts below lines of notes, or 0: the first line of at least two
    fields that at least three following lines match (or fall short of, as a header with a
    trailing delimiter does), when the lines before it are shorter."""
    lines = head.decode("utf-8", errors="replace").split("\n")[:-1][:300]
    for i in range(skip + 1, min(len(lines), 100)):
        width = _fields(lines[i], delimiter) if lines[i].strip() else 0
        if width < 2:
            continue
        following = [_fields(line, delimiter) for line in lines[i + 1:i + 40] if line.strip()][:10]
        if len(following) >= 3 and len(set(following)) == 1 and 2 <= following[0] <= width:
            above = [_fields(line, delimiter) for line in lines[skip:i] if line.strip()]
            if all(n < following[0] for n in above):
                return i
    return 0


def _first_text(head: bytes, skip: int) -> str:
    lines = [line.strip() for line in head.decode("utf-8", errors="replace").split("\n")[skip:]]
    first = next((line for line in lines if line), "")
    return " ".join(first.split())[:40]


_DECIMAL_COMMA_RE = re.compile(r"^\s*[-+]?\d+(,\d+)?\s*$")
_THOUSANDS_RE = re.compile(r"^\s*[-+]?\d{1,3}(,\d{3})*(\.\d+)?\s*$")


def read_written_numbers(frame: pd.DataFrame, *, decimal_comma: bool) -> list[str]:
    """Columns of numbers that pandas left as text because of how they are written become numbers
    in place, with a note: decimal commas (``12,5``) in files delimited by ``;`` or tabs, as many
    European locales write them, and thousands separators (``"1,234.5"``) in comma files."""
    pattern = _DECIMAL_COMMA_RE if decimal_comma else _THOUSANDS_RE
    converted = []
    for col in frame.columns:
        series = frame[col]
        if is_numeric(series) or not series.notna().any():
            continue
        head = series.dropna().head(200).astype(str)
        head = head[head.str.strip() != ""]
        if head.empty or not head.str.match(pattern).all():
            continue  # decided on the first rows, so a column of dates costs nothing
        values = series.dropna().astype(str)
        values = values[values.str.strip() != ""]
        if not values.str.match(pattern).all() or not values.str.contains(",").any():
            continue
        text = series.astype("string").str.strip()
        text = text.str.replace(",", "." if decimal_comma else "", regex=False)
        frame[col] = pd.to_numeric(text.replace("", pd.NA), errors="coerce").astype(float)
        converted.append(str(col))
    if not converted:
        return []
    columns = ", ".join(map(repr, converted))
    if decimal_comma:
        return [Note(QT_TRANSLATE_NOOP("DatasetNotes", "read decimal commas (12,5 = 12.5) in "
                                       "{columns}"), columns=columns)]
    return [Note(QT_TRANSLATE_NOOP("DatasetNotes", "read thousands separators (1,234 = 1234) in "
                                   "{columns}"), columns=columns)]


def leading_comment_lines(head: bytes) -> int:
    """How many lines at the top start with ``#``, ``;`` or ``%`` (comments, as in many data files)."""
    count = 0
    for line in head.split(b"\n")[:-1]:
        if line.lstrip()[:1] not in (b"#", b";", b"%"):
            break
        count += 1
    return count


def _read_csv(path, delimiter, encoding, nrows, usecols, skip=0) -> pd.DataFrame:
    try:
        row_names = delimiter == WHITESPACE and _has_row_names(path, encoding, skip)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            big = nrows is None and path.stat().st_size > CHUNKED_BYTES
            frame = pd.read_csv(
                path,
                sep=delimiter,
                encoding=encoding,
                nrows=nrows,
                usecols=usecols,
                skiprows=skip,
                # never turn surplus fields into an index silently; R's row names are announced
                index_col=0 if row_names else False,
                chunksize=CHUNK_ROWS if big else None,
            )
            if big:
                frame = _concat_parsing_dates(frame)
            if row_names:
                frame = frame.rename_axis(ROW_NAMES).reset_index()
        # "date, value" headers are common; skipinitialspace would slow the whole parse instead
        frame.columns = _clean_names(frame.columns)
        if any(issubclass(w.category, pd.errors.ParserWarning) for w in caught):
            line = _first_long_line(path, delimiter, encoding, len(frame.columns))
            raise DataError(
                Phrase(QT_TRANSLATE_NOOP("Errors", "a line has more fields than the header's "
                                         "{fields}; every line needs the same number of fields, "
                                         "and text containing the delimiter must be quoted"),
                       fields=len(frame.columns)),
                path=path,
                where=at_line(line) if line else None,
            )
        return frame
    except UnicodeDecodeError:
        raise
    except pd.errors.EmptyDataError:
        raise DataError(_NO_COLUMNS, path=path) from None
    except pd.errors.ParserError as exc:
        message = str(exc).strip().splitlines()[-1] if str(exc).strip() else "cannot parse"
        match = _LINE_RE.search(message)
        where = at_line(match.group(1)) if match else None
        raise DataError(
            Phrase(QT_TRANSLATE_NOOP("Errors", "not a well-formed table ({message}); every line "
                                     "needs the same number of fields as the header, and text "
                                     "containing the delimiter must be quoted"), message=message),
            path=path,
            where=where,
        ) from None
    except (ValueError, OverflowError, MemoryError) as exc:
        raise DataError(Phrase(QT_TRANSLATE_NOOP("Errors", "cannot parse the table: {reason}"),
                               reason=exc), path=path) from None


def _concat_parsing_dates(reader) -> pd.DataFrame:
    """Join chunks, turning a date column into datetime64 chunk by chunk.

    A million date strings cost ~70 MB as Python objects but 8 MB as datetime64; converting each
    chunk before the next is read keeps the peak near the final size. A chunk whose dates do not all
    parse keeps its strings, so the usual checks report the bad rows.
    """
    from seqstudio.data.timeseries import parse_dates

    parts, date_col = [], None
    with reader:
        for i, chunk in enumerate(reader):
            if i == 0:
                axis = detect_time_axis(chunk)
                date_col = axis.spec if axis is not None and axis.kind == "dates" else None
            if date_col is not None and not is_numeric(chunk[date_col]):
                parsed = parse_dates(chunk[date_col])
                if not (parsed.isna() & chunk[date_col].notna()).any():
                    chunk[date_col] = parsed
            parts.append(chunk)
    frame = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    return frame


def _has_row_names(path: Path, encoding: str, skip: int) -> bool:
    """Whether a space-separated table has one field more in its rows than in its header, as R's
    ``write.table`` writes row names."""
    try:
        with path.open(encoding=encoding, errors="replace") as fh:
            lines = [line for _, line in zip(range(skip + 40), fh, strict=False)][skip:]
    except OSError:
        return False
    rows = [shlex_split(line) for line in lines if line.strip()]
    return len(rows) > 1 and all(len(r) == len(rows[0]) + 1 for r in rows[1:])


def shlex_split(line: str) -> list[str]:
    """Fields of a space-separated line, honouring double quotes (as pandas reads them)."""
    import shlex

    try:
        return shlex.split(line, posix=True)
    except ValueError:
        return line.split()


def _first_long_line(path: Path, delimiter: str, encoding: str, n_fields: int) -> int | None:
    """The line number of the first record with more than ``n_fields`` fields (error path only)."""
    import csv

    if delimiter == WHITESPACE:
        try:
            with path.open(encoding=encoding, errors="replace") as fh:
                for number, line in enumerate(fh, start=1):
                    if len(shlex_split(line)) > n_fields:
                        return number
        except OSError:
            return None
        return None
    try:
        with path.open(encoding=encoding, newline="", errors="replace") as fh:
            reader = csv.reader(fh, delimiter=delimiter, skipinitialspace=True)
            for record in reader:
                if len(record) > n_fields:
                    return reader.line_num
    except (OSError, csv.Error):
        return None
    return None


def _decode_error(path: Path, encoding: str, exc: UnicodeDecodeError) -> DataError:
    return DataError(
        Phrase(QT_TRANSLATE_NOOP("Errors", "the table cannot be decoded as {encoding} ({reason} at "
                                 "byte {offset} of a block); choose the file's encoding (option "
                                 "encoding, e.g. 'cp1252' or 'latin-1')"),
               encoding=encoding, reason=exc.reason, offset=exc.start),
        path=path,
    )


_NO_COLUMNS = QT_TRANSLATE_NOOP("Errors", "the file has no columns; a table needs a header line")


def check_header(path: Path, frame: pd.DataFrame, line: int = 1) -> None:
    """Refuse tables without a header line, or with a column name used twice.

    :param line: the file line of the header (after skipped comment lines).
    """
    names = [str(c) for c in frame.columns]
    if not names:
        raise DataError(_NO_COLUMNS, path=path)
    # pandas renames a repeated name "x" to "x.1", "x.2"...
    bases = [n.rsplit(".", 1)[0] if re.match(r".+\.\d+$", n) and n.rsplit(".", 1)[0] in names
             else n for n in names]
    if all(_NUMBER_RE.match(n) for n in bases):
        raise DataError(
            QT_TRANSLATE_NOOP("Errors", "the header line looks like data, not column names; add a "
                              "line naming the columns (for example: date,value)"),
            path=path,
            where=at_line(line),
        )
    dupes = sorted({b for b, n in zip(bases, names, strict=True) if b != n})
    if dupes:
        raise DataError(
            Phrase(QT_TRANSLATE_NOOP("Errors", "column name {name!r} appears more than once; give "
                                     "each column its own name"), name=dupes[0]),
            path=path,
            where=at_line(line),
        )


def _clean_names(columns: Iterable[Any]) -> list[Any]:
    """Header names without surrounding spaces; a blank name becomes ``column N`` and a repeated one
    gets `` (2)``, so every column can be picked by its name. Single quotes around every name
    (``'GPA' 'TUCE'``, as some exports write them) are taken off."""
    columns = [c.strip() if isinstance(c, str) else c for c in columns]
    if columns and all(isinstance(c, str) and len(c) > 2 and c[0] == c[-1] == "'" for c in columns):
        columns = [c[1:-1] for c in columns]
    out: list[Any] = []
    for i, c in enumerate(columns):
        name = c.strip() if isinstance(c, str) else c
        if isinstance(name, str) and not name:
            name = f"column {i + 1}"
        base, n = name, 1
        while name in out:
            n += 1
            name = f"{base} ({n})"
        out.append(name)
    return out
