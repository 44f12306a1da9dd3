import faulthandler
import os
import tempfile
from pathlib import Path

import pytest

# Quiet TensorFlow's C++ logging and keep Keras on TensorFlow in every test process.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: pytest-timeout (300 s, pyproject) ends a test that hangs in Python. A test that hangs in native
#: code holding the GIL (a CI run stalled that way for 90 minutes) cannot be reached from
#: Python; faulthandler's own watchdog thread needs no GIL: it writes every thread's stack and
#: ends the process, which pytest-xdist reports as a crashed worker and replaces.
HARD_DEADLINE_S = int(os.environ.get("SEQSTUDIO_TEST_DEADLINE_S", "330"))
HANG_DIR_ENV = "SEQSTUDIO_TEST_HANG_DIR"


def pytest_configure(config):
    if not hasattr(config, "workerinput"):  # the main process; workers inherit the folder
        os.environ.setdefault(HANG_DIR_ENV, tempfile.mkdtemp(prefix="seqstudio-hangs-"))


@pytest.fixture(autouse=True)
def _hard_deadline(request):
    folder = os.environ.get(HANG_DIR_ENV)
    if not folder:
        yield
        return
    path = Path(folder) / f"{os.getpid()}.txt"
    with open(path, "w", encoding="utf-8") as log:
        log.write(f"\n{request.node.nodeid}: no end after {HARD_DEADLINE_S} s\n")
        log.flush()
        faulthandler.dump_traceback_later(HARD_DEADLINE_S, exit=True, file=log)
        try:
            yield
        finally:
            faulthandler.cancel_dump_traceback_later()
    # reached only when the test ended: past the deadline the watchdog has ended the process
    path.unlink()


def pytest_unconfigure(config):
    folder = os.environ.get(HANG_DIR_ENV)
    if not hasattr(config, "workerinput") and folder and Path(folder).is_dir():
        if not any(Path(folder).iterdir()):
            Path(folder).rmdir()


def pytest_terminal_summary(terminalreporter):
    folder = os.environ.get(HANG_DIR_ENV)
    if hasattr(terminalreporter.config, "workerinput") or not folder or not Path(folder).is_dir():
        return
    for path in sorted(Path(folder).glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace").strip()
        if "Thread 0x" in text or "Current thread" in text:  # a dump: a test ran past the deadline
            terminalreporter.section(f"hung test (process {path.stem})", red=True)
            terminalreporter.write_line(text)
