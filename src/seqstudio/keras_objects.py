"""Keras objects of the seqstudio core, registered for serialisation.

Listed under the ``seqstudio.keras`` entry-point group, so plain ``keras.saving.load_model`` finds
them in a saved model's compile configuration.
"""

from __future__ import annotations

import keras
from keras import ops


@keras.saving.register_keras_serializable(package="seqstudio")
class BatchLosses(keras.metrics.Metric):
    """The loss of each of the last ``capacity`` training batches, in a ring.

    When Keras runs several batches per compiled call (``steps_per_execution``), callbacks see
    only the state after the call's last batch. This metric records every batch's loss inside the
    call, so the live loss plot still gets one point per batch. ``result()`` is
    ``[count, ring...]``: how many batches were recorded since the epoch began, then the ring.
    """

    def __init__(self, loss: str = "mse", capacity: int = 32, name: str = "batch_losses",
                 **kwargs) -> None:
        super().__init__(name=name, **kwargs)
        self.loss = loss
        self.capacity = int(capacity)
        self._loss_fn = keras.losses.get(loss)
        self.ring = self.add_variable(shape=(self.capacity,), initializer="zeros", name="ring")
        self.count = self.add_variable(shape=(), initializer="zeros", name="count")

    def update_state(self, y_true, y_pred, sample_weight=None) -> None:
        loss = ops.mean(self._loss_fn(y_true, y_pred))
        index = ops.cast(ops.mod(self.count, self.capacity), "int32")
        one_hot = ops.one_hot(index, self.capacity, dtype=self.ring.dtype)
        # a select, not ring·(1−e)+loss·e: one NaN loss would turn every slot NaN (0·NaN = NaN)
        # and hide the finite batches before a divergence
        self.ring.assign(ops.where(one_hot > 0, ops.cast(loss, self.ring.dtype), self.ring))
        self.count.assign(self.count + 1.0)

    def result(self):
        return ops.concatenate([ops.reshape(self.count, (1,)), self.ring])

    def reset_state(self) -> None:
        self.ring.assign(ops.zeros((self.capacity,), dtype=self.ring.dtype))
        self.count.assign(0.0)

    def get_config(self) -> dict:
        return {**super().get_config(), "loss": self.loss, "capacity": self.capacity}


def losses_of_last_batches(result, n: int) -> list[float] | None:
    """The losses of the last ``n`` recorded batches, oldest first, from ``BatchLosses.result()``
    (as logged); ``None`` when they are no longer all in the ring."""
    values = [float(v) for v in result]
    count, ring = int(round(values[0])), values[1:]
    if n < 1 or n > len(ring) or n > count:
        return None
    return [ring[i % len(ring)] for i in range(count - n, count)]


@keras.saving.register_keras_serializable(package="seqstudio")
class OneHotTokens(keras.layers.Layer):
    """Token ids ``(B, T)`` as one-hot vectors ``(B, T, num_tokens)``; with ``mask_zero`` the
    padding id 0 is masked, so the recurrent layers after it skip padded steps (classification).
    Without a mask it computes what ``keras.layers.CategoryEncoding(output_mode="one_hot")`` does.
    """

    def __init__(self, num_tokens: int, mask_zero: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self.num_tokens = int(num_tokens)
        self.mask_zero = bool(mask_zero)

    def call(self, inputs):
        return ops.one_hot(ops.cast(inputs, "int32"), self.num_tokens, dtype=self.compute_dtype)

    def compute_mask(self, inputs, mask=None):
        return ops.not_equal(inputs, 0) if self.mask_zero else None

    def compute_output_shape(self, input_shape):
        return (*input_shape, self.num_tokens)

    def get_config(self) -> dict:
        return {**super().get_config(), "num_tokens": self.num_tokens, "mask_zero": self.mask_zero}


@keras.saving.register_keras_serializable(package="seqstudio")
class LastObserved(keras.layers.Layer):
    """The last step of chosen input columns, repeated: ``(B, T, F) -> (B, repeats * K)``.

    A residual forecaster adds it to its head, so the head predicts the change from the last
    observed (scaled) value of each target, ordered as the targets are (horizon-major, like the
    dataset's ``y``).
    """

    def __init__(self, columns: list[int], repeats: int = 1, **kwargs) -> None:
        super().__init__(**kwargs)
        self.columns = [int(c) for c in columns]
        self.repeats = int(repeats)

    def call(self, inputs):
        last = ops.take(inputs[:, -1, :], self.columns, axis=-1)
        return ops.tile(last, (1, self.repeats))

    def compute_output_shape(self, input_shape):
        return (input_shape[0], len(self.columns) * self.repeats)

    def get_config(self) -> dict:
        return {**super().get_config(), "columns": self.columns, "repeats": self.repeats}


@keras.saving.register_keras_serializable(package="seqstudio")
class Differenced(keras.layers.Layer):
    """``(B, T, F) -> (B, T, F)``: ``columns`` replaced by their step-to-step change times
    ``scale`` (0 at the first step); the other columns as they are. A forecaster that predicts
    the change from the last value then never sees a level outside the training range."""

    def __init__(self, columns: list[int], scale: list[float], **kwargs) -> None:
        super().__init__(**kwargs)
        self.columns = [int(c) for c in columns]
        self.scale = [float(v) for v in scale]

    def call(self, inputs):
        features = inputs.shape[-1]
        changes = ops.concatenate([ops.zeros_like(inputs[:, :1, :]),
                                   inputs[:, 1:, :] - inputs[:, :-1, :]], axis=1)
        factor = [1.0] * features
        chosen = [0.0] * features
        for column, scale in zip(self.columns, self.scale, strict=True):
            factor[column], chosen[column] = scale, 1.0
        chosen = ops.convert_to_tensor(chosen, dtype=inputs.dtype)
        factor = ops.convert_to_tensor(factor, dtype=inputs.dtype)
        return chosen * changes * factor + (1.0 - chosen) * inputs

    def get_config(self) -> dict:
        return {**super().get_config(), "columns": self.columns, "scale": self.scale}
