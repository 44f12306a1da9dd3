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
