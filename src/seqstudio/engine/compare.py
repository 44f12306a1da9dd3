"""Runs side by side: settings, validation metrics, parameters and speed of 2-4 run directories,
read through :class:`~seqstudio.engine.rundir.RunDir` only. No Qt, no TensorFlow unless the
parameters are counted (that builds each run's model, as ``seqstudio inspect`` does).

A :class:`Comparison` is a list of :class:`Row` (section, name, one value per run); the CLI prints
it as a table and the app can draw the same rows.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from seqstudio.engine.rundir import RunDir
from seqstudio.errors import SeqstudioError

MIN_RUNS, MAX_RUNS = 2, 4
#: sections in the order they are shown
SECTIONS = ("run", "settings", "metrics", "size", "speed")
#: data options that say nothing a reader compares (limits, not choices)
_QUIET_OPTIONS = {"max_bytes"}


class CompareError(SeqstudioError):
    """The runs given cannot be compared (too few, too many)."""


@dataclass(frozen=True)
class Row:
    section: str
    name: str
    values: tuple[Any, ...]

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
                 count_params: Callable[[RunDir], int | None] | None = None) -> Comparison:
    """Read 2-4 run directories and line them up. ``count_params(run)`` gives a run's total
    parameters (``None``: unknown); without it the size section is left out.

    :raises CompareError: fewer than 2 or more than 4 runs.
    :raises RunDirError: a path that is not a readable run directory (missing, damaged, newer).
    """
    if not MIN_RUNS <= len(paths) <= MAX_RUNS:
        raise CompareError(f"compare takes {MIN_RUNS} to {MAX_RUNS} run directories, got "
                           f"{len(paths)}")
    runs = [RunDir(p) for p in paths]
    names = _names([r.path for r in runs])
    comparison = Comparison(names, [r.path for r in runs])
    summaries = [_summary(r) for r in runs]
    rows = comparison.rows

    def add(section: str, name: str, values: Sequence[Any]) -> None:
        rows.append(Row(section, name, tuple(values)))

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
    if count_params is not None:
        add("size", "parameters", [_safe_count(count_params, r) for r in runs])
    add("speed", "wall time s (with start-up)", [s["wall_s"] for s in summaries])
    add("speed", "s per epoch", [s["s_per_epoch"] for s in summaries])
    add("speed", "samples/s", [s["samples_per_s"] for s in summaries])
    return comparison


def _summary(run: RunDir) -> dict[str, Any]:
    config, status, history = run.config, run.status(), run.history()
    best = run.best_epoch
    best_row = next((r for r in history if r.get("epoch") == best), {})
    metrics = {k: v for k, v in best_row.items() if k != "epoch"}
    # validation metrics first, then the training ones at the same epoch
    metrics = dict(sorted(metrics.items(), key=lambda kv: (not kv[0].startswith("val_"), kv[0])))
    last_val = history[-1].get("val_loss", math.nan) if history else math.nan
    epochs_done = int(status.get("epochs_done") or len(history))
    wall = _wall_seconds(config, status)
    n_train = config.get("data", {}).get("n_train")
    per_epoch = wall / epochs_done if wall is not None and epochs_done else None
    rate = (n_train * epochs_done / wall) if wall and epochs_done and isinstance(n_train, int) \
        else None
    # "diverged: loss became nan at epoch 1, batch 4; try ...": the part before the advice
    reason = str(status.get("reason") or "-").split(";")[0]
    return {"status": status.get("status", "unknown"), "reason": reason,
            "epochs_done": epochs_done,
            "settings": _flat_settings(config), "best_epoch": best if best is not None else "-",
            "metrics": metrics, "last_val_loss": last_val, "wall_s": wall,
            "s_per_epoch": per_epoch, "samples_per_s": rate}


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
