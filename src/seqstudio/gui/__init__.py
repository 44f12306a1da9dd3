"""The seqstudio desktop app: PySide6 widgets and pyqtgraph plots on top of the core.

Importing this package loads Qt and pyqtgraph but never TensorFlow or Keras; the window appears
first and TensorFlow is imported on a background thread (:mod:`seqstudio.gui.tf_loader`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from seqstudio.gui import _pyside_compat  # noqa: F401 - must run before any PySide6 call

if TYPE_CHECKING:  # pragma: no cover
    from seqstudio.gui.main_window import MainWindow

__all__ = ["MainWindow", "run_app"]


def __getattr__(name: str) -> Any:
    if name == "MainWindow":
        from seqstudio.gui.main_window import MainWindow

        return MainWindow
    if name == "run_app":
        from seqstudio.gui.app import run_app

        return run_app
    raise AttributeError(name)
