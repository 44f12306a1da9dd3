"""Scale-out through ``tf.distribute``: the strategies, TF_CONFIG, and who writes the run directory.

``mirrored`` uses :class:`tf.distribute.MirroredStrategy` over every local GPU, or over every
logical CPU device when there is no GPU. ``multi-worker`` uses
:class:`tf.distribute.MultiWorkerMirroredStrategy`, configured by the ``TF_CONFIG`` environment
variable exactly as TensorFlow documents it. Every worker runs the same command; only the chief
(task ``chief``, or ``worker`` 0 when the cluster has no chief) writes the run directory, the others
write to a temporary folder that is deleted afterwards.

A multi-worker strategy must exist before TensorFlow runs any other op, so callers that touch
TensorFlow before training (the CLI loads data first) call :func:`get_strategy` first.
"""

from __future__ import annotations

import json
import os
from typing import Any

from seqstudio.errors import TrainingError

_strategies: dict[str, Any] = {}


def tf_config() -> dict[str, Any]:
    """The parsed ``TF_CONFIG``, or ``{}``; a malformed value raises :class:`TrainingError`."""
    raw = os.environ.get("TF_CONFIG", "")
    if not raw.strip():
        return {}
    try:
        config = json.loads(raw)
        cluster, task = config["cluster"], config["task"]
        task_type, index = task["type"], int(task["index"])
        members = cluster[task_type]
    except (ValueError, KeyError, TypeError) as exc:
        raise TrainingError(
            f"TF_CONFIG must be JSON like {{\"cluster\": {{\"worker\": [\"host:port\", ...]}}, "
            f"\"task\": {{\"type\": \"worker\", \"index\": 0}}}}; got {raw!r} ({exc})"
        ) from None
    if not 0 <= index < len(members):
        raise TrainingError(f"TF_CONFIG task index {index} is outside the "
                            f"{len(members)} {task_type!r} addresses of the cluster")
    return config


def is_chief(strategy: str) -> bool:
    """Whether this process writes the run directory."""
    if strategy != "multi-worker":
        return True
    config = tf_config()
    if not config:
        return True
    task = config["task"]
    if task["type"] == "chief":
        return True
    return task["type"] == "worker" and int(task["index"]) == 0 and "chief" not in config["cluster"]


def worker_count(strategy: str) -> int:
    config = tf_config() if strategy == "multi-worker" else {}
    cluster = config.get("cluster", {})
    return max(1, len(cluster.get("worker", [])) + len(cluster.get("chief", [])))


def get_strategy(name: str) -> Any:
    """The strategy for ``name`` (``default``, ``mirrored``, ``multi-worker``), made once per
    process. ``default`` returns ``None``."""
    if name == "default":
        return None
    if name in _strategies:
        return _strategies[name]
    import tensorflow as tf

    if name == "mirrored":
        gpus = tf.config.list_logical_devices("GPU")
        devices = [d.name for d in (gpus or tf.config.list_logical_devices("CPU"))]
        strategy = tf.distribute.MirroredStrategy(devices=devices)
    elif name == "multi-worker":
        if not tf_config():
            raise TrainingError(
                "--strategy multi-worker needs the TF_CONFIG environment variable (cluster "
                "addresses and this worker's task); see docs/engine.md"
            )
        strategy = tf.distribute.MultiWorkerMirroredStrategy()
        _patch_keras_multi_worker_mean()
    else:
        raise TrainingError(f"unknown strategy {name!r}; use default, mirrored or multi-worker")
    _strategies[name] = strategy
    return strategy


def _patch_keras_multi_worker_mean() -> None:
    """Keras 3 averages every training log across workers with ``reduce("MEAN", v, axis=0)``,
    which fails on scalars such as the loss under MultiWorkerMirroredStrategy. Scalars are
    averaged with ``axis=None`` instead; everything else goes to Keras unchanged."""
    from keras.src import tree
    from keras.src.backend.tensorflow import trainer as keras_trainer

    original = keras_trainer.reduce_per_replica
    if getattr(original, "_seqstudio", False):
        return

    def reduce_per_replica(values: Any, strategy: Any, reduction: str) -> Any:
        if reduction not in ("auto", "mean") or not keras_trainer._collective_all_reduce_multi_worker(
                strategy):
            return original(values, strategy, reduction)

        def mean(value: Any) -> Any:
            local = (strategy.experimental_local_results(value)[0]
                     if keras_trainer._is_per_replica_instance(value) else value)
            rank = getattr(getattr(local, "shape", None), "rank", None)
            return strategy.reduce("MEAN", value, axis=None if rank == 0 else 0)

        return tree.map_structure(mean, values)

    reduce_per_replica._seqstudio = True  # type: ignore[attr-defined]
    keras_trainer.reduce_per_replica = reduce_per_replica
