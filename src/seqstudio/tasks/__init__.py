"""Tasks: one :class:`TaskSpec` per task, found by name.

>>> from seqstudio import tasks
>>> tasks.names()
('lm', 'classify', 'forecast')
>>> tasks.get("forecast").view
'forecast'

A new task is one module here with one TaskSpec subclass, listed in :data:`_MODULES`, plus its
prediction view in the GUI (see docs/internal-api.md, "Adding a task").
"""

from __future__ import annotations

import importlib
from typing import Any

from seqstudio.tasks.base import (
    OutputBlock,
    PredictOutput,
    PredictRequest,
    TaskSpec,
    UnknownTaskError,
)
from seqstudio.tasks.records import ClassSample, ForecastSample, TaskSample, TextSample

#: task name -> the module that defines its spec (as ``SPEC``), in the order they are listed
_MODULES = {"lm": "seqstudio.tasks.lm", "classify": "seqstudio.tasks.classify",
            "forecast": "seqstudio.tasks.forecast"}
_specs: dict[str, TaskSpec] = {}


def names() -> tuple[str, ...]:
    """Every task's name, in a stable order."""
    return tuple(_MODULES)


def get(name: str) -> TaskSpec:
    """The spec of task ``name``; :class:`UnknownTaskError` names the known ones otherwise."""
    spec = _specs.get(name)
    if spec is None:
        if name not in _MODULES:
            raise UnknownTaskError(f"unknown task {name!r}; the tasks are {', '.join(_MODULES)}")
        spec = importlib.import_module(_MODULES[name]).SPEC
        _specs[name] = spec
    return spec


def of(obj: Any) -> TaskSpec:
    """The spec of a dataset, a dataset info dict (``dataset.json``) or a run's sample."""
    name = obj.get("task", "") if isinstance(obj, dict) else getattr(obj, "task", "")
    return get(str(name or ""))


__all__ = ["ClassSample", "ForecastSample", "OutputBlock", "PredictOutput", "PredictRequest",
           "TaskSample", "TaskSpec", "TextSample", "UnknownTaskError", "get", "names", "of"]
