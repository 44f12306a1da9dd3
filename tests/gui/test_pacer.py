"""The redraw pacer keeps the GUI thread's drawing within its CPU budget."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QTimer

from seqstudio.gui.pacer import RedrawPacer


def spin(seconds: float) -> None:
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


def test_busy_ticks_slow_the_timer_down_and_idle_ones_speed_it_up(qapp):
    timer = QTimer()
    pacer = RedrawPacer(timer, budget=0.05, fastest_ms=100, slowest_ms=400)
    assert timer.interval() == 100
    pacer.tick()
    for _ in range(4):  # 10 ms of CPU a tick: 200 ms between ticks keeps it at 5%
        spin(0.01)
        pacer.tick()
    # CPU time, not the wall clock: what others running on the machine change least
    assert 0.009 <= pacer.cost <= 0.02
    assert 160 <= timer.interval() <= 260
    for _ in range(3):  # 40 ms a tick would need 800 ms: capped at the slowest rate
        spin(0.04)
        pacer.tick()
    assert timer.interval() == 400
    pacer.reset()
    assert timer.interval() == 400, "what drawing costs is remembered between runs"
    pacer.tick()
    for _ in range(10):  # idle: nothing to draw
        time.sleep(0.02)
        pacer.tick()
    assert pacer.duty < 0.05
    assert timer.interval() == 100


def test_a_one_off_cost_is_charged_but_does_not_slow_the_ticks(qapp):
    """A tab brought forward paints its view afresh once (16-140 ms against 5-10 ms a tick):
    that cost counts as drawing, but the ticks after it keep the pace of what they cost. A view
    that stays expensive is averaged in as soon as the one-off ticks are over."""
    from seqstudio.gui.pacer import ONE_OFF_TICKS

    timer = QTimer()
    pacer = RedrawPacer(timer, budget=0.05, fastest_ms=100, slowest_ms=500)
    pacer.tick()
    for _ in range(4):
        spin(0.01)
        pacer.tick()
    steady, interval = pacer.cost, timer.interval()
    drawn = pacer.drawing_cpu
    pacer.one_off()
    for _ in range(ONE_OFF_TICKS):
        spin(0.06)
        pacer.tick()
    assert pacer.cost == steady and timer.interval() == interval
    assert pacer.drawing_cpu - drawn >= 0.06 * ONE_OFF_TICKS  # still charged to drawing
    assert pacer.one_off_cpu == pytest.approx(pacer.drawing_cpu - drawn)  # and told apart
    spin(0.03)  # from here on it is what the ticks cost: the average starts again from it
    pacer.tick()
    assert 0.03 <= pacer.cost < 0.06
    assert timer.interval() >= 2 * interval


def test_interval_for_a_tick_cost(qapp):
    pacer = RedrawPacer(QTimer(), budget=0.04, fastest_ms=100, slowest_ms=500)
    assert pacer.interval_for(0.008) == 200  # 8 ms a tick at 4%: five ticks a second
    assert pacer.interval_for(0.001) == 100
    assert pacer.interval_for(0.1) == 500


def test_the_slowest_ticks_still_count_as_a_stream_for_the_live_view():
    """LiveView staggers the loss plot and the heatmap only within a stream of ticks; a pacer
    that slowed the timer past the stream gap would make every tick draw both."""
    from seqstudio.gui import live_view, pacer

    assert live_view.STREAM_GAP_S > pacer.SLOWEST_MS / 1000


def test_only_the_redraw_and_the_windows_paints_are_charged_to_a_tick(qtbot, qapp):
    """What the GUI thread does once the redraw is over (taking in the training's events) is
    not drawing: slowing the ticks would not make it cheaper. The window's paints are."""
    from PySide6.QtWidgets import QWidget

    class Costly(QWidget):
        def paintEvent(self, _event):  # noqa: N802 - Qt override
            spin(0.02)

    window = QWidget()
    qtbot.addWidget(window)
    window.resize(200, 120)
    costly = Costly(window)
    costly.resize(100, 60)
    window.show()
    qtbot.waitExposed(window)
    qapp.processEvents()
    timer = QTimer(window)
    pacer = RedrawPacer(timer, budget=0.05, fastest_ms=100, slowest_ms=400)
    assert pacer.window is window  # the timer's parent
    pacer.tick()
    for _ in range(3):
        qapp.processEvents()  # the event loop is back: the tick's redraw is over
        spin(0.02)  # work that is not drawing
        pacer.tick()
    assert pacer.cost < 0.01
    assert timer.interval() == 100
    for _ in range(4):
        costly.update()
        for _ in range(3):
            qapp.processEvents()  # the window paints: 20 ms of CPU
        pacer.tick()
    assert pacer.cost >= 0.012
    assert timer.interval() >= 240


def test_a_timer_owned_by_an_object_of_the_window_charges_the_windows_paints(qtbot):
    """The redraw timer may belong to an object that is not a widget (the window's training
    session): the paints that count are still those of the window above it."""
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    session = QObject(window)
    pacer = RedrawPacer(QTimer(session))
    assert pacer.window is window
    assert RedrawPacer(QTimer()).window is None  # no window to time: only the ticks count


def test_a_tab_brought_forward_is_a_one_off_for_the_windows_pacer(make_window, qapp):
    """The window's pacer leaves the ticks in which a tab is brought forward out of its
    average; the ticks that follow count again."""
    from seqstudio.gui.pacer import ONE_OFF_TICKS

    window = make_window()
    pacer = window.pacer
    pacer.tick()
    for _ in range(3):
        spin(0.005)
        pacer.tick()
    steady = pacer.cost
    window.live.show_view("unrolled")
    for _ in range(ONE_OFF_TICKS):
        spin(0.05)
        pacer.tick()
    assert pacer.cost == steady
    spin(0.05)
    pacer.tick()
    assert pacer.cost > steady
