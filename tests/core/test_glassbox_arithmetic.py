"""The cell inspector's arithmetic: one step with the real numbers of a model trained here,
against an independent numpy step, the Keras cell itself and the recorded Keras states."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from seqstudio.engine import RunDir, Trainer, TrainSettings
from seqstudio.engine.events import HiddenSnapshot, WeightsSnapshot
from seqstudio.glassbox.arithmetic import StepError, step_arithmetic

sys.path.insert(0, str(Path(__file__).parent))
import engine_fixtures as F  # noqa: E402


def last_moment(ds, cell, params, run_dir):
    trainer = Trainer(ds, cell, params, TrainSettings(epochs=1, batch_size=64), run_dir=run_dir)
    events: list = []
    trainer.subscribe(events.append)
    assert trainer.run().status == "finished"
    weights = [e for e in events if isinstance(e, WeightsSnapshot)][-1]
    hidden = [e for e in events if isinstance(e, HiddenSnapshot)][-1]
    assert (weights.epoch, weights.batch) == (hidden.epoch, hidden.batch) == (0, -1)
    return trainer, weights, hidden


@pytest.mark.slow
def test_stacked_relu_steps_equal_numpy_and_the_keras_cell(tmp_path):
    ds = F.lm_dataset()
    trainer, weights, hidden = last_moment(ds, "stacked-rnn", {"units": 3, "layers": 2,
                                                               "activation": "relu"},
                                           tmp_path / "run")
    model = RunDir(tmp_path / "run").load_checkpoint(1)
    for index, name in enumerate(("rnn_1", "rnn_2")):
        layer = weights.layers[index]
        w = layer.weights
        for t in (1, 2, ds.input_spec.seq_len):
            step = step_arithmetic(layer, hidden, index, t)  # params from the snapshot
            x_t = step.strip("x_t").values
            h_prev = step.strip("h_{t-1}").values
            # x_t as the layer sees it: one-hot of the probe's token, or the layer below's h_t
            expected_x = (np.eye(ds.input_spec.vocab_size)[ds.probe.x[0, t - 1]] if index == 0
                          else hidden.states[0][t - 1])
            np.testing.assert_allclose(x_t, expected_x, atol=1e-7)
            if t == 1:
                assert not h_prev.any()  # h_0 = 0
            else:
                np.testing.assert_array_equal(h_prev, hidden.states[index][t - 2])
            z = x_t @ w["kernel"] + h_prev @ w["recurrent_kernel"] + w["bias"]
            np.testing.assert_allclose(step.strip("z").values, z, atol=1e-6)
            np.testing.assert_allclose(step.strip("h_t").values, np.maximum(z, 0), atol=1e-6)
            cell = model.get_layer(name).cell
            keras_h, _ = cell(x_t[None].astype("float32"), [h_prev[None].astype("float32")])
            np.testing.assert_allclose(step.strip("h_t").values, np.asarray(keras_h)[0],
                                       atol=1e-5)
            assert step.max_error < 1e-5
            assert step.max_error == np.abs(step.states["h"] - hidden.states[index][t - 1]).max()
            assert "relu(z)" in step.strip("h_t").label
    with pytest.raises(StepError, match="steps count from 1"):
        step_arithmetic(weights.layers[0], hidden, 0, 0, params=trainer.cell_params)


@pytest.mark.slow
def test_lstm_step_reports_its_gates_and_both_states(tmp_path):
    ds = F.classify_dataset()
    trainer, weights, hidden = last_moment(ds, "lstm", {"units": 3}, tmp_path / "run")
    layer = weights.layers[0]
    step = step_arithmetic(layer, hidden, 0, 4)
    gates = {g.name: g.values for g in step.gates}
    assert list(gates)[:4] == ["input i", "forget f", "candidate g", "output o"]
    c_prev = step.strip("c_{t-1}").values
    np.testing.assert_array_equal(c_prev, hidden.states_of(0)["c"][2])
    c = gates["forget f"] * c_prev + gates["input i"] * gates["candidate g"]
    np.testing.assert_allclose(step.states["c"], c, atol=1e-12)
    np.testing.assert_allclose(step.states["h"], gates["output o"] * np.tanh(c), atol=1e-12)
    for name in ("h", "c"):
        np.testing.assert_allclose(step.states[name], hidden.states_of(0)[name][3], atol=1e-5)
    assert step.max_error < 1e-5 and "h_t, c_t" in step.verification
