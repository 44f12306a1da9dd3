"""What the window says when a run ends: the progress line, the status bar and, for a failed
run, a dialog that says what happened and what to try."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from seqstudio.gui.errors import show_error
from seqstudio.gui.words import plural

STATUS_WORDS = {"finished": "Finished", "stopped": "Stopped", "failed": "Failed"}


def summary_text(result: Any) -> str:
    """A short line: how the run ended and how far it got."""
    words = STATUS_WORDS.get(result.status, result.status)
    reason = "diverged" if result.divergence is not None else result.reason
    return f"{words}: {reason} ({plural(result.epochs_done, 'epoch')})"


def summary_details(result: Any, phrase: str = "") -> str:
    """Its best epoch and how it compares with the baselines, as a sentence (or ``""``)."""
    parts = []
    if result.best_epoch is not None and result.best_epoch != result.epochs_done:
        parts.append(f"the run's model.keras holds the best epoch, {result.best_epoch}")
    if phrase:
        verb = "is " if phrase.startswith(("not ", "level ")) else ""
        parts.append(f"the model {verb}{phrase}" if not phrase.startswith("no ") else phrase)
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "." if text else ""


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
