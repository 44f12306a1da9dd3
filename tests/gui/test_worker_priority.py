"""The training process runs below the window's priority (the event loop is served first)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from seqstudio.gui import worker

pytestmark = pytest.mark.skipif(not os.path.isdir("/proc/self/task"),
                                reason="per-thread niceness is read from Linux's /proc")

CHILD = """
import threading, time
threading.Thread(target=time.sleep, args=(30,), daemon=True).start()
print("ready", flush=True)
time.sleep(30)
"""


def niceness(pid: int) -> dict[int, int]:
    return {int(tid): os.getpriority(os.PRIO_PROCESS, int(tid))
            for tid in os.listdir(f"/proc/{pid}/task")}


def test_lower_priority_reaches_every_thread_of_the_process():
    child = subprocess.Popen([sys.executable, "-c", CHILD], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + 10
        while len(niceness(child.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        before = niceness(child.pid)
        assert len(before) >= 2  # the main thread and the one it started
        worker.lower_priority(child.pid, 3)
        after = niceness(child.pid)
        assert after == {tid: min(19, nice + 3) for tid, nice in before.items()}
        worker.lower_priority(child.pid, 0)  # no steps: nothing changes
        assert niceness(child.pid) == after
    finally:
        child.kill()
        child.wait(timeout=10)

