"""Keep live drawing within a CPU budget, so the plots never slow the training they show.

On a 2-core machine every millisecond the window spends drawing is taken from TensorFlow. The
pacer watches how much CPU time the GUI thread used since the last redraw tick (painting included,
since Qt paints on this thread between ticks) and stretches or shortens the tick interval to keep
that share near :data:`BUDGET` of one core: 10 redraws a second when drawing is cheap, fewer when
it is not (a large window, a slow display, a long curve).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer

#: the share of one core the GUI thread may spend while training is shown live
BUDGET = 0.03
#: the fastest and slowest redraw rates (ms between ticks)
FASTEST_MS = 100
SLOWEST_MS = 500


class RedrawPacer:
    """Sets ``timer``'s interval from the GUI thread's CPU use; call :meth:`tick` on each timeout
    and :meth:`reset` when a run starts.

    The CPU time used between two ticks is the cost of one tick (the redraw, the paints it causes,
    and the events handled meanwhile). Its running average, divided by the budget, is the interval
    that keeps the thread at the budget: one step gets there, with no slow ramp.
    """

    def __init__(self, timer: QTimer, budget: float = BUDGET, fastest_ms: int = FASTEST_MS,
                 slowest_ms: int = SLOWEST_MS) -> None:
        self.timer = timer
        self.budget = budget
        self.fastest_ms = fastest_ms
        self.slowest_ms = slowest_ms
        self._mark: tuple[float, float] | None = None
        #: average CPU seconds per tick (kept between runs: drawing costs about the same)
        self.cost: float | None = None
        #: the GUI thread's CPU share over the last interval (for tests and the benchmark)
        self.duty = 0.0
        timer.setInterval(fastest_ms)

    def reset(self) -> None:
        self._mark = None
        self.duty = 0.0

    def tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        if self._mark is not None and now > self._mark[0]:
            used = cpu - self._mark[1]
            self.duty = used / (now - self._mark[0])
            self.cost = used if self.cost is None else 0.5 * self.cost + 0.5 * used
            self.timer.setInterval(self.interval_for(self.cost))
        self._mark = (now, cpu)

    def interval_for(self, cost: float) -> int:
        """The interval (ms) at which ticks costing ``cost`` CPU seconds use the budget."""
        return max(self.fastest_ms, min(self.slowest_ms, round(1000 * cost / self.budget)))
