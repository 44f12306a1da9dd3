"""A forecaster predicts the change from the last observed value: with a zero head it is
persistence, for every step of the horizon at once; the model saves and loads in plain Keras."""

from __future__ import annotations

import numpy as np

from seqstudio.data import load_dataset
from seqstudio.engine import predict as P
from seqstudio.model import build_model
from seqstudio.plugins import get_registry


def write_series(path, n=120):
    t = np.arange(n)
    trend = 10 + 0.5 * t + np.sin(t / 3)  # a trend that leaves the training range
    rows = ["step,value,other"] + [f"{i},{v:.4f},{np.cos(i):.4f}" for i, v in enumerate(trend)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_zero_head_is_persistence_over_the_horizon(tmp_path):
    ds = load_dataset(write_series(tmp_path / "s.csv"), columns=["other", "value"],
                      target=["value"], seq_len=8, horizon=3)
    assert ds.head.units == 3 and ds.head.residual_columns == (1,)
    built = build_model(ds.input_spec, ds.head, get_registry().cell_type("simple-rnn-tanh"),
                        {"units": 4})
    head = built.model.get_layer("head")
    head.set_weights([np.zeros_like(w) for w in head.get_weights()])
    info = P.dataset_info(ds)
    forecast = P.unscale_targets(info, np.asarray(built.model(ds.x_val)))  # (N, 3, 1)
    last = P.unscale_targets(info, np.asarray(ds.x_val)[:, -1, 1:2])  # (N, 1, 1)
    np.testing.assert_allclose(forecast, np.repeat(last, 3, axis=1), rtol=1e-5)
    # the validation part lies above everything seen in training, and the forecast follows it
    assert forecast.min() > ds.unscale(np.asarray(ds.y_train)).max()


def test_residual_model_trains_saves_and_loads(tmp_path):
    import keras

    ds = load_dataset(write_series(tmp_path / "s.csv"), seq_len=6, horizon=2)
    built = build_model(ds.input_spec, ds.head, get_registry().cell_type("simple-rnn-tanh"),
                        {"units": 4})
    built.model.fit(ds.x_train, ds.y_train, epochs=1, batch_size=16, verbose=0)
    path = tmp_path / "m.keras"
    built.model.save(path)
    again = keras.saving.load_model(path)
    np.testing.assert_allclose(np.asarray(again(ds.x_val)), np.asarray(built.model(ds.x_val)),
                               rtol=1e-5, atol=1e-6)


def test_without_the_target_among_the_inputs_the_head_is_plain(tmp_path):
    ds = load_dataset(write_series(tmp_path / "s.csv"), columns=["other"], target=["value"],
                      seq_len=6)
    assert ds.head.residual_columns == ()
    built = build_model(ds.input_spec, ds.head, get_registry().cell_type("simple-rnn-tanh"),
                        {"units": 4}, compile=False)
    assert "last_observed" not in [layer.name for layer in built.model.layers]


def test_the_target_is_read_as_its_changes(tmp_path):
    """The recurrent layer sees the target column as scaled step-to-step changes (level-free),
    the other inputs as they are; the numpy reference input is the same."""
    import keras

    from seqstudio.model import encode_for_reference

    ds = load_dataset(write_series(tmp_path / "s.csv"), columns=["other", "value"],
                      target=["value"], seq_len=8)
    spec = ds.input_spec
    assert spec.differenced == (1,) and spec.step_dim == 2 and spec.difference_scale[0] > 1
    built = build_model(spec, ds.head, get_registry().cell_type("simple-rnn-tanh"), {"units": 3},
                        compile=False)
    layer = built.model.get_layer("differenced")
    seen = np.asarray(keras.Model(built.model.inputs, layer.output)(ds.x_val[:4]))
    x = np.asarray(ds.x_val[:4], np.float64)
    np.testing.assert_allclose(seen[..., 0], x[..., 0], rtol=1e-6)
    np.testing.assert_allclose(seen[:, 0, 1], 0.0)
    np.testing.assert_allclose(seen[:, 1:, 1], np.diff(x[..., 1], axis=1) * spec.difference_scale[0],
                               rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(encode_for_reference(spec, ds.x_val[:4]), seen, rtol=1e-4,
                               atol=1e-5)
