"""What the window says when a run ends: the progress line, the status bar and, for a failed
run, a dialog that says what happened and what to try."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from seqstudio.gui.errors import show_error
from seqstudio.gui.words import plural

STATUS_WORDS = {"finished": "Finished", "stopped": "Stopped", "failed": "Failed"}


def summary_text(result: Any, phrase: str = "") -> str:
    """One line: how the run ended, how far it got, its best epoch and how it compares."""
    words = STATUS_WORDS.get(result.status, result.status)
    reason = "diverged" if result.divergence is not None else result.reason
    text = f"{words}: {reason} ({plural(result.epochs_done, 'epoch')})"
    if result.best_epoch is not None and result.best_epoch != result.epochs_done:
        text += f"; model.keras holds the best epoch, {result.best_epoch}"
    if phrase:
        text += f"; {phrase}"
    return text


def show_failure(parent: QWidget, result: Any) -> None:
    """A dialog for a failed run: for a divergence, where the loss stopped being finite (marked
    on the loss plot) and what to change."""
    div = result.divergence
    if div is not None:
        message = (f"Training diverged: the {div.what}.\n\nThe batches up to that point are on "
                   f"the loss plot, and the red cross marks where it happened.\n\nWhat to do: "
                   f"{div.advice}.")
        show_error(parent, "Training diverged", message, result.traceback)
        return
    show_error(parent, "Training failed", f"Training failed: {result.reason}\n\nThe app is still "
               "usable: change the settings and start again.", result.traceback)
