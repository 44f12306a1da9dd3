"""The cyclic garbage collector runs on the GUI thread only, once a window exists: a closed
window's widgets freed on a training thread deadlocked a test run (seqstudio.gui.collector)."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtWidgets import QMenu, QWidget

from seqstudio.gui import collector


def test_widgets_in_cycles_are_freed_on_the_gui_thread_not_on_the_thread_that_allocates(qtbot):
    seen: list[str] = []

    def record(phase, info):
        if phase == "start":
            seen.append(threading.current_thread().name)

    guard = collector.install()
    gc.callbacks.append(record)
    try:
        assert not gc.isenabled()
        widget = QWidget()
        QMenu(widget).addAction("a")  # the children the deadlocked destructor was deleting
        widget.itself = widget  # a cycle: only the collector frees it
        freed = weakref.ref(widget)
        del widget

        def allocate():  # far past generation 0's threshold, as a training thread does
            keep = []
            for i in range(50_000):
                pair = [i]
                pair.append(pair)
                keep.append(pair)

        worker = threading.Thread(target=allocate, name="allocating")
        worker.start()
        worker.join(60)
        assert "allocating" not in seen  # the worker never collected
        qtbot.waitUntil(lambda: freed() is None, timeout=10_000)
        assert guard.collections >= 1
        assert seen and set(seen) == {threading.main_thread().name}
    finally:
        gc.callbacks.remove(record)
        collector.uninstall()
    assert gc.isenabled()
