"""Load TensorFlow quietly for the command line.

TensorFlow's C++ start-up messages (oneDNN, CUDA probing) are written before its logging is set up,
so ``TF_CPP_MIN_LOG_LEVEL`` cannot hide them; an error from the CLI must still be one line. While
TensorFlow loads, file descriptor 2 points at ``/dev/null``.
"""

from __future__ import annotations

import contextlib
import os
import sys


def quiet_tensorflow(debug: bool = False) -> None:
    """Import TensorFlow and Keras with start-up noise hidden (unless ``debug``)."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")
    if "tensorflow" not in sys.modules and not debug:
        with _stderr_to_devnull():
            import keras  # noqa: F401
            import tensorflow

            # Probing for GPUs prints too; listing devices does it without starting the runtime,
            # which a multi-worker strategy must still be able to configure.
            tensorflow.config.list_physical_devices("GPU")
    import tensorflow as tf

    if not debug:
        tf.get_logger().setLevel("ERROR")


@contextlib.contextmanager
def _stderr_to_devnull():
    try:
        fd = 2
        saved = os.dup(fd)
    except OSError:
        yield
        return
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), fd)
        yield
    finally:
        os.dup2(saved, fd)
        os.close(saved)
