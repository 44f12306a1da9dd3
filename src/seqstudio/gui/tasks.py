"""Run a function on Qt's thread pool and get its result (or error) back on the GUI thread.

An error crosses to the GUI thread as an :class:`ErrorRecord` of plain strings, never as the
exception object: an exception holds its traceback, hence the pool thread's frames and whatever
they held (tensors, a half-read dataset), and PySide6 can crash when such an object is released
on the other thread.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from seqstudio.errors import SeqstudioError


@dataclass(frozen=True)
class ErrorRecord:
    """What a task's exception said, as plain, picklable data.

    :param message: ``str(exc)``; ``str(record)`` is the same, so a dialog reads as before.
    :param kind: the exception's class name (``"DataError"``, ``"ValueError"``).
    :param expected: a :class:`~seqstudio.errors.SeqstudioError`, whose message says what to do;
        anything else is a fault whose traceback is worth showing.
    :param traceback: the formatted traceback, for a dialog's details.
    :param issues: a data error's :class:`~seqstudio.data.issues.ColumnIssue` records (frozen
        dataclasses of numbers and strings), for the data panel's offer to treat bad cells.
    """

    message: str
    kind: str
    expected: bool = False
    traceback: str = ""
    issues: tuple[Any, ...] = ()

    @classmethod
    def of(cls, exc: BaseException, formatted: str = "") -> ErrorRecord:
        return cls(message=str(exc), kind=type(exc).__name__,
                   expected=isinstance(exc, SeqstudioError), traceback=formatted,
                   issues=tuple(getattr(exc, "issues", None) or ()))

    def __str__(self) -> str:
        return self.message

    @property
    def text(self) -> str:
        """The message, or the class name when the exception said nothing."""
        return self.message or self.kind

    @property
    def with_kind(self) -> str:
        """``"Kind: message"``, for an unexpected error shown in one line."""
        return f"{self.kind}: {self.message}"


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
            record = ErrorRecord.of(exc, traceback.format_exc())
            traceback.clear_frames(exc.__traceback__)
        else:
            self._emit(self.signals.result, value)
            return
        # the exception (and the frames its traceback held) is gone here: only strings cross
        self._emit(self.signals.error, record, record.traceback)

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
    on_error: Callable[[ErrorRecord, str], None] | None = None,
    owner: QObject | None = None,
) -> None:
    """Call ``fn(*args)`` on a pool thread; the callbacks run on the GUI thread.

    :param on_error: called with an :class:`ErrorRecord` of what ``fn`` raised and its
        formatted traceback.
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
