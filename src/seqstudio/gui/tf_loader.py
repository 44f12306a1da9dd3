"""Import TensorFlow and Keras on a background thread so the window shows first."""

from __future__ import annotations

import time
import traceback

from PySide6.QtCore import QObject, QThread, Signal

from seqstudio.gui.threads import track


class _ImportThread(QThread):
    finished_ok = Signal(dict)
    failed = Signal(str, str)

    def run(self) -> None:  # noqa: D401 - QThread entry point
        start = time.perf_counter()
        try:
            import keras
            import tensorflow as tf

            # The data layer (pandas) and the model builder load here too, off the GUI thread.
            import seqstudio.data  # noqa: F401
            import seqstudio.model  # noqa: F401

            versions = {"tensorflow": tf.__version__, "keras": keras.__version__,
                        "seconds": round(time.perf_counter() - start, 2)}
        except BaseException as exc:  # noqa: BLE001 - report anything, never crash the app
            self.failed.emit(f"{type(exc).__name__}: {exc}", traceback.format_exc())
            return
        self.finished_ok.emit(versions)


class TensorFlowLoader(QObject):
    """Starts the import once; ``ready(versions)`` or ``failed(message, traceback)`` follow.

    ``is_ready`` is true once TensorFlow can be used from any thread.
    """

    ready = Signal(dict)
    failed = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.is_ready = False
        self.versions: dict = {}
        self.error = ""
        self._thread: _ImportThread | None = None

    def start(self) -> None:
        if self._thread is not None or self.is_ready:
            return
        self._thread = track(_ImportThread(self))
        self._thread.finished_ok.connect(self._on_ready)
        self._thread.failed.connect(self._on_failed)
        self._thread.start(QThread.Priority.LowPriority)

    def wait(self, ms: int = 120_000) -> bool:
        if self._thread is not None:
            return self._thread.wait(ms)
        return True

    def _on_ready(self, versions: dict) -> None:
        self.is_ready = True
        self.versions = versions
        self.ready.emit(versions)

    def _on_failed(self, message: str, tb: str) -> None:
        self.error = message
        self.failed.emit(message, tb)
