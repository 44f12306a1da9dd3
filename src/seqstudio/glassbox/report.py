"""The glass box as text, for ``seqstudio inspect RUN --step T`` and ``--memory``.

Epochs and layers are counted from 1 here, as a person reads them; so are time steps.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from seqstudio.errors import SeqstudioError
from seqstudio.glassbox.health import health_warning
from seqstudio.glassbox.influence import MEMORY_SHARE, influence_text


class InspectError(SeqstudioError):
    """The run has no glass-box snapshot of what was asked for."""


def _moment(run: Any, epoch: int | None) -> tuple[Any, Any, Any, list[Any]]:
    """The end-of-epoch hidden, weights and influence snapshots of ``epoch`` (from 1; default
    the last), and every weights snapshot up to it."""
    weights = [w for w in run.weights_snapshots() if w.batch < 0]
    influence = {(i.epoch, i.batch): i for i in run.influence_snapshots()}
    hidden = {(h.epoch, h.batch): h for h in run.snapshots()}
    if not weights:
        raise InspectError(f"{run.path} has no glass-box snapshots (glassbox/): it was trained "
                           "before seqstudio recorded them, or with the snapshots off")
    epochs = [w.epoch + 1 for w in weights]
    chosen = epochs[-1] if epoch is None else epoch
    if chosen not in epochs:
        contiguous = epochs == list(range(epochs[0], epochs[-1] + 1))
        have = f"{epochs[0]} to {epochs[-1]}" if contiguous else ", ".join(map(str, epochs))
        raise InspectError(f"{run.path} has no end-of-epoch snapshot of epoch {chosen}; it has "
                           f"epochs {have}")
    w = weights[epochs.index(chosen)]
    key = (w.epoch, w.batch)
    if key not in hidden or key not in influence:
        raise InspectError(f"{run.path}: the snapshot files of epoch {chosen} are incomplete")
    return hidden[key], w, influence[key], weights[: epochs.index(chosen) + 1]


def step_lines(run: Any, step: int, epoch: int | None = None, layer: int = 1,
               registry: Any = None) -> list[str]:
    """The cell inspector's numbers for step ``step`` of layer ``layer`` at the end of
    ``epoch``, and the layer's health."""
    from seqstudio.glassbox.arithmetic import step_arithmetic

    hidden, weights, _, upto = _moment(run, epoch)
    if not 1 <= layer <= len(weights.layers):
        raise InspectError(f"layer {layer} does not exist; the model has recurrent layers 1 to "
                           f"{len(weights.layers)}")
    lw = weights.layers[layer - 1]
    result = step_arithmetic(lw, hidden, layer - 1, step, registry=registry)
    lines = [f"epoch {weights.epoch + 1} (end), layer {layer} of {len(weights.layers)}"]
    lines += result.lines()
    shapes = ", ".join(f"{k} {tuple(v.shape)}" for k, v in lw.weights.items())
    lines.append(f"weights: {shapes}")
    radius = "n/a" if not np.isfinite(lw.spectral_radius) else f"{lw.spectral_radius:.4f}"
    lines.append(f"spectral radius of {lw.recurrent or 'the recurrent matrix'}: {radius}; "
                 f"saturated (|h| > 0.95) {lw.saturated:.1%}; dead units {lw.dead:.1%}")
    warning = health_warning(upto, result.activation)
    lines.append(f"health: {warning or 'no sign of saturation or divergence'}")
    return lines


def memory_lines(run: Any, epoch: int | None = None) -> list[str]:
    """The influence of every input step on the final state at the end of ``epoch``, for the
    probe and the validation batch's mean, and the memory read-out."""
    _, weights, influence, _ = _moment(run, epoch)
    steps = len(influence.probe)
    lines = [f"epoch {weights.epoch + 1} (end): influence of x_t on the final state, "
             "|d sum(h_T) / d x_t|",
             f"{'t':>4}  {'token':<12} {'probe':>12} {'batch mean':>12}"]
    lines += influence_text(influence.step_labels, influence.probe, influence.batch_mean)
    lines.append(f"memory: {influence.memory} of {steps} steps back from the last stay at or "
                 f"above {MEMORY_SHARE:.0%} of the probe's peak influence")
    return lines
