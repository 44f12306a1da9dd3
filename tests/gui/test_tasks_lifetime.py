"""run_task's lifetimes: an owner that only its own callbacks keep alive, and an owner destroyed
before its task ends.

The first is the data panel's case at the end of a test (and of any window closed while it
loads): the task's outcome arrives, the callbacks are dropped, and with them the last reference to
the owner, which Qt then deletes. Each scenario runs in a fresh interpreter, so a native crash
(the SIGSEGV this used to end in) fails the test instead of killing the test run."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import shiboken6
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QWidget
    from seqstudio.gui.tasks import pending_tasks, run_task, wait_for_tasks

    app = QApplication([])

    def settle():
        wait_for_tasks()
        loop = QEventLoop()
        QTimer.singleShot(20, loop.quit)
        loop.exec()
        app.processEvents()

    got = []

    def kept_only_by_its_callbacks(i):
        owner = QWidget()
        owner.setObjectName(f"owner{i}")
        run_task(lambda: i * i, on_result=lambda v: got.append((owner.objectName(), v)),
                 on_error=lambda record, tb: got.append((owner.objectName(), record)),
                 owner=owner)

    for i in range(20):
        kept_only_by_its_callbacks(i)
        settle()
    assert got == [(f"owner{i}", i * i) for i in range(20)], got

    def fails():
        raise ValueError("no such column")

    errors = []
    kept = QWidget()
    run_task(fails, on_error=lambda record, tb: errors.append((record.kind, str(record))),
             owner=kept)
    settle()
    assert errors == [("ValueError", "no such column")], errors

    dropped = []
    released, deleted = QWidget(), QWidget()
    for owner in (released, deleted):
        run_task(lambda: 1, on_result=dropped.append,
                 on_error=lambda *_: dropped.append("error"), owner=owner)
    del owner, released  # gone with its wrapper, before the outcome is delivered
    shiboken6.delete(deleted)  # gone in C++, its wrapper still held here
    settle()
    assert dropped == [], dropped
    assert pending_tasks() == 0
    print("delivered", len(got), "errors", len(errors), "dropped", len(dropped))
""")


def test_owners_kept_only_by_callbacks_or_destroyed_first_end_cleanly():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-X", "faulthandler", "-c", SCRIPT], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    assert "delivered 20 errors 1 dropped 0" in done.stdout
    assert "deleted directly" not in done.stderr  # Qt's warning before the double delete
