"""Reading CSV/TSV tables with pandas and working out which column is which.

pandas does the parsing (quoting, dtypes, encodings); this module only turns its exceptions into
:class:`DataError` messages that name the file and line, and guesses column roles so that a
typical file loads with no options.
"""

from __future__ import annotations

import difflib
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from seqstudio.data.files import detect_encoding, read_head
from seqstudio.data.formats import WHITESPACE
from seqstudio.data.issues import SOURCE_ATTR, ColumnIssue, mostly_numbers, numeric_issue
from seqstudio.data.timeaxis import NUMBER_RE, TimeAxis, detect_time_axis
from seqstudio.errors import DataError

TEXT_NAMES = ("text", "sentence", "sentences", "review", "content", "message", "body", "document")
LABEL_NAMES = ("label", "labels", "class", "category", "target", "sentiment", "y", "tag")
#: names of a column that only counts the rows (pandas writes its index as "" or "Unnamed: 0")
INDEX_NAMES = ("", "index", "idx", "id", "row", "rownum", "row number", "no", "nr", "#", "n",
               "obs", "level_0", "t", "step", "timestep", "time_step", "time", "period")
#: the name given to R's unnamed row-name column
ROW_NAMES = "row name"
_BLANK_NAME_RE = re.compile(r"^(unnamed: \d+|column \d+)$")
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
        notes.append(f"skipped {skip} comment line{'s' if skip > 1 else ''} at the top of the file")
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
        notes.append(f"the file is not UTF-8; decoded it as {detected}, detected from its content")
        chosen = detected
    except DataError:
        # statistics offices put a few lines about the series above the table (BLS, ONS...)
        preamble = _preamble_length(read_head(path), delimiter, skip)
        if not preamble:
            raise
        frame = _read_csv(path, delimiter, chosen, nrows, usecols, preamble)
        notes.append(f"skipped {preamble - skip} lines above the table, from "
                     f"{_first_text(read_head(path), skip)!r}; the table starts at line "
                     f"{preamble + 1}")
        skip = preamble
    check_header(path, frame, line=skip + 1)
    notes += _read_written_numbers(frame, decimal_comma=delimiter != ",")
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
    return 0


def _first_text(head: bytes, skip: int) -> str:
    lines = [line.strip() for line in head.decode("utf-8", errors="replace").split("\n")[skip:]]
    first = next((line for line in lines if line), "")
    return " ".join(first.split())[:40]


_DECIMAL_COMMA_RE = re.compile(r"^\s*[-+]?\d+(,\d+)?\s*$")
_THOUSANDS_RE = re.compile(r"^\s*[-+]?\d{1,3}(,\d{3})*(\.\d+)?\s*$")


def _read_written_numbers(frame: pd.DataFrame, *, decimal_comma: bool) -> list[str]:
    """Columns of numbers that pandas left as text because of how they are written become numbers
    in place, with a note: decimal commas (``12,5``) in files delimited by ``;`` or tabs, as many
    European locales write them, and thousands separators (``"1,234.5"``) in comma files."""
    pattern = _DECIMAL_COMMA_RE if decimal_comma else _THOUSANDS_RE
    converted = []
    for col in frame.columns:
        series = frame[col]
        if _is_numeric(series) or not series.notna().any():
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
    how = "decimal commas (12,5 = 12.5)" if decimal_comma else "thousands separators (1,234 = 1234)"
    return [f"read {how} in {', '.join(map(repr, converted))}"]


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
                f"a line has more fields than the header's {len(frame.columns)}; every line "
                "needs the same number of fields, and text containing the delimiter must be "
                "quoted",
                path=path,
                where=f"line {line}" if line else None,
            )
        return frame
    except UnicodeDecodeError:
        raise
    except pd.errors.EmptyDataError:
        raise DataError("the file has no columns; a table needs a header line", path=path) from None
    except pd.errors.ParserError as exc:
        message = str(exc).strip().splitlines()[-1] if str(exc).strip() else "cannot parse"
        match = _LINE_RE.search(message)
        where = f"line {match.group(1)}" if match else None
        raise DataError(
            f"not a well-formed table ({message}); every line needs the same number of "
            "fields as the header, and text containing the delimiter must be quoted",
            path=path,
            where=where,
        ) from None
    except (ValueError, OverflowError, MemoryError) as exc:
        raise DataError(f"cannot parse the table: {exc}", path=path) from None


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
            if date_col is not None and not _is_numeric(chunk[date_col]):
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
        f"the table cannot be decoded as {encoding} ({exc.reason} at byte {exc.start} of a block); "
        "choose the file's encoding (option encoding, e.g. 'cp1252' or 'latin-1')",
        path=path,
    )


def check_header(path: Path, frame: pd.DataFrame, line: int = 1) -> None:
    """Refuse tables without a header line, or with a column name used twice.

    :param line: the file line of the header (after skipped comment lines).
    """
    names = [str(c) for c in frame.columns]
    if not names:
        raise DataError("the file has no columns; a table needs a header line", path=path)
    # pandas renames a repeated name "x" to "x.1", "x.2"...
    bases = [n.rsplit(".", 1)[0] if re.match(r".+\.\d+$", n) and n.rsplit(".", 1)[0] in names
             else n for n in names]
    if all(_NUMBER_RE.match(n) for n in bases):
        raise DataError(
            "the header line looks like data, not column names; add a line naming the columns "
            "(for example: date,value)",
            path=path,
            where=f"line {line}",
        )
    dupes = sorted({b for b, n in zip(bases, names, strict=True) if b != n})
    if dupes:
        raise DataError(
            f"column name {dupes[0]!r} appears more than once; give each column its own name",
            path=path,
            where=f"line {line}",
        )


def find_column(path: Path, frame: pd.DataFrame, name: str, option: str) -> str:
    """``name`` if the table has it; otherwise DataError listing the columns and a close match."""
    if name in frame.columns:
        return name
    names = [str(c) for c in frame.columns]
    lowered = {n.lower().strip(): n for n in names}
    if name.lower().strip() in lowered:
        return lowered[name.lower().strip()]
    close = difflib.get_close_matches(name, names, n=1)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    raise DataError(
        f"there is no column {name!r} ({option}); the columns are: {', '.join(map(repr, names))}.{hint}",
        path=path,
        where=f"column {name!r}",
    )


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


def _is_numeric(series: pd.Series) -> bool:
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
    if not (blank or name in INDEX_NAMES) or not _is_numeric(series) or len(series) < 2:
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
               if c not in timed and c not in cols.empty and _is_numeric(frame[c])]
    cols.index = next((c for c in numeric if is_row_counter(frame, c)), None)
    cols.numeric = [c for c in numeric if c != cols.index]
    others = [str(c) for c in frame.columns
              if c not in timed and not _is_numeric(frame[c]) and frame[c].notna().any()]
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
    more = f" and {len(rows) - limit} more" if len(rows) > limit else ""
    return f"row{'s' if len(rows) > 1 else ''} {shown}{more}"


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
