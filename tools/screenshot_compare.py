"""A screenshot of Train ▸ Compare Runs… in a real window: tanh against ReLU on the bundled toy
grammar with the app's defaults (its own epochs, learning rate, units and text settings), taken
when both runs have trained and the table is filled.

Run it under an X server of 1280×800 or more (``Xvfb :94 -screen 0 1280x800x24 &``, then
``DISPLAY=:94 python tools/screenshot_compare.py``); it writes
``assets/screenshots/compare.png`` with ``import -window root`` (ImageMagick), else
``QScreen.grabWindow``. ``--language ko`` shows the app in Korean and writes ``compare-ko.png``
(or ``--out``). Settings and runs go under ``runs/.screenshot-compare``, never the user's.
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
SHOTS = ROOT / "assets" / "screenshots"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", default="en", choices=("en", "ko"),
                        help="the app's language (SEQSTUDIO_LANGUAGE); default en")
    parser.add_argument("--out", type=Path, help="the PNG to write (default: assets/screenshots/"
                        "compare.png, compare-ko.png in Korean)")
    args = parser.parse_args(argv)
    out = args.out or SHOTS / ("compare.png" if args.language == "en" else
                               f"compare-{args.language}.png")
    os.environ["SEQSTUDIO_LANGUAGE"] = args.language
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
    out.parent.mkdir(parents=True, exist_ok=True)
    if shutil.which("import"):
        subprocess.run(["import", "-window", "root", str(out)], check=True)
    else:
        app.primaryScreen().grabWindow(0).save(str(out))
    print(out)
    compare.shutdown()
    main_window.shutdown()
    QApplication.closeAllWindows()
    return 0


if __name__ == "__main__":
    sys.exit(main())
