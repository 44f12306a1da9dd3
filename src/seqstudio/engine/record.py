"""What a run records about itself: the configuration and the versions that reproduce it."""

from __future__ import annotations

import platform
import sys
import time
from importlib import metadata
from pathlib import Path
from typing import Any

from seqstudio import __version__
from seqstudio.spec import CellType


def file_sha256(path: str | Path) -> str:
    from seqstudio.data.files import sha256_of

    return sha256_of(Path(path))


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return ""


def versions() -> dict[str, str]:
    return {
        "seqstudio": __version__,
        "python": platform.python_version(),
        "tensorflow": _version("tensorflow") or _version("tensorflow-cpu"),
        "keras": _version("keras"),
        "numpy": _version("numpy"),
        "platform": platform.platform(),
    }


def plugin_records(registry: Any) -> list[dict[str, Any]]:
    return [
        {"name": r.name, "distribution": r.distribution, "version": r.version,
         "status": r.status, "cell_types": list(r.cell_types)}
        for r in registry.plugins()
    ]


def cell_record(cell: CellType, params: dict[str, Any], registry: Any) -> dict[str, Any]:
    record = {"name": cell.name, "params": dict(params), "plugin": cell.plugin,
              "distribution": "", "version": ""}
    for r in registry.plugins():
        if r.name == cell.plugin:
            record["distribution"], record["version"] = r.distribution, r.version
    return record


def build_config(*, dataset: Any, cell: CellType, params: dict[str, Any], settings: Any,
                 registry: Any, execution_mode: str, workers: int,
                 parameters: int | None = None,
                 previous: dict[str, Any] | None = None) -> dict[str, Any]:
    """``config.json``: everything needed to rebuild the data, the model and the run.

    :param parameters: the model's parameter count, recorded so that ``seqstudio compare`` reads
        it without building the model (and importing TensorFlow).
    """
    source = Path(dataset.source).resolve() if dataset.source else None
    sha = dataset.source_sha256 or (file_sha256(source) if source and source.is_file() else "")
    config = {
        "format": 1,
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "command": list(sys.argv),
        "cell": cell_record(cell, params, registry),
        "data": {"path": str(source) if source else None, "sha256": sha, "task": dataset.task,
                 "options": dict(dataset.options), "n_train": dataset.n_train,
                 "n_val": dataset.n_val},
        "settings": settings.to_dict(),
        "execution_mode": execution_mode,
        "workers": workers,
        **({"parameters": int(parameters)} if parameters is not None else {}),
        "plugins": plugin_records(registry),
        "versions": versions(),
    }
    if previous:
        config["created"] = previous.get("created", config["created"])
        config["resumed"] = [*previous.get("resumed", []),
                             time.strftime("%Y-%m-%dT%H:%M:%S%z")]
    return config
