"""Train ▸ Compare Runs…: tanh against ReLU on the bundled sample, trained from the window, its
table checked against ``seqstudio compare --json`` on the same run folders, and both heatmaps
scrubbed together."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import numpy as np
import pytest
from gui_helpers import bundled_samples, tiny_training, wait_ready
from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).parents[1] / "core"))
from cli_subprocess import seqstudio  # noqa: E402

from seqstudio.engine.compare import format_value  # noqa: E402
from seqstudio.engine.rundir import RunDir  # noqa: E402
from seqstudio.gui.compare_window import CompareWindow  # noqa: E402
from seqstudio.gui.errors import reporter  # noqa: E402

SAMPLES = bundled_samples()
TIMEOUT = 240_000


def open_compare(qtbot, window) -> CompareWindow:
    window.actions_.compare.trigger()
    compare = window.findChild(CompareWindow)
    assert compare is not None and compare.isVisible()
    return compare


def same(a, b) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return (a is None and b is None) or (a is not None and b is not None
                                             and math.isclose(a, b, rel_tol=1e-9))
    return a == b


@pytest.mark.slow
@pytest.mark.skipif("toy_grammar" not in SAMPLES, reason="bundled samples not found")
def test_compare_tanh_with_relu_and_the_table_equals_the_cli(qtbot, make_window):
    window = make_window(SAMPLES["toy_grammar"])
    tiny_training(window, epochs=1, batch_size=64)
    wait_ready(qtbot, window)
    compare = open_compare(qtbot, window)
    qtbot.addWidget(compare)
    assert [e.cell for e in compare.setup.entries] == ["simple-rnn-tanh", "simple-rnn-relu"]
    units = window.model_panel.params()["units"]
    assert all(e.params["units"] == units for e in compare.setup.entries)
    with qtbot.waitSignal(compare.compared, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(compare.start_button, Qt.MouseButton.LeftButton)
        assert compare.stop_button.isEnabled() and not compare.start_button.isEnabled()
        # one training at a time: the main window's Start waits, and says why
        assert not window.start_button.isEnabled()
        assert "compare window is training" in window.start_button.toolTip()
        window.start_training()  # F5 in the main window
        assert window.state == "idle"
        assert "compare window is training" in window.statusBar().currentMessage()
    comparison = blocker.args[0]
    assert window.start_button.isEnabled() and not window.start_button.toolTip().startswith(
        "Cannot start")
    runs = compare.runs
    assert len(runs) == 2 and all((Path(r) / "history.csv").is_file() for r in runs)
    configs = [RunDir(r).config for r in runs]
    assert [c["cell"]["name"] for c in configs] == ["simple-rnn-tanh", "simple-rnn-relu"]
    # the same data, seed and split
    assert configs[0]["data"] == configs[1]["data"]
    assert configs[0]["settings"]["seed"] == configs[1]["settings"]["seed"]

    # the curves: each run's batch losses as its batches.csv holds them, and the baselines
    for i, run in enumerate(runs):
        drawn = compare.curves.curve_data(i)
        written = [loss for _, _, loss in RunDir(run).batch_losses()]
        assert drawn["batch_y"] == pytest.approx(written)
        assert drawn["val_y"] == pytest.approx([r["val_loss"] for r in RunDir(run).history()])
    assert compare.curves.baseline_values()  # the baselines are drawn
    assert sorted(compare.curves.baseline_values()) == pytest.approx(
        sorted(v for _, v in window.baselines.lines()))

    # the table holds exactly what `seqstudio compare --json` prints for the same folders
    cli = seqstudio("compare", *runs, "--json", timeout=300)
    assert cli.returncode == 0, cli.stderr
    result = json.loads(cli.stdout.strip().splitlines()[-1])
    shown = compare.table.values()
    timing = {"wall time s (with start-up)"}  # whole seconds from the same files: equal too
    for row in result["rows"]:
        assert row["name"] in shown, row["name"]
        for mine, theirs in zip(shown[row["name"]], row["values"], strict=True):
            assert same(mine, theirs), (row["name"], mine, theirs)
    assert set(shown) == {r["name"] for r in result["rows"]}
    assert timing <= set(shown)
    # numbers the reader came for are there and shown as the CLI formats them
    for name in ("val_loss (best epoch)", "parameters", "s per epoch (median)", "samples/s",
                 "interpolated bigram (val_loss)"):
        assert name in shown, name
        assert compare.table.texts(name) == [format_value(v) for v in comparison.value(name)]
    assert all(v > 0 for v in shown["samples/s"])
    # "Differences only" hides the settings the runs share and keeps the cell
    compare.table.diff_only.setChecked(True)
    names = set(compare.table.values())
    assert "cell" in names and "training.seed" not in names and "parameters" in names
    scrub_both(qtbot, compare, runs)

    # the same two folders added as past runs: nothing trains, the table and curves are the same
    compare.table.diff_only.setChecked(False)
    while compare.setup.entries:
        compare.setup.remove_current()
    for run in runs:
        compare.setup.add_past_run(run)
    with qtbot.waitSignal(compare.compared, timeout=TIMEOUT):
        qtbot.mouseClick(compare.start_button, Qt.MouseButton.LeftButton)
    assert compare.runs == runs
    again = compare.table.values()
    assert again.keys() == shown.keys()
    assert all(all(same(a, b) for a, b in zip(again[k], shown[k], strict=True)) for k in shown)
    for i, run in enumerate(runs):
        assert compare.curves.curve_data(i)["batch_y"] == pytest.approx(
            [loss for _, _, loss in RunDir(run).batch_losses()])
    compare.shutdown()


def scrub_both(qtbot, compare, runs):
    """One scrubber moves both heatmaps; each shows its own run's snapshot of that moment, as
    its run folder holds it; the difference view shows A − B."""
    heatmaps = compare.heatmaps
    saved = [RunDir(r).snapshots() for r in runs]
    assert heatmaps.scrubber.maximum() + 1 == len({(s.epoch, s.batch) for s in saved[0]})
    for position in (0, heatmaps.scrubber.maximum()):
        heatmaps.set_position(position)
        key = heatmaps.current_key()
        a, b = heatmaps.shown_snapshots()
        assert (a.epoch, a.batch) == (b.epoch, b.batch)
        for plot, snaps, shown in zip(heatmaps.plots, saved, (a, b), strict=True):
            on_disk = next(s for s in snaps if (s.epoch, s.batch) == (shown.epoch, shown.batch))
            np.testing.assert_allclose(plot.image.image, on_disk.states[0], rtol=1e-6)
        assert heatmaps.position.text().startswith(("epoch", "end of epoch")), key
    first, last = saved[0][0].states[0], saved[0][-1].states[0]
    assert not np.allclose(first, last)  # scrubbing showed different moments
    heatmaps.difference.setChecked(True)
    a, b = heatmaps.shown_snapshots()
    np.testing.assert_allclose(heatmaps.difference_image(), a.states[0] - b.states[0], atol=1e-6)


def test_compare_refuses_too_few_runs_and_a_folder_that_is_not_a_run(qtbot, make_window,
                                                                     tmp_path):
    window = make_window(start_tf=False)
    compare = open_compare(qtbot, window)
    qtbot.addWidget(compare)
    compare.setup.list.setCurrentRow(0)
    compare.setup.remove_current()
    with qtbot.waitSignal(reporter.shown, timeout=5_000) as blocker:
        qtbot.mouseClick(compare.start_button, Qt.MouseButton.LeftButton)
    assert "2 to 4 runs" in blocker.args[1]
    from seqstudio.engine.rundir import RunDirError

    with pytest.raises(RunDirError, match="is not a run directory"):
        compare.setup.add_past_run(tmp_path)
    for _ in range(3):
        compare.setup.add_cell.click()
    assert len(compare.setup.entries) == 4 and not compare.setup.add_cell.isEnabled()
    compare.shutdown()


@pytest.mark.long
@pytest.mark.slow
@pytest.mark.skipif("toy_grammar" not in SAMPLES, reason="bundled samples not found")
def test_stop_ends_the_run_that_trains_and_trains_no_more(qtbot, make_window):
    window = make_window(SAMPLES["toy_grammar"])
    tiny_training(window, epochs=50, batch_size=64)
    wait_ready(qtbot, window)
    compare = open_compare(qtbot, window)
    qtbot.addWidget(compare)
    qtbot.mouseClick(compare.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(compare.curves.curve_data(0)["batch_y"]) > 0, timeout=TIMEOUT)
    assert compare.progress.format().startswith("run 1 of 2 (simple-rnn-tanh): epoch ")
    assert compare.progress.value() > 0
    qtbot.mouseClick(compare.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not compare.busy and compare.start_button.isEnabled(),
                    timeout=TIMEOUT)
    stopped = RunDir(compare.runs[0])
    assert stopped.status()["status"] == "stopped"
    assert compare.runs[1] == ""  # the ReLU run never started
    assert compare.progress.format() == "stopped"
    assert "nothing to compare" in compare.status.text()
    assert compare.table.values() == {}
    compare.shutdown()


@pytest.mark.long
@pytest.mark.slow
@pytest.mark.skipif("toy_grammar" not in SAMPLES, reason="bundled samples not found")
def test_a_run_that_diverges_is_a_dialog_and_is_still_compared(qtbot, make_window):
    """B's own learning rate (set in the entry's field) makes ReLU diverge: the dialog says so,
    and the table compares a finished tanh run with a failed ReLU run that differ in the rate."""
    window = make_window(SAMPLES["toy_grammar"])
    tiny_training(window, epochs=1, batch_size=64)
    wait_ready(qtbot, window)
    compare = open_compare(qtbot, window)
    qtbot.addWidget(compare)
    compare.setup.list.setCurrentRow(1)
    rate = compare.findChild(type(compare.setup.learning_rate), "compareLearningRate")
    rate.setText("10")
    assert compare.setup.entries[1].learning_rate == 10.0
    errors = []
    reporter.shown.connect(lambda title, message: errors.append((title, message)))
    with qtbot.waitSignal(compare.compared, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(compare.start_button, Qt.MouseButton.LeftButton)
    comparison = blocker.args[0]
    assert errors and errors[0][0] == "A run failed" and "diverged" in errors[0][1]
    assert comparison.value("status") == ("finished", "failed")
    shown = compare.table.values()
    assert shown["training.learning_rate"][1] == 10.0
    assert shown["training.learning_rate"][0] == window.controls.values()["learning_rate"]
    compare.table.diff_only.setChecked(True)
    assert "training.learning_rate" in compare.table.values()
    compare.shutdown()


@pytest.mark.long
@pytest.mark.slow
def test_past_runs_one_layer_against_two(qtbot, make_window, tmp_path):
    """Two run folders made by `seqstudio train` (one layer, and a stacked RNN of two) added as
    past runs: nothing trains, the table compares them, and the layer picker shows layer 2 of
    the stacked run while the one-layer run says it has none."""
    from cli_subprocess import tiny_text

    data = tiny_text(tmp_path)
    runs = []
    for name, extra in (("one", ("--cell", "simple-rnn-tanh")),
                        ("two", ("--cell", "stacked-rnn", "--layers", "2"))):
        done = seqstudio("train", data, *extra, "--epochs", "1", "--seq-len", "8", "--units", "4",
                         "--batch-size", "256", "--quiet", "--out", tmp_path / name)
        assert done.returncode == 0, done.stderr
        runs.append(str(tmp_path / name))
    window = make_window(start_tf=False)
    compare = open_compare(qtbot, window)
    qtbot.addWidget(compare)
    while compare.setup.entries:
        compare.setup.remove_current()
    for run in runs:
        compare.setup.add_past_run(run)
    with qtbot.waitSignal(compare.compared, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(compare.start_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].value("cell.layers") == (1, 2)
    heatmaps = compare.heatmaps
    layer = compare.findChild(type(heatmaps.layer), "compareLayer")
    assert layer.count() == 2
    layer.setCurrentIndex(1)
    stacked = RunDir(runs[1]).snapshots()[-1]
    np.testing.assert_allclose(heatmaps.plots[1].image.image, stacked.states[1], rtol=1e-6)
    assert "has no layer 2" in heatmaps.captions[0].text()
    layer.setCurrentIndex(0)
    one = RunDir(runs[0]).snapshots()[-1]
    np.testing.assert_allclose(heatmaps.plots[0].image.image, one.states[0], rtol=1e-6)
    compare.shutdown()
