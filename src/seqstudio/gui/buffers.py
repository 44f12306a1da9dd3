"""A growable float buffer for live curves: appends are amortised O(1) (capacity doubles)."""

from __future__ import annotations

import numpy as np


class GrowingArray:
    def __init__(self, capacity: int = 1024) -> None:
        self._data = np.empty(capacity, dtype=np.float64)
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def extend(self, values) -> None:
        values = np.asarray(values, dtype=np.float64).ravel()
        need = self._size + len(values)
        if need > len(self._data):
            capacity = len(self._data)
            while capacity < need:
                capacity *= 2
            grown = np.empty(capacity, dtype=np.float64)
            grown[: self._size] = self._data[: self._size]
            self._data = grown
        self._data[self._size:need] = values
        self._size = need

    def append(self, value: float) -> None:
        self.extend((value,))

    def clear(self) -> None:
        self._size = 0

    @property
    def view(self) -> np.ndarray:
        """The filled part, without copying."""
        return self._data[: self._size]


class PeakEnvelope:
    """A min/max envelope of a growing curve, updated in O(new points).

    Complete buckets of ``bucket`` raw points become two display points (their min and max at the
    bucket's x); when there are more than ``max_buckets`` buckets, neighbours merge and the bucket
    size doubles. A curve of 10^6 points is drawn from at most ``2 * max_buckets`` points.
    """

    def __init__(self, max_buckets: int = 1024) -> None:
        self.max_buckets = max_buckets
        self.clear()

    def clear(self) -> None:
        self.bucket = 1
        self.done = 0
        self._x = GrowingArray()
        self._lo = GrowingArray()
        self._hi = GrowingArray()

    def update(self, x: np.ndarray, y: np.ndarray) -> None:
        """Consume the complete buckets of the raw arrays ``x``, ``y`` (which only ever grow)."""
        n = len(y)
        if n < self.done:
            self.clear()
        if self.done == 0 and n > self.max_buckets:  # a whole curve at once: start coarse
            self.bucket = 1 << int(np.ceil(np.log2(n / self.max_buckets)))
        while True:
            k = (n - self.done) // self.bucket
            if k <= 0:
                return
            a, b = self.done, self.done + k * self.bucket
            block = y[a:b].reshape(k, self.bucket)
            self._lo.extend(np.fmin.reduce(block, axis=1))
            self._hi.extend(np.fmax.reduce(block, axis=1))
            self._x.extend(x[a:b:self.bucket])
            self.done = b
            while len(self._lo) > self.max_buckets:
                self._merge()

    def _merge(self) -> None:
        m = len(self._lo) // 2 * 2
        lo, hi, xs = self._lo.view, self._hi.view, self._x.view
        merged = (np.fmin(lo[0:m:2], lo[1:m:2]), np.fmax(hi[0:m:2], hi[1:m:2]), xs[0:m:2].copy())
        if m < len(lo):  # an odd last bucket is recomputed at the new size later
            self.done -= self.bucket
        self.bucket *= 2
        for buf, values in zip((self._lo, self._hi, self._x), merged, strict=True):
            buf.clear()
            buf.extend(values)

    def display(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Points to draw: the envelope (x repeated, y alternating min/max), then the raw tail."""
        count = len(self._lo)
        dx = np.empty(2 * count + len(y) - self.done)
        dy = np.empty_like(dx)
        dx[0:2 * count:2] = self._x.view
        dx[1:2 * count:2] = self._x.view
        dy[0:2 * count:2] = self._lo.view
        dy[1:2 * count:2] = self._hi.view
        dx[2 * count:] = x[self.done:]
        dy[2 * count:] = y[self.done:]
        return dx, dy


def peak_decimate(x: np.ndarray, y: np.ndarray, target: int) -> tuple[np.ndarray, np.ndarray]:
    """Min/max decimation of a slice to about ``2 * target`` points (for a zoomed-in view)."""
    n = len(y)
    if n <= 2 * target:
        return x, y
    size = int(np.ceil(n / target))
    k = n // size
    block = y[: k * size].reshape(k, size)
    dx = np.repeat(x[: k * size: size], 2)
    dy = np.empty(2 * k)
    dy[0::2] = np.fmin.reduce(block, axis=1)
    dy[1::2] = np.fmax.reduce(block, axis=1)
    return np.concatenate([dx, x[k * size:]]), np.concatenate([dy, y[k * size:]])
