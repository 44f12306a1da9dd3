"""The glass box in the hidden-state exports (NPZ of every snapshot, CSV of the shown one).

NPZ arrays, one row per glass-box snapshot (``glass_epoch``, ``glass_batch`` say which; they
are the hidden-state snapshots' moments when the glass box was on throughout):

- ``influence_probe``, ``influence_mean``: ``(S, T)``, ``|d sum(h_T)/d x_t|`` for the probe and
  the validation batch's mean; ``memory``: ``(S,)`` steps back above 10 % of the peak;
  ``influence_epoch``, ``influence_batch``: their moments;
- per layer ``i``: ``layer<i>_w_<path>`` (``/`` in a path written ``.``), ``(S, ...)`` every
  weight; ``layer<i>_inputs`` ``(S, T, d)``; ``layer<i>_eigvals`` ``(S, n)`` complex;
  ``layer<i>_spectral_radius``, ``layer<i>_saturated``, ``layer<i>_dead`` ``(S,)``.

CSV: two columns per time step of the shown snapshot, ``influence`` and ``influence_mean``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from seqstudio.engine.events import InfluenceSnapshot, WeightsSnapshot


def npz_arrays(weights: Sequence[WeightsSnapshot],
               influence: Sequence[InfluenceSnapshot]) -> dict[str, np.ndarray]:
    """The arrays above; empty when there are no glass-box snapshots."""
    arrays: dict[str, np.ndarray] = {}
    if influence:
        arrays["influence_probe"] = np.stack([np.asarray(i.probe) for i in influence])
        arrays["influence_mean"] = np.stack([np.asarray(i.batch_mean) for i in influence])
        arrays["memory"] = np.array([i.memory for i in influence])
        arrays["influence_epoch"] = np.array([i.epoch for i in influence])
        arrays["influence_batch"] = np.array([i.batch for i in influence])
    if not weights:
        return arrays
    arrays["glass_epoch"] = np.array([w.epoch for w in weights])
    arrays["glass_batch"] = np.array([w.batch for w in weights])
    for i, layer in enumerate(weights[-1].layers):
        rows = [w.layers[i] for w in weights]
        for path in layer.weights:
            arrays[f"layer{i}_w_{path.replace('/', '.')}"] = np.stack(
                [np.asarray(r.weights[path]) for r in rows])
        arrays[f"layer{i}_inputs"] = np.stack([np.asarray(r.inputs) for r in rows])
        arrays[f"layer{i}_eigvals"] = np.stack([np.asarray(r.eigvals, dtype=np.complex128)
                                                for r in rows])
        for field in ("spectral_radius", "saturated", "dead"):
            arrays[f"layer{i}_{field}"] = np.array([float(getattr(r, field)) for r in rows])
    return arrays


def csv_columns(influence: InfluenceSnapshot | None, steps: int
                ) -> tuple[list[str], list[list[str]]]:
    """The header and, per time step, the cells the CSV export adds; nothing without an
    influence snapshot of the shown moment."""
    if influence is None or len(influence.probe) != steps:
        return [], [[] for _ in range(steps)]
    return (["influence", "influence_mean"],
            [[f"{p:.6g}", f"{m:.6g}"] for p, m in zip(influence.probe, influence.batch_mean,
                                                      strict=True)])
