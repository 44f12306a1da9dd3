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


def color_image(values: np.ndarray, peak: float) -> QImage:
    """``values`` (rows × columns) as an image, one pixel a value, blue (negative) through white
    to red (positive) up to ``peak``, as the heatmap's diverging scale. Painting a row of it
    scaled into a rectangle is one call, not one rectangle per unit."""
    v = np.atleast_2d(np.asarray(values, dtype=np.float64))
    a = np.clip(np.nan_to_num(v / peak if peak > 0 else v * 0.0), -1.0, 1.0)[..., None]
    mid = np.array([_MID.red(), _MID.green(), _MID.blue()], dtype=np.float64)
    pos = np.array([_POS.red(), _POS.green(), _POS.blue()], dtype=np.float64)
    neg = np.array([_NEG.red(), _NEG.green(), _NEG.blue()], dtype=np.float64)
    rgb = np.where(a >= 0, mid + (pos - mid) * a, mid + (neg - mid) * -a)
    rgb[~np.isfinite(v)] = 0x77
    rows, cols = v.shape
    pixels = np.full((rows, cols, 4), 255, dtype=np.uint8)
    pixels[..., :3] = np.round(rgb).astype(np.uint8)
    image = QImage(pixels.data, cols, rows, 4 * cols, QImage.Format.Format_RGBA8888)
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
