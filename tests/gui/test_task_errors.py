"""A pool task's error reaches the GUI thread as a plain record, not as the exception object
(whose traceback would keep the worker's frames, and what they hold, alive across threads)."""

from __future__ import annotations

import gc
import pickle
import weakref

from seqstudio.data.issues import ColumnIssue
from seqstudio.errors import DataError
from seqstudio.gui.tasks import ErrorRecord, run_task


class _Held:
    """Stands for a tensor or a half-read dataset in the failing task's frame."""


def _fails(refs: list) -> None:
    held = _Held()
    refs.append(weakref.ref(held))
    error = DataError("column 'value' has cells that are not numbers", path="few.csv")
    error.issues = [ColumnIssue("value", (6,), (7,), ("oops",), 1, 99, 100)]
    raise error


def _errors_of(qtbot, fn, *args) -> list:
    got: list = []
    run_task(fn, *args, on_error=lambda record, tb: got.append((record, tb)))
    qtbot.waitUntil(lambda: bool(got), timeout=10_000)
    return got


def test_a_data_error_crosses_as_a_picklable_record_and_frees_the_frame(qtbot):
    refs: list = []
    [(record, tb)] = _errors_of(qtbot, _fails, refs)
    assert isinstance(record, ErrorRecord)
    assert str(record) == "few.csv: column 'value' has cells that are not numbers"
    assert record.text == str(record)
    assert (record.kind, record.expected) == ("DataError", True)
    assert tb == record.traceback and "_fails" in tb and "DataError" in tb
    assert [issue.column for issue in record.issues] == ["value"]
    assert record.issues[0].treatable
    assert pickle.loads(pickle.dumps(record)) == record
    gc.collect()
    assert refs[0]() is None  # nothing on the GUI thread keeps the task's frame alive


def _unexpected() -> None:
    raise KeyError()


def test_an_unexpected_error_without_a_message_is_named_by_its_kind(qtbot):
    [(record, _)] = _errors_of(qtbot, _unexpected)
    assert (record.kind, record.expected, record.message) == ("KeyError", False, "")
    assert record.text == "KeyError"
    assert record.with_kind == "KeyError: "
