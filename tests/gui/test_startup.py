"""Start-up on a bare machine: a missing X11 library is named with the apt-get line that installs
it, and TensorFlow's start-up noise stays off the terminal unless --debug."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from seqstudio.gui import quiet_stderr
from seqstudio.gui.startup_checks import APT_LINE, FAKE_MISSING_ENV, missing_library, xcb_plugin


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "XDG_SESSION_TYPE")}
    env.update(extra)
    return env


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin is Linux's")
def test_a_missing_xcb_library_is_named_with_the_apt_get_line(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "seqstudio", "gui"], capture_output=True,
                          text=True, timeout=120, cwd=tmp_path,
                          env=_env(DISPLAY=":99", **{FAKE_MISSING_ENV: "libxcb-icccm.so.4"}))
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert lines[0].startswith("error: the desktop app needs the X11 library libxcb-icccm.so.4")
    assert APT_LINE in proc.stderr and "libxcb-cursor0" in APT_LINE
    assert "Qt platform plugin" not in proc.stderr and "Traceback" not in proc.stderr
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert APT_LINE in readme  # the README names the same line the app prints


@pytest.mark.skipif(xcb_plugin() is None, reason="PySide6 has no xcb plugin here")
def test_the_xcb_plugin_loads_here_and_a_real_missing_library_would_be_found(tmp_path):
    assert missing_library(xcb_plugin(), {}) is None  # this machine has the libraries
    # A file the dynamic loader refuses is reported with the loader's own words, not hidden.
    fake = tmp_path / "libqxcb.so"
    fake.write_bytes(b"not a library")
    assert missing_library(fake, {})


def test_tensorflow_noise_is_recognised_and_other_lines_are_not():
    assert quiet_stderr.is_noise("WARNING: All log messages before absl::InitializeLog() is "
                                 "called are written to STDERR")
    assert quiet_stderr.is_noise("I0000 00:00:1796117511.472653   31577 cudart_stub.cc:31] "
                                 "Could not find cuda drivers on your machine.")
    assert quiet_stderr.is_noise("E0000 00:00:1796117538.902990   31731 cuda_platform.cc:52] "
                                 "failed call to cuInit: INTERNAL")
    assert not quiet_stderr.is_noise("Traceback (most recent call last):")
    assert not quiet_stderr.is_noise("qt.qpa.xcb: could not connect to display")


@pytest.mark.slow
def test_the_app_keeps_tensorflow_noise_off_the_terminal_unless_debug(tmp_path):
    """Both launches, with and without ``--debug``, run at once: each mostly waits for its timer."""
    from seqstudio.gui.app import EXIT_AFTER_SHOW_ENV

    procs = {}
    for debug in (False, True):
        home = tmp_path / ("debug" if debug else "quiet")
        home.mkdir()
        args = [sys.executable, "-m", "seqstudio", *(["--debug"] if debug else []), "gui"]
        # Long enough for TensorFlow to load in the app and in the first training process.
        procs[debug] = (home, subprocess.Popen(
            args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=home,
            env=_env(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_DATA_HOME=str(home / "data"),
                     XDG_CONFIG_HOME=str(home / "config"), **{EXIT_AFTER_SHOW_ENV: "25"})))
    for debug, (home, proc) in procs.items():
        _, stderr = proc.communicate(timeout=240)
        assert proc.returncode == 0, stderr[-2000:]
        noisy = "absl::InitializeLog" in stderr or "cudart_stub" in stderr
        log = home / "data" / "seqstudio" / "tensorflow.log"
        if debug:
            assert noisy or not log.exists()  # shown as is (a machine may print none at all)
        else:
            assert not noisy, stderr[-2000:]
            if log.exists():  # what was held back is kept, not lost
                assert "InitializeLog" in log.read_text() or "cuda" in log.read_text()
