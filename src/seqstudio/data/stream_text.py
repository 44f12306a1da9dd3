"""A text larger than memory as a language-model dataset, read from disk block by block.

One pass counts every token (characters: by code point with numpy; words: lower-cased, ASCII
punctuation stripped and split at whitespace, as ``TextVectorization``'s standard does) and
records where each block starts in bytes and in tokens. The vocabulary is then chosen as the
in-memory loader chooses it (most frequent first, ties broken by the token as Keras does,
``vocab=None`` covering the text), so a file gives the same tokens, ids and windows whether it
streams or not. Training encodes each block again with a lookup table (:class:`TextStream`).
"""

from __future__ import annotations

import bisect
import codecs
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from seqstudio.data import text_defaults
from seqstudio.data.dataset import Dataset, HeadSpec, InputSpec, Windows, token_dtype
from seqstudio.data.files import bom_encoding, detect_encoding
from seqstudio.data.options import DataOptions, default_level
from seqstudio.data.stream import (
    Progress,
    Reporter,
    SequenceStream,
    block_bounds,
    sample_note,
    sample_range,
)
from seqstudio.data.windows import next_token_windows, split_point
from seqstudio.errors import DataError, Note, Phrase, at_byte
from seqstudio.i18n import QT_TRANSLATE_NOOP

OOV_TOKEN = "[UNK]"
#: what ``lower_and_strip_punctuation`` removes (the ASCII punctuation of Keras' regex)
PUNCTUATION = b"!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~'"


def words_of(text: str) -> list[bytes]:
    """Word tokens as ``TextVectorization`` makes them: ASCII lower case, punctuation removed,
    split at whitespace (UTF-8 bytes)."""
    return text.encode("utf-8").lower().translate(None, PUNCTUATION).split()


def code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), "<u4")


@dataclass
class TextStream(SequenceStream):
    """Token ids of a text file, block by block. ``blocks[i]`` is ``(first byte, end byte)`` and
    ``tokens_before[i]`` the tokens in the blocks before it."""

    encoding: str = "utf-8"
    level: str = "char"
    blocks: list[tuple[int, int]] = field(default_factory=list)
    tokens_before: list[int] = field(default_factory=list)
    #: char level: id by code point (the last entry is [UNK], for code points beyond the table)
    char_ids: np.ndarray | None = None
    #: word level: id by word (UTF-8 bytes)
    word_ids: dict[bytes, int] = field(default_factory=dict)

    def decode(self, index: int, raw: bytes) -> str:
        return decode_block(Path(self.path), raw, self.encoding, self.blocks[index][0], index == 0)

    def encode(self, text: str) -> np.ndarray:
        dtype = np.dtype(self.dtype)
        if self.level == "char":
            table = self.char_ids
            # uint32 indices and a table in the ids' own dtype: 4 + 1 bytes a character in flight
            return table[np.minimum(code_points(text), np.uint32(len(table) - 1))]
        words = words_of(text)
        get = self.word_ids.get
        return np.fromiter((get(w, 1) for w in words), dtype, len(words))

    def read(self, start: int, stop: int):
        first = max(bisect.bisect_right(self.tokens_before, start) - 1, 0)
        with Path(self.path).open("rb") as fh:
            for i in range(first, len(self.blocks)):
                begin = self.tokens_before[i]
                if begin >= stop:
                    return
                a, b = self.blocks[i]
                fh.seek(a)
                ids = self.encode(self.decode(i, fh.read(b - a)))
                yield ids[max(start - begin, 0): stop - begin], None


def decode_block(path: Path, raw: bytes, encoding: str, offset: int, first: bool) -> str:
    if b"\0" in raw:
        at = offset + raw.index(b"\0")
        raise DataError(Phrase(QT_TRANSLATE_NOOP("Errors", "a NUL byte: this part of the file "
                                                 "is binary, not text; streaming reads plain "
                                                 "text only")), path=path, where=at_byte(at))
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DataError(Phrase(QT_TRANSLATE_NOOP(
            "Errors", "byte 0x{byte:02x} at offset {offset} cannot be decoded as {encoding}; "
            "choose the file's encoding (option encoding, e.g. 'cp1252' or 'latin-1')"),
            byte=raw[exc.start], offset=offset + exc.start, encoding=encoding),
            path=path, where=at_byte(offset + exc.start)) from None
    if first and text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def stream_encoding(path: Path, head: bytes, chosen: str | None) -> tuple[str, list[str]]:
    """The encoding a streamed text is read in: the chosen one, a BOM's, UTF-8, else detected
    from the head. UTF-16 and UTF-32 are refused (their line breaks are not single bytes)."""
    notes: list[str] = []
    name = chosen or bom_encoding(head) or "utf-8"
    if not chosen and name == "utf-8":
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.start < len(head) - 4:  # not merely a character cut at the end of the head
                detected = detect_encoding(head)
                if detected and codecs.lookup(detected).name != "utf-8":
                    name = detected
                    notes.append(Note(QT_TRANSLATE_NOOP(
                        "DatasetNotes", "the file is not UTF-8; decoded it as {encoding}, "
                        "detected from its first bytes; set encoding to choose another"),
                        encoding=detected))
    if codecs.lookup(name).name.startswith(("utf-16", "utf-32")):
        raise DataError(Phrase(QT_TRANSLATE_NOOP(
            "Errors", "a file this large is read from disk in blocks, which needs an encoding "
            "whose line breaks are single bytes, not {encoding}; convert it to UTF-8 (iconv -f "
            "{encoding} -t UTF-8)"), encoding=name), path=path)
    return name, notes


class _Counts:
    """Token counts gathered block by block."""

    def __init__(self, level: str) -> None:
        self.level = level
        self.chars = np.zeros(0, np.int64)
        self.words: Counter[bytes] = Counter()

    def add(self, text: str) -> int:
        if self.level == "char":
            cps = code_points(text)
            if not len(cps):
                return 0
            top = int(cps.max())
            if top >= len(self.chars):
                self.chars = np.concatenate([self.chars, np.zeros(top + 1 - len(self.chars),
                                                                  np.int64)])
            if top < 1 << 17:
                self.chars[: top + 1] += np.bincount(cps, minlength=top + 1)
            else:
                values, counts = np.unique(cps, return_counts=True)
                self.chars[values] += counts
            return len(cps)
        words = words_of(text)
        self.words.update(words)
        return len(words)

    def ranked(self) -> tuple[list, np.ndarray]:
        """Tokens by count, most frequent first, ties by the token from high to low (Keras'
        order); and their counts."""
        if self.level == "char":
            present = np.flatnonzero(self.chars)
            order = np.lexsort((present, self.chars[present]))[::-1]
            return [int(c) for c in present[order]], self.chars[present[order]]
        items = sorted(self.words.items(), key=lambda kv: (kv[1], kv[0]), reverse=True)
        return [w for w, _ in items], np.array([n for _, n in items], np.int64)


def stream_lm(path: Path, size: int, head: bytes, opts: DataOptions, threshold: int,
              progress: Progress | None = None) -> Dataset:
    """A language-model Dataset of a text file read from disk (see the module docstring)."""
    opts.level = opts.level or default_level("lm")
    every = opts.lm_targets == "every"
    T = opts.seq_len = opts.seq_len or text_defaults.LM_SEQ_LEN[opts.level]
    opts.stride = opts.stride or (T if every else 1)
    encoding, notes = stream_encoding(path, head, opts.encoding)
    opts.encoding = opts.encoding or encoding.replace("utf-8-sig", "utf-8")
    digest = hashlib.sha256()
    counts = _Counts(opts.level)
    blocks: list[tuple[int, int]] = []
    before = [0]
    report = Reporter(progress, size, "reading and counting tokens")

    def seen(raw: bytes) -> None:
        digest.update(raw)
        report.add(len(raw))

    for offset, raw in block_bounds(path, 0, size, utf8=codecs.lookup(encoding).name == "utf-8",
                                    on_block=seen):
        text = decode_block(path, raw, encoding, offset, not blocks)
        before.append(before[-1] + counts.add(text))
        blocks.append((offset, offset + len(raw)))
    total = before.pop()
    unit = "characters" if opts.level == "char" else "words"
    if total == 0 or (opts.level == "char" and not counts.chars[
            [c for c in np.flatnonzero(counts.chars) if not chr(c).isspace()]].any()):
        raise DataError(QT_TRANSLATE_NOOP("Errors", "the text has no characters other than "
                                          "whitespace; choose a file with text in it"), path=path)
    ranked, freq = counts.ranked()
    cap = text_defaults.cap_for(opts.level, opts.vocab)
    kept = max(cap - 2, 0)
    by_id = np.concatenate([[0, int(freq[kept:].sum())], freq[:kept]])
    if opts.vocab is None:
        size_v = text_defaults.covering_size(by_id, opts.level)
        by_id = np.concatenate([[0, int(by_id[1] + by_id[size_v:].sum())], by_id[2:size_v]])
        opts.vocab = len(by_id)
    V = len(by_id)
    chosen = ranked[: V - 2]
    tokens = ["", OOV_TOKEN] + ([chr(c) for c in chosen] if opts.level == "char"
                                else [w.decode("utf-8", "replace") for w in chosen])
    dtype = token_dtype(V)
    stream = TextStream(str(path), T, opts.stride, (0, 0), (0, 0), every_step=every,
                        dtype=dtype.name, encoding=encoding, level=opts.level, blocks=blocks,
                        tokens_before=before)
    if opts.level == "char":
        table = np.ones(int(max(chosen, default=0)) + 2, dtype)
        table[np.asarray(chosen, np.int64)] = np.arange(2, V)
        stream.char_ids = table
    else:
        stream.word_ids = {w: i for i, w in enumerate(chosen, start=2)}
    if total < T + 1:
        raise DataError(Phrase(QT_TRANSLATE_NOOP("Errors", "the text has only {n} {unit}, but one "
                                                 "sample needs {need} ({steps} steps and the next "
                                                 "token); use a longer text or a shorter "
                                                 "sequence length (seq_len)"),
                               n=total, unit=Phrase(unit), need=T + 1, steps=T), path=path)
    split, split_notes = split_point(total, T + 1, opts.val_fraction, unit=unit, path=path)
    stream.train, stream.val = (0, split), (split, total)
    if progress is not None:
        progress(1.0, "reading a sample of each part")
    train_ids = _gather(stream, *sample_range(stream, "train"), dtype)
    val_ids = _gather(stream, *sample_range(stream, "val"), dtype)
    ids = np.concatenate([train_ids, val_ids])
    ids.flags.writeable = False
    a = len(train_ids)
    x_train, y_train = next_token_windows(ids[:a], T, opts.stride, every)
    x_val, y_val = next_token_windows(ids[a:], T, opts.stride, every)
    if text_defaults.input_kind(opts.input_kind, V) == "onehot":
        spec = InputSpec("onehot", T, vocab_size=V)
    else:
        spec = InputSpec("embedding", T, vocab_size=V, embed_dim=opts.embed_dim)
    opts.input_kind = spec.kind
    from seqstudio.data.text import lm_probe

    probe, probe_notes = lm_probe(ids, a, x_train, y_train, x_val, y_val, tokens, opts)
    oov = int(by_id[1])
    summary = {
        "task": "language model (next token)",
        "level": opts.level,
        f"{unit} in text": total,
        "vocabulary size": V,
        "vocabulary coverage": f"{100 * (1 - oov / total):.1f}% of {unit}",
        "out-of-vocabulary tokens": oov,
        "sequence length (T)": T,
        "targets": "the next token at every step" if every else "the token after the last step",
        "stride": opts.stride,
        "training samples": stream.count("train"),
        "validation samples": stream.count("val"),
        "read": "streamed from disk",
    }
    notes += split_notes
    notes.append(sample_note(stream, size, threshold, len(x_val)))
    if oov:
        notes.append(f"{oov} of {total} {unit} ({100 * oov / total:.1f}%) are not among the "
                     f"{V - 2} most frequent and map to {OOV_TOKEN}; raise vocab to keep more")
    ds = Dataset(
        task="lm", input_spec=spec, head=HeadSpec("softmax", V, per_step=every),
        x_train=x_train, y_train=y_train, x_val=x_val, y_val=y_val, probe=probe, tokens=tokens,
        level=opts.level, summary=summary, notes=notes + probe_notes,
        windows=Windows(ids, None, T, 1, opts.stride, (0, a), (a, len(ids)), every_step=every),
        stream=stream,
    )
    ds.source_sha256 = digest.hexdigest()
    return ds


def _gather(stream: TextStream, start: int, stop: int, dtype: np.dtype) -> np.ndarray:
    pieces = [ids for ids, _ in stream.read(start, stop)]
    return np.concatenate(pieces).astype(dtype, copy=False) if pieces else np.zeros(0, dtype)
