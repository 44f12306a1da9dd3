"""Run ``seqstudio`` in a fresh process, as a user would, on tiny data written here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

WORDS = ("the cat sat on the mat . a dog ran to the log . the bird sang in the tree . "
         "a fish swam by the rock . ")


def seqstudio(*args: object, env: dict[str, str] | None = None, timeout: float = 240,
              cwd: str | Path | None = None, preexec_fn=None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONUNBUFFERED": "1", **(env or {})}
    full_env.pop("TF_CONFIG", None) if "TF_CONFIG" not in (env or {}) else None
    return subprocess.run([sys.executable, "-m", "seqstudio", *map(str, args)],
                          capture_output=True, text=True, timeout=timeout, env=full_env,
                          cwd=cwd, preexec_fn=preexec_fn)


def tiny_text(folder: Path, repeats: int = 12) -> Path:
    """~1 kB of words: a char-level lm with T=8 has ~1,000 windows, a few batches of 256."""
    path = Path(folder) / "tiny.txt"
    path.write_text(WORDS * repeats, encoding="utf-8")
    return path


#: options that keep a CLI run to a few seconds after TensorFlow has loaded
FAST = ("--epochs", "2", "--seq-len", "8", "--units", "4", "--batch-size", "256", "--quiet")


def one_error_line(stderr: str) -> str:
    """The stderr of a refused command: exactly one line, ``error: ...``, no traceback."""
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    assert "Traceback" not in stderr, stderr
    assert len(lines) == 1 and lines[0].startswith("error: "), stderr
    return lines[0]


def refused_before_tensorflow(*args: object) -> str:
    """Run a command that must be refused from the run's files alone: exit 2 with one
    ``error: ...`` line, and TensorFlow never imported (Python's import profile shows none)."""
    out = seqstudio(*args, env={"PYTHONPROFILEIMPORTTIME": "1"})
    assert out.returncode == 2, out.stderr[-3000:]
    imported = {ln.rsplit("|", 1)[-1].strip() for ln in out.stderr.splitlines()
                if ln.startswith("import time:")}
    assert "seqstudio.errors" in imported, "no import profile"
    assert "tensorflow" not in imported, "TensorFlow was imported"
    return one_error_line("\n".join(ln for ln in out.stderr.splitlines()
                                    if not ln.startswith("import time:")))
