"""Open a past run directory and replay it in the window's plots."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog

from seqstudio.gui import run_files
from seqstudio.gui.errors import error_text, show_error
from seqstudio.gui.i18n import translate
from seqstudio.gui.tasks import ErrorRecord, run_task
from seqstudio.gui.words import plural


def open_run_dialog(window: Any) -> None:
    folder = QFileDialog.getExistingDirectory(window, translate("RunOpener", "Open run directory"),
                                              str(window.settings.runs_folder()))
    if folder:
        open_run(window, folder)


def open_run(window: Any, folder: str | Path) -> None:
    run_task(run_files.read_run, Path(folder), on_result=lambda run: show_run(window, run),
             on_error=lambda exc, tb: refuse_run(window, exc, tb), owner=window)


def refuse_run(window: Any, exc: ErrorRecord, tb: str) -> None:
    """A run folder that cannot be opened. A :class:`SeqstudioError` (damaged, not a run, from a
    newer seqstudio) says all there is to say; only an unexpected error keeps its traceback,
    behind the dialog's details."""
    if exc.expected:
        show_error(window, translate("RunOpener", "Cannot open run"), error_text(exc))
    else:
        show_error(window, translate("RunOpener", "Cannot open run"), exc.with_kind, tb)


def show_run(window: Any, run: dict[str, Any]) -> None:
    cell = run["config"].get("cell", {})
    try:
        activation = window.registry.cell_type(cell.get("name", "")).activation_for(
            cell.get("params", {}))
    except Exception:  # noqa: BLE001 - the cell's plugin may be gone; use a symmetric scale
        activation = "other"
    window.live.show_run(run, activation)
    status = run["status"].get("status", "")
    epochs = plural(len(run["epochs"]), translate("Words", "{0} epoch"),
                    translate("Words", "{0} epochs"))
    window.statusBar().showMessage(
        translate("RunOpener", "Opened run {0} ({1}, {2})").format(
            run["path"], cell.get("name", "?"), epochs + (", " + status if status else "")))
    window.setWindowTitle(f"{Path(run['path']).name} — seqstudio")
