"""A screenshot of a lesson in a real window: the bundled notes' example (``05-notes-example``)
opened with File ▸ Open Lesson, trained with the lesson's own settings, on its second step with
the answer shown.

Run it under an X server of 1366×768 (``Xvfb :91 -screen 0 1366x768x24 &``, then
``DISPLAY=:91 python tools/screenshot_lesson.py``); it writes ``assets/screenshots/lesson.png``
with ``import -window root`` (ImageMagick). Settings and runs go to a temporary folder, never the
user's.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "assets" / "screenshots" / "lesson.png"


def main() -> int:
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="seqstudio-lesson-shot-")
    import seqstudio.gui  # noqa: F401, I001 - the PySide6 workaround comes first
    from PySide6.QtCore import QEventLoop  # noqa: TID251 - a GUI tool

    from seqstudio.gui.app import make_application
    from seqstudio.gui.main_window import MainWindow
    from seqstudio.lesson import bundled_lessons

    app = make_application([sys.argv[0]])
    lesson = next(p for p in bundled_lessons() if p.stem == "05-notes-example")
    window = MainWindow(lesson)
    window.settings.set_runs_folder(Path(os.environ["XDG_CONFIG_HOME"]) / "runs")
    window.resize(1366, 768)
    window.show()
    deadline = time.monotonic() + 300
    while not (window.tf.is_ready and window.data.dataset is not None
               and window.start_button.isEnabled()):
        app.processEvents()
        time.sleep(0.02)
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get ready")
    loop = QEventLoop()
    window.trainingFinished.connect(lambda *_: loop.quit())
    window.start_training()
    loop.exec()
    window.lesson_dock.panel.next.click()
    window.lesson_dock.panel.answer_button.click()
    for _ in range(100):  # let the plots and the panel paint
        app.processEvents()
        time.sleep(0.02)
    subprocess.run(["import", "-window", "root", str(OUT)], check=True)
    print(f"wrote {OUT}: {window.last_result.reason}")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
