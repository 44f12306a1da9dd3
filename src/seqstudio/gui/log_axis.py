"""A y axis whose log-scale tick labels never overlap.

pyqtgraph labels every 2·10ⁿ … 9·10ⁿ once fewer than three decades are in view, and on a plot a
few hundred pixels high "0.06 0.07 0.08 0.09" run into each other. Here the decades are the major
ticks, and 2, 3 and 5 in between are labelled only as far as there is room (about 14 px a label).
"""

from __future__ import annotations

from math import ceil, floor

import numpy as np
import pyqtgraph as pg

#: the height a label needs, in pixels (7-8 pt text and a little space)
LABEL_PX = 14
#: the multiples labelled inside a decade, by the pixels a decade needs for them (the closest two
#: labels, e.g. 9 and 10 at log10(10/9) = 0.046 of a decade, must be LABEL_PX apart)
MULTIPLES = tuple((LABEL_PX / min(np.diff(np.log10((1,) + m + (10,)))), m)
                  for m in ((2, 3, 4, 5, 6, 7, 8, 9), (2, 3, 5), (2, 5), (3,)))


def log_ticks(lo: float, hi: float, size_px: float) -> tuple[list[float], list[float]]:
    """``(major, minor)`` tick positions (log10 units) between ``lo`` and ``hi`` on an axis
    ``size_px`` long, at most one label per :data:`LABEL_PX` pixels."""
    if not (np.isfinite(lo) and np.isfinite(hi)) or hi <= lo:
        return [], []
    majors = [float(d) for d in range(ceil(lo), floor(hi) + 1)]
    stride = max(1, ceil(len(majors) * LABEL_PX / max(size_px, 1.0)))
    majors = [d for d in majors if int(d) % stride == 0]
    px_per_decade = size_px / (hi - lo)
    multiples: tuple[int, ...] = ()
    for need_px, mults in MULTIPLES:
        if px_per_decade >= need_px:
            multiples = mults
            break
    minor = [d + np.log10(m) for d in range(floor(lo), ceil(hi)) for m in multiples]
    minor = [float(v) for v in minor if lo <= v <= hi]
    if not majors and not minor:  # less than a decade and no room: the two ends
        minor = [lo, hi]
    return majors, minor


class LogFriendlyAxis(pg.AxisItem):
    """An axis that thins its log-mode ticks (linear mode is pyqtgraph's own)."""

    def logTickValues(self, minVal, maxVal, size, stdTicks):  # noqa: N802, N803 - pyqtgraph API
        majors, minor = log_ticks(float(minVal), float(maxVal), float(size))
        return [(None, majors), (None, minor)]
