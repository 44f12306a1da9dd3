"""Forecasting: the next H values of K target columns after a window of a series.

Head: linear with H × K outputs on the last state; when every target is an input, the model
predicts the change from the last observed value (``change_head``). Loss: mean squared error on
the scaled targets. Baselines: ``mean``, ``persistence``, ``seasonal-naive`` and ``ar``
(:mod:`seqstudio.engine.baselines_forecast`), compared in original units. Sample: the probe
window's forecast beside the actual values and the window itself
(:class:`~seqstudio.tasks.records.ForecastSample`), shown by the GUI's ``forecast`` view.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from seqstudio.tasks.base import OutputBlock, PredictOutput, PredictRequest, TaskSpec
from seqstudio.tasks.records import ForecastSample


class ForecastTask(TaskSpec):
    name = "forecast"
    label = "forecast a series"
    view = "forecast"
    primary_metric = ("mae", False)
    baseline_names = ("mean", "persistence", "seasonal-naive", "ar")
    change_head = True
    default_window = 20
    original_units = True

    def head(self, units: int, *, per_step: bool = False):
        from seqstudio.data.dataset import HeadSpec

        if per_step:
            raise ValueError("a forecaster reads the last state only (per_step=False)")
        return HeadSpec("linear", int(units))

    def baselines(self, dataset):
        from seqstudio.engine.baselines_forecast import forecast_baselines

        return forecast_baselines(dataset)

    def model_metrics(self, model, dataset, batch_size):
        from seqstudio.engine.evaluate import forecast_metrics

        return forecast_metrics(model, dataset, batch_size)

    def probe_facts(self, dataset) -> dict[str, Any]:
        """``actual``: the probe's targets in original units (when it is a validation window);
        ``history``: the window's own target values (when the targets are inputs)."""
        from seqstudio.engine.predict import window_targets

        facts: dict[str, Any] = {}
        probe_x = np.asarray(dataset.probe.x)
        k = max(len(dataset.target_columns), 1)
        idx = int(dataset.probe.index)
        if 0 <= idx < dataset.n_val and np.array_equal(np.asarray(dataset.x_val[idx]),
                                                       probe_x[0]):
            facts["actual"] = dataset.unscale(np.asarray(dataset.y_val[idx], float)).reshape(
                -1, k).tolist()
        columns = {"target_columns": list(dataset.target_columns),
                   "input_columns": list(dataset.input_columns), "scaler": dataset.scaler}
        hist = window_targets(columns, probe_x[0])
        if hist is not None:
            facts["history"] = hist.tolist()
        return facts

    def sample(self, predict, info, epoch, *, seed=0, sampler=None) -> ForecastSample:
        from seqstudio.engine.predict import unscale_targets

        probe = info["probe"]
        actual, hist = probe.get("actual"), probe.get("history")
        return ForecastSample(
            forecast=unscale_targets(info, predict(np.asarray(probe["x"]))[0]),
            actual=None if actual is None else np.asarray(actual, float),
            history=None if hist is None else np.asarray(hist, float),
            targets=tuple(info["target_columns"]))

    def sample_from_json(self, d: Mapping[str, Any]) -> ForecastSample:
        return ForecastSample.from_json(dict(d))

    def predict(self, predictor, info, request: PredictRequest, run) -> PredictOutput:
        from seqstudio.engine import predict as P

        window, source = forecast_window(run, info, request.values)
        values = P.forecast(predictor, info, window)
        cols = tuple(info["target_columns"] or ["value"])
        result: dict[str, Any] = {"task": self.name, "targets": list(cols),
                                  "forecast": values.tolist(), "window_from": source}
        blocks = [OutputBlock(f"next {len(values)} step(s) after {source}:", ("step", *cols),
                              _rows(values))]
        if request.steps > 0:
            rec = P.recursive_forecast(predictor, info, window, request.steps)
            result["recursive"] = rec.tolist()
            blocks.append(OutputBlock(f"\nrecursive forecast, {request.steps} step(s):",
                                      ("step", *cols), _rows(rec)))
        return PredictOutput(result, tuple(blocks))


def _rows(values: np.ndarray) -> tuple[tuple[Any, ...], ...]:
    return tuple((i + 1, *(f"{v:.6g}" for v in row)) for i, row in enumerate(values))


def forecast_window(run: Any, info: dict[str, Any], values: str | None) -> tuple[np.ndarray, str]:
    """The scaled window to forecast from, and where it comes from: ``values`` (one input
    column, comma-separated, original units), else the end of the run's data."""
    from seqstudio.engine import predict as P
    from seqstudio.engine.resume import rebuild_dataset

    T, F = info["input_spec"]["seq_len"], info["input_spec"]["features"]
    if values:
        if F != 1:
            raise P.PredictError(f"--values works for one input column; this run has {F}")
        try:
            numbers = [float(v) for v in values.replace(";", ",").split(",") if v.strip()]
        except ValueError:
            raise P.PredictError(f"--values must be numbers separated by commas, got "
                                 f"{values!r}") from None
        if len(numbers) < T:
            raise P.PredictError(f"--values needs at least {T} numbers (the window), got "
                                 f"{len(numbers)}")
        return P.scale_window(info, np.array(numbers[-T:])[:, None]), "the given values"
    ds = rebuild_dataset(run.config, allow_changed_data=True)
    x_last = np.asarray(ds.x_val[-1] if ds.n_val else ds.x_train[-1], np.float32)
    y_last = np.asarray(ds.y_val[-1] if ds.n_val else ds.y_train[-1], np.float32)
    cols, inputs = info["target_columns"], info["input_columns"]
    H = int(info.get("horizon") or 1)
    if sorted(cols) == sorted(inputs) and H < T:
        # the window that ends at the last row: the last window moved on by its own targets
        tail = y_last.reshape(H, len(cols))[:, [cols.index(c) for c in inputs]]
        return np.concatenate([x_last[H:], tail]), "the end of the data"
    return x_last, f"the last complete window (it ends {H} row(s) before the end of the data)"


SPEC = ForecastTask()
