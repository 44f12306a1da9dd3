"""Labelled text from a CSV/TSV: column detection, class names, padding, stratified split."""

from __future__ import annotations

import numpy as np
import pytest

from seqstudio.data import SAMPLES, DataOptions, load_dataset, preview
from seqstudio.errors import DataError

ROWS = [("the film was wonderful and warm", "pos"), ("a dull and boring evening", "neg"),
        ("what a lovely day", "pos"), ("I hated the noisy room", "neg")] * 10


def write_csv(path, header, rows, sep=","):
    lines = [sep.join(header)] + [sep.join(map(str, r)) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_columns_detected_and_classes_kept(tmp_path):
    path = write_csv(tmp_path / "reviews.csv", ["id", "review", "sentiment"],
                     [(i, t, label) for i, (t, label) in enumerate(ROWS)])
    ds = load_dataset(path, level="word", seq_len=6)
    assert ds.task == "classify"
    assert ds.options["text_column"] == "review" and ds.options["label_column"] == "sentiment"
    assert ds.class_names == ["neg", "pos"]
    assert ds.head.units == 2 and ds.x_train.shape[1] == 6
    assert "neg 20 (50%)" in ds.summary["class balance"]
    # padded with 0 at the end, truncated to T
    first = [ds.tokens[i] for i in ds.x_train[0] if i]
    assert len(first) <= 6
    short = ds.x_train[(ds.x_train == 0).any(axis=1)][0]
    assert short[-1] == 0


def test_overrides_and_tsv(tmp_path):
    path = write_csv(tmp_path / "data.tsv", ["a", "b", "c"],
                     [(t, label, "x") for t, label in ROWS], sep="\t")
    ds = load_dataset(path, text_column="a", label_column="b")
    assert ds.class_names == ["neg", "pos"]
    assert ds.summary["text column"] == "a"


def test_split_is_stratified_and_reproducible(tmp_path):
    path = write_csv(tmp_path / "r.csv", ["text", "label"], ROWS)
    a, b = load_dataset(path), load_dataset(path)
    np.testing.assert_array_equal(a.y_val, b.y_val)
    assert sorted(np.bincount(a.y_val).tolist()) == [4, 4]
    assert a.probe.target_label in a.class_names
    assert a.n_train + a.n_val == len(ROWS)


def test_tf_pipeline_for_classification(tmp_path):
    path = write_csv(tmp_path / "r.csv", ["text", "label"], ROWS)
    ds = load_dataset(path)
    xs = np.concatenate([x.numpy() for x, _ in ds.tf_dataset("train", 8)])
    np.testing.assert_array_equal(xs, ds.x_train)


def test_numeric_labels_and_missing_labels(tmp_path):
    rows = [(t, 1 if label == "pos" else 0) for t, label in ROWS] + [("no label here at all", "")]
    path = write_csv(tmp_path / "r.csv", ["text", "label"], rows)
    ds = load_dataset(path)
    assert ds.class_names == ["0", "1"]
    assert any("no label" in n for n in ds.notes)


def test_preview_of_labelled_text_needs_no_tensorflow(tmp_path):
    import subprocess
    import sys

    path = write_csv(tmp_path / "r.csv", ["text", "label"], ROWS)
    code = (
        "import sys; from seqstudio.data import preview; p = preview(sys.argv[1], max_lines=5);"
        "assert p.kind == 'table' and p.task == 'classify' and len(p.table) == 5, p;"
        "assert p.columns['text'] == 'text' and p.columns['label'] == 'label';"
        "assert 'tensorflow' not in sys.modules and 'keras' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code, str(path)], check=True)
    assert preview(path).task == "classify"


def test_missing_label_column_named(tmp_path):
    path = write_csv(tmp_path / "r.csv", ["text", "label"], ROWS)
    with pytest.raises(DataError, match=r"no column 'lable'.*Did you mean 'label'"):
        load_dataset(path, label_column="lable")


def test_level_defaults_to_words_for_classification(tmp_path):
    path = write_csv(tmp_path / "r.csv", ["text", "label"], ROWS)
    ds = load_dataset(path)
    assert ds.level == "word" and ds.options["level"] == "word" and ds.summary["level"] == "word"
    assert "wonderful" in ds.tokens and ds.summary["texts truncated"] == 0
    assert ds.x_train.dtype == np.uint8 and ds.y_train.dtype == np.int32
    # the resolved level is recorded, so the options rebuild the same dataset
    again = load_dataset(ds.source, DataOptions(**ds.options))
    assert again.level == "word" and again.tokens == ds.tokens
    # an explicit level wins
    chars = load_dataset(path, level="char", seq_len=20)
    assert chars.level == chars.options["level"] == "char" and "w" in chars.tokens
    assert chars.summary["texts truncated"] > 0


def test_bundled_sentences_are_not_truncated_by_default():
    ds = load_dataset(SAMPLES["sentences"])
    assert ds.task == "classify" and ds.level == "word"
    assert ds.summary["texts truncated"] == 0
    assert not any("truncated" in n for n in ds.notes)
