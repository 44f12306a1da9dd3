"""Runs side by side: settings, validation metrics, the baselines' figures, parameters and speed
of 2-4 run directories, read through :class:`~seqstudio.engine.rundir.RunDir`. No Qt; TensorFlow
only when the parameters of a run that did not record them are counted (:func:`count_parameters`
then builds the run's model, as ``seqstudio inspect`` does).

A :class:`Comparison` is a list of :class:`Row` (section, name, one value per run); the CLI prints
it as a table and the app's compare window draws the same rows, so both show the same numbers.
Speed comes from ``history.csv``'s ``epoch_seconds``; runs written before that column existed
show ``-`` there.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from seqstudio.engine.rundir import EPOCH_SECONDS, RunDir
from seqstudio.errors import Phrase, SeqstudioError
from seqstudio.i18n import QT_TRANSLATE_NOOP

MIN_RUNS, MAX_RUNS = 2, 4
#: sections in the order they are shown
SECTIONS = ("run", "settings", "metrics", "baselines", "glass-box", "size", "speed")
#: a run's baselines: a list of :class:`~seqstudio.engine.baselines.Baseline`, or ``None`` when
#: they cannot be computed (the data file is gone)
BaselinesFor = Callable[[RunDir], "list[Any] | None"]
#: data options that say nothing a reader compares (limits, not choices)
_QUIET_OPTIONS = {"max_bytes"}


class CompareError(SeqstudioError):
    """The runs given cannot be compared (too few, too many)."""


@dataclass(frozen=True)
class Row:
    section: str
    name: str
    values: tuple[Any, ...]
    #: per value, what it says in parts (a baselines ``Comparison`` for the row of the best epoch
    #: against the baselines), for a front end that words it in another language; not in JSON
    parts: tuple[Any, ...] = ()

    @property
    def differs(self) -> bool:
        """Whether the runs disagree on this row (NaN equals NaN, 1 equals 1.0)."""
        keys = {_same_key(v) for v in self.values}
        return len(keys) > 1

    def to_json(self) -> dict[str, Any]:
        return {"section": self.section, "name": self.name,
                "values": [_json_value(v) for v in self.values], "differs": self.differs}


@dataclass
class Comparison:
    runs: list[str]
    paths: list[Path]
    rows: list[Row] = field(default_factory=list)

    def section(self, name: str, *, diff_only: bool = False) -> list[Row]:
        return [r for r in self.rows if r.section == name and (r.differs or not diff_only)]

    def value(self, name: str) -> tuple[Any, ...]:
        """The values of the row called ``name`` (the first of that name)."""
        for row in self.rows:
            if row.name == name:
                return row.values
        raise KeyError(name)

    def to_json(self, *, diff_only: bool = False) -> dict[str, Any]:
        rows = [r for r in self.rows if r.section != "settings" or r.differs or not diff_only]
        return {"runs": self.runs, "paths": [str(p) for p in self.paths],
                "rows": [r.to_json() for r in rows]}


def compare_runs(paths: Sequence[str | Path], *,
                 count_params: Callable[[RunDir], int | None] | None = None,
                 baselines_for: BaselinesFor | None = None) -> Comparison:
    """Read 2-4 run directories and line them up. ``count_params(run)`` gives a run's total
    parameters (``None``: unknown); without it the size section is left out. ``baselines_for(run)``
    gives the run's baselines (:func:`run_baselines`); without it the baselines section is left
    out.

    :raises CompareError: fewer than 2 or more than 4 runs.
    :raises RunDirError: a path that is not a readable run directory (missing, damaged, newer).
    """
    if not MIN_RUNS <= len(paths) <= MAX_RUNS:
        raise CompareError(Phrase(QT_TRANSLATE_NOOP("Errors", "compare takes {least} to {most} run "
                                                              "directories, got {n}"),
                                  least=MIN_RUNS, most=MAX_RUNS, n=len(paths)))
    runs = [RunDir(p) for p in paths]
    names = _names([r.path for r in runs])
    comparison = Comparison(names, [r.path for r in runs])
    summaries = [_summary(r) for r in runs]
    rows = comparison.rows

    def add(section: str, name: str, values: Sequence[Any], parts: Sequence[Any] = ()) -> None:
        rows.append(Row(section, name, tuple(values), tuple(parts)))

    add("run", "status", [s["status"] for s in summaries])
    add("run", "reason", [s["reason"] for s in summaries])
    add("run", "epochs done", [s["epochs_done"] for s in summaries])
    for key in _union(s["settings"] for s in summaries):
        add("settings", key, [s["settings"].get(key, "-") for s in summaries])
    add("metrics", "best epoch", [s["best_epoch"] for s in summaries])
    for key in _union(s["metrics"] for s in summaries):
        add("metrics", f"{key} (best epoch)", [s["metrics"].get(key, math.nan)
                                                   for s in summaries])
    add("metrics", "val_loss (last epoch)", [s["last_val_loss"] for s in summaries])
    if baselines_for is not None:
        _add_baselines(add, runs, summaries, baselines_for)
    _add_glass_box(add, runs)
    if count_params is not None:
        add("size", "parameters", [_safe_count(count_params, r) for r in runs])
    add("speed", "s per epoch (median)", [s["s_per_epoch"] for s in summaries])
    add("speed", "samples/s", [s["samples_per_s"] for s in summaries])
    add("speed", "first epoch s (with compiling)", [s["first_epoch_s"] for s in summaries])
    add("speed", "wall time s (with start-up)", [s["wall_s"] for s in summaries])
    return comparison


def _add_baselines(add: Callable[..., None], runs: list[RunDir],
                   summaries: list[dict[str, Any]], baselines_for: BaselinesFor) -> None:
    """One row per baseline (its validation loss, in the units of the runs' ``val_loss``), then
    each run's best epoch against them in words."""
    found: list[list[Any] | None] = []
    for run in runs:
        try:
            found.append(baselines_for(run))
        except SeqstudioError:
            found.append(None)
    labels: dict[str, str] = {}
    for baselines in found:
        for b in baselines or []:
            if not b.skipped and b.val_loss is not None:
                labels.setdefault(b.name, b.label)
    for name, label in labels.items():
        values = []
        for baselines in found:
            if baselines is None:
                values.append("?")
                continue
            mine = next((b for b in baselines if b.name == name and not b.skipped), None)
            values.append(math.nan if mine is None or mine.val_loss is None else mine.val_loss)
        add("baselines", f"{label} (val_loss)", values)
    verdicts = [None if baselines is None else epoch_comparison(run.task, s["metrics"], baselines)
                for run, s, baselines in zip(runs, summaries, found, strict=True)]
    add("baselines", "best epoch against them",
        ["?" if baselines is None else (verdict.phrase if verdict is not None else "-")
         for baselines, verdict in zip(found, verdicts, strict=True)], verdicts)


def _add_glass_box(add: Callable[[str, str, Sequence[Any]], None], runs: list[RunDir]) -> None:
    """The memory and health read-outs of each run's last end-of-epoch glass-box snapshot
    (``glassbox/``): how many steps back the probe's influence stays above 10 % of its peak, and
    per recurrent layer the spectral radius of its recurrent matrix and its saturated and dead
    shares. Left out when no run has a glass box (runs from before it)."""
    last: list[tuple[Any, Any] | None] = []
    for run in runs:
        pairs = [p for p in zip(run.weights_snapshots(), run.influence_snapshots(), strict=False)
                 if p[0].batch < 0]
        last.append(pairs[-1] if pairs else None)
    if not any(last):
        return
    add("glass-box", "at epoch", [p[0].epoch + 1 if p else "-" for p in last])
    add("glass-box", "memory (steps back)", [p[1].memory if p else "-" for p in last])
    depth = max(len(p[0].layers) for p in last if p)
    for i in range(depth):
        prefix = f"layer {i + 1} " if depth > 1 else ""
        for field_name, label in (("spectral_radius", "spectral radius of Wh"),
                                  ("saturated", "saturated share (|h| > 0.95)"),
                                  ("dead", "dead share (h = 0)")):
            add("glass-box", prefix + label, [
                float(getattr(p[0].layers[i], field_name)) if p and i < len(p[0].layers)
                else math.nan for p in last])


def epoch_comparison(task: str, metrics: dict[str, float],
                     baselines: Sequence[Any]) -> Any | None:
    """An epoch's validation figures against the baselines, as a
    :class:`~seqstudio.engine.baselines.Comparison`; ``None`` when nothing can be compared.
    Classification is compared on accuracy, a language model on the validation loss, and a
    forecast on the validation loss too, since its Keras metrics are on scaled targets and each
    baseline gives its loss in those units."""
    from seqstudio import tasks

    usable = [b for b in baselines if not b.skipped]
    finite = {k: float(v) for k, v in metrics.items()
              if isinstance(v, (int, float)) and math.isfinite(v)}
    result = tasks.get(task).epoch_comparison(finite, usable)
    return result if result is not None and result.verdict else None


def run_baselines(cache: dict[tuple[Any, ...], list[Any]] | None = None) -> BaselinesFor:
    """A ``baselines_for`` that loads each run's data file again with the run's options (refusing
    a file whose content changed) and computes the baselines on it; runs on the same data and
    options share one computation through ``cache``."""
    store: dict[tuple[Any, ...], list[Any]] = {} if cache is None else cache

    def baselines_for(run: RunDir) -> list[Any] | None:
        from seqstudio.engine.baselines import compute_baselines
        from seqstudio.engine.resume import rebuild_dataset

        data = run.config.get("data", {})
        key = (data.get("path"), data.get("sha256"),
               tuple(sorted((k, str(v)) for k, v in (data.get("options") or {}).items())))
        if key not in store:
            try:
                store[key] = compute_baselines(rebuild_dataset(run.config))
            except (SeqstudioError, OSError):
                return None  # the data file is gone or changed: the run's figures stand alone
        return store[key]

    return baselines_for


def recorded_parameters(run: RunDir) -> int | None:
    """The parameter count the run recorded in ``config.json`` when it started; ``None`` for
    runs written before it was recorded."""
    value = run.config.get("parameters")
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def count_parameters(run: RunDir) -> int | None:
    """The run's parameter count: the recorded one, else build the run's model (not trained, not
    loaded) and count, as ``seqstudio inspect`` does; ``None`` when the run lacks what it needs."""
    recorded = recorded_parameters(run)
    if recorded is not None:
        return recorded
    from seqstudio.data.dataset import HeadSpec, InputSpec
    from seqstudio.model import build_model
    from seqstudio.plugins import get_registry

    info, cell_cfg = run.dataset_info(), run.config.get("cell", {})
    if "input_spec" not in info or "head" not in info:
        return None
    try:
        cell = get_registry().cell_type(cell_cfg.get("name", ""))
    except SeqstudioError:
        return None  # the cell's plugin is not installed here
    built = build_model(InputSpec(**info["input_spec"]), HeadSpec(**info["head"]), cell,
                        cell_cfg.get("params"), compile=False)
    return int(built.model.count_params())


def _summary(run: RunDir) -> dict[str, Any]:
    config, status, history = run.config, run.status(), run.history()
    best = run.best_epoch
    best_row = next((r for r in history if r.get("epoch") == best), {})
    metrics = {k: v for k, v in best_row.items() if k not in ("epoch", EPOCH_SECONDS)}
    # validation metrics first, then the training ones at the same epoch
    metrics = dict(sorted(metrics.items(), key=lambda kv: (not kv[0].startswith("val_"), kv[0])))
    last_val = history[-1].get("val_loss", math.nan) if history else math.nan
    epochs_done = int(status.get("epochs_done") or len(history))
    wall = _wall_seconds(config, status)
    n_train = config.get("data", {}).get("n_train")
    seconds = run.epoch_seconds()
    # the first epoch includes building and compiling: it counts only when it is the only one
    # (a resumed run's later sessions compile again; the median keeps those out)
    steady = [v for e, v in seconds.items() if e != min(seconds)] or list(seconds.values())
    per_epoch = statistics.median(steady) if steady else None
    rate = n_train / per_epoch if per_epoch and isinstance(n_train, int) else None
    # "diverged: loss became nan at epoch 1, batch 4; try ...": the part before the advice
    reason = str(status.get("reason") or "-").split(";")[0]
    return {"status": status.get("status", "unknown"), "reason": reason,
            "epochs_done": epochs_done,
            "settings": _flat_settings(config), "best_epoch": best if best is not None else "-",
            "metrics": metrics, "last_val_loss": last_val, "wall_s": wall,
            "s_per_epoch": per_epoch, "samples_per_s": rate, "first_epoch_s": seconds.get(1)}


def _flat_settings(config: dict[str, Any]) -> dict[str, Any]:
    cell, data = config.get("cell", {}), config.get("data", {})
    flat: dict[str, Any] = {"cell": cell.get("name", "?")}
    for k, v in sorted((cell.get("params") or {}).items()):
        flat[f"cell.{k}"] = v
    flat["data.file"] = Path(str(data.get("path", "?"))).name
    flat["data.sha256"] = str(data.get("sha256", "?"))[:12]
    flat["data.task"] = data.get("task", "?")
    for k, v in sorted((data.get("options") or {}).items()):
        if k not in _QUIET_OPTIONS and k != "task":
            flat[f"data.{k}"] = v
    for k in ("n_train", "n_val"):
        if k in data:
            flat[f"data.{k}"] = data[k]
    for k, v in (config.get("settings") or {}).items():
        flat[f"training.{k}"] = v
    return flat


def _wall_seconds(config: dict[str, Any], status: dict[str, Any]) -> float | None:
    """From ``config.json``'s ``created`` to ``status.json``'s last ``updated``: the whole
    session, start-up and compilation included, whole seconds. Unknown for a resumed run (its
    sessions' gaps would count) and for one still running or killed."""
    if config.get("resumed") or status.get("status") not in ("finished", "stopped", "failed"):
        return None
    try:
        start = datetime.strptime(str(config["created"]), "%Y-%m-%dT%H:%M:%S%z")
        end = datetime.strptime(str(status["updated"]), "%Y-%m-%dT%H:%M:%S%z")
    except (KeyError, ValueError):
        return None
    seconds = (end - start).total_seconds()
    return seconds if seconds >= 0 else None


def _safe_count(count: Callable[[RunDir], int | None], run: RunDir) -> int | str:
    try:
        n = count(run)
    except SeqstudioError:
        return "?"
    return "?" if n is None else n


def _names(paths: list[Path]) -> list[str]:
    names = [p.name or str(p) for p in paths]
    if len(set(names)) == len(names):
        return names
    return [f"{i + 1}:{n}" for i, n in enumerate(names)]


def _union(dicts: Any) -> list[str]:
    keys: dict[str, None] = {}
    for d in dicts:
        keys.update(dict.fromkeys(d))
    return list(keys)


def _same_key(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return "nan"
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, dict):
        return tuple(sorted((k, str(v)) for k, v in value.items()))
    return value


def _json_value(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def format_value(value: Any) -> str:
    """A value as the table shows it: floats to 4 significant digits, None/NaN as ``-``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, list):
        return ",".join(map(str, value))
    return str(value)
