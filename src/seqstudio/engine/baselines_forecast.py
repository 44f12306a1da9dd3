"""Forecast baselines in the target's original units, on the model's validation targets.

The validation sample ``i`` starts at row ``s = val_start + i * stride``; its inputs are rows
``s .. s+T-1`` (the *origin* is the last of them, ``t = s+T-1``) and its targets rows
``t+1 .. t+H``. Every baseline forecasts those targets from rows up to ``t``:

* ``mean``: the training mean (the scaler's).
* ``persistence``: the value at the origin, repeated over the horizon.
* ``seasonal-naive``: the value one period before each target (``t + h - m * ceil(h / m)``).
  The period ``m`` comes from the dates (hourly 24, daily 7, weekly 52, monthly 12, quarterly 4),
  else from the strongest peak of the training part's autocorrelation; skipped when neither gives
  one.
* ``ar``: a linear autoregression with intercept, fitted by least squares on the training rows of
  each target column, iterated over the horizon. Its order ``p`` (at most the window ``T`` and
  :data:`MAX_AR_ORDER`) is the one with the lowest MAE on the last 20 % of the training rows when
  fitted on the rest.

``val_loss`` is the model's training loss (``mse``, or ``mae``) on the scaled targets, as Keras
reports it, so it can be drawn on the loss plot.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from seqstudio.data.dataset import Dataset
from seqstudio.engine.baselines import Baseline

MAX_AR_ORDER = 24
#: median step between dates (in days) -> seasonal period
CALENDAR_PERIODS = ((1 / 24, 24, "hourly"), (1.0, 7, "daily"), (7.0, 52, "weekly"),
                    (30.44, 12, "monthly"), (91.3, 4, "quarterly"))
#: an autocorrelation peak must reach this to count as a season
ACF_THRESHOLD = 0.3


def forecast_baselines(ds: Dataset) -> list[Baseline]:
    stats = np.array([ds.scaler.get(c, (0.0, 1.0)) for c in ds.target_columns], np.float64)
    K, H = len(ds.target_columns), int(ds.horizon)
    actual = np.asarray(ds.y_val, np.float64).reshape(len(ds.y_val), H, K) * stats[:, 1] + (
        stats[:, 0])
    training_loss = loss_name(ds)

    def baseline(name: str, label: str, pred: np.ndarray, details: dict[str, Any]) -> Baseline:
        pred = np.broadcast_to(pred, actual.shape)
        diff = pred - actual
        metrics = {"mae": float(np.abs(diff).mean()), "rmse": float(np.sqrt((diff**2).mean()))}
        scaled = diff / stats[:, 1]
        val_loss = {"mse": float((scaled**2).mean()), "mae": float(np.abs(scaled).mean())}.get(
            training_loss)
        return Baseline(name, label, metrics, val_loss, details)

    def skipped(name: str, label: str, reason: str) -> Baseline:
        return Baseline(name, label, {}, None, {"skipped": reason})

    out = [baseline("mean", "training mean", stats[:, 0],
                    {"value": [float(m) for m in stats[:, 0]]})]
    series, reason = _series(ds, actual)
    if series is None:
        out.append(_persistence_from_inputs(ds, stats, baseline, skipped))
        return [*out, skipped("seasonal-naive", "seasonal naive", reason),
                skipped("ar", "AR(p)", reason)]
    w = ds.windows
    origins = w.val[0] + np.arange(len(actual)) * w.stride + w.seq_len - 1
    out.append(baseline("persistence", "persistence", series[origins][:, None, :], {}))
    period, how = seasonal_period(ds.row_dates, series[: w.train[1]])
    if period is None:
        out.append(skipped("seasonal-naive", "seasonal naive", how))
    else:
        h = np.arange(1, H + 1)
        rows = origins[:, None] + h - period * np.ceil(h / period).astype(np.int64)
        if rows.min() < 0:
            out.append(skipped("seasonal-naive", f"seasonal naive (period {period})",
                               f"the series before the validation part is shorter than one "
                               f"period ({period} rows)"))
        else:
            out.append(baseline("seasonal-naive", f"seasonal naive (period {period})",
                                series[rows], {"period": period, "period_from": how}))
    train = series[: w.train[1]]
    p, how_p = choose_ar_order(train, min(w.seq_len, MAX_AR_ORDER), H)
    if p is None:
        out.append(skipped("ar", "AR(p)", how_p))
    else:
        coef = [fit_ar(train[:, k], p) for k in range(K)]
        pred = np.stack([ar_forecast(series[:, k], origins, coef[k], H) for k in range(K)], -1)
        out.append(baseline("ar", f"AR({p})", pred, {"p": p, "p_chosen": how_p}))
    return out


def loss_name(ds: Dataset) -> str:
    """The Keras loss the model of ``ds`` trains with (``mse``; its task decides), or "" if unknown."""
    try:
        from seqstudio import tasks

        return str(tasks.get(ds.task).loss_and_metrics(ds.head)[0])
    except Exception:  # noqa: BLE001 - an unknown head: no val_loss line, the metrics still hold
        return ""


def _series(ds: Dataset, actual: np.ndarray) -> tuple[np.ndarray | None, str]:
    """The target columns at every row in original units ``(L, K)``, checked against the
    validation targets; or None and why not."""
    w = ds.windows
    if w is None or w.targets is None:
        return None, "the dataset keeps no flat series to look back in"
    stats = np.array([ds.scaler.get(c, (0.0, 1.0)) for c in ds.target_columns], np.float64)
    series = np.asarray(w.targets, np.float64) * stats[:, 1] + stats[:, 0]
    n = len(actual)
    if n:
        first = w.val[0] + np.arange(n) * w.stride + w.seq_len
        rows = first[:, None] + np.arange(actual.shape[1])
        if rows.max() >= len(series) or not np.allclose(series[rows], actual, rtol=1e-4,
                                                        atol=1e-6 * (1 + np.abs(actual).max())):
            return None, "the validation targets are not the series' rows after each window"
    return series, ""


def _persistence_from_inputs(ds: Dataset, stats, baseline, skipped) -> Baseline:
    cols, inputs = ds.target_columns, ds.input_columns
    if not cols or not all(c in inputs for c in cols):
        return skipped("persistence", "persistence", "the target is not among the input columns")
    idx = [inputs.index(c) for c in cols]
    last = np.asarray(ds.x_val, np.float64)[:, -1, idx] * stats[:, 1] + stats[:, 0]
    return baseline("persistence", "persistence", last[:, None, :], {})


def seasonal_period(dates: np.ndarray | None, train: np.ndarray) -> tuple[int | None, str]:
    """The season length in rows, and how it was found (from the dates, or detected)."""
    if dates is not None and len(dates) > 1:
        step = float(np.median(np.diff(dates.astype("datetime64[s]").astype(np.int64)))) / 86400
        for days, period, name in CALENDAR_PERIODS:
            if 0.9 * days <= step <= 1.1 * days:
                return period, f"the dates ({name})"
    lag = detect_period(train[:, 0])
    if lag is None:
        return None, ("no seasonal period in the dates, and no peak of at least "
                      f"{ACF_THRESHOLD} in the autocorrelation of the training part")
    return lag, "the autocorrelation of the training part"


def detect_period(x: np.ndarray) -> int | None:
    """The lag of the strongest local peak (lag >= 2) of the autocorrelation of the linearly
    detrended ``x``, up to a third of its length; the smallest lag within 10 % of that peak wins,
    so a multiple of the season is not taken for it. None below :data:`ACF_THRESHOLD`."""
    n = len(x)
    if n < 8:
        return None
    t = np.arange(n, dtype=np.float64)
    resid = x - np.polyval(np.polyfit(t, x, 1), t)
    var = float(resid @ resid)
    if var <= 0:
        return None
    lags = np.arange(1, n // 3 + 1)
    acf = np.array([resid[:-k] @ resid[k:] / var for k in lags])
    peaks = [i for i in range(1, len(acf) - 1) if acf[i] >= acf[i - 1] and acf[i] > acf[i + 1]]
    peaks = [i for i in peaks if acf[i] >= ACF_THRESHOLD]
    if not peaks:
        return None
    top = max(acf[i] for i in peaks)
    return int(lags[min(i for i in peaks if acf[i] >= 0.9 * top)])


def fit_ar(x: np.ndarray, p: int) -> np.ndarray:
    """Least-squares ``x[t] = c + a1 x[t-1] + ... + ap x[t-p]``: ``[c, a1, ..., ap]``."""
    rows = np.arange(p, len(x))
    design = np.column_stack([np.ones(len(rows))] + [x[rows - j] for j in range(1, p + 1)])
    coef, *_ = np.linalg.lstsq(design, x[rows], rcond=None)
    return coef


def ar_forecast(x: np.ndarray, origins: np.ndarray, coef: np.ndarray, horizon: int) -> np.ndarray:
    """``(N, H)`` forecasts after each origin row, each step fed back in as the next lag."""
    p = len(coef) - 1
    history = np.stack([x[origins - j] for j in range(p)], axis=1)  # newest first
    out = np.empty((len(origins), horizon))
    for h in range(horizon):
        nxt = coef[0] + history @ coef[1:]
        out[:, h] = nxt
        history = np.column_stack([nxt, history[:, :-1]])
    return out


def choose_ar_order(train: np.ndarray, max_p: int, horizon: int) -> tuple[int | None, str]:
    """The order with the lowest MAE on the last 20 % of the training rows, fitted on the rest."""
    n = len(train)
    cut = int(n * 0.8)
    max_p = min(max_p, (cut - 1) // 3)
    if max_p < 1 or n - cut < horizon + 1:
        return None, f"the training part ({n} rows) is too short to fit and choose an order"
    origins = np.arange(cut - 1, n - horizon)
    target = np.stack([train[origins + h] for h in range(1, horizon + 1)], axis=1)  # (N, H, K)
    errors = {}
    for p in range(1, max_p + 1):
        pred = np.stack([ar_forecast(train[:, k], origins, fit_ar(train[:cut, k], p), horizon)
                         for k in range(train.shape[1])], axis=-1)
        errors[p] = float(np.abs(pred - target).mean())
    best = min(errors, key=errors.get)
    return best, f"lowest MAE on the last 20 % of the training rows, among 1..{max_p}"
