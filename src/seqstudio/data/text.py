"""Running text for language modelling: tokens, a capped vocabulary, next-token samples.

Tokenising and the vocabulary are ``keras.layers.TextVectorization``'s: the ``V`` most frequent tokens
(ties broken by the token, so the vocabulary is reproducible), id 0 for padding and id 1 for the
out-of-vocabulary token ``[UNK]``. Characters keep their case and punctuation (a character model
should see them); words are lower-cased with punctuation stripped, the layer's standard.

The text goes through the layer in chunks (:data:`CHUNK_CHARS` characters), streamed for ``adapt``
and then encoded chunk by chunk, so a 50 MB text never becomes 50 million TensorFlow strings, nor a
full-length int64 array, at once. The ids are stored in the smallest dtype that holds the
vocabulary (:func:`~seqstudio.data.dataset.token_dtype`: one byte per token up to 256 tokens); at
character level they are written straight into one preallocated array of the text's length.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np

from seqstudio import tasks
from seqstudio.data import text_defaults
from seqstudio.data.dataset import (
    Dataset,
    InputSpec,
    Probe,
    Windows,
    display_token,
    token_dtype,
)
from seqstudio.data.options import DataOptions, default_level
from seqstudio.data.windows import next_token_windows, split_point
from seqstudio.errors import DataError, Note, Phrase
from seqstudio.i18n import QT_TRANSLATE_NOOP

CHUNK_CHARS = 1 << 18  # 256K characters: ~12 MB of TensorFlow intermediates per chunk
OOV = "[UNK]"


def make_vectorizer(level: str, vocab: int, seq_len: int | None = None):
    """A TextVectorization layer for ``level`` ("char" or "word") capped at ``vocab`` tokens."""
    import keras

    return keras.layers.TextVectorization(
        max_tokens=vocab,
        standardize=None if level == "char" else "lower_and_strip_punctuation",
        split="character" if level == "char" else "whitespace",
        output_mode="int",
        output_sequence_length=seq_len,
        ragged=seq_len is None,
    )


def chunks(text: str, level: str, size: int | None = None) -> Iterator[str]:
    """Pieces of about ``size`` (default :data:`CHUNK_CHARS`) characters; word level cuts only at
    whitespace."""
    size = size or CHUNK_CHARS
    start = 0
    while start < len(text):
        stop = min(start + size, len(text))
        if level == "word" and stop < len(text):
            cut = max(text.rfind(" ", start, stop), text.rfind("\n", start, stop))
            if cut > start:
                stop = cut + 1
        yield text[start:stop]
        start = stop


def adapt(layer, pieces) -> None:
    """Build the vocabulary from an iterable of strings, streamed through tf.data one at a time.

    One piece per batch: batching 16 pieces of 1 MB made TensorFlow hold 16 million split
    characters at once (~400 MB for a 5 MB text), for no gain in speed.
    """
    import tensorflow as tf

    data = tf.data.Dataset.from_generator(
        lambda: iter(pieces), output_signature=tf.TensorSpec(shape=(), dtype=tf.string)
    ).batch(1)
    layer.adapt(data)


def vocabulary(layer) -> list[str]:
    return [str(t) for t in layer.get_vocabulary()]


def encode_text(text: str, level: str, vocab: int) -> tuple[np.ndarray, list[str]]:
    """Token ids (one per token, dtype :func:`token_dtype` of the vocabulary) and the vocabulary
    (id -> token)."""
    import tensorflow as tf

    layer = make_vectorizer(level, vocab)
    adapt(layer, list(chunks(text, level)) if len(text) < CHUNK_CHARS else _Chunks(text, level))
    tokens = vocabulary(layer)
    dtype = token_dtype(len(tokens))
    if level == "char":
        # Without standardisation every code point is one token, so the ids fit a preallocated
        # array of the text's length; each chunk's int64 ids live only until they are copied in.
        out = np.empty(len(text), dtype=dtype)
        pos = 0
        for piece in chunks(text, level):
            ids = layer(tf.constant([piece])).flat_values.numpy()
            out[pos : pos + len(ids)] = ids
            pos += len(ids)
            del ids
        return out[:pos], tokens
    # Word level: the number of words is known only after splitting, so each chunk is kept in the
    # small dtype and the pieces are joined once (words are several bytes of text each).
    pieces = []
    for piece in chunks(text, level):
        ids = layer(tf.constant([piece])).flat_values.numpy()
        pieces.append(ids.astype(dtype))
        del ids
    out = np.concatenate(pieces) if pieces else np.zeros(0, dtype)
    return out, tokens


def count_id(ids: np.ndarray, value: int, block: int | None = None) -> int:
    """How many of ``ids`` equal ``value``, in blocks so that no full-length mask is made."""
    block = block or CHUNK_CHARS
    return sum(
        int(np.count_nonzero(ids[i : i + block] == value)) for i in range(0, len(ids), block)
    )


class _Chunks:
    """Re-iterable chunks, so tf.data can walk the text without a list of copies."""

    def __init__(self, text: str, level: str) -> None:
        self.text, self.level = text, level

    def __iter__(self) -> Iterator[str]:
        return chunks(self.text, self.level)


def token_counts(ids: np.ndarray, size: int, block: int | None = None) -> np.ndarray:
    """How often each id in ``[0, size)`` occurs, in blocks (no full-length int64 copy)."""
    block = block or CHUNK_CHARS
    counts = np.zeros(size, np.int64)
    for i in range(0, len(ids), block):
        counts += np.bincount(ids[i : i + block], minlength=size)[:size]
    return counts


def choose_vocabulary(ids: np.ndarray, tokens: list[str], opts: DataOptions) -> tuple[
        np.ndarray, list[str]]:
    """With ``opts.vocab`` None, keep the tokens that cover the text (see
    :mod:`~seqstudio.data.text_defaults`) and record the size in ``opts.vocab``."""
    if opts.vocab is None:
        size = text_defaults.covering_size(token_counts(ids, len(tokens)), opts.level)
        ids, tokens = text_defaults.shrink(ids, tokens, size)
        opts.vocab = len(tokens)
    return ids, tokens


def build_lm(text: str, opts: DataOptions, path: Path | None) -> Dataset:
    """A next-token dataset: ``x`` is ``T`` token ids, ``y`` the ids one step later ``(T,)``
    (``lm_targets="every"``) or the id of the token after them (``"last"``).

    ``None`` options are resolved and recorded in ``opts``, hence ``Dataset.options``: level
    "char", the sequence length and vocabulary from :mod:`~seqstudio.data.text_defaults`, and the
    stride: ``seq_len`` (windows that do not overlap, as char-rnn) for a target at every step,
    else 1.
    """
    opts.level = opts.level or default_level("lm")
    every = opts.lm_targets == "every"
    T = opts.seq_len = opts.seq_len or text_defaults.LM_SEQ_LEN[opts.level]
    opts.stride = opts.stride or (T if every else 1)
    if not text or text.isspace():  # not text.strip(), which would copy the whole text
        raise DataError(
            QT_TRANSLATE_NOOP("Errors", "the text has no characters other than whitespace; choose "
                              "a file with text in it"),
            path=path,
        )
    ids, tokens = encode_text(text, opts.level, text_defaults.cap_for(opts.level, opts.vocab))
    ids, tokens = choose_vocabulary(ids, tokens, opts)
    unit = "characters" if opts.level == "char" else "words"
    if len(ids) < T + 1:
        raise DataError(
            Phrase(QT_TRANSLATE_NOOP("Errors", "the text has only {n} {unit}, but one sample needs "
                                     "{need} ({steps} steps and the next token); use a longer "
                                     "text or a shorter sequence length (seq_len)"),
                   n=len(ids), unit=Phrase(unit[:-1] if len(ids) == 1 else unit), need=T + 1,
                   steps=T),
            path=path,
        )
    split, notes = split_point(len(ids), T + 1, opts.val_fraction, unit=unit, path=path)
    ids.flags.writeable = False
    x_train, y_train = next_token_windows(ids[:split], T, opts.stride, every)
    x_val, y_val = next_token_windows(ids[split:], T, opts.stride, every)
    V = len(tokens)
    if text_defaults.input_kind(opts.input_kind, V) == "onehot":
        spec = InputSpec("onehot", T, vocab_size=V)
    else:
        spec = InputSpec("embedding", T, vocab_size=V, embed_dim=opts.embed_dim)
    opts.input_kind = spec.kind
    probe, probe_notes = lm_probe(ids, split, x_train, y_train, x_val, y_val, tokens, opts)
    oov = count_id(ids, 1)
    summary = {
        "task": "language model (next token)",
        "level": opts.level,
        f"{unit} in text": len(ids),
        "vocabulary size": V,
        "vocabulary coverage": f"{100 * (1 - oov / len(ids)):.1f}% of {unit}",
        "out-of-vocabulary tokens": oov,
        "sequence length (T)": T,
        "targets": "the next token at every step" if every else "the token after the last step",
        "stride": opts.stride,
        "training samples": len(x_train),
        "validation samples": len(x_val),
    }
    if oov:
        notes.append(Note(
            QT_TRANSLATE_NOOP("DatasetNotes", "{oov} of {n} {unit} ({share:.1f}%) are not among "
                              "the {kept} most frequent and map to {token}; raise vocab to keep "
                              "more"),
            oov=oov, n=len(ids), unit=Phrase(unit), share=100 * oov / len(ids), kept=V - 2,
            token=OOV))
    return Dataset(
        task="lm",
        input_spec=spec,
        head=tasks.get("lm").head(V, per_step=every),
        x_train=x_train,
        y_train=y_train,
        x_val=x_val,
        y_val=y_val,
        probe=probe,
        tokens=tokens,
        level=opts.level,
        summary=summary,
        notes=notes + probe_notes,
        windows=Windows(ids, None, T, 1, opts.stride, (0, split), (split, len(ids)),
                        every_step=every),
    )


def lm_probe(ids, split, x_train, y_train, x_val, y_val, tokens, opts):
    """The first validation sample that starts a line (char level: or a word); else the first."""
    notes: list[str] = []
    if len(x_val):
        x, y, offset = x_val, y_val, split
    else:
        x, y, offset = x_train, y_train, 0
        notes.append(QT_TRANSLATE_NOOP("DatasetNotes", "no validation part, so the probe sample "
                                       "comes from the training part"))
    index = 0
    if opts.level == "char" and len(x) > 1:
        starts = offset + np.arange(min(len(x), 2000)) * opts.stride
        prev = ids[np.maximum(starts - 1, 0)]
        newline = tokens.index("\n") if "\n" in tokens else -1
        space = tokens.index(" ") if " " in tokens else -1
        for wanted in (newline, space):
            hits = np.flatnonzero((prev == wanted) & (starts > 0)) if wanted >= 0 else []
            if len(hits):
                index = int(hits[0])
                break
    labels = [display_token(tokens[int(i)]) for i in x[index]]
    probe = Probe(
        x=np.array(x[index : index + 1], dtype=np.int32),
        step_labels=labels,
        target_label=display_token(tokens[int(np.asarray(y[index]).reshape(-1)[-1])]),
        index=index,
    )
    return probe, notes
