"""The full flow on every bundled sample with every built-in cell, and the training controls."""

from __future__ import annotations

import pytest
from gui_helpers import bundled_samples, tiny_training, wait_ready
from PySide6.QtCore import Qt

from seqstudio.gui.errors import reporter

BUILTIN_CELLS = ["simple-rnn-tanh", "simple-rnn-relu", "stacked-rnn"]
SAMPLES = bundled_samples()
TRAIN_TIMEOUT = 180_000


def activate(qtbot, window):
    """Keyboard shortcuts go to the active window."""
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)


def start(qtbot, window):
    qtbot.mouseClick(window.start_button, Qt.MouseButton.LeftButton)
    assert window.state == "training"


def wait_batches(qtbot, window, n=1):
    qtbot.waitUntil(lambda: window.live.loss.n_points >= n, timeout=TRAIN_TIMEOUT)


@pytest.mark.slow
@pytest.mark.skipif(not SAMPLES, reason="bundled samples not found (assets/make_samples.py)")
@pytest.mark.parametrize("cell", BUILTIN_CELLS)
@pytest.mark.parametrize("sample", sorted(SAMPLES) or ["none"])
def test_full_flow(qtbot, make_window, sample, cell):
    window = make_window(SAMPLES[sample])
    window.model_panel.select_cell(cell)
    assert window.findChild(type(window.model_panel.picker), "cellPicker").currentData() == cell
    tiny_training(window, epochs=2)
    wait_ready(qtbot, window)
    qtbot.waitUntil(lambda: bool(window.model_panel.rows), timeout=60_000)  # architecture table
    start(qtbot, window)
    # One epoch: the loss plot has per-batch data and the heatmap shows the epoch-end states.
    qtbot.waitUntil(lambda: any(s.batch == -1 for s in window.live.scrubber.snapshots),
                    timeout=TRAIN_TIMEOUT)
    qtbot.waitUntil(lambda: window.live.hidden.image.image is not None, timeout=5_000)
    with qtbot.waitSignal(window.trainingFinished, timeout=TRAIN_TIMEOUT) as blocker:
        qtbot.mouseClick(window.controls.stop_button, Qt.MouseButton.LeftButton)
    result = blocker.args[0]
    assert result.status in ("stopped", "finished"), result
    assert window.live.loss.n_points > 0
    x, y = window.live.loss.plot.batch_curve.getOriginalDataset()
    assert len(y) == window.live.loss.n_points
    image = window.live.hidden.image.image
    snap = window.live.scrubber.snapshots[-1]
    assert image.shape == snap.states[window.live.hidden.current_layer()].shape
    assert window.live.prediction.last is not None
    assert window.state == "idle" and window.start_button.isEnabled()


@pytest.mark.slow
@pytest.mark.skipif("toy_grammar" not in SAMPLES, reason="bundled samples not found")
def test_pause_resume_and_stop_mid_epoch(qtbot, make_window):
    window = make_window(SAMPLES["toy_grammar"])
    tiny_training(window, epochs=20, batch_size=16)
    wait_ready(qtbot, window)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F5)  # F5 starts
    assert window.state == "training"
    wait_batches(qtbot, window, 3)
    from seqstudio.engine import remote

    if remote.supported():  # the app's own registry: the run is in a child process
        assert isinstance(window.thread.trainer, remote.TrainingProcess)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # Ctrl+P
    assert window.state == "paused" and window.controls.pause_button.text() == "Resume"
    qtbot.waitUntil(lambda: window.thread.trainer.paused, timeout=10_000)
    qtbot.wait(600)  # let a batch in flight land
    window._redraw()
    frozen = window.live.loss.n_points
    qtbot.wait(1000)
    window._redraw()
    assert window.live.loss.n_points == frozen, "training went on while paused"
    qtbot.mouseClick(window.controls.pause_button, Qt.MouseButton.LeftButton)  # resume
    assert window.state == "training"
    wait_batches(qtbot, window, frozen + 2)
    with qtbot.waitSignal(window.trainingFinished, timeout=TRAIN_TIMEOUT) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_Escape)  # Esc stops
    result = blocker.args[0]
    assert result.status == "stopped" and result.epochs_done < 20
    assert window.state == "idle"


@pytest.mark.slow
@pytest.mark.skipif("sine" not in SAMPLES, reason="bundled samples not found")
def test_close_during_training_stops_cleanly(qtbot, make_window):
    window = make_window(SAMPLES["sine"])
    tiny_training(window, epochs=50, batch_size=8)
    wait_ready(qtbot, window)
    start(qtbot, window)
    wait_batches(qtbot, window, 2)
    thread = window.thread
    window.close()
    assert not thread.isRunning()
    assert thread.result is not None and thread.result.status in ("stopped", "finished")
    assert window.last_result is None or window.last_result.status != "failed"


@pytest.mark.slow
@pytest.mark.skipif("toy_grammar" not in SAMPLES, reason="bundled samples not found")
def test_stop_while_paused(qtbot, make_window):
    window = make_window(SAMPLES["toy_grammar"])
    tiny_training(window, epochs=5, batch_size=16)
    wait_ready(qtbot, window)
    start(qtbot, window)
    wait_batches(qtbot, window, 1)
    window.toggle_pause()
    with qtbot.waitSignal(window.trainingFinished, timeout=TRAIN_TIMEOUT) as blocker:
        window.stop_training()
    assert blocker.args[0].status == "stopped"


def test_shortcuts_and_object_names(make_window):
    window = make_window()
    names = ["openFileAction", "cellPicker", "startButton", "pauseButton", "stopButton",
             "lossPlot", "hiddenStatePlot", "epochScrubber", "pluginsPanel"]
    for name in names:
        assert window.findChild(object, name) is not None, name
    keys = {a.objectName(): [s.toString() for s in a.shortcuts()] for a in window.actions()}
    assert "Ctrl+O" in keys["openFileAction"]
    assert "Ctrl+Q" in keys["quitAction"]
    assert {"F5", "Ctrl+Return"} <= set(keys["startAction"])
    assert "Ctrl+P" in keys["pauseAction"]
    assert "Esc" in keys["stopAction"]


def test_start_waits_for_tensorflow(make_window):
    window = make_window(start_tf=False)
    assert not window.start_button.isEnabled()
    assert "Loading TensorFlow" in window.controls.reason.text()
    assert "Loading TensorFlow" in window.start_button.toolTip()
    assert "Loading TensorFlow" in window.model_panel.status.text()


def test_bad_file_gives_a_dialog(qtbot, make_window, tmp_path):
    window = make_window()
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x00\x01\x02 not text" * 50)
    with qtbot.waitSignal(reporter.shown, timeout=10_000) as blocker:
        window.open_file(bad)
    assert "bad.csv" in blocker.args[1]
    dialog = window.findChild(object, "errorDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.close()


@pytest.mark.slow
def test_unusable_data_gives_a_dialog(qtbot, make_window, tmp_path):
    window = make_window()
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    qtbot.waitUntil(lambda: window.tf.is_ready, timeout=120_000)
    with qtbot.waitSignal(reporter.shown, timeout=60_000) as blocker:
        window.open_file(empty)
    assert blocker.args[0] == "Cannot use this file"
    assert window.data.dataset is None and not window.start_button.isEnabled()


@pytest.mark.skipif("toy_grammar" not in SAMPLES, reason="bundled samples not found")
def test_architecture_shows_the_execution_mode(qtbot, make_window):
    window = make_window(SAMPLES["toy_grammar"])
    wait_ready(qtbot, window)
    status = window.model_panel.status
    # The plan depends on the sequence length the data layer chose from the file.
    qtbot.waitUntil(lambda: "execution: auto → " in status.text(), timeout=30_000)
    window.controls.execution.setCurrentIndex(window.controls.execution.findData("loop"))
    qtbot.waitUntil(lambda: "execution: loop, " in status.text(), timeout=30_000)
    assert window.train_settings()["execution_mode"] == "loop"
