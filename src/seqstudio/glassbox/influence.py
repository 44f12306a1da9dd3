"""How far back the cell remembers: the memory read-out of an influence curve.

The influence of input ``t`` on the final state is ``‖∂(Σ_j h_T,j)/∂x_t‖₂`` (see
:mod:`seqstudio.glassbox.snapshot`): the gradient of the *sum* of the last recurrent layer's
final state over its units, with respect to the first recurrent layer's input at step ``t``,
its Euclidean norm over the input features. One backward pass gives it for every step.
"""

from __future__ import annotations

import numpy as np

#: the share of the peak influence above which a step still counts as remembered
MEMORY_SHARE = 0.10


def memory_length(influence: np.ndarray, share: float = MEMORY_SHARE) -> int:
    """The number of steps back from the last one, the last included, over which ``influence``
    stays at or above ``share`` of its peak without a break: ``T`` when every step does, 1 when
    only the last does, 0 when the last step is already below it (the peak lies further back)
    or the influence is zero (or not finite) everywhere."""
    values = np.asarray(influence, dtype=np.float64).ravel()
    if values.size == 0 or not np.isfinite(values).all():
        return 0
    peak = float(values.max())
    if peak <= 0.0:
        return 0
    kept = values[::-1] >= share * peak
    return int(values.size if kept.all() else np.argmin(kept))


def influence_text(step_labels: tuple[str, ...] | list[str], probe: np.ndarray,
                   batch_mean: np.ndarray) -> list[str]:
    """One line per time step, ``t  token  probe  mean``, with ``t`` counted from 1."""
    lines = []
    for t, (p, m) in enumerate(zip(np.asarray(probe), np.asarray(batch_mean), strict=True)):
        label = step_labels[t] if t < len(step_labels) else ""
        lines.append(f"{t + 1:>4}  {label:<12} {p:12.5g} {m:12.5g}")
    return lines
