"""Every state in the app: an LSTM trained from the window shows h and c, each on its own colour
scale (c is not bounded to [-1, 1])."""

from __future__ import annotations

import numpy as np
import pytest
from gui_helpers import bundled_samples, tiny_training, wait_ready

SAMPLES = bundled_samples()


@pytest.mark.slow
@pytest.mark.skipif("sine" not in SAMPLES, reason="bundled samples not found")
def test_an_lstm_shows_its_c_state_with_its_own_scale(qtbot, make_window, tmp_path):
    window = make_window(SAMPLES["sine"])
    window.model_panel.select_cell("lstm", {"units": 3, "layers": 2})
    tiny_training(window, epochs=1)
    wait_ready(qtbot, window)
    with qtbot.waitSignal(window.trainingFinished, timeout=180_000) as finished:
        window.start_training()
    assert finished.args[0].status == "finished", finished.args[0]
    panel = window.live.hidden
    qtbot.waitUntil(lambda: panel.snapshot is not None, timeout=10_000)
    selector = window.findChild(object, "stateSelector")
    assert not selector.isHidden()
    assert [selector.itemText(i) for i in range(selector.count())] == ["h", "c"]
    snapshot = panel.snapshot  # as the training process sent it
    layer = panel.current_layer()

    selector.setCurrentIndex(1)  # c
    assert panel.current_state() == "c"
    c = snapshot.states_of(layer)["c"]
    np.testing.assert_allclose(panel.image.image, c)
    peak = float(np.max(np.abs(c)))
    np.testing.assert_allclose(panel.image.getLevels(), (-peak, peak), rtol=1e-6)
    assert "· c ·" in panel.detail.text()

    selector.setCurrentIndex(0)  # h, on the tanh scale
    np.testing.assert_allclose(panel.image.image, snapshot.states[layer])
    np.testing.assert_allclose(panel.image.getLevels(), (-1, 1))

    # the other layer keeps the chosen state
    selector.setCurrentIndex(1)
    window.findChild(object, "layerSelector").setCurrentIndex(1 - layer)
    np.testing.assert_allclose(panel.image.image, snapshot.states_of(1 - layer)["c"])

    # the trajectories follow the chosen state, on their own scale (c is not bounded by tanh)
    trajectories = window.live.trajectories
    np.testing.assert_allclose(trajectories.plot.getPlotItem().curves[0].getData()[1],
                               snapshot.states_of(1 - layer)["c"][:, 0])
    assert trajectories.plot.getPlotItem().getAxis("left").labelText == "c"
    selector.setCurrentIndex(0)
    np.testing.assert_allclose(trajectories.plot.getPlotItem().curves[0].getData()[1],
                               snapshot.states[1 - layer][:, 0])
    assert trajectories.plot.getPlotItem().getAxis("left").labelText == "h"

    # exports carry every state: the NPZ has layer<i>_c beside layer<i> (h), the CSV both
    from seqstudio.gui import run_files

    snapshots = window.live.scrubber.snapshots
    npz = np.load(run_files.export_snapshots(snapshots, None, tmp_path / "states.npz"))
    for i in range(2):
        np.testing.assert_allclose(npz[f"layer{i}_c"][-1], snapshots[-1].states_of(i)["c"])
        np.testing.assert_allclose(npz[f"layer{i}"][-1], snapshots[-1].states[i])
    path = run_files.export_snapshots(snapshots, snapshots[-1], tmp_path / "states.csv", layer=0)
    header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header == ["step", "token", *[f"h_unit_{j}" for j in range(3)],
                      *[f"c_unit_{j}" for j in range(3)]]
