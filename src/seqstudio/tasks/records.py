"""The typed sample predictions: what a model predicts for the dataset's probe sample after an
epoch, one frozen record per task. Plain data (numpy arrays at most), safe to pickle between
processes; no TensorFlow, no Qt.

Each record writes itself as the flat JSON object that ``predictions.jsonl`` has always held
(``text``, ``class_probs``, ``forecast``, ``actual``, ``history``, ``extra``), so run folders
written before the records existed and after read back the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np


def _array(value: Any) -> np.ndarray | None:
    return None if value is None else np.asarray(value, dtype=float)


def _listed(value: np.ndarray | None) -> list | None:
    return None if value is None else np.asarray(value).tolist()


def _numbers(values: np.ndarray | None, limit: int = 6) -> str:
    flat = [] if values is None else np.asarray(values, float).ravel()[:limit]
    return ", ".join(f"{v:.4g}" for v in flat)


@dataclass(frozen=True)
class TextSample:
    """A language model's generated text after the probe's text (``prompt``)."""

    prompt: str
    text: str

    def describe(self) -> str:
        return f"{self.prompt!r} -> {self.text!r}"

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "extra": {"prompt": self.prompt}}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> TextSample:
        return cls(prompt=str((d.get("extra") or {}).get("prompt", "")),
                   text=str(d.get("text", "")))


@dataclass(frozen=True)
class ClassSample:
    """A classifier's class probabilities for the probe text, with its true class.

    ``text`` is the probe text as the model read it (padding left out); ``""`` in predictions
    stored before it was recorded. ``target`` is the true class name, ``""`` when unknown.
    """

    text: str
    target: str
    probs: dict[str, float]

    @property
    def predicted(self) -> str:
        """The likeliest class, ``""`` without probabilities."""
        return max(self.probs, key=self.probs.__getitem__) if self.probs else ""

    @property
    def confidence(self) -> float:
        return float(self.probs.get(self.predicted, 0.0))

    @property
    def correct(self) -> bool | None:
        """Whether the likeliest class is the true one; None when either is unknown."""
        if not self.target or not self.probs:
            return None
        return self.predicted == self.target

    def describe(self) -> str:
        best = self.predicted or "?"
        return f"predicts {best!r} ({self.confidence:.2f})" + (
            f", true {self.target!r}" if self.target else "")

    def to_json(self) -> dict[str, Any]:
        return {"class_probs": dict(self.probs), "extra": {"target": self.target,
                                                           "text": self.text}}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> ClassSample:
        extra = d.get("extra") or {}
        probs = {str(k): float(v) for k, v in (d.get("class_probs") or {}).items()}
        return cls(text=str(extra.get("text", "")), target=str(extra.get("target", "")),
                   probs=probs)


@dataclass(frozen=True, eq=False)
class ForecastSample:
    """A forecaster's next values for the probe window, in original units.

    ``forecast`` and ``actual`` are ``(H, K)`` (``actual`` None when the probe is not a
    validation window); ``history`` the window's own target values ``(T, K)``, or None when the
    targets are not among the inputs. ``targets`` names the K columns.
    """

    forecast: np.ndarray
    actual: np.ndarray | None = None
    history: np.ndarray | None = None
    targets: tuple[str, ...] = ()

    def describe(self) -> str:
        actual = _numbers(self.actual)
        return f"forecast [{_numbers(self.forecast)}]" + (f", actual [{actual}]" if actual else "")

    def to_json(self) -> dict[str, Any]:
        return {"forecast": _listed(self.forecast), "actual": _listed(self.actual),
                "history": _listed(self.history), "extra": {"targets": list(self.targets)}}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> ForecastSample:
        forecast = _array(d.get("forecast"))
        return cls(forecast=np.zeros((0, 1)) if forecast is None else forecast,
                   actual=_array(d.get("actual")), history=_array(d.get("history")),
                   targets=tuple(str(t) for t in (d.get("extra") or {}).get("targets", ())))


TaskSample = TextSample | ClassSample | ForecastSample
