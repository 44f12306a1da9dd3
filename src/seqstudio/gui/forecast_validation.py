"""A forecast run's whole validation part, predicted against the actual values and beside the
persistence baseline ("the next value equals the last one seen").

One window shows little: the first validation window sits next to the training range, where a
failing model can still look right. Once a run has stopped (never while it trains: the model is
loaded in this process), the run's model, or the checkpoint of a scrubbed-to epoch, predicts every
validation window on a pool thread through the core (:class:`~seqstudio.engine.rundir.RunDir`,
:class:`~seqstudio.engine.predict.Predictor`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from seqstudio.gui.tasks import run_task

#: windows predicted per call
CHUNK = 512
#: the prediction view (a TaskSpec's ``view``) whose runs get the whole validation part
VIEW = "forecast"


@dataclass(frozen=True)
class ValidationForecast:
    """The first forecast step of the first target column, for every validation window."""

    label: str  # which model: "model.keras (best epoch 7)", "after epoch 3"
    column: str
    actual: np.ndarray
    predicted: np.ndarray
    persistence: np.ndarray | None  # None when the target is not an input
    comparison: str = ""  # the core's evaluation against every baseline, in the user's words

    def mae(self, values: np.ndarray | None) -> float | None:
        if values is None or not len(values):
            return None
        return float(np.mean(np.abs(values - self.actual)))


def predict_validation(run_dir: str, dataset: Any, epoch: int | None, label: str) -> ValidationForecast:
    """Runs on a pool thread. ``epoch``: finished epochs of the checkpoint; ``None``: model.keras."""
    from seqstudio.engine.predict import Predictor, dataset_info, unscale_targets, window_targets
    from seqstudio.engine.rundir import RunDir

    run = RunDir(run_dir)
    model = run.load_model() if epoch is None else run.load_checkpoint(epoch)
    predict = Predictor(model)
    x_val = np.asarray(dataset.x_val)
    out = np.concatenate([predict(x_val[i:i + CHUNK]) for i in range(0, len(x_val), CHUNK)])
    info = dataset_info(dataset)
    predicted = unscale_targets(info, out.reshape(len(out), -1))[:, 0, 0]
    actual = unscale_targets(info, np.asarray(dataset.y_val).reshape(len(out), -1))[:, 0, 0]
    last_seen = [window_targets(info, w) for w in x_val]
    persistence = None if any(t is None for t in last_seen) else \
        np.array([t[-1, 0] for t in last_seen], dtype=np.float64)
    column = (info["target_columns"] or ["target"])[0]
    from seqstudio.engine.baselines import Comparison
    from seqstudio.engine.evaluate import evaluate
    from seqstudio.gui.baseline_words import comparison_words

    comparison = comparison_words(Comparison(**evaluate(model, dataset)["comparison"]))
    return ValidationForecast(label, column, actual, predicted, persistence, comparison)


def _has_validation_view(dataset: Any) -> bool:
    """The dataset's task is shown by the :data:`VIEW`, and it has a validation part."""
    from seqstudio import tasks

    task = str(getattr(dataset, "task", ""))
    return (task in tasks.names() and tasks.get(task).view == VIEW
            and bool(getattr(dataset, "n_val", 0)))


class ValidationForecaster(QObject):
    """``ready(ValidationForecast)`` or ``failed(message)``; requests are debounced (scrubbing
    asks for one per slider step) and only the newest answer is delivered."""

    ready = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._request: tuple | None = None
        self._generation = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._run)

    def request(self, run_dir: str, dataset: Any, epoch: int | None, label: str) -> None:
        if not run_dir or dataset is None or not _has_validation_view(dataset):
            return
        self._request = (run_dir, dataset, epoch, label)
        self._timer.start()

    def cancel(self) -> None:
        self._timer.stop()
        self._request = None
        self._generation += 1

    def _run(self) -> None:
        if self._request is None:
            return
        self._generation += 1
        generation, args, self._request = self._generation, self._request, None
        run_task(predict_validation, *args,
                 on_result=lambda r: self._deliver(generation, self.ready, r),
                 on_error=lambda exc, _tb: self._deliver(generation, self.failed,
                                                         exc.with_kind),
                 owner=self)

    def _deliver(self, generation: int, signal: Any, value: Any) -> None:
        if generation == self._generation:
            signal.emit(value)
