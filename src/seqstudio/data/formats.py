"""Which reader a file gets: by extension first, then by content.

The built-in formats (plain text, CSV, TSV) are :class:`~seqstudio.spec.DataFormat` objects like a
plugin's, so there is one code path. Built-ins win over a plugin claiming the same extension, so a
plugin cannot silently change how ``.csv`` files load. A file whose extension nobody claims is
offered to every format's ``sniff`` function before it is refused.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from seqstudio.errors import DataError, Phrase
from seqstudio.i18n import QT_TRANSLATE_NOOP
from seqstudio.spec import DataFormat

if TYPE_CHECKING:  # pragma: no cover
    from seqstudio.plugins import Registry

TEXT_EXTENSIONS = (".txt", ".text", ".md")
CSV_EXTENSIONS = (".csv",)
TSV_EXTENSIONS = (".tsv", ".tab")
DELIMITERS = ",;\t|"
#: the delimiter of tables whose fields are separated by runs of spaces (R's write.table, many
#: scientific text tables); pandas reads it as a regular expression
WHITESPACE = r"\s+"


@dataclass(frozen=True)
class BuiltinFormat:
    """A format seqstudio reads itself (text through TextVectorization, tables through pandas),
    so, unlike a plugin's :class:`DataFormat`, it has no ``read`` function."""

    name: str
    label: str
    extensions: tuple[str, ...]
    plugin: str = "seqstudio"


BUILTIN_FORMATS = (
    BuiltinFormat("text", "Plain text", TEXT_EXTENSIONS),
    BuiltinFormat("csv", "Comma-separated table", CSV_EXTENSIONS),
    BuiltinFormat("tsv", "Tab-separated table", TSV_EXTENSIONS),
)


@dataclass(frozen=True)
class Resolved:
    """The outcome of format detection: a built-in kind or a plugin's format."""

    kind: str  # "text", "table" or "plugin"
    fmt: DataFormat | BuiltinFormat
    delimiter: str = ","


def supported_extensions(registry: Registry | None) -> list[str]:
    exts = [e for f in BUILTIN_FORMATS for e in f.extensions]
    if registry is not None:
        exts += [e for f in registry.data_formats() for e in f.extensions if e not in exts]
    return exts


def resolve_format(path: Path, head: bytes, head_text: str | None, registry: Registry | None) -> Resolved:
    """Choose the reader for ``path``.

    :param head: the first bytes of the file, for plugin sniffers.
    :param head_text: the same decoded, for the delimiter sniffer (``None`` if undecodable).
    """
    ext = path.suffix.lower()
    for fmt in BUILTIN_FORMATS:
        if ext in fmt.extensions:
            if fmt.name == "text":
                return Resolved("text", fmt)
            default = "\t" if fmt.name == "tsv" else ","
            return Resolved("table", fmt, sniff_delimiter(head_text or "", default))
    if registry is not None:
        fmt = registry.format_for_extension(ext) if ext else None
        if fmt is not None:
            return Resolved("plugin", fmt)
        for fmt in registry.data_formats():
            if fmt.sniff is None:
                continue
            try:
                if fmt.sniff(path, head):
                    return Resolved("plugin", fmt)
            except Exception:  # noqa: BLE001 - a broken sniffer just does not recognise the file
                continue
    listing = ", ".join(supported_extensions(registry))
    hint = next((h for exts, h in _HINTS if ext in exts), None)
    if hint is not None:
        raise DataError(
            Phrase(QT_TRANSLATE_NOOP("Errors", "unknown file type {ext!r}: {hint}; seqstudio reads "
                                     "{listing} (a data-format plugin may add more)"),
                   ext=ext, hint=Phrase(hint), listing=listing),
            path=path,
        )
    raise DataError(
        Phrase(QT_TRANSLATE_NOOP("Errors", "unknown file type {ext!r}; seqstudio reads {listing}. "
                                 "Rename the file if it is one of these, or install a data-format "
                                 "plugin for it"),
               ext=ext or "(no extension)", listing=listing),
        path=path,
    )


# What to do with the files people most often try instead of text or CSV.
_HINTS = (
    ((".xlsx", ".xlsm", ".xls", ".ods", ".numbers"),
     QT_TRANSLATE_NOOP("Errors", "a spreadsheet; save the sheet as CSV from the program that "
                                 "made it")),
    ((".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".svg"),
     QT_TRANSLATE_NOOP("Errors", "an image, not data")),
    ((".zip", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".tar"),
     QT_TRANSLATE_NOOP("Errors", "an archive or compressed file; unpack it and open the .txt "
                                 "or .csv inside")),
    ((".json", ".jsonl", ".xml", ".parquet", ".feather", ".h5", ".hdf5", ".npy", ".npz", ".pkl"),
     QT_TRANSLATE_NOOP("Errors", "a data format seqstudio does not read itself; write the "
                                 "table as CSV")),
    ((".pdf", ".doc", ".docx", ".odt", ".rtf", ".html", ".htm"),
     QT_TRANSLATE_NOOP("Errors", "a document; copy its text into a .txt file")),
)


def sniff_delimiter(text: str, default: str) -> str:
    """The extension's delimiter if the header line has it, else what :class:`csv.Sniffer` finds."""
    lines = [line for line in text.split("\n") if line.lstrip()[:1] not in ("#", ";", "%")]
    first = lines[0] if lines else ""
    if default in first:
        return default
    sample = "\n".join(lines[:20])
    if not any(d in first for d in DELIMITERS) and _space_separated(lines[:20]):
        return WHITESPACE
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        return default


def _space_separated(lines: list[str]) -> bool:
    """Whether the lines are a table of fields separated by spaces: at least two fields in the
    header, and every other line with as many (or one more: R writes row names without a header)."""
    rows = [line.split() for line in lines if line.strip()]
    if len(rows) < 2 or len(rows[0]) < 2:
        return False
    counts = {len(r) for r in rows[1:]}
    return counts <= {len(rows[0]), len(rows[0]) + 1} and len(counts) == 1
