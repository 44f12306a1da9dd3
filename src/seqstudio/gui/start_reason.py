"""Why the main window's Start is disabled: the first thing that is not ready yet, in words."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMainWindow

from seqstudio.gui.i18n import translate


def start_reason(window: Any) -> str:
    """Why Start is disabled, or ``""``."""
    compare = window.findChild(QMainWindow, "compareWindow")
    if compare is not None and compare.running:  # one training at a time: CPUs are shared
        return translate("MainWindow", "The compare window is training; wait for its "
                         "table or stop it there")
    if window.tf.error:
        return translate("MainWindow", "TensorFlow failed to load")
    if not window.tf.is_ready:
        return translate("MainWindow", "Loading TensorFlow…")
    if window.data.path is None:
        return translate("MainWindow", "Open a data file first")
    data_error = window.data.error()
    if data_error:
        return translate("MainWindow", "Data: {0}").format(data_error)
    model_error, training_error = window.model_panel.error(), window.controls.error()
    if model_error or training_error:
        return (translate("MainWindow", "Model: {0}").format(model_error) if model_error
                else translate("MainWindow", "Training: {0}").format(training_error))
    return "" if window.data.dataset is not None else translate("MainWindow", "Loading data…")
