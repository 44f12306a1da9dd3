"""Keras layers of the built-in cells, registered so saved ``.keras`` files load in plain Keras.

``SimpleCell`` follows the Keras cell contract: ``state_size``/``output_size`` set in ``__init__``,
weights made in ``build`` with Keras names (``kernel`` d×n, ``recurrent_kernel`` n×n, ``bias`` n),
``call(inputs, states, training=False) -> (output, new_states)`` and ``get_config``.
"""

from __future__ import annotations

import keras
from keras import ops

PACKAGE = "seqstudio"


@keras.saving.register_keras_serializable(package=PACKAGE)
class SimpleCell(keras.layers.Layer):
    """``h_t = act(x_t·Wx + h_{t-1}·Wh + b)``."""

    def __init__(
        self,
        units: int,
        activation: str = "tanh",
        use_bias: bool = True,
        kernel_initializer: str = "glorot_uniform",
        recurrent_initializer: str = "orthogonal",
        **kwargs,
    ) -> None:
        super().__init__(**kwargs)
        if int(units) <= 0:
            raise ValueError(f"SimpleCell: units must be a positive integer, got units={units!r}")
        self.units = int(units)
        self.activation = keras.activations.get(activation)
        self.use_bias = bool(use_bias)
        self.kernel_initializer = keras.initializers.get(kernel_initializer)
        self.recurrent_initializer = keras.initializers.get(recurrent_initializer)
        self.state_size = self.units
        self.output_size = self.units

    def build(self, input_shape) -> None:
        d = input_shape[-1]
        self.kernel = self.add_weight(
            shape=(d, self.units), initializer=self.kernel_initializer, name="kernel"
        )
        self.recurrent_kernel = self.add_weight(
            shape=(self.units, self.units),
            initializer=self.recurrent_initializer,
            name="recurrent_kernel",
        )
        self.bias = (
            self.add_weight(shape=(self.units,), initializer="zeros", name="bias")
            if self.use_bias
            else None
        )

    def call(self, inputs, states, training=False):
        h_prev = states[0] if isinstance(states, list | tuple) else states
        z = ops.matmul(inputs, self.kernel) + ops.matmul(h_prev, self.recurrent_kernel)
        if self.bias is not None:
            z = z + self.bias
        h = self.activation(z)
        return h, [h]

    def get_initial_state(self, batch_size=None):
        return [ops.zeros((batch_size, self.units), dtype=self.compute_dtype)]

    def get_config(self) -> dict:
        return {
            **super().get_config(),
            "units": self.units,
            "activation": keras.activations.serialize(self.activation),
            "use_bias": self.use_bias,
            "kernel_initializer": keras.initializers.serialize(self.kernel_initializer),
            "recurrent_initializer": keras.initializers.serialize(self.recurrent_initializer),
        }


@keras.saving.register_keras_serializable(package=PACKAGE)
class SimpleRecurrent(keras.layers.RNN):
    """A ``keras.layers.RNN`` over a :class:`SimpleCell`; ``h_0 = 0``."""

    def __init__(self, cell=None, units: int | None = None, activation: str = "tanh",
                 use_bias: bool = True, **kwargs) -> None:
        if cell is None:
            cell = SimpleCell(units, activation=activation, use_bias=use_bias)
        elif isinstance(cell, dict):
            cell = keras.saving.deserialize_keras_object(cell)
        super().__init__(cell, **kwargs)

    @property
    def units(self) -> int:
        return self.cell.units

    def inner_loop(self, sequences, initial_state, mask, training=False):
        """Unrolled: the input projection of every time step in one matmul, then the recurrence.

        ``x_t·Wx + b`` does not depend on ``h``, so when the time loop is unrolled it is computed
        for all ``T`` steps at once as a ``(B·T, d)×(d, n)`` product (for one-hot token steps,
        as a row lookup of ``Wx``: :mod:`seqstudio_builtins.one_hot`); only ``h_{t-1}·Wh`` stays
        per step. The numbers are those of :class:`SimpleCell` (same equation, ``h_0`` from
        ``initial_state``, zeros by default). Under a mask (padded text) a masked step keeps the
        previous state, and outputs it (or zeros, ``zero_output_for_mask``), as Keras' general
        loop does. A rolled loop, reversed sequences and foreign cells take Keras' general path,
        which ``bench/cells.py`` measured as the faster loop on the CPU.
        """
        cell = self.cell
        steps = sequences.shape[1]
        if (not self.unroll or steps is None or self.go_backwards
                or type(cell) is not SimpleCell):
            return super().inner_loop(sequences, initial_state, mask, training=training)
        h = initial_state[0]
        projected = _input_projection(sequences, cell)
        if mask is not None:
            mask = ops.expand_dims(ops.cast(mask, "bool"), -1)  # (B, T, 1)
        outputs = []
        for t in range(steps):
            new = cell.activation(projected[:, t, :] + ops.matmul(h, cell.recurrent_kernel))
            if mask is None:
                h = new
                outputs.append(h)
                continue
            h = ops.where(mask[:, t], new, h)
            outputs.append(ops.where(mask[:, t], h, ops.zeros_like(h))
                           if self.zero_output_for_mask else h)
        return h, ops.stack(outputs, axis=1), [h]


def _input_projection(sequences, cell: SimpleCell):
    """``x·Wx + b`` of every step: a row lookup when the steps are one-hot token ids
    (:mod:`seqstudio_builtins.one_hot`, the same numbers), else one matmul."""
    if keras.backend.backend() == "tensorflow":
        from seqstudio.execution import is_forward_only
        from seqstudio_builtins.one_hot import lookup_tokens, project_tokens, token_ids

        ids = token_ids(sequences)
        if ids is not None and is_forward_only():  # no gradient: the one-hot tensor is not made
            return lookup_tokens(ids, cell.kernel, cell.bias)
        if ids is not None:
            return project_tokens(sequences, ids, cell.kernel, cell.bias)
    projected = ops.matmul(sequences, cell.kernel)
    return projected + cell.bias if cell.bias is not None else projected
