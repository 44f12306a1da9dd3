"""Keep TensorFlow's start-up noise off the terminal the app was started from.

TensorFlow's C++ layer writes to file descriptor 2 before its logging is set up ("All log
messages before absl::InitializeLog()", CUDA probing, CPU instruction hints), in the app's
process and in every training process it starts, and ``TF_CPP_MIN_LOG_LEVEL`` does not hide it.
:func:`install` points descriptor 2 at a pipe; a thread passes every line on to the terminal
except those, which go to a log file (:func:`log_path`). Python's own ``sys.stderr`` (tracebacks)
stays on the terminal directly. ``seqstudio --debug`` (or ``SEQSTUDIO_DEBUG=1``) shows everything.
"""

from __future__ import annotations

import os
import re
import sys
import threading
from pathlib import Path

#: lines TensorFlow's C++ layer writes at start-up
NOISE = re.compile(
    r"^(WARNING: All log messages before absl::InitializeLog\(\) is called"
    r"|[IWE]\d{4} [\d:. ]+\s+\d+ [\w./-]+:\d+\]"  # absl log lines: I0000 00:00:17.. 123 f.cc:31]
    r"|To enable the following instructions: .* rebuild TensorFlow"
    r"|This TensorFlow binary is optimized to use available CPU instructions)")

_installed: dict[str, object] = {}


def is_noise(line: str) -> bool:
    return bool(NOISE.match(line))


def log_path() -> Path:
    from seqstudio.gui.settings import default_runs_folder

    return default_runs_folder().parent / "tensorflow.log"


def debug_requested(argv: list[str] | None = None) -> bool:
    argv = sys.argv[1:] if argv is None else argv
    return "--debug" in argv or os.environ.get("SEQSTUDIO_DEBUG") == "1"


def install(debug: bool = False) -> bool:
    """Filter descriptor 2 (once); returns whether it is filtered."""
    if debug or _installed or os.name != "posix":
        return bool(_installed)
    try:
        terminal = os.dup(2)
        read_end, write_end = os.pipe()
    except OSError:
        return False
    sys.stderr.flush()
    sys.stderr = open(terminal, "w", buffering=1, closefd=False)  # noqa: SIM115 - for the session
    os.dup2(write_end, 2)
    os.close(write_end)
    thread = threading.Thread(target=_pump, args=(read_end, terminal), name="stderr-filter",
                              daemon=True)
    thread.start()
    _installed.update(terminal=terminal, thread=thread)
    return True


def _pump(read_end: int, terminal: int) -> None:
    log = None
    pending = b""
    while True:
        try:
            chunk = os.read(read_end, 65536)
        except OSError:
            return
        if not chunk:
            return
        pending += chunk
        *lines, pending = pending.split(b"\n")
        for raw in lines:
            line = raw + b"\n"
            if is_noise(raw.decode("utf-8", "replace")):
                if log is None:
                    log = _open_log()
                if log is not None:
                    log.write(line)
                    log.flush()
            else:
                os.write(terminal, line)


def _open_log():  # noqa: ANN202 - a binary file or None
    try:
        path = log_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return path.open("ab")
    except OSError:
        return None
