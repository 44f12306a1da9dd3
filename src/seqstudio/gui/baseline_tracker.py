"""The honest baselines of the open dataset, computed off the GUI thread, drawn on the loss plot
as labelled lines and said in words ("beats persistence by 12 %") in the status bar and the run
summary. The figures come from :mod:`seqstudio.engine.baselines` (pure numpy)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from seqstudio.gui.baseline_words import comparison_words, label_words
from seqstudio.gui.tasks import ErrorRecord, run_task


def _compute(dataset: Any) -> list[Any]:
    from seqstudio.engine.baselines import compute_baselines

    return [b for b in compute_baselines(dataset) if not b.skipped]


def comparison_of(task: str, metrics: dict[str, float], baselines: list[Any]) -> Any | None:
    """The model's validation figures against the baselines
    (:func:`seqstudio.engine.compare.epoch_comparison`, which ``seqstudio compare`` uses too);
    ``None`` when nothing can be compared yet (no baselines, an epoch without validation
    figures, or no task)."""
    from seqstudio import tasks
    from seqstudio.engine.compare import epoch_comparison

    if not baselines or task not in tasks.names():
        return None
    return epoch_comparison(task, metrics, baselines)


class BaselineTracker(QObject):
    """``ready(baselines)`` once the open dataset's baselines are known."""

    ready = Signal(list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.baselines: list[Any] = []
        self.task = ""
        self._generation = 0
        self.error = ""

    def set_dataset(self, dataset: Any) -> None:
        self._generation += 1
        generation = self._generation
        self.baselines, self.error = [], ""
        self.task = getattr(dataset, "task", "") if dataset is not None else ""
        if dataset is None or not getattr(dataset, "n_val", 0):
            self.ready.emit([])
            return
        run_task(_compute, dataset, on_result=lambda found: self._done(generation, found),
                 on_error=lambda exc, _tb: self._failed(generation, exc), owner=self)

    def _done(self, generation: int, found: list[Any]) -> None:
        if generation == self._generation:
            self.baselines = found
            self.ready.emit(found)

    def _failed(self, generation: int, exc: ErrorRecord) -> None:
        if generation == self._generation:  # the plot simply has no baseline lines
            self.error = exc.with_kind
            self.ready.emit([])

    def lines(self) -> list[tuple[str, float]]:
        """``(label, validation loss)`` for the loss plot."""
        return [(label_words(b.label), b.val_loss) for b in self.baselines
                if b.val_loss is not None]

    def comparison(self, metrics: dict[str, float]) -> Any | None:
        return comparison_of(self.task, metrics, self.baselines)

    def phrase(self, metrics: dict[str, float]) -> str:
        """``beats persistence by 12 % (...)`` in the user's language, or ``""``."""
        return comparison_words(self.comparison(metrics))
