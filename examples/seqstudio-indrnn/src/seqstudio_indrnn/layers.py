"""The IndRNN cell and its RNN layer, registered for Keras serialisation."""

from __future__ import annotations

import keras
from keras import ops


@keras.saving.register_keras_serializable(package="seqstudio_indrnn")
class IndRNNCell(keras.layers.Layer):
    """``h_t = act(x_t·Wx + u ⊙ h_{t-1} + b)`` with a recurrent weight vector ``u`` of n values."""

    def __init__(self, units: int, activation: str = "relu", **kwargs) -> None:
        super().__init__(**kwargs)
        self.units = int(units)
        self.activation = keras.activations.get(activation)
        self.state_size = self.units
        self.output_size = self.units

    def build(self, input_shape) -> None:
        self.kernel = self.add_weight(shape=(input_shape[-1], self.units), name="kernel",
                                      initializer="glorot_uniform")
        # |u| < 1 keeps h bounded over long sequences at the start of training
        self.recurrent_kernel = self.add_weight(
            shape=(self.units,), name="recurrent_kernel",
            initializer=keras.initializers.RandomUniform(0.0, 0.9))
        self.bias = self.add_weight(shape=(self.units,), name="bias", initializer="zeros")

    def call(self, inputs, states, training=False):
        h = self.activation(
            ops.matmul(inputs, self.kernel) + states[0] * self.recurrent_kernel + self.bias
        )
        return h, [h]

    def get_config(self) -> dict:
        return {**super().get_config(), "units": self.units,
                "activation": keras.activations.serialize(self.activation)}


@keras.saving.register_keras_serializable(package="seqstudio_indrnn")
class IndRNN(keras.layers.RNN):
    """An RNN layer over :class:`IndRNNCell`."""

    def __init__(self, cell=None, units: int | None = None, activation: str = "relu", **kwargs):
        if cell is None:
            cell = IndRNNCell(units, activation=activation)
        elif isinstance(cell, dict):
            cell = keras.saving.deserialize_keras_object(cell)
        super().__init__(cell, **kwargs)
