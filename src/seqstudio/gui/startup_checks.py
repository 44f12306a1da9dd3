"""Checks before the QApplication exists, where Qt can still be stopped from aborting.

On a minimal Linux without the X11 client libraries Qt prints "could not load the Qt platform
plugin xcb" and aborts, with nothing about what to install. :func:`xcb_problem` loads the xcb
platform plugin the way Qt would and, if a library is missing, names it and gives the one
``apt-get`` line that installs everything the plugin needs (found with ``ldd`` on the plugin,
``libQt6XcbQpa`` and ``libQt6Gui`` of PySide6 6.x; the same line is in the README).
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from pathlib import Path

from seqstudio.errors import SeqstudioError

#: the Debian/Ubuntu packages of the X11 libraries PySide6's xcb plugin links to
XCB_PACKAGES = ("libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 "
                "libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1 "
                "libegl1 libgl1 libfontconfig1 libdbus-1-3")
APT_LINE = f"sudo apt-get update && sudo apt-get install -y {XCB_PACKAGES}"
#: testing hook: pretend these libraries (comma-separated sonames) are missing
FAKE_MISSING_ENV = "SEQSTUDIO_FAKE_MISSING_LIBS"
_MISSING = re.compile(r"([\w.+-]+\.so[\w.]*): cannot open shared object file")


class DisplayError(SeqstudioError):
    """The desktop app cannot open a window here; the message says what to install or set."""


def xcb_plugin() -> Path | None:
    import PySide6

    path = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return path if path.is_file() else None


def uses_xcb(environ: os._Environ | dict = os.environ) -> bool:
    """Whether Qt will pick its X11 (xcb) platform plugin here."""
    if not sys.platform.startswith("linux"):
        return False
    platform = environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(";")[0].split(":")[0] == "xcb"
    return environ.get("XDG_SESSION_TYPE", "") != "wayland"


def missing_library(plugin: Path, environ: os._Environ | dict = os.environ) -> str | None:
    """The first shared library ``plugin`` needs that cannot be loaded, or ``None``."""
    fake = [name for name in environ.get(FAKE_MISSING_ENV, "").split(",") if name]
    if fake:
        return fake[0]
    try:
        ctypes.CDLL(str(plugin))
    except OSError as exc:
        found = _MISSING.search(str(exc))
        return found.group(1) if found else str(exc)
    return None


def xcb_problem(environ: os._Environ | dict = os.environ) -> str:
    """What keeps the app from opening an X11 window, or ``""``."""
    if not uses_xcb(environ):
        return ""
    plugin = xcb_plugin()
    if plugin is None:
        return ""  # not a PySide6 wheel we know: let Qt speak
    lib = missing_library(plugin, environ)
    if lib:
        return (f"the desktop app needs the X11 library {lib}, which is not installed. On "
                f"Debian or Ubuntu, install it and the others Qt's xcb plugin needs with:\n  "
                f"{APT_LINE}\n(or run it with QT_QPA_PLATFORM=offscreen for no window at all)")
    if not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY"):
        return ("no display to open the window on: DISPLAY is not set. Run it in a desktop "
                "session, over 'ssh -X', or under Xvfb (xvfb-run seqstudio)")
    return ""


def check_display() -> None:
    """Raise :class:`DisplayError` (printed as one ``error:`` by the CLI) instead of letting Qt
    abort."""
    problem = xcb_problem()
    if problem:
        raise DisplayError(problem)
