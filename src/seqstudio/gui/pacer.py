"""Keep live drawing within a CPU budget, so the plots never slow the training they show.

On a 2-core machine every millisecond the window spends drawing is taken from TensorFlow. The
pacer measures what each redraw tick costs the GUI thread in CPU time, its own work and the
paints it causes, and stretches or shortens the tick interval to keep that near :data:`BUDGET` of
one core: 12.5 redraws a second when drawing is cheap, fewer when it is not (a large window, a slow
display, a long curve).

What the thread does besides drawing (taking in the training's events, the progress bar) is not
charged to the ticks: fewer ticks would not make it cheaper, and counting it once slowed the
redraws to 2-3 a second while the ticks themselves cost a few milliseconds.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

#: the share of one core the GUI thread may spend drawing while training is shown live (on two
#: cores, 5 % of one is at most 2.5 % of the machine: the issue's cost target is 5 % of training
#: throughput with every view on)
BUDGET = 0.05
#: the fastest and slowest redraw rates (ms between ticks)
FASTEST_MS = 80
SLOWEST_MS = 500
#: how many tick costs after :meth:`RedrawPacer.one_off` stay out of the running average: the
#: interval in which a tab is brought forward (its first paint: 16-28 ms against 5-10 ms a tick,
#: 70-140 ms the first time a tab is ever shown) and the tick after it (the first time, its view's
#: first draw with new data costs 50-60 ms); measured with bench/views.py's replay, one pinned core
ONE_OFF_TICKS = 2


class RedrawPacer(QObject):
    """Sets ``timer``'s interval from what the ticks cost; call :meth:`tick` at the start of each
    timeout (before drawing) and :meth:`reset` when a run starts.

    A tick's cost is the CPU time from :meth:`tick` until the event loop comes back (the redraw),
    plus that of the paints of ``window`` until the next tick (Qt paints every widget made dirty
    when the window handles its ``UpdateRequest``; the pacer times that). If the event loop does
    not come back between two ticks, everything in between counts. The running average of the
    cost, divided by the budget, is the interval that keeps drawing at the budget: one step gets
    there, with no slow ramp. A cost that will not recur (a tab brought forward) is left out of
    the average when :meth:`one_off` says so; it still counts in :attr:`duty` and
    :attr:`drawing_cpu`.

    :param window: the window whose paints count; default the window of the timer's nearest
        ancestor that is a widget (the main window, or the window of the object that owns the
        redraw timer, such as its training session).
    """

    def __init__(self, timer: QTimer, budget: float = BUDGET, fastest_ms: int = FASTEST_MS,
                 slowest_ms: int = SLOWEST_MS, window: QWidget | None = None) -> None:
        super().__init__(timer)
        self.timer = timer
        self.budget = budget
        self.fastest_ms = fastest_ms
        self.slowest_ms = slowest_ms
        self._mark: tuple[float, float] | None = None
        self._own: float | None = None  # CPU of the last tick's redraw, once the loop came back
        self._painted = 0.0  # CPU of the window's paints since the last tick
        self._one_offs = 0  # how many tick costs from now on stay out of the average
        self._fresh = False  # whether the next cost averaged in starts the average again
        #: average CPU seconds per tick (kept between runs: drawing costs about the same)
        self.cost: float | None = None
        #: drawing's share of one core over the last interval (for tests and the benchmark)
        self.duty = 0.0
        #: CPU seconds charged to the ticks since :meth:`reset` (for the benchmark)
        self.drawing_cpu = 0.0
        #: the part of :attr:`drawing_cpu` spent in ticks left out of the average by
        #: :meth:`one_off` (for the benchmark)
        self.one_off_cpu = 0.0
        timer.setInterval(fastest_ms)
        self.window = window if window is not None else _window_of(timer)
        if self.window is not None:
            self.window.installEventFilter(self)

    def reset(self) -> None:
        self._mark = None
        self._own = None
        self._painted = 0.0
        self._one_offs = 0
        self._fresh = False
        self.duty = 0.0
        self.drawing_cpu = 0.0
        self.one_off_cpu = 0.0

    def one_off(self) -> None:
        """What is drawn from now until the next :data:`ONE_OFF_TICKS` ticks is a one-off (a tab
        brought forward, a view shown for the first time): leave it out of the average cost, so
        that a cost that will not recur does not slow the ticks for a second or two. The average
        then starts again from the first tick after them (the cost of the tab shown before says
        nothing of the new one's), so a view that stays expensive sets the pace from that tick."""
        self._one_offs = ONE_OFF_TICKS

    def tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        if self._mark is not None and now > self._mark[0]:
            own = self._own if self._own is not None else cpu - self._mark[1]
            used = own + self._painted
            self.drawing_cpu += used
            self.duty = used / (now - self._mark[0])
            if self._one_offs > 0:
                self._one_offs -= 1
                self.one_off_cpu += used
                self._fresh = self._one_offs == 0
            else:
                # after a one-off (another tab in front) the average starts again from this tick:
                # what the tab shown before cost says nothing of this one
                fresh = self.cost is None or self._fresh
                self.cost = used if fresh else 0.5 * self.cost + 0.5 * used
                self._fresh = False
                self.timer.setInterval(self.interval_for(self.cost))
        self._mark = (now, cpu)
        self._own = None
        self._painted = 0.0
        QTimer.singleShot(0, self, self._redrawn)

    def _redrawn(self) -> None:
        """The event loop is back: the tick's own work is done."""
        if self._mark is not None and self._own is None:
            self._own = time.thread_time() - self._mark[1]

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if obj is self.window and event.type() == QEvent.Type.UpdateRequest \
                and self._mark is not None:
            self._redrawn()  # a paint right after the tick is not the tick's own work
            start = time.thread_time()
            obj.event(event)  # the paint itself, timed; handled here, so not again
            self._painted += time.thread_time() - start
            return True
        return False

    def interval_for(self, cost: float) -> int:
        """The interval (ms) at which ticks costing ``cost`` CPU seconds use the budget."""
        return max(self.fastest_ms, min(self.slowest_ms, round(1000 * cost / self.budget)))


def _window_of(obj: QObject) -> QWidget | None:
    """The window of ``obj``'s nearest ancestor that is a widget (``None`` when there is none)."""
    parent = obj.parent()
    while parent is not None and not isinstance(parent, QWidget):
        parent = parent.parent()
    return parent.window() if parent is not None else None
