"""Run a function on Qt's thread pool and get its result (or error) back on the GUI thread.

An error crosses to the GUI thread as an :class:`ErrorRecord` of plain strings, never as the
exception object: an exception holds its traceback, hence the pool thread's frames and whatever
they held (tensors, a half-read dataset), and PySide6 can crash when such an object is released
on the other thread.

No per-task Qt object exists. The pool threads emit on one relay that lives on the GUI thread for
the whole session, and the callbacks wait in a plain dict until their outcome arrives. A per-task
QObject made a child of ``owner`` and deleted with ``deleteLater`` once its outcome had arrived
crashed the app (SIGSEGV in ``QObject::~QObject``, Qt's "shared QObject was deleted directly"):
its connections held the callbacks, which held the owner; deleting it dropped the last reference
to a Python-owned owner, whose C++ destructor then deleted its children, the half-destroyed
object among them, a second time.
"""

from __future__ import annotations

import itertools
import traceback
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

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
    :param words: a SeqstudioError's :class:`~seqstudio.errors.ErrorWords` (templates and plain
        values), for ``gui.errors.error_text`` to say the message in the user's language.
    """

    message: str
    kind: str
    expected: bool = False
    traceback: str = ""
    issues: tuple[Any, ...] = ()
    words: Any = None

    @classmethod
    def of(cls, exc: BaseException, formatted: str = "") -> ErrorRecord:
        return cls(message=str(exc), kind=type(exc).__name__,
                   expected=isinstance(exc, SeqstudioError), traceback=formatted,
                   issues=tuple(getattr(exc, "issues", None) or ()),
                   words=exc.words if isinstance(exc, SeqstudioError) else None)

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


@dataclass
class _Pending:
    """What waits on the GUI thread for one task's outcome."""

    on_result: Callable[[Any], None] | None
    on_error: Callable[[ErrorRecord, str], None] | None
    owner: weakref.ref[QObject] | None

    def owner_gone(self) -> bool:
        if self.owner is None:
            return False
        owner = self.owner()
        return owner is None or not shiboken6.isValid(owner)


class _Relay(QObject):
    """Carries each task's outcome to the GUI thread. One exists, never deleted while the app
    runs, so a pool thread never emits on an object that another thread may be deleting."""

    #: (token, value, error): ``error`` is None when the task returned ``value``
    finished = Signal(int, object, object)

    def __init__(self) -> None:
        super().__init__()
        self.pending: dict[int, _Pending] = {}
        self._tokens = itertools.count(1)
        self.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def add(self, pending: _Pending) -> int:
        token = next(self._tokens)
        self.pending[token] = pending
        return token

    @Slot(int, object, object)
    def _deliver(self, token: int, value: Any, error: ErrorRecord | None) -> None:
        pending = self.pending.pop(token, None)
        if pending is None or pending.owner_gone():
            return
        if error is None:
            if pending.on_result is not None:
                pending.on_result(value)
        elif pending.on_error is not None:
            pending.on_error(error, error.traceback)
        # ``pending`` (the callbacks, and through them perhaps the last reference to their
        # owner) goes here, in plain Python on the GUI thread, not inside a Qt destructor


_relay: _Relay | None = None


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:  # made by the first run_task, on the GUI thread
        _relay = _Relay()
    return _relay


class _Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple, token: int, relay: _Relay) -> None:
        super().__init__()
        self.fn, self.args, self.token, self.relay = fn, args, token, relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            value = self.fn(*self.args)
        except BaseException as exc:  # noqa: BLE001 - reported to the GUI, never raised in a pool
            record = ErrorRecord.of(exc, traceback.format_exc())
            traceback.clear_frames(exc.__traceback__)
        else:
            self._emit(value, None)
            return
        # the exception (and the frames its traceback held) is gone here: only strings cross
        self._emit(None, record)

    def _emit(self, value: Any, error: ErrorRecord | None) -> None:
        try:
            self.relay.finished.emit(self.token, value, error)
        except RuntimeError:  # the relay is gone: the application is shutting down
            pass


def pool() -> QThreadPool:
    return QThreadPool.globalInstance()


def run_task(
    fn: Callable[..., Any],
    *args: Any,
    on_result: Callable[[Any], None] | None = None,
    on_error: Callable[[ErrorRecord, str], None] | None = None,
    owner: QObject | None = None,
) -> None:
    """Call ``fn(*args)`` on a pool thread; the callbacks run on the GUI thread. Call it from
    the GUI thread.

    :param on_error: called with an :class:`ErrorRecord` of what ``fn`` raised and its
        formatted traceback.
    :param owner: when given, the callbacks are dropped if it is destroyed first. It is not kept
        alive by the task (only by what the callbacks themselves hold).
    """
    relay = _the_relay()
    token = relay.add(_Pending(on_result, on_error,
                               weakref.ref(owner) if owner is not None else None))
    pool().start(_Task(fn, args, token, relay))


def pending_tasks() -> int:
    """How many tasks started by :func:`run_task` have not had their outcome delivered yet."""
    return len(_relay.pending) if _relay is not None else 0


def wait_for_tasks(ms: int = 30_000) -> bool:
    return pool().waitForDone(ms)
