"""Every QThread the app starts is tracked here, so shutdown and the tests can check that none
is left running."""

from __future__ import annotations

import weakref

from PySide6.QtCore import QThread

_started: weakref.WeakSet[QThread] = weakref.WeakSet()


def track(thread: QThread) -> QThread:
    _started.add(thread)
    return thread


def running() -> list[QThread]:
    alive = []
    for thread in list(_started):
        try:
            if thread.isRunning():
                alive.append(thread)
        except RuntimeError:  # the C++ object is gone, so is the thread
            continue
    return alive
