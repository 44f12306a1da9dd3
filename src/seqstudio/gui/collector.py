"""Python's cyclic garbage collector runs on the GUI thread only.

Left automatic, the collector runs on whichever thread happens to allocate past its threshold: a
training thread, a pool thread loading a file. A closed window's widgets often sit in reference
cycles (a slot that names its widget), so that thread then destroys Qt widgets. Qt's object
destructors lock the signal-slot mutexes, and PySide asks for the interpreter lock inside them,
while the GUI thread, holding that lock, deletes the same window's children and waits for the
mutex: both threads wait for ever. A test run hung that way (gdb: ``QObject::~QObject`` in
``QBasicMutex::lockInternal`` on the GUI thread, ``PyGILState_Ensure`` under ``~QMenu`` on the
``TrainingThread``).

:func:`install` turns the automatic collector off and collects from a timer on the GUI thread
instead, generation by generation, with the thresholds Python itself would use. The oldest
generation is collected, as Python does, only once the objects that reached it since the last
full collection are a quarter of those it held then (a full collection takes ~0.2 s once
TensorFlow is loaded: it must stay rare).
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

#: how often the GUI thread looks at the collector's counts
INTERVAL_MS = 500
#: the shortest time between two looks at the oldest generation's size (it costs ~10 ms)
OLDEST_CHECK_S = 10.0


class GuiThreadCollector(QObject):
    """Collects what Python would have collected, at most every :data:`INTERVAL_MS`, on the thread
    that owns the application (the timer's thread)."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.collections = 0
        self.long_lived = len(gc.get_objects(generation=2))
        self._next_oldest_check = 0.0
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        gc.disable()
        self.timer.start()

    def check(self) -> int:
        """Collect the oldest generation whose count passed its threshold; how many objects were
        unreachable (0 when nothing was due)."""
        counts = gc.get_count()
        if counts[2] > self.thresholds[2] and time.monotonic() >= self._next_oldest_check:
            self._next_oldest_check = time.monotonic() + OLDEST_CHECK_S
            if len(gc.get_objects(generation=2)) - self.long_lived > self.long_lived / 4:
                self.collections += 1
                found = gc.collect(2)
                self.long_lived = len(gc.get_objects(generation=2))
                return found
        for generation in (1, 0):
            if counts[generation] > self.thresholds[generation]:
                self.collections += 1
                return gc.collect(generation)
        return 0


_collector: GuiThreadCollector | None = None


def install(app: QApplication | None = None) -> GuiThreadCollector:
    """Collect on ``app``'s thread from now on (default: the running application); once."""
    global _collector
    if _collector is None:
        app = app or QApplication.instance()  # type: ignore[assignment]
        _collector = GuiThreadCollector(app)
    return _collector


def uninstall() -> None:
    """Give the collector back to Python (tests do, between windows, after a full collection on
    this thread)."""
    global _collector
    if _collector is not None:
        _collector.timer.stop()
        _collector.deleteLater()
        _collector = None
    gc.enable()
