"""Screenshots of the real window with the app's defaults, on each bundled sample.

Each size gets its own Xvfb screen (started here), so the whole X screen is the window:
``assets/screenshots/<sample>.png`` at 1366×768 and ``<sample>-1024x600.png`` at 1024×600. The
settings are the defaults a newcomer gets (cell, epochs, learning rate, auto text settings); the
shot is taken when the run has finished, so the baseline lines, the run summary and, for a
forecast, the whole validation part are on screen. Grabbed with ``import -window root`` when
ImageMagick is there, else ``QScreen.grabWindow``.

    python tools/screenshots.py [--only toy_grammar] [--sizes 1366x768 1024x600]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "assets" / "screenshots"
#: which tab each shot shows: the Model tab has the parameter formula, the Data tab the settings
TABS = {"toy_grammar": 1, "sentences": 1, "sine": 0}
SIZES = ("1366x768", "1024x600")
DISPLAYS = {"1366x768": ":99", "1024x600": ":98"}


def start_xvfb(size: str) -> subprocess.Popen:
    display = DISPLAYS.get(size, ":97")
    proc = subprocess.Popen(["Xvfb", display, "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.environ["DISPLAY"] = display
    time.sleep(1.0)
    return proc


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="sample names")
    parser.add_argument("--sizes", nargs="*", default=list(SIZES))
    args = parser.parse_args()
    for size in args.sizes:
        # One process per size: a QApplication keeps the X display it was started on.
        xvfb = start_xvfb(size)
        try:
            cmd = [sys.executable, __file__, "--shoot", size, *(["--only", *args.only]
                                                              if args.only else [])]
            env = dict(os.environ, QT_QPA_PLATFORM="xcb")
            code = subprocess.run(cmd, env=env).returncode
        finally:
            xvfb.terminate()
            xvfb.wait(5)
        if code:
            return code
    return 0


def shoot(size: str, only: list[str] | None) -> int:
    import seqstudio.gui  # noqa: F401, I001 - the PySide6 workaround comes first
    from PySide6.QtCore import QCoreApplication, QSettings  # noqa: TID251 - a GUI tool
    from PySide6.QtWidgets import QApplication  # noqa: TID251

    from seqstudio.data.samples import SAMPLES
    from seqstudio.gui.app import make_application
    from seqstudio.gui.main_window import MainWindow
    from seqstudio.gui.settings import AppSettings

    app = make_application([sys.argv[0]])
    # Screenshots must not depend on (or change) the user's remembered settings or runs.
    settings_dir = ROOT / "runs" / ".screenshot-settings"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_dir))
    QCoreApplication.setOrganizationName("seqstudio-screenshots")
    OUT.mkdir(parents=True, exist_ok=True)
    width, height = (int(v) for v in size.split("x"))

    def wait(cond, timeout=600.0):
        deadline = time.monotonic() + timeout
        while not cond():
            app.processEvents()
            time.sleep(0.01)
            if time.monotonic() > deadline:
                raise TimeoutError("timed out")

    def settle(seconds):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    for name in SAMPLES:
        if only and name not in only:
            continue
        fresh = AppSettings()
        fresh.clear()  # a clean slate: the defaults a newcomer gets
        fresh.set_runs_folder(ROOT / "runs" / "screenshots")
        fresh.sync()
        window = MainWindow(SAMPLES[name])
        window.setGeometry(0, 0, width, height)
        window.show()
        wait(lambda w=window: w.tf.is_ready and w.data.dataset is not None)
        wait(lambda w=window: w.start_button.isEnabled() and bool(w.model_panel.rows))
        window.tabs.setCurrentIndex(TABS.get(name, 1))
        done = []
        window.trainingFinished.connect(done.append)
        window.start_training()
        wait(lambda d=done: bool(d))
        if window.data.dataset.task == "forecast":  # the whole validation part, predicted
            wait(lambda w=window: w.live.prediction.validation is not None, timeout=120.0)
        settle(2.0)  # the last redraw
        suffix = "" if size == SIZES[0] else f"-{size}"
        path = OUT / f"{name}{suffix}.png"
        if shutil.which("import"):
            subprocess.run(["import", "-window", "root", str(path)], check=True)
        else:
            QApplication.primaryScreen().grabWindow(0).save(str(path))
        print(f"saved {path.relative_to(ROOT)} ({done[0].reason}, {done[0].epochs_done} epochs)",
              flush=True)
        window.close()
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--shoot":
        rest = sys.argv[3:]
        only = rest[1:] if rest[:1] == ["--only"] else None
        raise SystemExit(shoot(sys.argv[2], only))
    raise SystemExit(main())
