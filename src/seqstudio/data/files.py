"""Checks every file goes through before a parser sees it, and text decoding.

The order matters: a missing file, a directory, a file over a chosen size limit, an empty file and
a binary file are each refused here with a message that says what to do, so the parsers below only
ever meet readable text. Files of any size are accepted by default: those over the streaming
threshold are read from disk block by block (:mod:`seqstudio.data.stream`).
"""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

from seqstudio.errors import DataError, Note, Phrase, at_byte, at_line
from seqstudio.i18n import QT_TRANSLATE_NOOP

HEAD_BYTES = 64 * 1024
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control bytes that never appear in text files (tab, newlines, form feed and escape are allowed).
_CONTROL = set(range(0, 32)) - {9, 10, 12, 13, 27}
# The first bytes of files people pick by mistake, and what to do with each.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", QT_TRANSLATE_NOOP("Errors", "a PNG image, not data")),
    (b"\xff\xd8\xff", QT_TRANSLATE_NOOP("Errors", "a JPEG image, not data")),
    (b"GIF8", QT_TRANSLATE_NOOP("Errors", "a GIF image, not data")),
    (b"%PDF-", QT_TRANSLATE_NOOP("Errors", "a PDF document; copy its text or table into a .txt "
                                           "or .csv file")),
    (b"PK\x03\x04", QT_TRANSLATE_NOOP("Errors", "a ZIP archive (also .xlsx, .docx and .ods "
                                                "files); unpack it, or save a spreadsheet as CSV "
                                                "from the program that made it")),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
     QT_TRANSLATE_NOOP("Errors", "an old Office file (.xls or .doc); save it as CSV or text from "
                                 "the program that made it")),
    (b"\x1f\x8b", QT_TRANSLATE_NOOP("Errors", "gzip-compressed; decompress it first (gunzip)")),
    (b"BZh", QT_TRANSLATE_NOOP("Errors", "bzip2-compressed; decompress it first (bunzip2)")),
    (b"\xfd7zXZ\x00", QT_TRANSLATE_NOOP("Errors", "xz-compressed; decompress it first (unxz)")),
    (b"7z\xbc\xaf\x27\x1c", QT_TRANSLATE_NOOP("Errors", "a 7-Zip archive; unpack it first")),
    (b"PAR1", QT_TRANSLATE_NOOP("Errors", "a Parquet file; write it as CSV (pandas: "
                                          "read_parquet(...).to_csv(...))")),
    (b"SQLite format 3\x00", QT_TRANSLATE_NOOP("Errors", "an SQLite database; export a table as "
                                                        "CSV")),
    (b"\x93NUMPY", QT_TRANSLATE_NOOP("Errors", "a NumPy array file; write it as CSV "
                                              "(numpy.savetxt)")),
    (b"\x7fELF", QT_TRANSLATE_NOOP("Errors", "a program, not data")),
    (b"MZ", QT_TRANSLATE_NOOP("Errors", "a Windows program, not data")),
)


def human_size(n: int) -> str:
    size = float(n)
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{int(size)} bytes" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} bytes"  # pragma: no cover


def check_file(path: str | Path, max_bytes: int | None = None) -> tuple[Path, int]:
    """The path as a :class:`Path` and its size, or DataError for anything that is not a usable
    file (or one over ``max_bytes``, when a limit is given)."""
    p = Path(path).expanduser()
    if not p.exists():
        raise DataError(QT_TRANSLATE_NOOP("Errors", "no such file; check the name and the folder"),
                        path=p)
    if p.is_dir():
        raise DataError(QT_TRANSLATE_NOOP("Errors", "this is a folder, not a file; choose a .txt, "
                                          ".csv or .tsv file in it"), path=p)
    if not p.is_file():
        raise DataError(QT_TRANSLATE_NOOP("Errors", "not a regular file (a device or pipe?); save "
                                          "the data to a file"), path=p)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise DataError(_cannot_read(exc), path=p) from None
    if max_bytes is not None and size > max_bytes:
        raise DataError(
            Phrase(QT_TRANSLATE_NOOP("Errors", "the file is {size}, over the limit of {limit} set "
                                     "by the max_bytes option; raise or remove the limit, or use "
                                     "a shorter excerpt"),
                   size=human_size(size), limit=human_size(max_bytes)),
            path=p,
        )
    if size == 0:
        raise DataError(QT_TRANSLATE_NOOP("Errors", "the file is empty; choose a file with text or "
                                          "a table in it"), path=p)
    return p, size


def read_head(path: Path, n: int = HEAD_BYTES) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(n)
    except OSError as exc:
        raise DataError(_cannot_read(exc), path=path) from None


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DataError(_cannot_read(exc), path=path) from None
    except MemoryError:
        raise DataError(QT_TRANSLATE_NOOP("Errors", "not enough memory to read the file; use a "
                                          "shorter excerpt"), path=path) from None


def _cannot_read(exc: OSError) -> Phrase:
    return Phrase(QT_TRANSLATE_NOOP("Errors", "cannot read the file: {reason}"),
                  reason=exc.strerror or exc)


def bom_encoding(head: bytes) -> str | None:
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    return None


def check_not_binary(path: Path, head: bytes, encoding: str | None = None) -> None:
    """Refuse files whose first bytes are not text: NUL bytes or many control bytes.

    :param encoding: the encoding chosen for the file, if any; UTF-16 and UTF-32 text is full of
        NUL bytes, so it is not checked for them.
    """
    if bom_encoding(head) in ("utf-16", "utf-32"):
        return  # NUL bytes are normal there
    if encoding and codecs.lookup(encoding).name.startswith(("utf-16", "utf-32")):
        return
    sample = head[:8192]
    if not sample:
        return
    wide = _utf16_without_bom(sample)
    if wide is not None:
        raise DataError(
            Phrase(QT_TRANSLATE_NOOP("Errors", "this looks like UTF-16 text without a byte-order "
                                     "mark; choose its encoding: encoding='{wide}' (CLI: "
                                     "--encoding {wide})"), wide=wide),
            path=path,
        )
    kind = binary_kind(sample)
    if kind is not None:
        raise DataError(Phrase(QT_TRANSLATE_NOOP("Errors", "this is {kind}; seqstudio reads plain "
                                                 "text (.txt) and tables (.csv, .tsv)"),
                               kind=Phrase(kind)), path=path)
    nul = sample.find(b"\0")
    control = sum(1 for b in sample if b in _CONTROL)
    if nul >= 0 or control / len(sample) > 0.1:
        where = at_byte(nul) if nul >= 0 else None
        raise DataError(
            QT_TRANSLATE_NOOP("Errors", "this looks like a binary file, not text; open a "
                              "plain-text .txt, .csv or .tsv file (export it as text from the "
                              "program that made it)"),
            path=path,
            where=where,
        )


def _utf16_without_bom(sample: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when every other byte is NUL, as in mostly-ASCII UTF-16."""
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, chars, name in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros) and chars.count(0) <= 0.05 * len(chars):
            return name
    return None


def binary_kind(head: bytes) -> str | None:
    """What a file is, from its first bytes, when it is a well-known non-text format; else None."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            # "MZ" and "BZh" also begin ordinary words; only count them with control bytes after
            if len(magic) <= 3 and not any(b in _CONTROL for b in head[len(magic):64]):
                continue
            return kind
    return None


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def detect_encoding(head: bytes) -> str | None:
    """The most plausible encoding of ``head`` according to charset-normalizer, or ``None``."""
    from charset_normalizer import from_bytes

    try:
        best = from_bytes(head[:HEAD_BYTES]).best()
    except Exception:  # noqa: BLE001 - a detector failing is "no idea", not a crash
        return None
    return best.encoding if best is not None else None


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode_error(path: Path, data: bytes, encoding: str, exc: UnicodeDecodeError) -> DataError:
    line = _line_of(data, exc.start)
    return DataError(
        Phrase(QT_TRANSLATE_NOOP("Errors", "byte 0x{byte:02x} at offset {offset} cannot be "
                                 "decoded as {encoding}; choose the file's encoding (option "
                                 "encoding, e.g. 'cp1252' or 'latin-1'), or leave it unset to "
                                 "have it detected"),
               byte=data[exc.start], offset=exc.start, encoding=encoding),
        path=path,
        where=at_line(line),
    )


def decode_text(path: Path, data: bytes, encoding: str | None) -> tuple[str, str, list[str]]:
    """Decode ``data``: the chosen encoding, else a BOM, else UTF-8, else a detected encoding.

    :return: ``(text, encoding used, notes)``. Newlines are normalised to ``\\n``.
    """
    notes: list[str] = []
    if encoding is not None:
        candidates = [encoding]
    else:
        candidates = [bom_encoding(data) or "utf-8"]
    text: str | None = None
    used = candidates[0]
    try:
        text = data.decode(used)
    except UnicodeDecodeError as exc:
        if encoding is not None:
            raise decode_error(path, data, encoding, exc) from None
        first_error = exc
        detected = detect_encoding(data)
        if detected is None or codecs.lookup(detected).name == "utf-8":
            raise decode_error(path, data, "UTF-8", first_error) from None
        try:
            text = data.decode(detected)
        except UnicodeDecodeError:
            raise decode_error(path, data, "UTF-8", first_error) from None
        used = detected
        notes.append(Note(
            QT_TRANSLATE_NOOP("DatasetNotes", "the file is not UTF-8 (line {line}); decoded it as "
                              "{encoding}, detected from its content; set encoding to choose "
                              "another"),
            line=_line_of(data, first_error.start), encoding=detected))
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, used, notes
