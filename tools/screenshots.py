"""Screenshots of the real window, mid-training, on each bundled sample.

Runs under a real X server (Xvfb is started on :99 if ``DISPLAY`` is unset) at 1366×768 and saves
``assets/screenshots/<sample>.png`` by grabbing the whole X screen (``import -window root`` when
ImageMagick is there, else ``QScreen.grabWindow``).

    python tools/screenshots.py [--epochs-before-shot 2]
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
#: sample -> (cell, cell params, data options): one look at each task and at a stacked model
PLAN = {
    "toy_grammar": ("stacked-rnn", {"layers": 2, "units": 16}, {}),
    "sentences": ("simple-rnn-tanh", {"units": 16}, {}),
    "sine": ("simple-rnn-relu", {"units": 12}, {}),
}
SIZE = (1366, 768)


def ensure_display() -> subprocess.Popen | None:
    if os.environ.get("DISPLAY"):
        return None
    display = ":99"
    proc = subprocess.Popen(["Xvfb", display, "-screen", "0", f"{SIZE[0]}x{SIZE[1]}x24", "-nolisten",
                             "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.environ["DISPLAY"] = display
    time.sleep(1.0)
    return proc


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs-before-shot", type=int, default=2)
    parser.add_argument("--only", nargs="*", help="sample names")
    args = parser.parse_args()
    xvfb = ensure_display()
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    try:
        return shoot(args)
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(5)


def shoot(args: argparse.Namespace) -> int:
    import seqstudio.gui  # noqa: F401, I001 - the PySide6 workaround comes first
    from PySide6.QtCore import QCoreApplication, QSettings  # noqa: TID251 - a GUI tool
    from PySide6.QtWidgets import QApplication  # noqa: TID251

    from seqstudio.data.samples import SAMPLES
    from seqstudio.gui.app import make_application
    from seqstudio.gui.main_window import MainWindow

    app = make_application([sys.argv[0]])
    # Screenshots must not depend on (or change) the user's remembered settings.
    settings_dir = ROOT / "runs" / ".screenshot-settings"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_dir))
    QCoreApplication.setOrganizationName("seqstudio-screenshots")
    OUT.mkdir(parents=True, exist_ok=True)
    os.chdir(ROOT / "runs" if (ROOT / "runs").is_dir() else ROOT)

    def wait(cond, timeout=300.0):
        deadline = time.monotonic() + timeout
        while not cond():
            app.processEvents()
            time.sleep(0.01)
            if time.monotonic() > deadline:
                raise TimeoutError("timed out")

    for name, (cell, params, _options) in PLAN.items():
        if args.only and name not in args.only:
            continue
        window = MainWindow(SAMPLES[name])
        window.setGeometry(0, 0, *SIZE)
        window.showMaximized()
        wait(lambda w=window: w.tf.is_ready and w.data.dataset is not None)
        window.model_panel.select_cell(cell, params)
        window.controls.set_values({"epochs": 30, "batch_size": 32, "learning_rate": 0.005})
        wait(lambda w=window: w.start_button.isEnabled() and bool(w.model_panel.rows))
        window.tabs.setCurrentWidget(window.model_panel)
        window.start_training()
        wait(lambda w=window: len(w.live.loss.epoch_data()["loss"]) >= args.epochs_before_shot
             and w.live.prediction.last is not None)
        end = time.monotonic() + 1.5  # a few more batches, then the shot
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)
        path = OUT / f"{name}.png"
        if shutil.which("import"):
            subprocess.run(["import", "-window", "root", str(path)], check=True)
        else:
            QApplication.primaryScreen().grabWindow(0).save(str(path))
        print(f"saved {path.relative_to(ROOT)}", flush=True)
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
