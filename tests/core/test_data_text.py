"""Text for language modelling: tokens, vocabulary, next-token samples, encodings, the probe."""

from __future__ import annotations

import numpy as np
import pytest

from seqstudio.data import DataOptions, load_dataset
from seqstudio.data.dataset import token_dtype
from seqstudio.errors import DataError

TEXT = "I am a boy. You are a girl. He is a student.\n" * 20


@pytest.fixture
def text_file(tmp_path):
    path = tmp_path / "corpus.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_char_level_next_token_at_every_step(text_file):
    ds = load_dataset(text_file)
    assert ds.task == "lm" and ds.level == "char"
    T = ds.input_spec.seq_len
    assert T == ds.options["seq_len"] == 40 and ds.input_spec.kind == "onehot"
    assert ds.head.kind == "softmax" and ds.head.units == ds.input_spec.vocab_size == len(ds.tokens)
    assert ds.head.per_step and ds.options["lm_targets"] == "every"
    assert ds.tokens[:2] == ["", "[UNK]"]
    # ids in the smallest dtype that holds the vocabulary; the probe stays int32
    assert ds.x_train.shape[1] == T and ds.x_train.dtype == np.uint8 == ds.y_train.dtype
    assert ds.windows.data.dtype == np.uint8 and ds.probe.x.dtype == np.int32
    # y is the window one token later: the next token at every step
    assert ds.y_train.shape == ds.x_train.shape
    np.testing.assert_array_equal(ds.y_train[0][:-1], ds.x_train[0][1:])
    text = "".join(ds.tokens[i] for i in ds.x_train[0]) + ds.tokens[ds.y_train[0][-1]]
    assert text == TEXT[: T + 1]
    # the windows do not overlap: sample i+1 starts where sample i ends
    assert ds.options["stride"] == T
    assert ds.x_train[1][0] == ds.y_train[0][-1]
    np.testing.assert_array_equal(ds.x_train[1], ds.windows.data[T : 2 * T])


def test_last_step_target_is_still_available(text_file):
    ds = load_dataset(text_file, lm_targets="last", seq_len=20)
    T = 20
    assert not ds.head.per_step and ds.y_train.shape == (ds.n_train,)
    text = "".join(ds.tokens[i] for i in ds.x_train[0]) + ds.tokens[ds.y_train[0]]
    assert text == TEXT[: T + 1]
    # sample i+1 starts one token later (stride 1)
    assert ds.options["stride"] == 1
    assert (ds.x_train[1][:-1] == ds.x_train[0][1:]).all()
    assert ds.x_train[3][-1] == ds.y_train[2]


def test_word_level_and_embedding_spec(text_file):
    ds = load_dataset(text_file, level="word", seq_len=5, input_kind="embedding", embed_dim=8)
    assert ds.input_spec.kind == "embedding" and ds.input_spec.embed_dim == 8
    words = [ds.tokens[i] for i in ds.x_train[0]]
    assert words == ["i", "am", "a", "boy", "you"]
    assert ds.tokens[ds.y_train[0][-1]] == "are"


def test_vocabulary_capped_with_oov(tmp_path):
    path = tmp_path / "abc.txt"
    path.write_text("aaaaaaaabbbbbbbccccccddddeef" * 10, encoding="utf-8")
    ds = load_dataset(path, vocab=5, seq_len=4)
    assert ds.tokens == ["", "[UNK]", "a", "b", "c"]
    assert (ds.x_train == 1).any()  # d, e, f are out of vocabulary
    assert ds.summary["out-of-vocabulary tokens"] == 70
    assert any("[UNK]" in note for note in ds.notes)


def test_split_is_chronological_without_straddling(text_file):
    ds = load_dataset(text_file, seq_len=10, stride=3)
    w = ds.windows
    assert w.train[1] == w.val[0]
    ids = w.data
    last_train_start = (ds.n_train - 1) * 3
    assert last_train_start + 10 < w.train[1]  # its target is still in the training part
    assert (ds.x_val[0] == ids[w.val[0] : w.val[0] + 10]).all()
    assert not ds.x_train.flags.writeable


@pytest.mark.parametrize("lm_targets", ["every", "last"])
def test_tf_pipeline_matches_numpy_windows(text_file, lm_targets):
    ds = load_dataset(text_file, seq_len=7, stride=2, lm_targets=lm_targets)
    x_spec, _ = ds.tf_dataset("train", 32).element_spec
    assert tuple(x_spec.shape) == (None, 7) and x_spec.dtype.name == "uint8"  # T is static
    for part, x, y in (("train", ds.x_train, ds.y_train), ("val", ds.x_val, ds.y_val)):
        xs, ys = zip(*[(bx.numpy(), by.numpy()) for bx, by in ds.tf_dataset(part, 32)], strict=True)
        np.testing.assert_array_equal(np.concatenate(xs), x)
        np.testing.assert_array_equal(np.concatenate(ys), y)


def test_probe_is_deterministic_and_labelled(text_file):
    a, b = load_dataset(text_file), load_dataset(text_file)
    assert a.probe.index == b.probe.index
    np.testing.assert_array_equal(a.probe.x, b.probe.x)
    assert a.probe.x.shape == (1, a.input_spec.seq_len)
    assert len(a.probe.step_labels) == a.input_spec.seq_len
    # the probe comes from the validation part and starts at a line or word boundary
    np.testing.assert_array_equal(a.probe.x[0], a.x_val[a.probe.index])
    assert a.probe.step_labels == a.step_labels("val", a.probe.index)
    assert "␣" in a.probe.step_labels  # spaces are visible


def test_level_defaults_to_characters_for_language_models(text_file):
    assert DataOptions().level is None  # "by task"
    ds = load_dataset(text_file)
    assert ds.level == ds.options["level"] == ds.summary["level"] == "char"
    assert load_dataset(text_file, level="word").options["level"] == "word"


def test_options_rebuild_the_same_dataset(text_file):
    ds = load_dataset(text_file, seq_len=8)
    again = load_dataset(ds.source, DataOptions(**ds.options))
    assert again.tokens == ds.tokens
    np.testing.assert_array_equal(again.x_val, ds.x_val)
    assert len(ds.source_sha256) == 64


def test_cp1252_is_detected(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(("Café au lait, crème brûlée, déjà vu. " * 30).encode("cp1252"))
    ds = load_dataset(path)
    assert "é" in ds.tokens
    assert any("not UTF-8" in n for n in ds.notes)
    assert ds.options["encoding"] not in (None, "utf-8")


def test_chosen_encoding_and_bom(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_text("Grüße aus Köln. " * 10, encoding="utf-16")
    assert "ß" in load_dataset(path).tokens
    latin = tmp_path / "latin1.txt"
    latin.write_bytes(("naïve " * 20).encode("latin-1"))
    assert "ï" in load_dataset(latin, encoding="latin-1").tokens


def test_undecodable_bytes_with_chosen_encoding_name_the_line(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"first line is fine\nsecond \xff\xfe line\n" + b"more text " * 10)
    with pytest.raises(DataError, match=r"line 2") as info:
        load_dataset(path, encoding="utf-8")
    assert "bad.txt" in str(info.value) and "encoding" in str(info.value)


def test_windows_line_endings_are_normalised(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"one two three\r\n" * 10)
    assert "\r" not in load_dataset(path).tokens


def test_val_fraction_zero_takes_probe_from_training(text_file):
    ds = load_dataset(text_file, val_fraction=0.0)
    assert ds.n_val == 0 and ds.probe.x.shape == (1, ds.input_spec.seq_len)
    assert any("training part" in n for n in ds.notes)


def test_token_dtype_is_the_smallest_that_holds_the_vocabulary():
    assert token_dtype(3) == token_dtype(256) == np.uint8
    assert token_dtype(257) == token_dtype(65_536) == np.uint16
    assert token_dtype(65_537) == np.int32


def test_large_vocabulary_uses_uint16_and_keeps_every_id(tmp_path):
    # 400 distinct characters at char level: ids above 255 must survive (no uint8 wrap-around)
    alphabet = "".join(chr(0x4E00 + i) for i in range(400))
    path = tmp_path / "many.txt"
    path.write_text(alphabet * 3, encoding="utf-8")
    ds = load_dataset(path, vocab=1000, seq_len=5)
    assert len(ds.tokens) == 402 and ds.windows.data.dtype == np.uint16
    assert ds.windows.data.max() > 255
    assert "".join(ds.tokens[i] for i in ds.windows.data) == alphabet * 3


def test_encoding_in_chunks_matches_one_piece(monkeypatch):
    from seqstudio.data import text as text_mod

    whole = {level: text_mod.encode_text(TEXT, level, 100) for level in ("char", "word")}
    monkeypatch.setattr(text_mod, "CHUNK_CHARS", 7)  # many chunks, cut mid-word at char level
    assert len(list(text_mod.chunks(TEXT, "char"))) > 100
    for level, (ids, tokens) in whole.items():
        chunked, chunk_tokens = text_mod.encode_text(TEXT, level, 100)
        assert chunk_tokens == tokens and chunked.dtype == ids.dtype == np.uint8
        np.testing.assert_array_equal(chunked, ids)
    ids, tokens = whole["char"]
    assert "".join(tokens[i] for i in ids) == TEXT
    assert text_mod.count_id(ids, tokens.index("a"), block=5) == TEXT.count("a")


@pytest.mark.parametrize(("vocab", "input_kind"), [(100, "onehot"), (300, "embedding")])
def test_small_dtype_ids_feed_an_int32_keras_input(tmp_path, vocab, input_kind):
    """uint8/uint16 token ids go into the model as they are: fit (numpy and tf.data), predict,
    calling the model and the probe give what int32 ids give."""
    from seqstudio.model import build_model
    from seqstudio.plugins import get_registry

    path = tmp_path / "t.txt"
    path.write_text("".join(chr(0x4E00 + i % 280) for i in range(3000)) + TEXT, encoding="utf-8")
    ds = load_dataset(path, vocab=vocab, seq_len=6, input_kind=input_kind)
    assert ds.x_train.dtype == (np.uint8 if vocab <= 256 else np.uint16)
    built = build_model(ds.input_spec, ds.head, get_registry().cell_type("simple-rnn-tanh"),
                        {"units": 4})
    model = built.model
    model.fit(ds.x_train, ds.y_train, batch_size=256, epochs=1, verbose=0,
              validation_data=(ds.x_val, ds.y_val))
    model.fit(ds.tf_dataset("train", 256), epochs=1, verbose=0)
    x = ds.x_val[:8]
    as_int32 = np.asarray(x, np.int32)
    np.testing.assert_allclose(model.predict(x, verbose=0), model.predict(as_int32, verbose=0))
    np.testing.assert_allclose(np.asarray(model(x)), np.asarray(model(as_int32)), rtol=1e-6)
    small = model.evaluate(ds.x_val, ds.y_val, verbose=0, return_dict=True)
    wide = model.evaluate(np.asarray(ds.x_val, np.int32), np.asarray(ds.y_val, np.int32), verbose=0,
                          return_dict=True)
    for name in ("loss", "accuracy"):  # sparse cross-entropy and accuracy take uint8/uint16 labels
        np.testing.assert_allclose(small[name], wide[name], rtol=1e-6)
    np.testing.assert_allclose(built.probe(x[:1])[0], built.probe(as_int32[:1])[0], rtol=1e-6)
