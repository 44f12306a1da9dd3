"""The training engine: one Trainer, no Qt, used by the GUI and the CLI.

``Trainer``, ``TrainSettings`` and ``RunDir`` are imported lazily so that importing this package does
not load TensorFlow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from seqstudio.engine.rundir import RunDir
    from seqstudio.engine.settings import TrainSettings
    from seqstudio.engine.trainer import Trainer

_EXPORTS = {
    "Trainer": "seqstudio.engine.trainer",
    "TrainSettings": "seqstudio.engine.settings",
    "RunDir": "seqstudio.engine.rundir",
}

__all__ = ["RunDir", "TrainSettings", "Trainer"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'seqstudio.engine' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
