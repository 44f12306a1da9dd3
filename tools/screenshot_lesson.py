"""A screenshot of a lesson in a real window: a bundled lesson (by default the notes' example,
``05-notes-example``) opened as File ▸ Open Lesson does, trained with the lesson's own settings,
on its last step with the answer shown.

Run it under an X server (``Xvfb :91 -screen 0 1280x800x24 &``, then ``DISPLAY=:91 python
tools/screenshot_lesson.py``); the window fills the screen, and the picture is written with
``import -window root`` (ImageMagick). ``--language ko`` shows the app in Korean, which opens the
lesson's Korean twin (``bundled/ko/``), and writes ``lesson-ko.png``; English writes
``lesson.png`` (both in ``assets/screenshots/``, or ``--out``). Settings and runs go to a
temporary folder, never the user's.
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
SHOTS = ROOT / "assets" / "screenshots"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", default="en", choices=("en", "ko"),
                        help="the app's language (SEQSTUDIO_LANGUAGE); default en")
    parser.add_argument("--lesson", default="05-notes-example", help="a bundled lesson's name")
    parser.add_argument("--out", type=Path, help="the PNG to write (default: assets/screenshots/"
                        "lesson.png, lesson-ko.png in Korean)")
    args = parser.parse_args(argv)
    out = args.out or SHOTS / ("lesson.png" if args.language == "en" else
                               f"lesson-{args.language}.png")
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="seqstudio-lesson-shot-")
    os.environ["SEQSTUDIO_LANGUAGE"] = args.language
    import seqstudio.gui  # noqa: F401, I001 - the PySide6 workaround comes first
    from PySide6.QtCore import QEventLoop  # noqa: TID251 - a GUI tool

    from seqstudio.gui.app import make_application
    from seqstudio.gui.main_window import MainWindow
    from seqstudio.lesson import bundled_lessons

    app = make_application([sys.argv[0]])
    lesson = next(p for p in bundled_lessons() if p.stem == args.lesson)
    window = MainWindow(lesson)
    window.settings.set_runs_folder(Path(os.environ["XDG_CONFIG_HOME"]) / "runs")
    window.setGeometry(app.primaryScreen().availableGeometry())
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
    started = time.monotonic()
    window.start_training()
    loop.exec()
    print(f"trained in {time.monotonic() - started:.0f} s")
    panel = window.lesson_dock.panel
    panel.show_step(len(panel.lesson.steps) - 1)
    panel.answer_button.click()
    for _ in range(100):  # let the plots and the panel paint
        app.processEvents()
        time.sleep(0.02)
    out.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["import", "-window", "root", str(out)], check=True)
    print(f"wrote {out}: {panel.lesson.title}; {window.last_result.reason}")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
