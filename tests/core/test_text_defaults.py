"""Text options chosen from the file: a vocabulary that covers the text, T near the
90th-percentile length, an embedding for a large vocabulary."""

from __future__ import annotations

import numpy as np

from seqstudio.data import SAMPLES, load_dataset
from seqstudio.data import text_defaults as D


def test_covering_size_by_hand():
    # padding and [UNK] first, then 100 tokens' counts: 60, 20, 5, 5 and ten seen once
    counts = np.array([7, 0, 60, 20, 5, 5] + [1] * 10)
    # 95 of 100 need 60+20+5+5 and five of the ones: 9 tokens, plus padding and [UNK]
    assert D.covering_size(counts, "word") == 11
    assert D.covering_size(counts, "word", min_count=2) == 6  # the four seen twice or more
    assert D.covering_size(counts, "char") == len(counts)  # 99.9 % needs them all


def test_shrink_maps_the_rest_to_unknown():
    ids = np.array([2, 5, 3, 7, 0, 1], np.uint16)
    out, tokens = D.shrink(ids, ["", "[UNK]", "a", "b", "c", "d", "e", "f"], 4)
    assert out.dtype == np.uint8 and out.tolist() == [2, 1, 3, 1, 0, 1]
    assert tokens == ["", "[UNK]", "a", "b"]


def test_classify_length_near_the_90th_percentile():
    assert D.classify_seq_len(np.arange(1, 11)) == 10
    assert D.classify_seq_len(np.array([1, 1, 2])) == D.CLASSIFY_SEQ_LEN[0]
    assert D.classify_seq_len(np.array([1000] * 5)) == D.CLASSIFY_SEQ_LEN[1]


def test_word_level_vocabulary_covers_the_file_and_is_recorded():
    ds = load_dataset(SAMPLES["toy_grammar"], level="word")
    coverage = float(ds.summary["vocabulary coverage"].split("%")[0])
    assert coverage >= 95.0
    assert ds.options["vocab"] == len(ds.tokens) == ds.input_spec.vocab_size
    again = load_dataset(SAMPLES["toy_grammar"], level="word", vocab=ds.options["vocab"])
    assert again.tokens == ds.tokens  # the recorded size rebuilds the same vocabulary


def test_classification_defaults_from_the_texts():
    ds = load_dataset(SAMPLES["sentences"])
    lengths = [len(t.split()) for t in _texts(SAMPLES["sentences"])]
    # the 90th percentile of the training texts: between the 80th and the longest of all
    assert np.percentile(lengths, 80) <= ds.input_spec.seq_len <= max(lengths)
    assert ds.summary["sequence length (T)"] == ds.options["seq_len"] == ds.input_spec.seq_len
    assert ds.input_spec.kind == D.input_kind(None, ds.input_spec.vocab_size)
    assert ds.options["input_kind"] == ds.input_spec.kind


def _texts(path):
    import csv

    with open(path, newline="", encoding="utf-8") as f:
        return [row["text"] for row in csv.DictReader(f)]
