"""The plot widgets, driven by synthetic events (no TensorFlow)."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pyqtgraph as pg

from seqstudio.engine.events import BatchEnd, EpochEnd, HiddenSnapshot, SamplePrediction, Started
from seqstudio.gui import live_view
from seqstudio.gui.live_view import LiveView
from seqstudio.gui.qt_epoch_scrubber import QtEpochScrubber
from seqstudio.gui.qt_hidden_state_plot import QtHiddenStatePlot, color_levels, readable_token
from seqstudio.gui.qt_loss_plot import QtLossPlot
from seqstudio.gui.qt_prediction_panel import QtPredictionPanel
from seqstudio.gui.qt_trajectories import SYMBOL_STEPS, QtTrajectories, parse_units


def snap(epoch, batch=-1, layers=1, t=5, n=4, value=0.5):
    states = tuple(np.full((t, n), value * (i + 1), dtype=np.float32) for i in range(layers))
    return HiddenSnapshot(epoch, batch, states, tuple(f"rnn_{i}" for i in range(layers)),
                          ("a", "b", "␣", "c", "↵")[:t])  # as the data layer labels tokens


def test_loss_plot_buffers_until_redraw(qtbot):
    plot = QtLossPlot()
    qtbot.addWidget(plot)
    plot.clear(steps_per_epoch=10)
    plot.add_batches([BatchEnd(0, b, b, 2.0 - 0.1 * b) for b in range(10)])
    assert plot.plot.batch_curve.xData is None or len(plot.plot.batch_curve.xData) == 0
    assert plot.redraw()
    x, y = plot.plot.batch_curve.getOriginalDataset()
    assert len(x) == 10 and x[-1] == 1.0 and y[0] == 2.0
    assert not plot.redraw()  # nothing new: no work
    plot.add_epoch(EpochEnd(0, {"loss": 1.5, "val_loss": 1.6}))
    plot.redraw()
    assert list(plot.plot.val_curve.getOriginalDataset()[1]) == [1.6]
    plot.set_log_scale(True)
    assert plot.plot.getPlotItem().ctrl.logYCheck.isChecked()


def test_loss_curves_downsample_and_clip(qtbot):
    plot = QtLossPlot()
    qtbot.addWidget(plot)
    for curve in (plot.plot.batch_curve, plot.plot.smooth_curve):
        assert curve.opts["autoDownsample"] and curve.opts["downsampleMethod"] == "peak"
        assert curve.opts["clipToView"]


def test_heatmap_levels_suit_the_activation(qtbot):
    panel = QtHiddenStatePlot()
    qtbot.addWidget(panel)
    panel.show_snapshot(snap(0, value=0.3))
    assert isinstance(panel.image, pg.ImageItem)
    assert panel.image.image.shape == (5, 4)  # time steps × units
    assert tuple(panel.image.getLevels()) == (-1.0, 1.0)
    panel.set_activation("relu")
    assert tuple(panel.image.getLevels()) == (0.0, np.float32(0.3))
    assert color_levels("other", np.array([[-2.0, 1.0]])) == (-2.0, 2.0)
    ticks = panel.plot.getPlotItem().getAxis("bottom")._tickLevels[0]
    assert [label for _, label in ticks] == ["a", "b", "␣", "c", "↵"]
    assert readable_token("") == "∅"
    assert readable_token("2024-01-14 13:00") == "2024-01-14 13:00"  # timestamps keep spaces


def test_layer_selector_for_stacked_models(qtbot):
    panel = QtHiddenStatePlot()
    qtbot.addWidget(panel)
    panel.show_snapshot(snap(0))
    assert panel.layer.isHidden()
    panel.show_snapshot(snap(0, layers=2))
    assert not panel.layer.isHidden() and panel.layer.count() == 2
    panel.layer.setCurrentIndex(1)
    assert float(panel.image.image[0, 0]) == np.float32(1.0)


def test_scrubber_follows_then_replays(qtbot):
    scrubber = QtEpochScrubber()
    qtbot.addWidget(scrubber)
    seen = []
    scrubber.snapshotSelected.connect(seen.append)
    for e in range(3):
        scrubber.add(snap(e))
    assert [s.epoch for s in seen] == [0, 1, 2]
    scrubber.slider.setValue(0)
    assert seen[-1].epoch == 0 and not scrubber.following
    scrubber.add(snap(3))  # the user went back: stay there
    assert seen[-1].epoch == 0 and scrubber.slider.value() == 0
    scrubber.slider.setValue(3)
    assert seen[-1].epoch == 3 and scrubber.following


def test_trajectories_plot_chosen_units(qtbot):
    traj = QtTrajectories()
    qtbot.addWidget(traj)
    assert parse_units("0-2, 5", 10) == [0, 1, 2, 5]
    assert parse_units("3-1", 10) == [1, 2, 3]
    assert parse_units("x", 10) is None
    traj.show(snap(0, n=6))
    traj.units.setText("1, 4")
    drawn = traj.curves_data()
    assert len(drawn) == 2
    states = snap(0, n=6).states[0]
    np.testing.assert_allclose(drawn[1][1], states[:, 4])  # unit 4's values, step by step
    np.testing.assert_allclose(drawn[1][0], np.arange(len(states)) + 0.5)
    traj.units.setText("1,,")
    assert "fdd" in traj.units.styleSheet()


def test_prediction_panel_shows_each_task(qtbot):
    panel = QtPredictionPanel()
    qtbot.addWidget(panel)
    panel.show_prediction(SamplePrediction(0, "lm", text="hello", extra={"prompt": "say "}))
    assert panel.stack.currentWidget() is panel.text and "hello" in panel.text.toPlainText()
    panel.show_prediction(SamplePrediction(1, "classify", class_probs={"a": 0.8, "b": 0.2}))
    assert panel.stack.currentWidget() is panel.classify_page
    panel.show_prediction(SamplePrediction(2, "forecast", forecast=np.ones((3, 1)),
                                           actual=np.zeros((3, 1)), history=np.arange(5.0)))
    assert panel.stack.currentWidget() is panel.forecast
    assert len(panel.forecast_curve.getOriginalDataset()[0]) == 3


def test_loss_ranges_stay_put_while_the_loss_falls(qtbot):
    plot = QtLossPlot()
    qtbot.addWidget(plot)
    plot.clear(steps_per_epoch=100, total_epochs=4)
    ranges = set()
    for tick in range(50):  # 5 epochs (one more than announced) of a falling loss
        steps = range(tick * 10, tick * 10 + 10)
        plot.add_batches([BatchEnd(s // 100, s % 100, s, 3 * np.exp(-s / 60)) for s in steps])
        plot.redraw()
        ranges.add((plot._x_end, plot._y_range))
    assert len(ranges) < 15  # a handful of moves, not one per tick
    (x0, x1), (y0, y1) = plot.plot.getPlotItem().getViewBox().viewRange()
    assert x1 >= 5.0 and y0 >= -0.1 and y1 >= 3.0  # all of the data in view, no axis below 0


def test_trajectories_have_fixed_ranges_and_few_markers(qtbot):
    traj = QtTrajectories()
    qtbot.addWidget(traj)
    view = traj.plot.getPlotItem().getViewBox()
    assert not any(view.autoRangeEnabled())
    traj.show(snap(0, t=5, n=6, value=0.3))
    assert traj.markers_shown()  # a short sequence: a marker per step
    (x0, x1), (y0, y1) = view.viewRange()
    assert x0 <= 0 and x1 >= 5 and y0 <= -1 and y1 >= 1  # tanh: the whole [-1, 1]
    long = HiddenSnapshot(1, -1, (np.full((SYMBOL_STEPS + 8, 6), 0.9, np.float32),), ("rnn",),
                          tuple("x" * (SYMBOL_STEPS + 8)))
    traj.show(long)
    assert not traj.markers_shown()
    assert view.viewRange()[1] == [y0, y1]  # same y range for every snapshot
    traj.set_activation("relu")
    traj.show(snap(2, n=6, value=2.0))
    top = view.viewRange()[1][1]
    assert top >= 2.0
    traj.show(snap(3, n=6, value=0.5))
    assert view.viewRange()[1][1] == top  # ReLU: the range only grows


def test_live_view_draws_loss_and_snapshot_in_one_tick(qtbot, monkeypatch):
    clock = [100.0]
    monkeypatch.setattr(live_view, "time", SimpleNamespace(monotonic=lambda: clock[0]))
    view = LiveView()
    qtbot.addWidget(view)
    view.on_started(Started("", "", (), 0, 2, 10, "", 0))
    step = [0]

    def feed(snapshot: bool) -> None:
        s = step[0]
        step[0] += 2
        view.add_batches([BatchEnd(s // 10, s % 10, s, 1.0), BatchEnd(s // 10, s % 10 + 1, s, 1.0)])
        if snapshot:
            view.on_snapshot(snap(s // 10, batch=s % 10))

    feed(True)
    view.redraw()  # a lone call draws everything
    assert not view.loss.pending and view.hidden.snapshot is not None
    drawn = []
    for gap in (0.1,) * 4 + (0.08,) * 4:  # a stream: 10, then 12.5 ticks a second
        clock[0] += gap
        feed(True)
        before = view.hidden.snapshot
        view.redraw()
        loss, heat = not view.loss.pending, view.hidden.snapshot is not before
        drawn.append(("L" if loss else "") + ("S" if heat else ""))
    # together in one tick, at most every 0.15 s (within half a tick): every tick at 10 a
    # second, every other one at 12.5
    assert drawn == ["LS"] * 4 + ["", "LS"] * 2
    feed(True)
    clock[0] += 0.01
    view.redraw()  # too soon for the snapshot
    assert view.views["heatmap"].pending and view.hidden.snapshot is not view.model.snapshot
    assert view._catch_up.isActive()  # what is left is drawn once the stream stops
    view.redraw(flush=True)  # as at a run's end
    assert not view.loss.pending and view.hidden.snapshot is view.scrubber.snapshots[-1]


def test_live_view_catches_up_after_a_stream_and_replays(qtbot):
    view = LiveView()
    qtbot.addWidget(view)
    view.on_started(Started("", "", (), 0, 2, 10, "", 0))
    for e in range(3):
        view.on_snapshot(snap(e))
        view.add_batches([BatchEnd(e, 0, e * 10, 1.0)])
        view.redraw()  # a stream of calls: some of it is left pending
    qtbot.waitUntil(lambda: view.hidden.snapshot is view.scrubber.snapshots[-1]
                    and not view.loss.pending, timeout=3_000)
    view.scrubber.slider.setValue(0)  # replaying a finished run draws without a timer tick
    qtbot.waitUntil(lambda: view.hidden.snapshot.epoch == 0, timeout=3_000)
