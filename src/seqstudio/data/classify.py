"""Labelled text (a table with a text column and a label column) for classification.

Each text becomes ``T`` token ids from ``keras.layers.TextVectorization``, padded with 0 or truncated
at the end (the layer's ``output_sequence_length``), stored in the smallest dtype that holds the
vocabulary (:func:`~seqstudio.data.dataset.token_dtype`). The padding is masked in the model
(``InputSpec.mask_padding``): the recurrent layers skip it, so the state the head reads is the one
after the text's last token. Without options the vocabulary covers 95 % of the training texts'
words and ``T`` is near the 90th-percentile length (:mod:`~seqstudio.data.text_defaults`). Rows are not in time order, so the split is a
seeded, stratified shuffle: each class keeps its share in both parts, and the same file always
splits the same way.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from seqstudio import tasks
from seqstudio.data import text_defaults
from seqstudio.data.dataset import Dataset, InputSpec, Probe, display_token, token_dtype
from seqstudio.data.options import DataOptions, default_level
from seqstudio.data.tables import Columns, find_column, rows_text
from seqstudio.data.text import adapt, make_vectorizer, vocabulary
from seqstudio.errors import DataError, Note, Phrase, in_column
from seqstudio.i18n import QT_TRANSLATE_NOOP

SPLIT_SEED = 0


def build_classify(frame: pd.DataFrame, cols: Columns, opts: DataOptions, path: Path | None) -> Dataset:
    """``opts.level`` None becomes "word" (recorded in ``opts``, hence ``Dataset.options``)."""
    opts.level = opts.level or default_level("classify")
    text_col, label_col = _choose_columns(frame, cols, opts, path)
    opts.text_column, opts.label_column = text_col, label_col
    notes: list[str] = []
    labels = frame[label_col]
    missing = np.flatnonzero(labels.isna().to_numpy())
    if len(missing):
        notes.append(Note(QT_TRANSLATE_NOOP("DatasetNotes", "dropped {n} rows with no label "
                                            "({rows})"), n=len(missing), rows=rows_text(missing)))
    keep = ~labels.isna().to_numpy()
    texts = frame[text_col].where(frame[text_col].notna(), "").astype(str).to_numpy()[keep]
    label_text = labels[keep].map(_label_name).to_numpy()
    if len(texts) == 0:
        raise DataError(Phrase(QT_TRANSLATE_NOOP("Errors", "column {name!r} has no labels"),
                               name=label_col), path=path, where=in_column(label_col))
    class_names = sorted(set(label_text), key=_natural_key)
    if len(class_names) < 2:
        raise DataError(
            Phrase(QT_TRANSLATE_NOOP("Errors", "the label column {name!r} has only one class "
                                     "({label!r}); a classifier needs at least two, so add "
                                     "examples of another class or choose another label_column"),
                   name=label_col, label=class_names[0]),
            path=path,
            where=in_column(label_col),
        )
    index = {name: i for i, name in enumerate(class_names)}
    y = np.array([index[v] for v in label_text], dtype=np.int32)
    train_rows, val_rows = _stratified_split(y, opts.val_fraction)

    import tensorflow as tf

    lengths = _token_counts(texts, opts.level)
    if opts.seq_len is None:
        opts.seq_len = text_defaults.classify_seq_len(lengths[train_rows])
    T = opts.seq_len
    layer = make_vectorizer(opts.level, text_defaults.cap_for(opts.level, opts.vocab), seq_len=T)
    adapt(layer, [texts[i] for i in train_rows])
    tokens = vocabulary(layer)
    x = layer(tf.constant(texts)).numpy()
    if opts.vocab is None:
        train_ids = np.asarray(x[train_rows]).reshape(-1)
        size = text_defaults.covering_size(np.bincount(train_ids, minlength=len(tokens)),
                                           opts.level, text_defaults.CLASSIFY_MIN_COUNT)
        x, tokens = text_defaults.shrink(x, tokens, size)
        opts.vocab = len(tokens)
    V = len(tokens)
    x = x.astype(token_dtype(V))
    truncated = int(np.count_nonzero(lengths > T))
    if truncated:
        notes.append(Note(QT_TRANSLATE_NOOP("DatasetNotes", "{n} texts are longer than {steps} "
                                            "tokens and were truncated"), n=truncated, steps=T))
    oov = int(np.count_nonzero(x == 1))
    real = int(np.count_nonzero(x))
    counts = np.bincount(y, minlength=len(class_names))
    balance = ", ".join(
        f"{name} {c} ({100 * c / len(y):.0f}%)" for name, c in zip(class_names, counts, strict=True)
    )
    if text_defaults.input_kind(opts.input_kind, V) == "onehot":
        spec = InputSpec("onehot", T, vocab_size=V, mask_padding=True)
    else:
        spec = InputSpec("embedding", T, vocab_size=V, embed_dim=opts.embed_dim,
                         mask_padding=True)
    opts.input_kind = spec.kind
    x_val, y_val = x[val_rows], y[val_rows]
    probe_x, probe_y, part = (x_val, y_val, "val") if len(x_val) else (x[train_rows], y[train_rows], "train")
    if part == "train":
        notes.append(QT_TRANSLATE_NOOP("DatasetNotes", "no validation part, so the probe sample "
                                       "comes from the training part"))
    probe = Probe(
        x=np.array(probe_x[:1], dtype=np.int32),
        step_labels=[display_token(tokens[int(i)]) for i in probe_x[0]],
        target_label=class_names[int(probe_y[0])],
        index=0,
    )
    summary = {
        "task": "classification",
        "text column": text_col,
        "label column": label_col,
        "texts": len(y),
        "classes": len(class_names),
        "class balance": balance,
        "level": opts.level,
        "vocabulary size": V,
        "vocabulary coverage": f"{100 * (1 - oov / max(real, 1)):.1f}% of tokens",
        "sequence length (T)": T,
        "texts truncated": truncated,
        "median tokens per text": float(np.median(lengths)) if len(lengths) else 0.0,
        "training samples": len(train_rows),
        "validation samples": len(val_rows),
    }
    return Dataset(
        task="classify",
        input_spec=spec,
        head=tasks.get("classify").head(len(class_names)),
        x_train=x[train_rows],
        y_train=y[train_rows],
        x_val=x_val,
        y_val=y_val,
        probe=probe,
        tokens=tokens,
        class_names=class_names,
        level=opts.level,
        summary=summary,
        notes=notes,
    )


def _choose_columns(frame, cols: Columns, opts: DataOptions, path) -> tuple[str, str]:
    text_col = find_column(path, frame, opts.text_column, "text_column") if opts.text_column else cols.text
    label_col = (
        find_column(path, frame, opts.label_column, "label_column") if opts.label_column else cols.label
    )
    names = ", ".join(map(repr, frame.columns))
    if text_col is None:
        raise DataError(
            Phrase(QT_TRANSLATE_NOOP("Errors", "found no column of text (the columns are "
                                     "{names}); name it with text_column"), names=names),
            path=path,
        )
    if label_col is None or label_col == text_col:
        others = [c for c in frame.columns if c != text_col]
        if len(others) == 1 and label_col is None:
            label_col = str(others[0])
        else:
            raise DataError(
                Phrase(QT_TRANSLATE_NOOP("Errors", "found no label column next to the text "
                                         "column {name!r} (the columns are {names}); name it "
                                         "with label_column"), name=text_col, names=names),
                path=path,
            )
    return str(text_col), str(label_col)


def _label_name(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _natural_key(name: str):
    try:
        return (0, float(name), name)
    except ValueError:
        return (1, 0.0, name)


def _stratified_split(y: np.ndarray, val_fraction: float) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(SPLIT_SEED)
    train, val = [], []
    for c in np.unique(y):
        rows = rng.permutation(np.flatnonzero(y == c))
        n_val = int(round(len(rows) * val_fraction))
        if val_fraction > 0 and n_val == 0 and len(rows) > 1:
            n_val = 1
        val.append(rows[:n_val])
        train.append(rows[n_val:])
    return np.sort(np.concatenate(train)), np.sort(np.concatenate(val))


def _token_counts(texts: np.ndarray, level: str) -> np.ndarray:
    """Tokens per text before padding/truncation (for the summary)."""
    if level == "char":
        return np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    return np.fromiter((len(t.split()) for t in texts), dtype=np.int64, count=len(texts))
