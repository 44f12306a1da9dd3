"""Words and axes the glass-box views share: the memory read-out, the parameter formula with
real numbers, the health shares, and where a snapshot sits on an epoch axis. No widgets: only
``translate`` (context "GlassWords") for the words."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from seqstudio.engine.events import InfluenceSnapshot, LayerWeights, WeightsSnapshot
from seqstudio.glassbox.influence import MEMORY_SHARE
from seqstudio.gui.i18n import translate

#: the share of the peak below which an input counts as forgotten (the engine's ``memory``)
THRESHOLD = MEMORY_SHARE
#: the lecture's names for the weights of a SimpleRNN-like cell, by their Keras path
SYMBOLS = {"kernel": "Wx", "recurrent_kernel": "Wh", "bias": "b"}


def memory_phrase(snap: InfluenceSnapshot) -> str:
    """The memory length in words, from the engine's ``memory``."""
    steps = len(snap.probe)
    if not steps or not np.all(np.isfinite(snap.probe)):
        return translate("GlassWords", "influence is not finite: the run has diverged")
    share = f"{THRESHOLD:.0%}".replace("%", " %")
    if snap.memory >= steps:
        return translate("GlassWords", "remembers all {0} steps: influence stays at or above "
                         "{1} of its peak over the whole sequence").format(steps, share)
    if snap.memory == 1:
        return translate("GlassWords", "remembers about 1 step back: influence falls below {0} "
                         "of its peak").format(share)
    return translate("GlassWords", "remembers about {0} steps back: influence falls below {1} "
                     "of its peak").format(snap.memory, share)


def first_to_last(snap: InfluenceSnapshot) -> str:
    """How the first input's influence compares with the last one's: fading or growing."""
    probe = np.asarray(snap.probe, dtype=float)
    if len(probe) < 2 or not np.all(np.isfinite(probe)) or probe[-1] <= 0:
        return ""
    ratio = probe[0] / probe[-1]
    if ratio >= 1:
        return translate("GlassWords", "the first input weighs {0}× the last (growing back in "
                         "time)").format(f"{ratio:.3g}")
    return translate("GlassWords", "the first input weighs {0} of the last (fading)").format(
        f"{ratio:.2g}")


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten at or above
    ``value`` (> 0): scales that change only when the numbers really grow."""
    if not np.isfinite(value) or value <= 0:
        return 1.0
    power = 10.0 ** np.floor(np.log10(value))
    for step in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if step * power >= value * (1 - 1e-9):
            return float(step * power)
    return float(10 * power)


def training_order(snap: Any) -> tuple[int, float]:
    """A sort key that puts an epoch's end (``batch == -1``) after its mid-epoch snapshots."""
    return snap.epoch, snap.batch if snap.batch >= 0 else float("inf")


def snapshot_x(history: Sequence[Any], steps_per_epoch: int = 0) -> np.ndarray:
    """An epoch axis for snapshots (anything with ``epoch`` and ``batch``): an epoch's end at
    ``epoch + 1``, a mid-epoch snapshot at ``epoch + (batch + 1) / steps_per_epoch`` (without
    it, the steps are estimated from the latest batch stored)."""
    batches = [s.batch for s in history if s.batch >= 0]
    per_epoch = steps_per_epoch or max(batches, default=0) + 2
    return np.array([s.epoch + 1.0 if s.batch < 0 else s.epoch + (s.batch + 1) / per_epoch
                     for s in history])


def parameter_formula(weights: dict[str, np.ndarray]) -> str:
    """``"n·d + n·n + n = 34·64 + 64·64 + 64 = 6,336 parameters (d = 34 inputs, n = 64 units)"``
    for a SimpleRNN-shaped layer; the sum of the weights' shapes for any other cell."""
    shapes = {name: np.shape(w) for name, w in weights.items()}
    total = sum(int(np.prod(s)) for s in shapes.values())
    by_leaf = {name.rsplit("/", 1)[-1]: shape for name, shape in shapes.items()}
    kernel, recurrent, bias = (by_leaf.get(k) for k in SYMBOLS)
    if (len(shapes) == 3 and kernel and recurrent and bias and len(kernel) == 2
            and recurrent == (kernel[1], kernel[1]) and bias == (kernel[1],)):
        d, n = kernel
        return translate("GlassWords", "n·d + n·n + n = {0}·{1} + {1}·{1} + {1} = {2} "
                         "parameters (d = {0} inputs, n = {1} units)").format(d, n, f"{total:,}")
    terms = " + ".join("·".join(str(v) for v in s) or "1" for s in shapes.values())
    return translate("GlassWords", "{0} = {1} parameters").format(terms, f"{total:,}")


def weight_label(path: str, values: np.ndarray) -> str:
    shape = "×".join(str(v) for v in np.shape(values))
    symbol = SYMBOLS.get(path.rsplit("/", 1)[-1])
    return f"{symbol} ({path}) {shape}" if symbol else f"{path} {shape}"


def health_line(layer: LayerWeights, activation: str) -> str:
    """The share of saturated units (tanh) or dead units (ReLU) in words."""
    units = len(np.asarray(layer.eigvals))  # the recurrent matrix is units × units
    saturated = translate("GlassWords", "saturated (|h| > 0.95): {0} of the probe's step×unit "
                          "values").format(f"{layer.saturated:.0%}".replace("%", " %"))
    dead_share = f"{layer.dead:.0%}".replace("%", " %")
    dead = translate("GlassWords", "dead (h = 0 at every probe step): {0} of units ({1} of {2})"
                     ).format(dead_share, round(layer.dead * units), units) if units else \
        translate("GlassWords", "dead (h = 0 at every probe step): {0} of units").format(dead_share)
    radius = translate("GlassWords", "spectral radius of Wh: {0}").format(
        f"{layer.spectral_radius:.3g}")
    if activation == "tanh":
        return f"{saturated} · {radius}"
    if activation == "relu":
        return f"{dead} · {radius}"
    return f"{saturated} · {dead} · {radius}"


def health_words(findings: Sequence[Any]) -> str:
    """:func:`~seqstudio.glassbox.health.health_findings` in the user's language: the core's
    sentences (``glassbox.health.WORDS``) translated, so English is ``health_warning``'s."""
    return " ".join(f.words(lambda template: translate("GlassWords", template))
                    for f in findings)


def default_activation(snapshot: WeightsSnapshot) -> str:
    """The activation of the snapshot's cell type with its default settings (``"other"`` when
    its plugin is not installed here)."""
    from seqstudio.plugins import get_registry

    try:
        cell = get_registry().cell_type(snapshot.layers[0].cell_type)
        return cell.activation_for(cell.resolve({}))
    except Exception:  # noqa: BLE001 - a missing plugin only costs the choice of share
        return "other"
