"""The recurrent matrix, saturated and dead units, and a warning in words.

Which matrix maps ``h_{t-1}`` to ``h_t`` (its eigenvalues are what the weights view plots):

- a plain cell (SimpleRNN, ReLU or tanh): ``recurrent_kernel``, ``n×n``;
- a cell whose ``recurrent_kernel`` is a vector (IndRNN): the diagonal matrix of it;
- the built-in LSTM and GRU, whose ``recurrent_kernel`` is ``n×4n`` / ``n×3n`` in Keras' gate
  order: the **candidate block**, columns ``2n:3n`` (the ``g`` of an LSTM, the ``ĥ`` of a GRU):
  the only part that passes through tanh rather than a gate. Gates scale it, so for gated cells
  the radius reads as "how strongly the candidate feeds back", not as a bound on growth;
- any other shape (a plugin cell with its own layout): none; the eigenvalues are empty and the
  spectral radius NaN.

Keras multiplies ``h_{t-1} @ recurrent_kernel``; the transposed map has the same eigenvalues.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from seqstudio.i18n import QT_TRANSLATE_NOOP

# The sentences of the findings, {0} the layer. lupdate collects them (context GlassWords),
# so the GUI says the same sentences in the user's language.
WORDS = {
    "diverged": QT_TRANSLATE_NOOP("GlassWords", "{0}: the weights are no longer finite; the run "
                                  "has diverged. Lower the learning rate."),
    "radius": QT_TRANSLATE_NOOP("GlassWords", "{0}: the spectral radius of the recurrent weights "
                                "is {1:.2f} ({2}) above 1; with ReLU a state can grow step after "
                                "step and the run may diverge. A lower learning rate, or the tanh "
                                "cell, keeps it bounded."),
    "rising": QT_TRANSLATE_NOOP("GlassWords", "rising from {0:.2f}"),
    "staying": QT_TRANSLATE_NOOP("GlassWords", "staying"),
    "saturated": QT_TRANSLATE_NOOP("GlassWords", "{0}: {1:.0%} of the tanh states are saturated "
                                   "(|h| > 0.95); where tanh is flat the gradient vanishes and "
                                   "those units stop learning. A lower learning rate or smaller "
                                   "inputs help."),
    "saturated-up": QT_TRANSLATE_NOOP("GlassWords", "{0}: {1:.0%} of the tanh states are "
                                      "saturated (|h| > 0.95), up from {2:.0%}; where tanh is "
                                      "flat the gradient vanishes and those units stop learning. "
                                      "A lower learning rate or smaller inputs help."),
    "dead": QT_TRANSLATE_NOOP("GlassWords", "{0}: {1:.0%} of the ReLU units are dead (0 at every "
                              "step of the probe); they no longer learn."),
    # a gated cell's recurrent block, {0} its columns (RecurrentBlock.words)
    "candidate": QT_TRANSLATE_NOOP("GlassWords", "{0} (candidate block)"),
}

#: |h| above this counts as saturated (tanh's slope there is below 0.1)
SATURATED = 0.95
#: the gate layouts of the built-in gated cells: cell type -> (gate groups, candidate index)
GATED_LAYOUTS = {"lstm": (4, 2), "gru": (3, 2)}


@dataclass(frozen=True)
class RecurrentBlock:
    """Where the square recurrent matrix sits among a layer's weights.

    ``kind`` is ``"matrix"`` (the weight itself), ``"diag"`` (a vector on the diagonal) or
    ``"columns"`` (columns ``start:stop`` of the weight); ``label`` says it for a person.
    """

    path: str
    kind: str
    start: int = 0
    stop: int = 0
    label: str = ""

    def words(self, say: Callable[[str], str] = str, symbol: str | None = None) -> str:
        """``label``, or through ``say`` (a template of :data:`WORDS` in the user's language);
        ``symbol`` (``"Wh"``) stands for the weight's path and its columns, for a title with
        little room."""
        name = symbol or self.path
        if self.kind == "diag":
            return f"diag({name})"
        if self.kind != "columns":
            return name
        return say(WORDS["candidate"]).format(symbol or f"{name}[:, {self.start}:{self.stop}]")

    def select(self, weight: Any) -> Any:
        """The square matrix out of ``weight`` (numpy or a tensor; a vector is returned as is
        for ``diag``, which the caller puts on a diagonal)."""
        if self.kind == "columns":
            return weight[:, self.start:self.stop]
        return weight


def recurrent_block(cell_type: str, weights: Mapping[str, Any]) -> RecurrentBlock | None:
    """The recurrent matrix of a layer with these weights (by path, shapes read with
    ``.shape``), or ``None`` when the layout is not one this module knows."""
    paths = [p for p in weights if p.rsplit("/", 1)[-1] == "recurrent_kernel"]
    if len(paths) != 1:
        return None
    path = paths[0]
    shape = tuple(int(s) for s in weights[path].shape)
    if len(shape) == 1:
        return RecurrentBlock(path, "diag", label=f"diag({path})")
    if len(shape) != 2:
        return None
    n, width = shape
    if width == n:
        return RecurrentBlock(path, "matrix", label=path)
    groups, index = GATED_LAYOUTS.get(cell_type, (0, 0))
    if groups and width == groups * n:
        return RecurrentBlock(path, "columns", index * n, (index + 1) * n,
                              label=WORDS["candidate"].format(
                                  f"{path}[:, {index * n}:{(index + 1) * n}]"))
    return None


def recurrent_matrix(cell_type: str, weights: Mapping[str, np.ndarray]) -> np.ndarray | None:
    """The square matrix ``h_{t-1} -> h_t`` as numpy (see the module docstring), or ``None``."""
    block = recurrent_block(cell_type, weights)
    if block is None:
        return None
    chosen = np.asarray(block.select(np.asarray(weights[block.path])))
    return np.diag(chosen) if block.kind == "diag" else chosen


def saturated_share(h: np.ndarray) -> float:
    """The share of (step, unit) values with ``|h| > 0.95``."""
    h = np.asarray(h)
    return float(np.mean(np.abs(h) > SATURATED)) if h.size else 0.0


def dead_share(h: np.ndarray) -> float:
    """The share of units whose ``h`` is exactly 0 at every step (a dead ReLU unit)."""
    h = np.asarray(h)
    if h.ndim != 2 or h.shape[1] == 0:
        return 0.0
    return float(np.mean(np.all(h == 0.0, axis=0)))


def _series(snapshots: Sequence[Any], layer: int, field: str) -> list[float]:
    return [float(getattr(s.layers[layer], field)) for s in snapshots if layer < len(s.layers)]



@dataclass(frozen=True)
class HealthFinding:
    """One thing :func:`health_findings` found about one layer, with its figures: ``kind`` is
    ``"diverged"`` (weights no longer finite), ``"radius"`` (ReLU spectral radius above 1 and
    not falling: ``value`` now, ``was`` a few snapshots earlier), ``"saturated"`` (share of
    saturated tanh states, ``value`` and ``was``) or ``"dead"`` (share of dead ReLU units)."""

    layer: str
    kind: str
    value: float = float("nan")
    was: float = float("nan")

    def words(self, say: Callable[[str], str] = str) -> str:
        """The finding in words: English, or through ``say`` (a template of :data:`WORDS` to
        the same template in the user's language)."""
        name, value, was = self.layer, self.value, self.was
        if self.kind == "radius":
            trend = (say(WORDS["rising"]).format(was) if value > was + 1e-6
                     else say(WORDS["staying"]))
            return say(WORDS["radius"]).format(name, value, trend)
        if self.kind == "saturated" and value > was + 0.005:
            return say(WORDS["saturated-up"]).format(name, value, was)
        return say(WORDS[self.kind]).format(name, value)


def health_findings(snapshots: Sequence[Any], activation: str) -> list[HealthFinding]:
    """What points to a run heading for saturation or divergence; ``[]`` when it looks healthy.

    :param snapshots: :class:`~seqstudio.engine.events.WeightsSnapshot` in training order.
    :param activation: the cell's activation (``"tanh"``, ``"relu"``...).

    Reads the newest snapshot against one a few snapshots earlier ("rising"): a spectral radius
    above 1 and rising with ReLU (states can grow step after step), weights that are no longer
    finite, a share of saturated tanh states of 50 % or more (or above 25 % and rising), and half
    or more of the ReLU units dead.
    """
    if not snapshots:
        return []
    last = snapshots[-1]
    earlier = snapshots[max(0, len(snapshots) - 5)]
    relu = activation.lower() == "relu"
    found: list[HealthFinding] = []
    for i, layer in enumerate(last.layers):
        name = layer.name
        if not all(np.isfinite(np.asarray(w)).all() for w in layer.weights.values()):
            found.append(HealthFinding(name, "diverged"))
            continue
        radius = float(layer.spectral_radius)
        before = _series([earlier], i, "spectral_radius")
        was = before[0] if before else radius
        if relu and np.isfinite(radius) and radius > 1.0 and radius >= was:
            found.append(HealthFinding(name, "radius", radius, was))
        saturated = float(layer.saturated)
        sat_before = _series([earlier], i, "saturated")
        sat_was = sat_before[0] if sat_before else saturated
        if not relu and (saturated >= 0.5 or (saturated > 0.25 and saturated > sat_was + 0.05)):
            found.append(HealthFinding(name, "saturated", saturated, sat_was))
        if relu and float(layer.dead) >= 0.5:
            found.append(HealthFinding(name, "dead", float(layer.dead)))
    return found


def health_warning(snapshots: Sequence[Any], activation: str) -> str:
    """:func:`health_findings` in English words; ``""`` when the run looks healthy."""
    return " ".join(f.words() for f in health_findings(snapshots, activation))
