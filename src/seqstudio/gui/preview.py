"""A cheap look at a file before it is loaded: first lines, a head table, numeric columns.

Pure Python (csv module), no pandas and no TensorFlow, so it is instant on the GUI thread.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

HEAD_BYTES = 64 * 1024
SERIES_BYTES = 4 * 2**20
MAX_ROWS = 50


@dataclass
class FilePreview:
    path: Path
    kind: str  # "text" or "table"
    lines: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    numeric: dict[str, list[float]] = field(default_factory=dict)
    text_columns: list[str] = field(default_factory=list)
    size: int = 0

    @property
    def suggested_task(self) -> str:
        if self.kind == "text":
            return "lm"
        return "classify" if self.text_columns else "forecast"


def _decode(raw: bytes) -> str:
    for encoding in ("utf-8", "cp1252", "latin-1"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", errors="replace")


def _float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def read_preview(path: str | Path, *, max_lines: int = MAX_ROWS) -> FilePreview:
    """Raises ``OSError`` when the file cannot be read."""
    path = Path(path)
    size = path.stat().st_size
    is_table = path.suffix.lower() in (".csv", ".tsv")
    with path.open("rb") as fh:
        raw = fh.read(SERIES_BYTES if is_table else HEAD_BYTES)
    if b"\x00" in raw[:4096]:
        raise OSError(f"{path.name} looks like a binary file, not text or CSV")
    text = _decode(raw)
    lines = text.splitlines()[:max_lines]
    if not is_table:
        return FilePreview(path, "text", lines=lines, size=size)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    if len(raw) == SERIES_BYTES:  # drop the partial last line
        text = text[: text.rfind("\n")]
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows = [row for row in reader if row]
    header, body = (rows[0], rows[1:]) if rows else ([], [])
    numeric: dict[str, list[float]] = {}
    text_columns: list[str] = []
    for c, name in enumerate(header):
        values = [row[c] if c < len(row) else "" for row in body]
        parsed = [_float(v) if v.strip() else float("nan") for v in values]
        bad = sum(p is None for p in parsed)
        if values and bad == 0:
            numeric[name] = [float(p) for p in parsed]  # type: ignore[arg-type]
        elif values and sum(len(v.split()) > 2 for v in values[:50]) > len(values[:50]) // 2:
            text_columns.append(name)
    return FilePreview(path, "table", lines=lines, header=header, rows=body[:max_lines],
                       numeric=numeric, text_columns=text_columns, size=size)
