"""A screenshot of Train ▸ Compare Runs… in a real window: tanh against ReLU on the bundled toy
grammar with the app's defaults (its own epochs, learning rate, units and text settings), taken
when both runs have trained and the table is filled.

Run it under an X server of 1366×768 or more (``Xvfb :94 -screen 0 1366x768x24 &``, then
``DISPLAY=:94 python tools/screenshot_compare.py``); it writes
``assets/screenshots/compare.png`` with ``import -window root`` (ImageMagick), else
``QScreen.grabWindow``. Settings and runs go under ``runs/.screenshot-compare``, never the user's.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "assets" / "screenshots" / "compare.png"


def main() -> int:
    import seqstudio.gui  # noqa: F401, I001 - the PySide6 workaround comes first
    from PySide6.QtCore import QCoreApplication, QSettings  # noqa: TID251 - a GUI tool
    from PySide6.QtWidgets import QApplication  # noqa: TID251

    from seqstudio.data.samples import SAMPLES
    from seqstudio.gui.app import make_application
    from seqstudio.gui.compare_window import CompareWindow
    from seqstudio.gui.main_window import MainWindow
    from seqstudio.gui.settings import AppSettings

    app = make_application([sys.argv[0]])
    folder = ROOT / "runs" / ".screenshot-compare"
    shutil.rmtree(folder, ignore_errors=True)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QCoreApplication.setOrganizationName("seqstudio-screenshots")
    AppSettings().set_runs_folder(folder / "runs")

    def wait(cond, timeout=1800.0):
        deadline = time.monotonic() + timeout
        while not cond():
            app.processEvents()
            time.sleep(0.02)
            if time.monotonic() > deadline:
                raise TimeoutError("the app did not get there in time")

    main_window = MainWindow(SAMPLES["toy_grammar"])
    main_window.show()
    wait(lambda: main_window.tf.is_ready and main_window.data.dataset is not None
         and main_window.start_button.isEnabled(), 600)
    main_window.actions_.compare.trigger()
    compare = main_window.findChild(CompareWindow)
    screen = app.primaryScreen().availableGeometry()
    compare.setGeometry(screen)
    done = []
    compare.compared.connect(done.append)
    started = time.monotonic()
    compare.start_button.click()
    wait(lambda: bool(done))
    print(f"trained and compared in {time.monotonic() - started:.0f} s")
    compare.heatmaps.difference.setChecked(False)
    compare.table.diff_only.setChecked(True)
    compare.raise_()
    compare.activateWindow()
    end = time.monotonic() + 2.0
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    if shutil.which("import"):
        subprocess.run(["import", "-window", "root", str(OUT)], check=True)
    else:
        app.primaryScreen().grabWindow(0).save(str(OUT))
    print(OUT)
    compare.shutdown()
    main_window.shutdown()
    QApplication.closeAllWindows()
    return 0


if __name__ == "__main__":
    sys.exit(main())
