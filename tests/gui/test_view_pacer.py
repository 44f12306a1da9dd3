"""The live view's pacer over the registered views: in a stream a tick draws the loss plot and
the tab in front together, only the tab in front is drawn, a tab brought forward catches up, and a view redraws only for what it needs."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from seqstudio.engine.events import BatchEnd, HiddenSnapshot, Started
from seqstudio.gui import live_view
from seqstudio.gui.live_view import LiveView
from seqstudio.gui.views import VIEWS


def snap(epoch, batch=-1, t=6, n=4):
    states = (np.tanh(np.arange(t * n, dtype=np.float32).reshape(t, n) / 10 - epoch),)
    return HiddenSnapshot(epoch, batch, states, ("rnn",), tuple("abcdef"[:t]))


def drawn(view: LiveView) -> dict[str, int]:
    counts = {name: len(v.draw_times) for name, v in view.views.items()}
    counts["loss"] = view.loss.n_points if not view.loss.pending else -1
    return counts


def test_every_registered_view_is_in_a_tab():
    view = LiveView()
    titles = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert set(titles) == {s.tab_title for s in VIEWS}
    assert set(view.views) == {s.name for s in VIEWS}
    assert view.tabs.tabText(view.tabs.currentIndex()) == VIEWS[0].tab_title
    view.deleteLater()


def test_a_stream_draws_the_loss_and_the_tab_in_front_in_one_tick(qtbot, monkeypatch):
    clock = [100.0]
    monkeypatch.setattr(live_view, "time", SimpleNamespace(monotonic=lambda: clock[0]))
    view = LiveView()
    qtbot.addWidget(view)
    view.on_started(Started("", "", (), 0, 2, 10, "", 0))
    unrolled, heatmap = view.views["unrolled"], view.views["heatmap"]
    view.redraw()
    before = len(unrolled.draw_times)

    def ticks(count: int, gap: float) -> list[str]:
        """``count`` ticks ``gap`` s apart, new batches and a snapshot before each: what each
        drew (L the loss plot, V the tab in front)."""
        drew = []
        for _ in range(count):
            clock[0] += gap
            tick = view.model.batch_count
            view.add_batches([BatchEnd(0, tick, tick, 1.0)])
            view.on_snapshot(snap(0, tick))
            counts = {name: len(v.draw_times) for name, v in view.views.items()}
            loss_before = view.loss.pending
            view.redraw()
            grew = {name for name, v in view.views.items() if len(v.draw_times) > counts[name]}
            assert grew <= {"heatmap", "trajectories"}, grew  # the tab in front only
            assert grew in (set(), {"heatmap", "trajectories"})  # a tab's views together
            drew.append(("L" if loss_before and not view.loss.pending else "")
                        + ("V" if grew else ""))
        return drew

    # 10 ticks a second: every tick draws both (a view waits 0.15 s, within half a tick)
    assert ticks(10, 0.1) == ["LV"] * 10
    # the timer's fastest, 12.5 a second: both every other tick (0.15 s apart at most)
    assert ticks(10, 0.08) == ["", "LV"] * 5
    assert len(unrolled.draw_times) == before and unrolled.pending  # its tab is not in front
    assert heatmap.panel.snapshot is view.model.snapshots[-1]  # drawn on the last tick
    view.on_snapshot(snap(0, 99))
    clock[0] += 0.01
    view.redraw()  # too soon after the last draw: left for the catch-up once the stream stops
    assert heatmap.pending and view._catch_up.isActive()

    view.show_view("unrolled")  # brought forward: drawn at once, with the newest snapshot
    qtbot.waitUntil(lambda: not unrolled.pending, timeout=3_000)
    assert unrolled.canvas.picture.states[0] is view.model.snapshot.states[0]
    assert view.tabs.tabText(view.tabs.currentIndex()) == "Unrolled"


def test_a_choice_redraws_at_once_only_the_views_on_screen_that_need_it(qtbot):
    view = LiveView()
    qtbot.addWidget(view)
    view.on_snapshot(snap(0))
    view.redraw(flush=True)
    for v in view.views.values():  # drawn once, the tabs not in front too
        v.draw()
    counts = {name: len(v.draw_times) for name, v in view.views.items()}
    view.model.set_step(2)  # no run streams in: what is on screen is drawn now
    heatmap = view.views["heatmap"]
    assert len(heatmap.draw_times) == counts["heatmap"] + 1 and not heatmap.pending
    assert heatmap.panel.plot.step_mark.getRegion() == (2, 3)
    trajectories = view.views["trajectories"]  # shows no step: not drawn again
    assert len(trajectories.draw_times) == counts["trajectories"] and not trajectories.pending
    assert view.views["inspector"].pending and view.views["unrolled"].pending  # not on screen
    assert len(view.views["unrolled"].draw_times) == counts["unrolled"]


def weights_at(epoch, batch, n=4, d=3):
    """A weights snapshot as the training process sends one after each hidden-state snapshot
    (its health figures from numpy, as the engine computes them)."""
    from seqstudio.engine.events import LayerWeights, WeightsSnapshot

    rng = np.random.default_rng(100 * epoch + batch)
    wh = rng.normal(size=(n, n)) * 0.3
    eig = np.linalg.eigvals(wh)
    layer = LayerWeights("rnn", "simple-rnn-tanh", {"kernel": rng.normal(size=(d, n)),
                                                    "recurrent_kernel": wh, "bias": np.zeros(n)},
                         np.zeros((6, d)), eig, float(np.abs(eig).max()), 0.0, 0.0,
                         "recurrent_kernel")
    return WeightsSnapshot(epoch, batch, (layer,))


def test_a_view_keeps_its_weights_until_the_next_ones_arrive(qtbot):
    """The weights come a moment after their snapshot: a view drawn in between keeps what it
    shows instead of emptying itself and filling again; a run that ends without them says so."""
    from seqstudio.engine.events import Finished

    view = LiveView()
    qtbot.addWidget(view)
    view.on_started(Started("", "", (), 0, 2, 10, "", 0))
    weights = view.views["weights"]
    view.on_snapshot(snap(0, 0))
    view.add_event(weights_at(0, 0))
    weights.draw()
    first = weights.panel.snapshot
    assert first is view.model.weights_at() and first is not None
    view.on_snapshot(snap(0, 1))  # its weights are on their way
    weights.draw()
    assert weights.panel.snapshot is first
    view.add_event(weights_at(0, 1))
    assert weights.pending
    weights.draw()
    assert weights.panel.snapshot is view.model.weights_at() is not first
    view.on_snapshot(snap(0, 2))
    weights.draw()
    view.add_event(Finished("stopped", "stopped by user", 0, ""))  # no weights came with it
    assert weights.pending
    weights.draw()
    assert weights.panel.snapshot is None
    assert "No weights were recorded" in weights.panel.formula.text()


def test_in_a_stream_the_scrubber_shows_the_newest_snapshot_at_the_ticks(qtbot, monkeypatch):
    """The slider and its label repaint with the views at a tick, not at every snapshot; what the
    user picks, and the end of the stream, are shown at once."""
    clock = [100.0]
    monkeypatch.setattr(live_view, "time", SimpleNamespace(monotonic=lambda: clock[0]))
    view = LiveView()
    qtbot.addWidget(view)
    scrubber = view.scrubber
    selected = []
    scrubber.snapshotSelected.connect(selected.append)
    view.on_started(Started("", "", (), 0, 2, 10, "", 0))
    for batch in range(2):  # two ticks: a stream
        clock[0] += 0.2
        view.on_snapshot(snap(0, batch))
        view.redraw()
    assert scrubber.label.text().endswith("(2/2)") and scrubber.slider.maximum() == 1
    for batch in range(2, 5):  # three snapshots before the next tick
        view.on_snapshot(snap(0, batch))
    assert scrubber.label.text().endswith("(2/2)") and scrubber.stale
    assert selected[-1] is view.model.snapshots[4]  # the selection itself is not held back
    clock[0] += 0.2
    view.redraw()  # the tick shows the newest
    assert scrubber.label.text() == "epoch 1 · batch 5  (5/5)"
    assert (scrubber.slider.maximum(), scrubber.slider.value()) == (4, 4) and not scrubber.stale
    scrubber.slider.setValue(1)  # the user goes back: at once, even in the stream
    assert scrubber.label.text() == "epoch 1 · batch 2  (2/5)"
    scrubber.slider.setValue(4)  # following again
    view.on_snapshot(snap(0, 5))
    assert scrubber.stale
    view.redraw(flush=True)  # the stream ends: everything is shown
    assert scrubber.label.text() == "epoch 1 · batch 6  (6/6)" and not scrubber.stale
    view.on_snapshot(snap(1))  # no stream now: at once
    assert scrubber.label.text() == "epoch 2  (7/7)"
