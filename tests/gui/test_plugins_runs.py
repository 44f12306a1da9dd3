"""Plugins panel, plugin failures during training, past runs, exports, settings, launch."""

from __future__ import annotations

import subprocess
import sys
import types

import numpy as np
import pytest
from gui_helpers import bundled_samples, tiny_training, wait_ready

from seqstudio.gui.errors import reporter
from seqstudio.hookspecs import hookimpl
from seqstudio.plugins import create_registry
from seqstudio.spec import CellType, HyperParam, simple_rnn_formula

SAMPLES = bundled_samples()
TRAIN_TIMEOUT = 180_000


def broken_module():
    module = types.ModuleType("broken_plugin")

    @hookimpl
    def seqstudio_cell_types():
        raise RuntimeError("this plugin is broken on purpose")

    module.seqstudio_cell_types = seqstudio_cell_types
    return module


def exploding_cell_module():
    module = types.ModuleType("exploding_plugin")

    def build_layers(params):
        raise ValueError("the cell factory failed")

    @hookimpl
    def seqstudio_cell_types():
        return [CellType(
            name="exploding-rnn", label="Exploding", description="Raises when built.",
            params=(HyperParam("units", "int", 4, "Units.", min=1, max=8),),
            build_layers=build_layers,
            param_formula=lambda d, p: [simple_rnn_formula("rnn", d, p["units"])])]

    module.seqstudio_cell_types = seqstudio_cell_types
    return module


def test_broken_plugin_is_shown_in_the_plugins_panel(make_window):
    registry = create_registry(extra_plugins=[("broken", broken_module())])
    window = make_window(registry=registry)
    panel = window.plugins
    assert panel.objectName() == "pluginsPanel"
    rows = {panel.table.item(r, 0).text(): panel.table.item(r, 3).text()
            for r in range(panel.table.rowCount())}
    assert rows["broken"] == "failed" and rows["builtin-cells"] == "ok"
    details = panel.details.toPlainText()  # the first failure is selected
    assert "this plugin is broken on purpose" in details and "Traceback" in details
    assert "1 failed" in window.tabs.tabText(window.tabs.indexOf(panel))
    assert window.model_panel.picker.count() >= 3  # the others still load


@pytest.mark.slow
@pytest.mark.skipif("sine" not in SAMPLES, reason="bundled samples not found")
def test_plugin_exception_during_training_shows_a_dialog(qtbot, make_window):
    registry = create_registry(extra_plugins=[("exploding", exploding_cell_module())])
    window = make_window(SAMPLES["sine"], registry=registry)
    window.model_panel.select_cell("exploding-rnn")
    tiny_training(window)
    qtbot.waitUntil(lambda: window.tf.is_ready and window.data.dataset is not None,
                    timeout=120_000)
    qtbot.waitUntil(lambda: "Cannot build" in window.model_panel.status.text(), timeout=30_000)
    with qtbot.waitSignal(reporter.shown, timeout=TRAIN_TIMEOUT) as blocker:
        window.model_panel.form.validate()
        window.state = "idle"
        window.controls.start_button.setEnabled(True)
        window.start_training()
    assert blocker.args[0] == "Training failed"
    assert "the cell factory failed" in blocker.args[1]
    assert window.state == "idle"
    window.model_panel.select_cell("simple-rnn-tanh")  # the app is still usable
    qtbot.waitUntil(window.start_button.isEnabled, timeout=30_000)


@pytest.mark.slow
@pytest.mark.skipif("sine" not in SAMPLES, reason="bundled samples not found")
def test_divergence_shows_a_dialog(qtbot, make_window):
    window = make_window(SAMPLES["sine"])
    window.model_panel.select_cell("simple-rnn-relu")
    window.model_panel.form.editor("units").setValue(64)
    tiny_training(window, epochs=3, batch_size=8)
    window.controls.optimizer.setCurrentText("sgd")
    window.controls.learning_rate.setText("10")
    wait_ready(qtbot, window)
    with qtbot.waitSignal(window.trainingFinished, timeout=TRAIN_TIMEOUT) as blocker:
        window.start_training()
    result = blocker.args[0]
    if result.divergence is None:
        pytest.skip(f"this run did not diverge ({result.reason})")
    dialog = window.findChild(object, "errorDialog")
    assert dialog is not None and "diverged" in dialog.windowTitle()
    # It says what happened and what to try, in the engine's words.
    assert result.divergence.what in dialog.text() and result.divergence.advice in dialog.text()
    assert "Training diverged: diverged" not in dialog.text()
    # The batches up to the blow-up are plotted and the point is marked.
    loss = window.live.loss
    assert loss.n_points > 0
    assert loss.marks.divergence_x == loss.x_of(result.divergence.epoch, result.divergence.batch)
    assert result.divergence.what in loss.marks.divergence_text
    assert window.state == "idle" and window.start_button.isEnabled()


def test_example_third_party_cell_is_listed(make_window):
    registry = create_registry()
    if "indrnn" not in registry.cell_names():
        pytest.skip("the example plugin (examples/seqstudio-indrnn) is not installed")
    window = make_window(registry=registry)
    assert window.model_panel.picker.findData("indrnn") >= 0


@pytest.mark.slow
@pytest.mark.skipif("toy_grammar" not in SAMPLES, reason="bundled samples not found")
def test_example_third_party_cell_trains_and_run_reopens(qtbot, make_window, tmp_path):
    registry = create_registry()
    if "indrnn" not in registry.cell_names():
        pytest.skip("the example plugin (examples/seqstudio-indrnn) is not installed")
    window = make_window(SAMPLES["toy_grammar"], registry=registry)
    window.model_panel.select_cell("indrnn")
    tiny_training(window, epochs=1)
    wait_ready(qtbot, window)
    with qtbot.waitSignal(window.trainingFinished, timeout=TRAIN_TIMEOUT) as blocker:
        window.start_training()
    result = blocker.args[0]
    assert result.status == "finished", result
    points = window.live.loss.n_points
    assert points > 0 and window.live.hidden.image.image is not None

    # Open the run in a fresh window: plots, heatmap and scrubber come back from its files.
    other = make_window(registry=registry)
    other.open_run(result.run_dir)
    qtbot.waitUntil(lambda: other.live.loss.n_points == points, timeout=30_000)
    assert len(other.live.scrubber.snapshots) == len(window.live.scrubber.snapshots)
    assert other.live.hidden.image.image is not None
    assert other.live.loss.epoch_data()["loss"]

    # Exports.
    from seqstudio.gui import run_files

    png = run_files.export_plot(other.live.loss.plot.getPlotItem(), tmp_path / "loss.png")
    svg = run_files.export_plot(other.live.hidden.plot.getPlotItem(), tmp_path / "heat.svg")
    assert png.stat().st_size > 1000 and "<svg" in svg.read_text()
    npz = run_files.export_snapshots(other.live.scrubber.snapshots, None, tmp_path / "h.npz")
    with np.load(npz) as data:
        assert data["layer0"].shape[0] == len(other.live.scrubber.snapshots)
    csv = run_files.export_snapshots(other.live.scrubber.snapshots,
                                     other.live.hidden.snapshot, tmp_path / "h.csv")
    assert csv.read_text().startswith("step,token,unit_0")


def test_opening_a_folder_that_is_not_a_run_gives_a_dialog(qtbot, make_window, tmp_path):
    window = make_window()
    with qtbot.waitSignal(reporter.shown, timeout=10_000) as blocker:
        window.open_run(tmp_path)
    assert blocker.args[0] == "Cannot open run"


def test_settings_are_remembered(qtbot, make_window, tmp_path):
    data = tmp_path / "notes.txt"
    data.write_text("abc abc abc\n" * 50)
    window = make_window()
    window.open_file(data)
    window.controls.epochs.setValue(7)
    window.controls.learning_rate.setText("0.01")
    window.model_panel.select_cell("stacked-rnn", {"layers": 3})
    window.resize(760, 560)
    window.close()
    again = make_window()
    assert again.settings.recent_files()[0] == str(data.resolve())
    assert again.settings.last_folder() == str(tmp_path.resolve())
    assert again.controls.epochs.value() == 7
    assert again.controls.values()["learning_rate"] == 0.01
    assert again.model_panel.cell_name() == "stacked-rnn"
    assert again.model_panel.params()["layers"] == 3
    assert again.size().width() == 760
    again.fill_recent_menu()
    assert str(data.resolve()) in [a.text() for a in again.actions_.recent_menu.actions()]


def test_invalid_settings_are_flagged_as_typed(make_window):
    window = make_window(start_tf=False)
    window.controls.learning_rate.setText("-")
    assert window.controls.error() and "fdd" in window.controls.learning_rate.styleSheet()
    form = window.data.form
    form.task.setCurrentIndex(form.task.findData("forecast"))
    form.columns.setText("nope")
    assert "no column" in form.error() or form.preview is None


def test_about_box_lists_versions(make_window):
    from seqstudio.gui.about import versions

    window = make_window(start_tf=False)
    window.show_about()
    box = window.findChild(object, "aboutBox")
    assert box is not None and "PySide6" in box.text()
    assert set(versions()) >= {"seqstudio", "Qt", "pyqtgraph", "TensorFlow"}
    box.close()


def test_importing_the_gui_does_not_import_tensorflow():
    code = ("import sys, seqstudio.gui, seqstudio.gui.main_window, seqstudio.cli.cmd_gui; "
            "bad = [m for m in ('tensorflow', 'keras', 'pandas') if m in sys.modules]; "
            "print(bad); sys.exit(1 if bad else 0)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr


def test_gui_subcommand_is_registered():
    from seqstudio.cli.app import build_parser

    args = build_parser().parse_args(["gui", "data.txt"])
    assert args.command == "gui" and args.file == "data.txt"


def test_export_menu_actions_write_the_chosen_files(make_window, tmp_path, monkeypatch):
    from seqstudio.gui import export_dialogs

    window = make_window(start_tf=False)
    chosen = {}
    monkeypatch.setattr(export_dialogs.QFileDialog, "getSaveFileName",
                        lambda parent, title, start, filters: (str(chosen["path"]), ""))
    for name, action in (("loss.png", window.actions_.export_plot),
                         ("heat.svg", window.actions_.export_heatmap)):
        chosen["path"] = tmp_path / name
        action.trigger()
        assert chosen["path"].stat().st_size > 0
        assert name in window.statusBar().currentMessage()
