"""Start the desktop app: a QApplication, the main window, the event loop."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from seqstudio import __version__
from seqstudio.gui import quiet_stderr
from seqstudio.gui.settings import APPLICATION, ORGANIZATION
from seqstudio.gui.startup_checks import check_display

#: set to a number of seconds to quit that long after the window is shown (launch benchmark)
EXIT_AFTER_SHOW_ENV = "SEQSTUDIO_GUI_EXIT_AFTER_SHOW"


class _ExposeWatcher(QObject):
    """Prints ``window-exposed <time>`` once the window is really on screen, then quits
    ``exit_after`` seconds later (set through ``SEQSTUDIO_GUI_EXIT_AFTER_SHOW``)."""

    def __init__(self, exit_after: float) -> None:
        super().__init__()
        self.exit_after = exit_after
        self.done = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not self.done and event.type() in (QEvent.Type.Expose, QEvent.Type.Paint):
            self.done = True
            print(f"window-exposed {time.time():.6f}", flush=True)
            QTimer.singleShot(int(self.exit_after * 1000), QApplication.closeAllWindows)
        return False


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        QApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    app.setApplicationDisplayName("seqstudio")
    return app  # type: ignore[return-value]


def run_app(data_path: str | Path | None = None, *, run_dir: str | Path | None = None,
            debug: bool | None = None) -> int:
    """Open the main window (with ``data_path`` or the bundled sample) and run the event loop.

    Raises :class:`~seqstudio.gui.startup_checks.DisplayError` (one ``error:`` line on the CLI)
    where Qt could not open a window; TensorFlow's start-up noise is kept off the terminal unless
    ``debug`` (default: ``--debug`` on the command line or ``SEQSTUDIO_DEBUG=1``)."""
    if QApplication.instance() is None:
        check_display()
    app = make_application()
    quiet_stderr.install(quiet_stderr.debug_requested() if debug is None else debug)
    from seqstudio.gui.main_window import MainWindow

    exit_after = os.environ.get(EXIT_AFTER_SHOW_ENV)
    window = MainWindow(data_path)
    if exit_after:  # only the launch benchmark wants the "window-exposed" line
        watcher = _ExposeWatcher(float(exit_after))
        window.installEventFilter(watcher)
    window.show()
    if run_dir is not None:
        window.open_run(run_dir)
    return app.exec()
