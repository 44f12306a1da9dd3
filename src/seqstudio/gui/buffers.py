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
