"""What the unrolled view draws, as plain data: which steps fit, the units' colours, and the
:class:`Picture` read from the run model once per draw (no widgets here)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PySide6.QtGui import QColor, QImage

_NEG, _MID, _POS = QColor("#2166ac"), QColor("#f7f7f7"), QColor("#b2182b")


def shown_steps(total: int, fit: int, selected: int | None) -> list[int | None]:
    """The steps drawn when ``fit`` boxes fit: all of them, or the first two, the selected one
    with its neighbours, and the last ones, with ``None`` where steps are left out."""
    if total <= fit:
        return list(range(total))
    keep = {0, 1}
    if selected is not None:
        keep |= {selected - 1, selected, selected + 1}
    last = total - 1
    while len([k for k in keep if 0 <= k < total]) + 2 < fit and last >= 0:
        keep.add(last)
        last -= 1
    steps = sorted(k for k in keep if 0 <= k < total)
    out: list[int | None] = []
    for k in steps:
        if out and out[-1] is not None and k != out[-1] + 1:
            out.append(None)
        out.append(k)
    while len(out) > fit and len(out) > 3:  # too many gaps: drop the earliest kept step
        out.pop(2 if out[2] is not None else 3)
    return out


#: levels of the diverging scale's lookup table (odd: 0 has its own entry, white); one more
#: entry after them is the grey of a value that is not finite
LEVELS = 1023


def _diverging_lut() -> np.ndarray:
    a = np.linspace(-1.0, 1.0, LEVELS)[:, None]
    mid, pos, neg = (np.array(c.getRgb()[:3], dtype=np.float64) for c in (_MID, _POS, _NEG))
    rgb = np.where(a >= 0, mid + (pos - mid) * a, mid + (neg - mid) * -a)
    lut = np.full((LEVELS + 1, 4), 255, dtype=np.uint8)
    lut[:LEVELS, :3] = np.round(rgb).astype(np.uint8)
    lut[LEVELS, :3] = 0x77
    return lut


#: the table in the byte order of Qt's native 32-bit format (blue, green, red, alpha in memory on
#: the little-endian machines Qt runs on): the raster painter draws such an image as it is,
#: where an RGBA8888 one is converted at every draw
_LUT = _diverging_lut()[:, [2, 1, 0, 3]]


def color_image(values: np.ndarray, peak: float) -> QImage:
    """``values`` (rows × columns) as an image, one pixel a value, blue (negative) through white
    to red (positive) up to ``peak``, as the heatmap's diverging scale. Painting a row of it
    scaled into a rectangle is one call, not one rectangle per unit. The colours come from a
    table made once (a value is one lookup, not a blend of three colours at every draw)."""
    v = np.atleast_2d(np.asarray(values, dtype=np.float64))
    half = (LEVELS - 1) / 2
    scaled = v * (half / peak) if peak > 0 else np.zeros_like(v)
    index = np.clip(np.rint(scaled + half), 0, LEVELS - 1)
    index[~np.isfinite(v)] = LEVELS
    pixels = np.ascontiguousarray(_LUT[index.astype(np.intp)])
    rows, cols = v.shape
    image = QImage(pixels.data, cols, rows, 4 * cols, QImage.Format.Format_RGB32)
    return image.copy()  # owns its pixels once ``pixels`` is gone


@dataclass
class Picture:
    """What the canvas draws, read from the run model once per draw."""

    labels: list[str]
    states: list[np.ndarray]  # per layer, (T, n)
    names: list[str]
    input_dim: int | None
    head: str
    per_step: bool  # the head reads every step of the last layer, not only h_T
    selected: tuple[int, int] | None  # (layer, step)
    peak: float
    images: list[QImage] = field(default_factory=list)  # per layer, the states' colours

    def __post_init__(self) -> None:
        if not self.images:
            self.images = [color_image(s, self.peak) for s in self.states]

    @property
    def steps(self) -> int:
        return len(self.labels)
