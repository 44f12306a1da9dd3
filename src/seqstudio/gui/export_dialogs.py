"""File > Export: ask where, write through ``run_files``, report in the status bar or a dialog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog

from seqstudio.gui import run_files
from seqstudio.gui.errors import error_text, show_error
from seqstudio.gui.i18n import translate
from seqstudio.i18n import QT_TRANSLATE_NOOP

IMAGE_FILTERS = QT_TRANSLATE_NOOP("ExportDialogs", "PNG image (*.png);;SVG (*.svg)")


def _save_path(window: Any, title: str, name: str, filters: str) -> str:
    folder = Path(window.settings.last_folder() or Path.cwd())
    path, _ = QFileDialog.getSaveFileName(window, title, str(folder / name), filters)
    return path


def _export(window: Any, do: Callable[[], Path]) -> None:
    try:
        path = do()
    except Exception as exc:  # noqa: BLE001 - a full disk or bad name becomes a dialog
        show_error(window, translate("ExportDialogs", "Export failed"), error_text(exc))
        return
    window.statusBar().showMessage(translate("ExportDialogs", "Saved {0}").format(path), 5000)


def export_loss_plot(window: Any) -> None:
    path = _save_path(window, translate("ExportDialogs", "Export loss plot"), "loss.png",
                      translate("ExportDialogs", IMAGE_FILTERS))
    if path:
        _export(window, lambda: run_files.export_plot(window.live.loss.plot.getPlotItem(), path))


def export_heatmap(window: Any) -> None:
    path = _save_path(window, translate("ExportDialogs", "Export heatmap"), "hidden-states.png",
                      translate("ExportDialogs", IMAGE_FILTERS))
    if path:
        _export(window, lambda: run_files.export_plot(window.live.hidden.plot.getPlotItem(), path))


def export_hidden_states(window: Any) -> None:
    path = _save_path(window, translate("ExportDialogs", "Export hidden states"), "hidden-states.npz",
                      translate("ExportDialogs", "All snapshots (*.npz);;Shown snapshot (*.csv)"))
    if path:
        live = window.live
        _export(window, lambda: run_files.export_snapshots(
            live.scrubber.snapshots, live.hidden.snapshot, path, live.hidden.current_layer(),
            weights=live.model.weights_series(), influence=live.model.influence_series()))
