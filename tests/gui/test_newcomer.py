"""What a newcomer hit in a real window (issue #11), each driven through the widgets."""

from __future__ import annotations

import pytest
from gui_helpers import bundled_samples
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

SAMPLES = bundled_samples()


def wheel(widget, steps: int = 1) -> None:
    """One notch of the mouse wheel over ``widget`` (delivered to the widget first, as Qt does)."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


@pytest.mark.skipif("sine" not in SAMPLES, reason="bundled samples not found")
def test_the_wheel_scrolls_the_panel_and_changes_only_a_clicked_box(qtbot, make_window):
    window = make_window(SAMPLES["sine"], start_tf=False)
    window.resize(1024, 600)
    window.show()
    qtbot.waitExposed(window)
    form = window.data.form
    horizon, window_spin, missing = form.horizon, form.window, form.missing
    assert form.series_box.isVisible()
    from PySide6.QtWidgets import QScrollArea

    area = form.parentWidget()
    while not isinstance(area, QScrollArea):
        area = area.parentWidget()
    area.verticalScrollBar().setValue(0)
    before = (horizon.value(), window_spin.value(), missing.currentIndex())
    for box in (horizon, window_spin, missing):
        wheel(box, -1)
    assert (horizon.value(), window_spin.value(), missing.currentIndex()) == before
    if area.verticalScrollBar().maximum() > 0:  # the panel scrolled instead
        assert area.verticalScrollBar().value() > 0
    assert window.model_panel.form.editor("units").focusPolicy() != Qt.FocusPolicy.WheelFocus
    # Once clicked (focused), the wheel is the box's again.
    window.activateWindow()
    qtbot.mouseClick(horizon, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(horizon.hasFocus, timeout=3_000)
    wheel(horizon, 1)
    assert horizon.value() == before[0] + 1


def _series_csv(path, bad_cells=()):
    """A small hourly series; ``bad_cells`` rows get text instead of a number."""
    import math

    lines = ["date,value"]
    for i in range(240):
        value = "oops" if i in bad_cells else f"{10 + 3 * math.sin(i / 6):.3f}"
        lines.append(f"2024-01-{1 + i // 24:02d} {i % 24:02d}:00,{value}")
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.mark.slow
def test_invalid_settings_disable_start_and_say_why(qtbot, make_window, tmp_path):
    from gui_helpers import wait_ready

    window = make_window(_series_csv(tmp_path / "series.csv"))
    wait_ready(qtbot, window)
    form = window.data.form
    form.target.setText("nope")  # the column does not exist: the old dataset must not train
    assert not window.start_button.isEnabled()
    reason = window.controls.reason.text()
    assert "no column 'nope'" in reason and not window.controls.reason.isHidden()
    assert "no column 'nope'" in window.start_button.toolTip()
    window.start_training()  # the menu action or F5 would do the same: nothing starts
    assert window.state == "idle" and window.thread is None
    form.target.setText("value")
    assert not window.start_button.isEnabled()  # until the dataset is rebuilt
    qtbot.waitUntil(window.start_button.isEnabled, timeout=30_000)
    assert window.data.dataset.target_columns == ["value"]
    assert window.controls.reason.isHidden()


@pytest.mark.slow
def test_a_file_the_data_layer_refuses_disables_start_with_its_message(qtbot, make_window,
                                                                       tmp_path):
    from gui_helpers import wait_ready

    window = make_window(_series_csv(tmp_path / "series.csv"))
    wait_ready(qtbot, window)
    bad = _series_csv(tmp_path / "bad.csv", bad_cells=range(0, 240, 2))
    window.open_file(bad)
    qtbot.waitUntil(lambda: bool(window.data.load_error), timeout=30_000)
    assert not window.start_button.isEnabled()
    assert window.data.load_error in window.controls.reason.toolTip()
    assert window.controls.reason.text().startswith("Cannot start: Data: ")


@pytest.mark.parametrize("lo, hi, px", [(-2, 0.5, 300), (-0.3, 0.5, 300), (-6, 1, 150),
                                        (-12, 1, 100), (0.1, 0.2, 100), (-1, 0.6, 900)])
def test_log_scale_tick_labels_do_not_overlap(lo, hi, px):
    import numpy as np

    from seqstudio.gui.log_axis import LABEL_PX, log_ticks

    majors, minor = log_ticks(lo, hi, px)
    ticks = np.sort(np.array(majors + minor))
    assert len(ticks) >= 2  # something is labelled
    gaps_px = np.diff(ticks) * px / (hi - lo)
    assert gaps_px.min() >= LABEL_PX - 1e-6


def test_log_axis_is_the_loss_plots(qtbot):
    from seqstudio.gui.log_axis import LogFriendlyAxis
    from seqstudio.gui.qt_loss_plot import QtLossPlot

    plot = QtLossPlot()
    qtbot.addWidget(plot)
    axis = plot.plot.getPlotItem().getAxis("left")
    assert isinstance(axis, LogFriendlyAxis)
    plot.set_log_scale(True)
    levels = axis.tickValues(-2, 0.5, 300)
    assert len(levels[1][1]) < 9 * 3  # thinned, not every 2..9 of each decade


@pytest.mark.slow
def test_bad_cells_are_named_and_can_be_treated_as_missing(qtbot, make_window, tmp_path):
    from gui_helpers import wait_ready

    window = make_window(_series_csv(tmp_path / "series.csv"))
    wait_ready(qtbot, window)
    window.open_file(_series_csv(tmp_path / "few.csv", bad_cells=(5, 50, 90)))
    qtbot.waitUntil(lambda: bool(window.data.load_error), timeout=30_000)
    assert "row 6" in window.data.load_error and "'oops'" in window.data.load_error
    assert not window.start_button.isEnabled()
    button = window.data.treat_button
    assert not button.isHidden() and "3 bad cells of 'value'" in button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.start_button.isEnabled, timeout=30_000)
    assert window.data.dataset.target_columns == ["value"]
    assert any("treated 3 cells" in note for note in window.data.dataset.notes)
    assert "treated 3 cells" in window.data.summary.text()


@pytest.mark.slow
@pytest.mark.skipif(not {"sentences", "toy_grammar"} <= set(SAMPLES), reason="no samples")
def test_classification_run_tells_the_truth_then_a_new_file_starts_clean(qtbot, make_window):
    from gui_helpers import tiny_training, wait_ready

    window = make_window(SAMPLES["sentences"])
    tiny_training(window, epochs=2, batch_size=64)
    wait_ready(qtbot, window)
    qtbot.waitUntil(lambda: bool(window.live.loss.marks.baselines), timeout=60_000)
    labels = [label for label, _ in window.live.loss.marks.baselines]
    assert any("majority" in label for label in labels), labels
    probe = window.data.dataset.probe
    with qtbot.waitSignal(window.trainingFinished, timeout=180_000) as blocker:
        window.start_training()
    assert blocker.args[0].status == "finished", blocker.args[0]
    # The prediction came from the engine: its true class (the engine's "target") is shown.
    panel = window.live.prediction
    assert panel.last is not None and panel.stack.currentWidget() is panel.classify_page
    assert panel.last.extra["target"] == probe.target_label
    assert f"true class: <b>{probe.target_label}</b>" in panel.sentence.text()
    assert " ".join(probe.step_labels) in panel.sentence.text()
    # The run summary says how the model compares with the baselines, in words.
    assert "(2 epochs)" in window.controls.progress.format()
    summary = window.controls.result.text()
    assert any(w in summary for w in ("beats", "not yet better than", "level with")), summary
    assert summary in window.statusBar().currentMessage()
    # Scrubbing back shows that epoch's prediction and marks it on the loss plot.
    scrubber = window.live.scrubber
    assert len(scrubber.snapshots) >= 2
    scrubber.slider.setValue(0)
    first = scrubber.snapshots[0]
    assert window.live.loss.marks.shown_x == window.live.loss.x_of(first.epoch, first.batch)
    expected = window.live.prediction_at(first)
    assert panel.last is expected and (expected is None or expected.epoch <= first.epoch)
    scrubber.slider.setValue(len(scrubber.snapshots) - 1)
    assert window.live.loss.marks.shown_x is None and panel.last.epoch == 1

    # Another file: nothing of this run or file stays, and the heatmap labels are the new file's.
    window.open_file(SAMPLES["toy_grammar"])
    assert window.live.loss.n_points == 0 and window.live.hidden.snapshot is None
    assert panel.last is None and not window.live.scrubber.snapshots
    assert window.controls.progress.format() == "idle" and window.controls.result.isHidden()
    assert window.data.form.effective_task() == "lm"
    qtbot.waitUntil(lambda: window.data.dataset is not None, timeout=60_000)
    new_labels = window.live.hidden.plot.time_labels
    assert new_labels and set(new_labels) <= set(window.data.dataset.probe.step_labels) | {"∅"}
    qtbot.waitUntil(lambda: all("majority" not in label for label, _ in
                                window.live.loss.marks.baselines), timeout=60_000)


@pytest.mark.skipif("toy_grammar" not in SAMPLES, reason="bundled samples not found")
def test_text_settings_default_to_the_file_and_the_notes_preset_is_one_click(qtbot, make_window):
    window = make_window(SAMPLES["toy_grammar"], start_tf=False)
    form = window.data.form
    opts = form.options()
    assert opts["vocab"] is None and opts["seq_len"] is None  # the data layer chooses
    assert "auto" in form.vocab.text() and "auto" in form.seq_len.text()
    qtbot.mouseClick(form.preset_button, Qt.MouseButton.LeftButton)
    opts = form.options()
    assert (opts["vocab"], opts["seq_len"], opts["level"], opts["input_kind"]) == \
        (100, 20, "word", "onehot")
    assert window.model_panel.cell_name() == "simple-rnn-tanh"
    assert window.model_panel.params()["units"] == 10


@pytest.mark.slow
@pytest.mark.skipif("toy_grammar" not in SAMPLES, reason="bundled samples not found")
def test_the_window_works_at_1024_by_600(qtbot, make_window):
    from gui_helpers import wait_ready

    window = make_window(SAMPLES["toy_grammar"])
    hint = window.minimumSizeHint()
    assert hint.width() <= 1000 and hint.height() <= 570, hint  # room for a title bar and panel
    window.resize(1024, 600)
    window.show()
    qtbot.waitExposed(window)
    assert window.width() <= 1024 and window.height() <= 600
    qtbot.mouseClick(window.data.form.preset_button, Qt.MouseButton.LeftButton)
    wait_ready(qtbot, window)
    panel = window.model_panel
    # Built while the Data tab is in front, as on a first start; then the Model tab is opened.
    qtbot.waitUntil(lambda: any("1,110" in r.formula for r in panel.rows), timeout=60_000)
    qtbot.wait(300)
    window.tabs.setCurrentIndex(window.tabs.indexOf(window.model_panel.parentWidget().parentWidget()))
    qtbot.wait(100)
    for name in ("units",):  # the fields keep their height instead of being squashed
        editor = panel.form.editor(name)
        assert editor.height() >= editor.minimumSizeHint().height()
    table = panel.table
    formula = table.horizontalHeader().logicalIndex(3)
    for row in range(table.rowCount()):
        item = table.item(row, formula)
        if item is not None and item.text():  # the whole formula is in view (wrapped if need be)
            assert table.rowHeight(row) >= table.sizeHintForRow(row) - 1
            assert item.text() in item.toolTip()


@pytest.mark.slow
@pytest.mark.skipif("sine" not in SAMPLES, reason="bundled samples not found")
def test_tensorboard_switch_says_where_the_logs_are(qtbot, make_window, isolated_settings):
    from gui_helpers import tiny_training, wait_ready

    from seqstudio.engine import tensorboard

    window = make_window(SAMPLES["sine"])
    window.show()
    qtbot.waitExposed(window)
    tiny_training(window, epochs=1)
    wait_ready(qtbot, window)
    box = window.controls.tensorboard
    if not tensorboard.available():
        assert not box.isEnabled() and tensorboard.INSTALL in box.toolTip()
        return
    # on the box itself: the widget is as wide as its column, and Qt toggles a check box only
    # when the click lands on its indicator or its text
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.isChecked()
    with qtbot.waitSignal(window.trainingFinished, timeout=180_000) as blocker:
        window.start_training()
    result = blocker.args[0]
    assert result.status == "finished", result
    # The run went to the runs folder of the preferences, with its TensorBoard logs.
    from pathlib import Path

    run = Path(result.run_dir)
    assert run.parent == window.settings.runs_folder()
    hint = window.controls.tensorboard_hint
    assert not hint.isHidden() and f"tensorboard --logdir {run.resolve() / 'tensorboard'}" in \
        hint.text()
    assert any(p.name.startswith("events.out.tfevents") for p in (run / "tensorboard").rglob("*"))


@pytest.mark.slow
@pytest.mark.skipif("sine" not in SAMPLES, reason="bundled samples not found")
def test_progress_loss_and_prediction_speak_of_the_same_epoch(qtbot, make_window):
    from gui_helpers import tiny_training, wait_ready

    from seqstudio.engine.events import SamplePrediction

    window = make_window(SAMPLES["sine"])
    tiny_training(window, epochs=12, batch_size=256)  # epochs faster than the redraw timer
    wait_ready(qtbot, window)
    seen = []

    def check(ev):  # runs right after the window handled the same event
        if isinstance(ev, SamplePrediction):
            x, _ = window.live.loss.batch_data()
            seen.append((ev.epoch + 1, window.controls.progress.format(),
                         float(x.max()) if len(x) else 0.0,
                         window.live.prediction.caption.text()))

    window.start_training()
    window.thread.event.connect(check)
    with qtbot.waitSignal(window.trainingFinished, timeout=180_000) as blocker:
        pass
    assert blocker.args[0].status == "finished", blocker.args[0]
    assert len(seen) >= 3
    for epoch, progress, loss_x, caption in seen:
        assert progress.startswith(f"epoch {epoch}/12"), (epoch, progress)
        assert loss_x == pytest.approx(epoch), (epoch, loss_x)  # every batch of it is in
        assert caption.startswith(f"Prediction after epoch {epoch}"), (epoch, caption)


@pytest.mark.slow
@pytest.mark.skipif("sine" not in SAMPLES, reason="bundled samples not found")
def test_forecast_shows_the_whole_validation_part_against_persistence(qtbot, make_window):
    import numpy as np
    from gui_helpers import tiny_training, wait_ready

    from seqstudio.engine.evaluate import evaluate
    from seqstudio.engine.rundir import RunDir

    window = make_window(SAMPLES["sine"])
    tiny_training(window, epochs=2)
    wait_ready(qtbot, window)
    with qtbot.waitSignal(window.trainingFinished, timeout=180_000) as blocker:
        window.start_training()
    result = blocker.args[0]
    assert result.status == "finished", result
    panel = window.live.prediction
    qtbot.waitUntil(lambda: panel.validation is not None, timeout=60_000)
    vf, dataset = panel.validation, window.data.dataset
    assert len(vf.actual) == len(vf.predicted) == dataset.n_val  # every window, not the first
    assert vf.persistence is not None and panel.val_persistence.isVisible() is not False
    assert "Whole validation part" in panel.caption.text() and "persistence" in \
        panel.caption.text()
    # The same figure the core's evaluation gives for the run's model (horizon 1, one target).
    core = evaluate(RunDir(result.run_dir).load_model(), dataset)
    assert vf.mae(vf.predicted) == pytest.approx(core["model"]["mae"], rel=1e-4)
    assert vf.mae(vf.persistence) == pytest.approx(core["baselines"]["persistence"]["mae"],
                                                   rel=1e-4)
    assert np.all(np.isfinite(vf.predicted))
    # Scrubbing back to the first epoch: that checkpoint predicts the validation part.
    window.live.scrubber.slider.setValue(0)
    qtbot.waitUntil(lambda: panel.validation is not vf and panel.validation is not None,
                    timeout=60_000)
    assert panel.validation.label == "after epoch 1"


@pytest.mark.skipif("sine" not in SAMPLES, reason="bundled samples not found")
def test_legends_sit_outside_the_data(qtbot, make_window):
    window = make_window(SAMPLES["sine"], start_tf=False)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    plots = {"loss": (window.live.loss.plot, window.live.loss.plot.legend),
             "trajectories": (window.live.trajectories.plot, window.live.trajectories.legend),
             "forecast": (window.live.prediction.forecast, window.live.prediction.forecast_legend),
             "preview": (window.data.series, window.data.series_legend)}
    window.live.prediction.stack.setCurrentWidget(window.live.prediction.forecast)
    window.data.preview_tabs.setCurrentWidget(window.data.series)
    qtbot.wait(100)
    for name, (plot, legend) in plots.items():
        view = plot.getPlotItem().getViewBox().sceneBoundingRect()
        assert not legend.sceneBoundingRect().intersects(view), name


def test_help_menu_has_the_guide_and_the_shortcuts(qtbot, make_window):
    window = make_window(start_tf=False)
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    names = [a.objectName() for a in help_menu.actions()]
    assert {"guideAction", "shortcutsAction", "aboutAction"} <= set(names)
    window.actions_.guide.trigger()
    guide = window.findChild(object, "guideDialog")
    qtbot.addWidget(guide)
    text = guide.findChild(object, "guideDialogText").toPlainText()
    assert "seqstudio" in text and len(text) > 500  # docs/gui.md, rendered
    window.actions_.shortcuts.trigger()
    shortcuts = window.findChild(object, "shortcutsDialog")
    qtbot.addWidget(shortcuts)
    listed = shortcuts.findChild(object, "shortcutsDialogText").toPlainText()
    for what in ("Start", "Pause / Resume", "Open", "User Guide", "Preferences"):
        assert what in listed, what
    assert "F5" in listed


def test_runs_folder_is_per_user_and_changed_in_preferences(qtbot, make_window, tmp_path):
    from seqstudio.gui.preferences import PreferencesDialog
    from seqstudio.gui.settings import default_runs_folder

    window = make_window(start_tf=False)
    assert default_runs_folder().parts[-2:] == ("seqstudio", "runs")
    window.actions_.preferences.trigger()
    dialog = window.findChild(PreferencesDialog)
    qtbot.addWidget(dialog)
    edit = dialog.findChild(object, "runsFolderEdit")
    assert edit.text() == str(window.settings.runs_folder())
    edit.setText(str(tmp_path / "my-runs"))
    dialog.accept()
    window.close()
    again = make_window(start_tf=False)  # remembered
    assert again.settings.runs_folder() == tmp_path / "my-runs"


@pytest.mark.skipif("sine" not in SAMPLES, reason="bundled samples not found")
def test_only_the_settings_lock_while_training(make_window):
    window = make_window(SAMPLES["sine"], start_tf=False)
    window.state = "training"  # what start_training sets; no run needed to see the locks
    window._refresh_controls()
    try:
        assert not window.data.form.isEnabled() and not window.model_panel.form.isEnabled()
        assert window.data.preview_tabs.isEnabled() and window.data.table.isEnabled()
        assert window.data.series.isEnabled()
    finally:
        window.state = "idle"
        window._refresh_controls()
