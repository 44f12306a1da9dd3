"""The redraw pacer keeps the GUI thread's drawing within its CPU budget."""

from __future__ import annotations

import time

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
    assert pacer.duty > 0.5
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
