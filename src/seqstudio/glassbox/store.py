"""The run directory's ``glassbox/`` folder: one NPZ file per snapshot moment, holding its
:class:`~seqstudio.engine.events.WeightsSnapshot` and
:class:`~seqstudio.engine.events.InfluenceSnapshot` (named like the hidden-state snapshot of
the same moment: ``glassbox/epoch-NNNN-batch-final.npz``).

Arrays in a file: ``epoch``, ``batch``, ``step_labels``, ``probe``, ``batch_mean``, ``memory``,
``layer_names``, ``cell_types``; per layer ``i``: ``layer<i>_paths`` (the weights' paths),
``layer<i>_w<j>`` (the weight of path ``j``), ``layer<i>_inputs``, ``layer<i>_eigvals``,
``layer<i>_health`` (spectral radius, saturated, dead), ``layer<i>_recurrent`` (which matrix the
eigenvalues are of), ``layer<i>_params`` (the cell's hyperparameters as JSON).
"""

from __future__ import annotations

import json
import math
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

from seqstudio.engine.events import InfluenceSnapshot, LayerWeights, WeightsSnapshot

FOLDER = "glassbox"


def file_name(epoch: int, batch: int) -> str:
    return f"epoch-{epoch + 1:04d}-batch-{'final' if batch < 0 else f'{batch:06d}'}.npz"


def arrays_of(weights: WeightsSnapshot, influence: InfluenceSnapshot) -> dict[str, np.ndarray]:
    arrays: dict[str, np.ndarray] = {
        "epoch": np.int64(weights.epoch), "batch": np.int64(weights.batch),
        "step_labels": np.array(influence.step_labels, dtype=str),
        "probe": np.asarray(influence.probe, dtype=np.float64),
        "batch_mean": np.asarray(influence.batch_mean, dtype=np.float64),
        "memory": np.int64(influence.memory),
        "layer_names": np.array([lw.name for lw in weights.layers], dtype=str),
        "cell_types": np.array([lw.cell_type for lw in weights.layers], dtype=str),
    }
    for i, lw in enumerate(weights.layers):
        arrays[f"layer{i}_paths"] = np.array(list(lw.weights), dtype=str)
        for j, value in enumerate(lw.weights.values()):
            arrays[f"layer{i}_w{j}"] = np.asarray(value)
        arrays[f"layer{i}_inputs"] = np.asarray(lw.inputs)
        arrays[f"layer{i}_eigvals"] = np.asarray(lw.eigvals, dtype=np.complex128)
        arrays[f"layer{i}_health"] = np.array([lw.spectral_radius, lw.saturated, lw.dead],
                                              dtype=np.float64)
        arrays[f"layer{i}_recurrent"] = np.array(lw.recurrent, dtype=str)
        arrays[f"layer{i}_params"] = np.array(json.dumps(lw.params, default=str), dtype=str)
    return arrays


def write(directory: str | Path, weights: WeightsSnapshot, influence: InfluenceSnapshot) -> Path:
    """``glassbox/<name>.npz``, atomically (not fsynced, like the hidden-state snapshots)."""
    from seqstudio.engine.runwriter import atomic_write

    path = Path(directory) / FOLDER / file_name(weights.epoch, weights.batch)
    arrays = arrays_of(weights, influence)

    def dump(tmp: Path) -> None:
        with open(tmp, "wb") as fh:
            np.savez(fh, **arrays)

    atomic_write(path, dump, durable=False)
    return path


def read(path: Path) -> tuple[WeightsSnapshot, InfluenceSnapshot]:
    with np.load(path, allow_pickle=False) as data:
        epoch, batch = int(data["epoch"]), int(data["batch"])
        layers = []
        for i, (name, cell) in enumerate(zip(data["layer_names"], data["cell_types"],
                                             strict=True)):
            paths = [str(p) for p in data[f"layer{i}_paths"]]
            radius, saturated, dead = (float(v) for v in data[f"layer{i}_health"])
            layers.append(LayerWeights(
                name=str(name), cell_type=str(cell),
                weights={p: np.array(data[f"layer{i}_w{j}"]) for j, p in enumerate(paths)},
                inputs=np.array(data[f"layer{i}_inputs"]),
                eigvals=np.array(data[f"layer{i}_eigvals"]), spectral_radius=radius,
                saturated=saturated, dead=dead,
                recurrent=str(data[f"layer{i}_recurrent"]) if f"layer{i}_recurrent" in data
                else "", params=_params(data, i)))
        influence = InfluenceSnapshot(
            epoch=epoch, batch=batch, step_labels=tuple(str(s) for s in data["step_labels"]),
            probe=np.array(data["probe"]), batch_mean=np.array(data["batch_mean"]),
            memory=int(data["memory"]))
    return WeightsSnapshot(epoch=epoch, batch=batch, layers=tuple(layers)), influence


def _params(data: Any, i: int) -> dict[str, Any]:
    key = f"layer{i}_params"
    if key not in data:
        return {}
    try:
        params = json.loads(str(data[key]))
    except ValueError:
        return {}
    return params if isinstance(params, dict) else {}


#: the last folder read, by its files' names, sizes and times: RunDir reads the weights and the
#: influence separately, and a replay asks for both
_last: tuple[Any, list[tuple[WeightsSnapshot, InfluenceSnapshot]]] = (None, [])


def read_all(directory: str | Path) -> list[tuple[WeightsSnapshot, InfluenceSnapshot]]:
    """Every glass-box snapshot of a run, in training order; torn or damaged files skipped."""
    global _last
    folder = Path(directory) / FOLDER
    if not folder.is_dir():
        return []
    files = sorted(folder.glob("epoch-*.npz"))
    try:
        key = (str(folder.resolve()), tuple((f.name, f.stat().st_size, f.stat().st_mtime_ns)
                                            for f in files))
    except OSError:
        key = None
    if key is not None and _last[0] == key:
        return list(_last[1])
    found = []
    for file in files:
        try:
            found.append(read(file))
        except (OSError, ValueError, KeyError, IndexError, EOFError, zipfile.BadZipFile):
            continue
    found.sort(key=lambda pair: (pair[0].epoch, pair[0].batch if pair[0].batch >= 0
                                 else math.inf))
    _last = (key, found)
    return list(found)


def trim_after(directory: str | Path, done: int) -> None:
    """Remove the files of epochs after ``done`` finished ones (a resumed run rewrites them)."""
    folder = Path(directory) / FOLDER
    for file in folder.glob("epoch-*.npz") if folder.is_dir() else []:
        try:
            if int(file.name.split("-")[1]) > done:
                file.unlink()
        except (ValueError, IndexError, OSError):
            continue
