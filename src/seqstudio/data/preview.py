"""A cheap look at a file for the GUI's open dialog: no TensorFlow, only the first lines.

The GUI calls :func:`preview` on its own thread while the person is still choosing, so it reads at
most :data:`~seqstudio.data.files.HEAD_BYTES` of a text or ``max_lines`` rows of a table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import pandas as pd

from seqstudio.data.columns import Columns, detect_columns
from seqstudio.data.columns import detect_task as task_of_columns
from seqstudio.data.files import (
    HEAD_BYTES,
    bom_encoding,
    check_file,
    check_not_binary,
    detect_encoding,
    read_head,
)
from seqstudio.data.formats import BUILTIN_FORMATS, resolve_format
from seqstudio.data.issues import ColumnIssue
from seqstudio.data.loader import read_plugin
from seqstudio.data.options import DataOptions
from seqstudio.data.tables import read_table

if TYPE_CHECKING:  # pragma: no cover
    from seqstudio.plugins import Registry


@dataclass
class Preview:
    """What the open dialog shows before anything is loaded.

    :param kind: ``"text"`` (``lines`` is filled) or ``"table"`` (``table`` holds the first rows).
    :param task: the task :func:`~seqstudio.data.load_dataset` would choose, or ``None`` if unclear.
    :param columns: detected roles: ``date`` (the time axis as ``date_column`` names it: a column,
        or ``"year+quarter"``), ``time_columns`` (the columns the time axis uses), ``numeric``
        (the columns that can be inputs, in file order), ``index`` (a column that only numbers the
        rows, or None), ``text``, ``label``.
    :param issues: columns of mostly numbers with cells that are not numbers, one
        :class:`~seqstudio.data.issues.ColumnIssue` each (found in the rows read, ``rows_checked``).
    """

    path: Path
    kind: Literal["text", "table"]
    task: str | None
    size_bytes: int
    format: str
    encoding: str = ""
    lines: list[str] = field(default_factory=list)
    table: pd.DataFrame | None = None
    columns: dict[str, object] = field(default_factory=dict)
    issues: list[ColumnIssue] = field(default_factory=list)


def preview(
    path: str | Path, *, max_lines: int = 50, registry: Registry | None = None
) -> Preview:
    """The first ``max_lines`` lines or rows of a file, its kind and its detected task.

    :raises DataError: for a missing, empty, binary, oversized or unknown file (as
        :func:`load_dataset` would).
    """
    # Only the head is read, so a file over the load limit still previews (a plugin reads all).
    p, size = check_file(path, 2**62)
    head = read_head(p)
    resolved = _resolve(p, head, registry)
    if resolved.kind == "plugin":
        check_file(p, DataOptions().max_bytes)
        content = read_plugin(p, resolved)
        if isinstance(content, str):
            return Preview(p, "text", "lm", size, resolved.fmt.label,
                           lines=content[:HEAD_BYTES].split("\n")[:max_lines])
        return _table_preview(p, size, resolved.fmt.label, content.head(max_lines), "")
    check_not_binary(p, head)
    if resolved.kind == "text":
        encoding = bom_encoding(head) or "utf-8"
        try:
            text = head.decode(encoding)
        except UnicodeDecodeError as exc:
            # The head may end inside a multi-byte character; only an earlier error counts.
            if exc.start < len(head) - 4:
                encoding = detect_encoding(head) or "utf-8"
            text = head.decode(encoding, errors="replace")
        text = text.lstrip("\ufeff").replace("\r\n", "\n")
        lines = text.split("\n")[:max_lines]
        return Preview(p, "text", "lm", size, resolved.fmt.label,
                       encoding=encoding.replace("utf-8-sig", "utf-8"), lines=lines)
    frame, encoding, _ = read_table(p, delimiter=resolved.delimiter, encoding=None, nrows=max_lines)
    return _table_preview(p, size, resolved.fmt.label, frame, encoding)


def _table_preview(p: Path, size: int, label: str, frame: pd.DataFrame, encoding: str) -> Preview:
    cols: Columns = detect_columns(frame)
    return Preview(
        p, "table", task_of_columns(cols), size, label,
        encoding=encoding.replace("utf-8-sig", "utf-8"),
        table=frame,
        columns={"date": cols.date, "time_columns": list(cols.time_columns),
                 "numeric": cols.numeric, "index": cols.index, "text": cols.text,
                 "label": cols.label},
        issues=list(cols.issues),
    )


def _resolve(p: Path, head: bytes, registry: Registry | None):
    builtin = any(p.suffix.lower() in f.extensions for f in BUILTIN_FORMATS)
    if registry is None and not builtin:
        from seqstudio.plugins import get_registry

        registry = get_registry()
    return resolve_format(p, head, head.decode("utf-8", errors="replace"), registry)


def sniff_kind(path: str | Path, *, registry: Registry | None = None) -> Literal["text", "table"]:
    """``"text"`` or ``"table"``, from the extension (and, for plugin formats, the content)."""
    p = Path(path)
    if p.is_file():
        head = read_head(p, 8192)
    else:
        head = b""
    resolved = _resolve(p, head, registry)
    if resolved.kind == "plugin":
        return preview(p, max_lines=5, registry=registry).kind
    return "text" if resolved.kind == "text" else "table"


def detect_task(path: str | Path, *, registry: Registry | None = None) -> str | None:
    """The task a default load would pick: ``lm``, ``classify``, ``forecast`` or ``None``."""
    return preview(path, max_lines=50, registry=registry).task
