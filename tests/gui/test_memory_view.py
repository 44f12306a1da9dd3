"""The memory view (the notes, §3): a run trained from the window, scrubbed back, and replayed
from its folder; what the view draws is the training process's InfluenceSnapshot."""

from __future__ import annotations

import re

import numpy as np
import pytest
from gui_helpers import bundled_samples, tiny_training, wait_ready

from seqstudio.gui.glass_words import training_order
from seqstudio.gui.qt_hidden_state_plot import readable_token

SAMPLES = bundled_samples()
TRAIN_TIMEOUT = 180_000


def drawn_influence(view) -> np.ndarray:
    """The probe's influence per step as the bars draw it (both colours, in step order)."""
    panel = view.panel
    xs, ys = [], []
    for bars in (panel.bars, panel.forgotten):
        x = np.asarray(bars.opts["x"], dtype=float)
        xs.append(x)
        ys.append(np.asarray(bars.opts["height"], dtype=float) + bars.opts["y0"])
    x, y = np.concatenate(xs), np.concatenate(ys)
    y = y[np.argsort(x)]
    return 10.0 ** y if panel.log_scale.isChecked() else y


def check_shows(view, influence) -> None:
    """The view shows ``influence`` (an event of the run): bars, read-out, time axis."""
    assert view.panel.snapshot is influence
    np.testing.assert_allclose(drawn_influence(view), np.asarray(influence.probe), rtol=1e-5)
    np.testing.assert_allclose(view.panel.mean_curve.getData()[1],
                               np.log10(np.asarray(influence.batch_mean)), rtol=1e-5)
    text = view.panel.readout.text()
    steps = len(influence.probe)
    found = re.search(r"remembers (?:about (\d+) steps? back|all (\d+) steps)", text)
    assert found, text
    assert int(found.group(1) or found.group(2)) == (influence.memory if influence.memory < steps
                                                     else steps)
    when = f"epoch {influence.epoch + 1}"
    assert when in text, text
    labels = [readable_token(s) for s in influence.step_labels]
    assert view.panel.time_labels and set(view.panel.time_labels) <= set(labels)
    assert view.panel.time_labels[0] == labels[0]


@pytest.mark.slow
@pytest.mark.skipif("toy_grammar" not in SAMPLES, reason="bundled samples not found")
def test_memory_view_follows_training_scrubbing_and_a_replayed_run(qtbot, make_window):
    window = make_window(SAMPLES["toy_grammar"])
    window.model_panel.select_cell("simple-rnn-tanh", {"units": 8})
    tiny_training(window, epochs=2)
    wait_ready(qtbot, window)
    live = window.live
    view = live.views["memory"]
    with qtbot.waitSignal(window.trainingFinished, timeout=TRAIN_TIMEOUT) as finished:
        window.start_training()
    assert finished.args[0].status == "finished", finished.args[0]
    model = live.model
    assert len(model.influence) >= 2, "an influence snapshot comes with every hidden snapshot"

    # A view whose tab is not in front waits; brought forward, it draws the newest moment.
    live.show_view("heatmap")
    window._redraw()
    assert view.pending and view.panel.snapshot is None
    live.show_view("memory")
    qtbot.waitUntil(lambda: not view.pending, timeout=5_000)
    newest = model.influence_at()
    assert newest is not None and newest.epoch == 1
    check_shows(view, newest)
    series = view.panel.history_curve.getData()[1]
    assert list(series) == [s.memory for s in sorted(model.influence_series(),
                                                     key=training_order)]

    # Scrub back to the first snapshot: the view follows the run model's selection.
    live.scrubber.slider.setValue(0)
    qtbot.waitUntil(lambda: view.panel.snapshot is model.influence_at(model.snapshots[0]),
                    timeout=5_000)
    first = model.influence_at(model.snapshots[0])
    assert first.epoch == 0
    check_shows(view, first)
    assert view.panel.history_mark.isVisible()
    assert view.panel.history_mark.value() == pytest.approx(
        first.epoch + 1.0 if first.batch < 0 else
        first.epoch + (first.batch + 1) / model.steps_per_epoch)

    # Replay the run from its folder (File > Open run) in a fresh window.
    other = make_window()
    other.open_run(finished.args[0].run_dir)
    replayed = other.live.views["memory"]
    other.live.show_view("memory")
    qtbot.waitUntil(lambda: replayed.panel.snapshot is not None, timeout=30_000)
    stored = other.live.model.influence_at()
    assert (stored.epoch, stored.batch) == (newest.epoch, newest.batch)
    np.testing.assert_allclose(stored.probe, newest.probe, rtol=1e-6)
    assert stored.memory == newest.memory
    check_shows(replayed, stored)
    assert replayed.draw_times, "the view records how long its draws take"
