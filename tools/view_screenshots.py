"""Screenshots of the unrolled view and the cell inspector in a real X window (issue #14).

The bundled toy grammar with the notes' preset (words, a 100-word vocabulary, 20 steps, 10 units)
and these settings, named here since they are not the file's defaults: 8 epochs of batches of 32.

- ``assets/screenshots/unrolled.png``: ``stacked-rnn`` with 2 layers of 10 units (notes §8), the
  Unrolled tab after a click on the first layer's step 3;
- ``assets/screenshots/inspector.png``: ``simple-rnn-tanh`` with 10 units (notes §1, §4), the
  Inspector tab for step 3, opened by a click on the heatmap.

    python tools/view_screenshots.py [--display :92]

Starts its own Xvfb on the display (1366×768) and grabs it with ImageMagick's ``import``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "assets" / "screenshots"
SIZE = (1366, 768)


def wait(app, cond, seconds=300.0) -> None:
    end = time.monotonic() + seconds
    while not cond():
        app.processEvents()
        time.sleep(0.01)
        if time.monotonic() > end:
            raise TimeoutError("the window did not get there in time")


def settle(app, seconds=0.6) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def train(app, window, cell: str, params: dict) -> None:
    from seqstudio.data.samples import SAMPLES

    window.open_file(SAMPLES["toy_grammar"])
    window.data.form.preset_button.click()
    wait(app, lambda: window.tf.is_ready and window.data.dataset is not None
         and window.start_button.isEnabled())
    window.model_panel.select_cell(cell, params)
    window.controls.epochs.setValue(8)
    window.controls.batch_size.setValue(32)
    wait(app, lambda: window.start_button.isEnabled())
    done = []
    window.trainingFinished.connect(done.append)
    window.start_training()
    wait(app, lambda: bool(done), 900)
    window.trainingFinished.disconnect()
    assert done[0].status == "finished", done[0]
    settle(app, 1.5)


def grab(display: str, name: str) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    subprocess.run(["import", "-display", display, "-window", "root", str(path)], check=True)
    return path


def shoot(display: str) -> int:
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="seqstudio-shots-")
    from PySide6.QtCore import QPointF, Qt  # noqa: TID251 - shots of the window
    from PySide6.QtTest import QTest  # noqa: TID251 - shots of the window

    from seqstudio.gui.app import make_application
    from seqstudio.gui.main_window import MainWindow

    app = make_application([sys.argv[0]])
    window = MainWindow(None, load_sample=False)
    window.settings.set_runs_folder(Path(tempfile.mkdtemp(prefix="seqstudio-shots-runs-")))
    window.resize(*SIZE)
    window.move(0, 0)
    window.show()
    live = window.live

    train(app, window, "stacked-rnn", {"layers": 2, "units": 10})
    live.show_view("unrolled")
    settle(app)
    canvas = live.views["unrolled"].canvas
    wait(app, lambda: (0, 2) in canvas.boxes, 10)  # painted, every step in view
    QTest.mouseClick(canvas, Qt.MouseButton.LeftButton,
                     pos=canvas.boxes[(0, 2)].center().toPoint())
    live.show_view("unrolled")  # the click opened the inspector; the shot is of the boxes
    settle(app)
    print(grab(display, "unrolled.png"))

    train(app, window, "simple-rnn-tanh", {"units": 10})
    live.show_view("heatmap")
    settle(app)
    plot = live.hidden.plot
    scene = plot.getPlotItem().getViewBox().mapViewToScene(QPointF(2.5, 0.5))
    QTest.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=plot.mapFromScene(scene))
    settle(app, 1.0)
    print(grab(display, "inspector.png"))
    window.close()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--display", default=":92")
    parser.add_argument("--shoot", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.shoot:
        return shoot(args.display)
    xvfb = subprocess.Popen(["Xvfb", args.display, "-screen", "0", f"{SIZE[0]}x{SIZE[1]}x24",
                             "-nolisten", "tcp"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.0)
        env = dict(os.environ, DISPLAY=args.display, QT_QPA_PLATFORM="xcb")
        return subprocess.run([sys.executable, __file__, "--shoot", "--display", args.display],
                              env=env).returncode
    finally:
        xvfb.terminate()
        xvfb.wait(5)


if __name__ == "__main__":
    raise SystemExit(main())
