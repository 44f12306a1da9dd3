"""What the window says when a run ends: the progress line, the status bar and, for a failed
run, a dialog that says what happened and what to try."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from seqstudio.gui.baseline_words import comparison_words
from seqstudio.gui.errors import say, show_error
from seqstudio.gui.i18n import translate
from seqstudio.gui.qt_loss_plot import divergence_words
from seqstudio.gui.words import plural
from seqstudio.i18n import QT_TRANSLATE_NOOP

STATUS_WORDS = {"finished": QT_TRANSLATE_NOOP("RunSummary", "Finished"),
                "stopped": QT_TRANSLATE_NOOP("RunSummary", "Stopped"),
                "failed": QT_TRANSLATE_NOOP("RunSummary", "Failed")}
#: the engine's fixed reasons for a run's end (an error's own text is shown as written)
REASONS = (QT_TRANSLATE_NOOP("RunSummary", "completed"),
           QT_TRANSLATE_NOOP("RunSummary", "early stopping"),
           QT_TRANSLATE_NOOP("RunSummary", "stopped by user"),
           QT_TRANSLATE_NOOP("RunSummary", "interrupted"))


def reason_words(reason: str) -> str:
    """The engine's ``reason`` in the user's language when it is one of :data:`REASONS`."""
    return translate("RunSummary", reason) if reason in REASONS else reason


def summary_text(result: Any) -> str:
    """A short line: how the run ended and how far it got."""
    words = translate("RunSummary", STATUS_WORDS.get(result.status, result.status))
    reason = (translate("RunSummary", "diverged") if result.divergence is not None
              else reason_words(result.reason))
    epochs = plural(result.epochs_done, translate("Words", "{0} epoch"),
                    translate("Words", "{0} epochs"))
    return translate("RunSummary", "{0}: {1} ({2})").format(words, reason, epochs)


def summary_details(result: Any, comparison: Any | None = None) -> str:
    """Its best epoch and how it compares with the baselines, as a sentence (or ``""``)."""
    parts = []
    if result.best_epoch is not None and result.best_epoch != result.epochs_done:
        parts.append(translate("RunSummary", "the run's model.keras holds the best epoch, {0}")
                     .format(result.best_epoch))
    if comparison is not None:
        parts.append(comparison_words(comparison, sentence=True))
    text = "; ".join(p for p in parts if p)
    return text[:1].upper() + text[1:] + "." if text else ""


def show_failure(parent: QWidget, result: Any) -> None:
    """A dialog for a failed run: for a divergence, where the loss stopped being finite (marked
    on the loss plot) and what to change."""
    div = result.divergence
    if div is not None:
        message = translate("RunSummary", "Training diverged: the {0}.\n\nThe batches up to that "
                            "point are on the loss plot, and the red cross marks where it "
                            "happened.\n\nWhat to do: {1}.").format(divergence_words(div),
                                                                  say(div.advice))
        show_error(parent, translate("RunSummary", "Training diverged"), message, result.traceback)
        return
    show_error(parent, translate("RunSummary", "Training failed"),
               translate("RunSummary", "Training failed: {0}\n\nThe app is still usable: change "
                         "the settings and start again.").format(say(result.reason)),
               result.traceback)
