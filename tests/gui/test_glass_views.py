"""The glass-box views through the window: a stacked model trained from the window, its
unrolled view and cell inspector read with the mouse, scrubbed, and replayed from its files."""

from __future__ import annotations

import os
import re

import numpy as np
import pytest
from gui_helpers import bundled_samples, tiny_training, wait_ready
from PySide6.QtCore import QPointF, Qt

from seqstudio.engine import remote
from seqstudio.gui.worker import TRAINING_NICENESS

SAMPLES = bundled_samples()


def shown(qtbot, window, name):
    """Bring a view forward and wait until it has drawn what the run model holds."""
    window.live.show_view(name)
    view = window.live.views[name]
    qtbot.waitUntil(lambda: not view.pending, timeout=5_000)
    return view


def click_heatmap(qtbot, window, step, unit):
    plot = window.live.hidden.plot
    scene = plot.getPlotItem().getViewBox().mapViewToScene(QPointF(step + 0.5, unit + 0.5))
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=plot.mapFromScene(scene))


def strip_values(inspector, prefix):
    found = [s for s in inspector.strips.strips if s.label.startswith(prefix)]
    assert found, [s.label for s in inspector.strips.strips]
    return found[-1].values


def error_of(inspector):
    match = re.search(r"equals the Keras layer's h_t to ([0-9.e+-]+)",
                      inspector.verification.text())
    assert match, inspector.verification.text()
    return float(match.group(1))


@pytest.mark.slow
@pytest.mark.skipif("toy_grammar" not in SAMPLES, reason="bundled samples not found")
def test_unrolled_and_inspector_train_click_scrub_and_replay(qtbot, make_window):
    window = make_window(SAMPLES["toy_grammar"])
    window.resize(1280, 800)
    window.show()
    window.model_panel.select_cell("stacked-rnn", {"layers": 2, "units": 6})
    tiny_training(window, epochs=2)
    wait_ready(qtbot, window)
    with qtbot.waitSignal(window.trainingFinished, timeout=180_000) as finished:
        window.start_training()
        if remote.supported():  # the training process runs below the window's priority
            qtbot.waitUntil(lambda: window.thread.trainer is not None, timeout=60_000)
            nice = os.getpriority(os.PRIO_PROCESS, window.thread.trainer.pid)
            assert nice == min(19, os.getpriority(os.PRIO_PROCESS, 0) + TRAINING_NICENESS)
    result = finished.args[0]
    assert result.status == "finished", result
    model = window.live.model
    snap = model.snapshots[-1]
    weights = model.weights_at(snap)
    assert weights is not None, "the training process sent the weights with the snapshot"
    steps, n = snap.states[0].shape
    d = np.asarray(weights.layers[0].inputs).shape[1]

    # The unrolled view: one row per layer, shapes from the model on the arrows.
    unrolled = shown(qtbot, window, "unrolled")
    canvas = unrolled.canvas
    qtbot.waitUntil(lambda: bool(canvas.boxes), timeout=5_000)  # painted
    assert {layer for layer, _ in canvas.boxes} == {0, 1}
    assert (1, steps - 1) in canvas.boxes and (0, 0) in canvas.boxes
    assert f"({d},)" in canvas.arrow_labels and f"({n},)" in canvas.arrow_labels
    assert f"({steps}, {n})" in canvas.arrow_labels  # the first layer passes every step up
    assert f"({steps}, {n})" in unrolled.caption.text()
    # The head reads every step exactly when the trained Keras model's output has a time axis
    # (this language model predicts each next token; the notes' §7 model reads only h_T).
    from seqstudio.engine.rundir import RunDir

    per_step = len(RunDir(result.run_dir).load_model().outputs[0].shape) == 3
    assert canvas.picture.per_step == per_step
    assert ("every h_t" in unrolled.caption.text()) == per_step

    # Clicking the last layer's last box opens the inspector at that step.
    box = canvas.boxes[(1, steps - 1)]
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=box.center().toPoint())
    assert (model.layer, model.step) == (1, steps - 1)
    inspector = window.live.views["inspector"]
    assert window.live.tabs.currentIndex() == window.live._tab_of["inspector"]
    qtbot.waitUntil(lambda: not inspector.pending, timeout=5_000)
    np.testing.assert_allclose(strip_values(inspector, f"h_{steps}"), snap.states[1][-1],
                               atol=1e-5)
    assert error_of(inspector) <= 1e-5
    x_t = strip_values(inspector, f"x_{steps} ")
    np.testing.assert_allclose(x_t, snap.states[0][-1], atol=1e-6)  # layer 2 reads layer 1's h

    # The first step: h_0 = 0.
    inspector.layer.setCurrentIndex(0)
    inspector.step.setValue(1)
    qtbot.waitUntil(lambda: not inspector.pending, timeout=5_000)
    assert model.step == 0 and "h₀ = 0" in inspector.title.text()
    assert np.all(strip_values(inspector, "h_0 = 0") == 0)
    assert len(strip_values(inspector, "x_1 ")) == d
    np.testing.assert_allclose(strip_values(inspector, "h_1"), snap.states[0][0], atol=1e-5)

    # A click on the heatmap picks a step and unit and opens the inspector there.
    shown(qtbot, window, "heatmap")
    click_heatmap(qtbot, window, 2, 1)
    assert (model.step, model.unit) == (2, 1)
    qtbot.waitUntil(lambda: not inspector.pending, timeout=5_000)
    assert inspector.title.text().startswith("t = 3 ")

    # Scrubbing back: the inspector redoes the step with that moment's weights.
    first = model.snapshots[0]
    window.live.scrubber.slider.setValue(0)
    qtbot.waitUntil(lambda: not inspector.pending, timeout=5_000)
    assert f"epoch {first.epoch + 1}" in inspector.title.text()
    np.testing.assert_allclose(strip_values(inspector, "h_3"), first.states[0][2], atol=1e-5)
    shown(qtbot, window, "unrolled")
    assert canvas.picture.states[0] is first.states[0]

    # Replay in a fresh window: the same numbers come back from the run's files.
    other = make_window()
    other.open_run(result.run_dir)
    qtbot.waitUntil(lambda: len(other.live.model.snapshots) == len(model.snapshots),
                    timeout=30_000)
    assert len(other.live.model.weights) == len(model.weights)
    other.live.model.set_layer(1)
    other.live.model.set_step(steps - 1)
    replayed = shown(qtbot, other, "inspector")
    np.testing.assert_allclose(strip_values(replayed, f"h_{steps}"),
                               other.live.model.snapshot.states[1][-1], atol=1e-5)
    assert error_of(replayed) <= 1e-5
    assert shown(qtbot, other, "unrolled").canvas.picture is not None
