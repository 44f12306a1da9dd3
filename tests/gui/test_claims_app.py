"""The README's lecture points, seen in the window (tests/claims.py points here): the notes'
preset gives 100 words × 20 steps × 10 units, the architecture table shows ``100·10 + 10·10 + 10
= 1,110``, the heatmap has one column per token of the probe sequence, on the tanh scale (ReLU's
from 0); a classifier's last recurrent layer outputs its last state, ``(None, units)``, and in a
stack the first layer returns every step, with a layer selector."""

from __future__ import annotations

import pytest
from gui_helpers import bundled_samples, tiny_training, wait_ready
from PySide6.QtCore import Qt

SAMPLES = bundled_samples()
TRAIN_TIMEOUT = 180_000


def architecture(qtbot, window, needle: str):
    panel = window.model_panel
    qtbot.waitUntil(lambda: any(needle in r.formula for r in panel.rows), timeout=60_000)
    return panel.rows


@pytest.mark.slow
@pytest.mark.skipif("toy_grammar" not in SAMPLES, reason="bundled samples not found")
def test_the_lecture_points_in_the_window(qtbot, make_window):
    window = make_window(SAMPLES["toy_grammar"])
    qtbot.mouseClick(window.data.form.preset_button, Qt.MouseButton.LeftButton)
    tiny_training(window, epochs=1, batch_size=64)
    wait_ready(qtbot, window)
    dataset = window.data.dataset
    assert (dataset.input_spec.vocab_size, dataset.input_spec.seq_len) == (100, 20)
    rows = architecture(qtbot, window, "1,110")
    (recurrent,) = [r for r in rows if "100·10 + 10·10 + 10 = 1,110" in r.formula]
    assert recurrent.params == 1110
    # a language model predicts the next word at every step, so it reads every step's state
    assert recurrent.output_shape == "(None, 20, 10)"

    with qtbot.waitSignal(window.trainingFinished, timeout=TRAIN_TIMEOUT) as blocker:
        window.start_training()
    assert blocker.args[0].status == "finished", blocker.args[0]
    panel = window.live.hidden
    qtbot.waitUntil(lambda: panel.snapshot is not None, timeout=10_000)
    snapshot = panel.snapshot
    # one column per time step, each labelled with the probe's token, and 10 units
    assert panel.image.image.shape == (20, 10)
    assert len(snapshot.step_labels) == 20
    assert set(snapshot.step_labels) <= set(dataset.tokens)
    lo, hi = panel.image.getLevels()
    assert (lo, hi) == (-1, 1)  # tanh's range

    window.model_panel.select_cell("simple-rnn-relu")
    panel.show_snapshot(snapshot)
    lo, hi = panel.image.getLevels()
    assert lo == 0 and hi > 0  # ReLU: from 0 up


@pytest.mark.long
@pytest.mark.slow
@pytest.mark.skipif("sentences" not in SAMPLES, reason="bundled samples not found")
def test_stacked_layers_in_the_window(qtbot, make_window):
    window = make_window(SAMPLES["sentences"])
    window.model_panel.select_cell("stacked-rnn")
    tiny_training(window, epochs=1, batch_size=64)
    wait_ready(qtbot, window)
    form = window.model_panel.form  # typed in, as a user would: the file's suggestion stays out
    form.editor("layers").setValue(2)
    form.editor("units").setValue(10)
    dataset = window.data.dataset
    assert dataset.task == "classify"
    t = dataset.input_spec.seq_len
    rows = architecture(qtbot, window, "10·10 + 10·10 + 10")
    shapes = [r.output_shape for r in rows if "·" in r.formula]
    # the first layer returns every step; the last returns its last state: no Flatten
    assert shapes[:2] == [f"(None, {t}, 10)", "(None, 10)"], shapes
    assert not any("flatten" in r.name.lower() for r in rows)
    with qtbot.waitSignal(window.trainingFinished, timeout=TRAIN_TIMEOUT) as blocker:
        window.start_training()
    assert blocker.args[0].status == "finished", blocker.args[0]
    selector = window.findChild(object, "layerSelector")
    qtbot.waitUntil(lambda: selector.count() == 2, timeout=10_000)
    assert not selector.isHidden()
    selector.setCurrentIndex(1)
    assert window.live.hidden.current_layer() == 1
    assert window.live.hidden.image.image.shape == (t, 10)
