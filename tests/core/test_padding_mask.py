"""Classification never reads past padding: the padded steps are masked through every recurrent
layer, in the unrolled fast path and in Keras' loop alike."""

from __future__ import annotations

import numpy as np
import pytest

from seqstudio.data import load_dataset
from seqstudio.model import build_model
from seqstudio.plugins import get_registry

TEXTS = [("the licence grants a copy of the work", "a"), ("you may not use this file", "b"),
         ("warranty of any kind is disclaimed here", "c"), ("see the notice for details", "a"),
         ("permission is hereby granted free of charge", "b"), ("source code must be kept", "c")]
SHORT = "you may not use this file"  # six words


@pytest.fixture
def csv_path(tmp_path):
    path = tmp_path / "texts.csv"
    rows = ["text,label"] + [f"{t},{label}" for t, label in TEXTS * 4]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("cell", "params", "mode"), [
    ("simple-rnn-tanh", {"units": 6}, "unrolled"),
    ("simple-rnn-tanh", {"units": 6}, "loop"),
    ("stacked-rnn", {"units": 5, "layers": 2}, "unrolled"),
])
def test_prediction_does_not_change_when_padding_grows(csv_path, cell, params, mode):
    cell_type = get_registry().cell_type(cell)
    predictions, weights = [], None
    for padding in (20, 40):
        ds = load_dataset(csv_path, seq_len=6 + padding, val_fraction=0.25)
        assert ds.input_spec.mask_padding
        built = build_model(ds.input_spec, ds.head, cell_type, params, execution_mode=mode)
        assert built.execution.unroll == (mode == "unrolled")
        if weights is None:  # weights large enough that reading the padding would show
            rng = np.random.default_rng(0)
            weights = [rng.normal(scale=0.8, size=w.shape).astype("float32")
                       for w in built.model.get_weights()]
        built.model.set_weights(weights)  # the weights do not depend on T
        rows = [i for i in range(ds.n_train)
                if " ".join(ds.tokens[t] for t in ds.x_train[i] if t) == SHORT]
        x = ds.x_train[rows[:1]]
        assert int((np.asarray(x) == 0).sum()) == padding
        predictions.append(np.asarray(built.model(np.asarray(x, np.int32))))
    np.testing.assert_allclose(predictions[0], predictions[1], atol=1e-6)


def test_padded_steps_keep_the_state_and_training_runs(csv_path):
    ds = load_dataset(csv_path, seq_len=12)
    built = build_model(ds.input_spec, ds.head, get_registry().cell_type("simple-rnn-tanh"),
                        {"units": 4})
    built.model.fit(ds.x_train, ds.y_train, epochs=1, batch_size=8, verbose=0)
    x = np.asarray(ds.x_train[:1], np.int32)
    length = int((x[0] != 0).sum())
    states = built.probe(x)[0][0]  # (T, n)
    # after the text's last token the state stays as it was: the head reads that state
    np.testing.assert_allclose(states[length:], np.repeat(states[length - 1 : length],
                                                          len(states) - length, 0), atol=1e-6)
