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
    for _ in range(8):  # all CPU: far over a 5% budget
        spin(0.01)
        pacer.tick()
    assert pacer.duty > 0.5
    assert timer.interval() == 400  # stretched up to the slowest rate
    for _ in range(12):  # idle: far under the budget
        time.sleep(0.02)
        pacer.tick()
    assert pacer.duty < 0.05
    assert timer.interval() == 100
    pacer.reset()
    assert timer.interval() == 100 and pacer.duty == 0.0


def test_next_interval_steps_within_bounds(qapp):
    pacer = RedrawPacer(QTimer(), budget=0.04, fastest_ms=100, slowest_ms=500)
    assert pacer.next_interval(100, 0.08) == 126
    assert pacer.next_interval(480, 0.5) == 500
    assert pacer.next_interval(200, 0.03) == 200  # inside the band: unchanged
    assert pacer.next_interval(200, 0.01) == 160
    assert pacer.next_interval(110, 0.0) == 100
