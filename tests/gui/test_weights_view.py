"""The weights and health view (the notes, §5): a run trained from the window, scrubbed back, and
replayed from its folder; what the view draws is the training process's WeightsSnapshot."""

from __future__ import annotations

import numpy as np
import pytest
from gui_helpers import bundled_samples, tiny_training, wait_ready

from seqstudio.glassbox.health import health_warning
from seqstudio.gui.glass_words import training_order
from seqstudio.gui.weight_plots import colored

SAMPLES = bundled_samples()
TRAIN_TIMEOUT = 180_000


def sorted_complex(values: np.ndarray) -> np.ndarray:
    values = np.asarray(values, dtype=complex)
    return values[np.lexsort((np.round(values.imag, 6), np.round(values.real, 6)))]


def check_shows(view, weights, activation: str) -> None:
    """The view shows ``weights`` (an event of the run): matrices, formula, eigenvalues, health."""
    panel = view.panel
    assert panel.snapshot is weights
    layer = weights.layers[panel.current_layer()]
    wx, wh, b = layer.weights["kernel"], layer.weights["recurrent_kernel"], layer.weights["bias"]
    shown_wx, shown_wh, shown_b = (h.values for h in panel.heatmaps)
    for h in panel.heatmaps:  # the pixels are those values' colours, on the colour bar's scale
        assert h.levels == tuple(panel.colorbar.levels())
        np.testing.assert_array_equal(h.image.image, colored(h.values, h.levels))
    np.testing.assert_allclose(shown_wx, wx, rtol=1e-6)
    np.testing.assert_allclose(shown_wh, wh, rtol=1e-6)
    np.testing.assert_allclose(shown_b, b[None, :], rtol=1e-6)
    d, n = wx.shape
    assert [h.title for h in panel.heatmaps] == [f"Wx (kernel) {d}×{n}",
                                                 f"Wh (recurrent_kernel) {n}×{n}", f"b (bias) {n}"]
    formula = panel.formula.text()
    assert f"n·d + n·n + n = {d}·{n} + {n}·{n} + {n} = {d * n + n * n + n:,} parameters" \
        in formula, formula
    # The eigenvalue points are numpy's eigenvalues of the recurrent kernel on screen.
    x, y = panel.eigen_points.getData()
    np.testing.assert_allclose(sorted_complex(x + 1j * y),
                               sorted_complex(np.linalg.eigvals(shown_wh.astype(np.float64))),
                               atol=1e-5)
    assert f"spectral radius of Wh: {layer.spectral_radius:.3g}" in panel.health.text()
    if activation == "tanh":
        assert f"saturated (|h| > 0.95): {layer.saturated:.0%}".replace("%", " %") \
            in panel.health.text()


@pytest.mark.slow
@pytest.mark.skipif("toy_grammar" not in SAMPLES, reason="bundled samples not found")
def test_weights_view_follows_training_scrubbing_and_a_replayed_run(qtbot, make_window):
    window = make_window(SAMPLES["toy_grammar"])
    window.model_panel.select_cell("simple-rnn-tanh", {"units": 8})
    tiny_training(window, epochs=2)
    wait_ready(qtbot, window)
    live = window.live
    view = live.views["weights"]
    live.show_view("weights")
    with qtbot.waitSignal(window.trainingFinished, timeout=TRAIN_TIMEOUT) as finished:
        window.start_training()
    assert finished.args[0].status == "finished", finished.args[0]
    model = live.model
    window._redraw()
    qtbot.waitUntil(lambda: not view.pending, timeout=5_000)
    newest = model.weights_at()
    assert newest is not None and newest.epoch == 1
    check_shows(view, newest, "tanh")
    series = sorted(model.weights_series(), key=training_order)
    np.testing.assert_allclose(view.panel.radius_curve.getData()[1],
                               [w.layers[0].spectral_radius for w in series])
    expected = health_warning(series, "tanh")
    assert view.panel.warning.text() == (f"⚠ {expected}" if expected else
                                         "health: no sign of saturation or divergence so far")

    # Scrub back to the first snapshot: other weights, the radius marked at that moment.
    live.scrubber.slider.setValue(0)
    first = model.weights_at(model.snapshots[0])
    qtbot.waitUntil(lambda: view.panel.snapshot is first, timeout=5_000)
    assert first.epoch == 0
    check_shows(view, first, "tanh")
    assert not np.allclose(first.layers[0].weights["recurrent_kernel"],
                           newest.layers[0].weights["recurrent_kernel"])
    assert view.panel.radius_mark.isVisible()

    # Replay the run from its folder (File > Open run) in a fresh window.
    other = make_window()
    other.open_run(finished.args[0].run_dir)
    replayed = other.live.views["weights"]
    other.live.show_view("weights")
    qtbot.waitUntil(lambda: replayed.panel.snapshot is not None, timeout=30_000)
    stored = other.live.model.weights_at()
    assert (stored.epoch, stored.batch) == (newest.epoch, newest.batch)
    np.testing.assert_allclose(stored.layers[0].weights["recurrent_kernel"],
                               newest.layers[0].weights["recurrent_kernel"], rtol=1e-6)
    check_shows(replayed, stored, "tanh")


@pytest.mark.skipif("toy_grammar" not in SAMPLES, reason="bundled samples not found")
def test_weights_view_is_told_the_cells_activation_by_the_model_panel(qtbot, make_window):
    """A stacked RNN set to ReLU: the health line must count dead units, not saturated ones, so
    the view gets the activation the model panel shows, not the cell type's default (tanh)."""
    window = make_window(SAMPLES["toy_grammar"])
    wait_ready(qtbot, window)
    view = window.live.views["weights"]
    window.model_panel.select_cell("stacked-rnn", {"activation": "relu"})
    qtbot.waitUntil(lambda: window.model_panel.activation() == "relu", timeout=5000)
    assert view.activation == "relu"
    window.model_panel.select_cell("simple-rnn-tanh")
    qtbot.waitUntil(lambda: view.activation == "tanh", timeout=5000)
