"""Run a function on Qt's thread pool and get its result (or error) back on the GUI thread."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    result = Signal(object)
    error = Signal(object, str)


class _Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple, signals: _Signals) -> None:
        super().__init__()
        self.fn, self.args, self.signals = fn, args, signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            value = self.fn(*self.args)
        except BaseException as exc:  # noqa: BLE001 - reported to the GUI, never raised in a pool
            self._emit(self.signals.error, exc, traceback.format_exc())
            return
        self._emit(self.signals.result, value)

    @staticmethod
    def _emit(signal: Any, *values: Any) -> None:
        try:
            signal.emit(*values)
        except RuntimeError:  # the owner was destroyed meanwhile: nobody is waiting any more
            pass


_live: set[_Signals] = set()


def pool() -> QThreadPool:
    return QThreadPool.globalInstance()


def run_task(
    fn: Callable[..., Any],
    *args: Any,
    on_result: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException, str], None] | None = None,
    owner: QObject | None = None,
) -> None:
    """Call ``fn(*args)`` on a pool thread; the callbacks run on the GUI thread.

    :param owner: when given, the callbacks are dropped if it is destroyed first.
    """
    signals = _Signals(owner)
    _live.add(signals)

    def done(*_: Any) -> None:
        _live.discard(signals)
        signals.deleteLater()

    if on_result is not None:
        signals.result.connect(on_result)
    if on_error is not None:
        signals.error.connect(on_error)
    signals.result.connect(done)
    signals.error.connect(done)
    pool().start(_Task(fn, args, signals))


def wait_for_tasks(ms: int = 30_000) -> bool:
    return pool().waitForDone(ms)
