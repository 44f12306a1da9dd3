"""Keras layers of the built-in gated cells (LSTM and GRU), registered for plain Keras loading.

The weights follow Keras' own layout, so a model's weights can be copied to and from
``keras.layers.LSTM``/``GRU`` one to one:

- LSTM: ``kernel`` d×4n, ``recurrent_kernel`` n×4n, ``bias`` 4n, gates in the order
  input ``i``, forget ``f``, candidate ``g``, output ``o``. States ``[h, c]``.
- GRU (``reset_after``, Keras' default): ``kernel`` d×3n, ``recurrent_kernel`` n×3n,
  ``bias`` 2×3n (row 0 for the input, row 1 for the recurrent projection), gates in the order
  update ``z``, reset ``r``, candidate. State ``[h]``.

:class:`GatedRecurrent` runs either cell. Unrolled (short sequences), it runs the whole sequence
as one op with a hand-written backward pass (:mod:`seqstudio_builtins.gated_sequence`); a rolled
loop is Keras' own.
"""

from __future__ import annotations

import keras
from keras import ops

PACKAGE = "seqstudio"


class _GatedCell(keras.layers.Layer):
    GATES = 1  # weight groups side by side in kernel / recurrent_kernel

    def __init__(self, units: int, use_bias: bool = True,
                 kernel_initializer: str = "glorot_uniform",
                 recurrent_initializer: str = "orthogonal", **kwargs) -> None:
        super().__init__(**kwargs)
        if int(units) <= 0:
            raise ValueError(f"{type(self).__name__}: units must be a positive integer, got "
                             f"units={units!r}")
        self.units = int(units)
        self.use_bias = bool(use_bias)
        self.kernel_initializer = keras.initializers.get(kernel_initializer)
        self.recurrent_initializer = keras.initializers.get(recurrent_initializer)
        self.output_size = self.units

    def build(self, input_shape) -> None:
        width = self.GATES * self.units
        self.kernel = self.add_weight(shape=(input_shape[-1], width),
                                      initializer=self.kernel_initializer, name="kernel")
        self.recurrent_kernel = self.add_weight(shape=(self.units, width),
                                                initializer=self.recurrent_initializer,
                                                name="recurrent_kernel")
        self.bias = self._make_bias() if self.use_bias else None

    def _make_bias(self):
        raise NotImplementedError

    def get_config(self) -> dict:
        return {
            **super().get_config(),
            "units": self.units,
            "use_bias": self.use_bias,
            "kernel_initializer": keras.initializers.serialize(self.kernel_initializer),
            "recurrent_initializer": keras.initializers.serialize(self.recurrent_initializer),
        }


@keras.saving.register_keras_serializable(package=PACKAGE)
class LSTMCell(_GatedCell):
    """``[i f g o] = x_t·W + h_{t-1}·U + b``; ``c_t = σ(f)⊙c_{t-1} + σ(i)⊙tanh(g)``;
    ``h_t = σ(o)⊙tanh(c_t)``."""

    GATES = 4

    def __init__(self, units: int, unit_forget_bias: bool = True, **kwargs) -> None:
        super().__init__(units, **kwargs)
        self.unit_forget_bias = bool(unit_forget_bias)
        self.state_size = [self.units, self.units]

    def _make_bias(self):
        n = self.units

        def init(shape, dtype=None):
            zeros = ops.zeros((n,), dtype=dtype)
            forget = ops.ones((n,), dtype=dtype) if self.unit_forget_bias else zeros
            return ops.concatenate([zeros, forget, zeros, zeros])

        return self.add_weight(shape=(4 * n,), initializer=init, name="bias")

    def step(self, projected, h_prev, c_prev):
        """One step from the input projection ``x_t·W + b``."""
        z = projected + ops.matmul(h_prev, self.recurrent_kernel)
        i, f, g, o = ops.split(z, 4, axis=-1)
        c = ops.sigmoid(f) * c_prev + ops.sigmoid(i) * ops.tanh(g)
        h = ops.sigmoid(o) * ops.tanh(c)
        return h, c

    def project(self, inputs):
        x = ops.matmul(inputs, self.kernel)
        return x + self.bias if self.bias is not None else x

    def call(self, inputs, states, training=False):
        h, c = self.step(self.project(inputs), states[0], states[1])
        return h, [h, c]

    def get_initial_state(self, batch_size=None):
        return [ops.zeros((batch_size, self.units), dtype=self.compute_dtype) for _ in range(2)]

    def get_config(self) -> dict:
        return {**super().get_config(), "unit_forget_bias": self.unit_forget_bias}


@keras.saving.register_keras_serializable(package=PACKAGE)
class GRUCell(_GatedCell):
    """Keras' ``reset_after`` GRU: ``z = σ(x·W_z + b_z + h·U_z + b'_z)``, likewise ``r``;
    ``ĥ = tanh(x·W_h + b_h + r⊙(h·U_h + b'_h))``; ``h_t = z⊙h_{t-1} + (1 − z)⊙ĥ``."""

    GATES = 3

    def __init__(self, units: int, **kwargs) -> None:
        super().__init__(units, **kwargs)
        self.state_size = self.units

    def _make_bias(self):
        return self.add_weight(shape=(2, 3 * self.units), initializer="zeros", name="bias")

    def project(self, inputs):
        x = ops.matmul(inputs, self.kernel)
        return x + self.bias[0] if self.bias is not None else x

    def step(self, projected, h_prev):
        rec = ops.matmul(h_prev, self.recurrent_kernel)
        if self.bias is not None:
            rec = rec + self.bias[1]
        x_z, x_r, x_h = ops.split(projected, 3, axis=-1)
        r_z, r_r, r_h = ops.split(rec, 3, axis=-1)
        z = ops.sigmoid(x_z + r_z)
        r = ops.sigmoid(x_r + r_r)
        candidate = ops.tanh(x_h + r * r_h)
        return z * h_prev + (1.0 - z) * candidate

    def call(self, inputs, states, training=False):
        h_prev = states[0] if isinstance(states, list | tuple) else states
        h = self.step(self.project(inputs), h_prev)
        return h, [h]

    def get_initial_state(self, batch_size=None):
        return [ops.zeros((batch_size, self.units), dtype=self.compute_dtype)]


_CELLS = {"lstm": LSTMCell, "gru": GRUCell}


@keras.saving.register_keras_serializable(package=PACKAGE)
class GatedRecurrent(keras.layers.RNN):
    """A ``keras.layers.RNN`` over an :class:`LSTMCell` or a :class:`GRUCell`; zero initial
    states."""

    def __init__(self, cell=None, kind: str = "lstm", units: int | None = None,
                 use_bias: bool = True, **kwargs) -> None:
        if cell is None:
            if kind not in _CELLS:
                raise ValueError(f"GatedRecurrent: kind must be one of {sorted(_CELLS)}, got "
                                 f"kind={kind!r}")
            cell = _CELLS[kind](units, use_bias=use_bias)
        elif isinstance(cell, dict):
            cell = keras.saving.deserialize_keras_object(cell)
        super().__init__(cell, **kwargs)

    @property
    def units(self) -> int:
        return self.cell.units

    @property
    def xla_inference(self) -> bool:
        """Whether XLA pays for this layer's forward pass (read by
        :class:`seqstudio.engine.predict.Predictor`): not when the sequence runs as the fused
        op (unrolled), whose plain graph was the faster one. Seed configuration, 1,024 samples,
        CPU time on one core of the shared 2-core machine: gru 7.0 ms plain against 8.2 ms under
        XLA, lstm 6.4 against 8.0 ms."""
        return not (self.unroll and type(self.cell) in (LSTMCell, GRUCell))

    def inner_loop(self, sequences, initial_state, mask, training=False):
        """Unrolled, unmasked and forwards, on TensorFlow: the whole sequence as one
        differentiable op with a hand-written backward pass
        (:mod:`seqstudio_builtins.gated_sequence`); the numbers are the cell's. A rolled loop,
        masks, reversed sequences and foreign cells take Keras' general loop, which
        ``bench/cells.py`` measured as the faster rolled loop on the CPU."""
        cell = self.cell
        if (not self.unroll or sequences.shape[1] is None or mask is not None
                or self.go_backwards or type(cell) not in (LSTMCell, GRUCell)
                or keras.backend.backend() != "tensorflow"
                or keras.backend.standardize_dtype(sequences.dtype) != "float32"):
            return super().inner_loop(sequences, initial_state, mask, training=training)
        from seqstudio.execution import is_forward_only
        from seqstudio_builtins.gated_sequence import gru_sequence, lstm_sequence

        only = is_forward_only()
        if isinstance(cell, LSTMCell):
            outputs, h, c = lstm_sequence(sequences, initial_state[0], initial_state[1],
                                          cell.kernel, cell.recurrent_kernel, cell.bias,
                                          forward_only=only)
            return h, outputs, [h, c]
        outputs, h = gru_sequence(sequences, initial_state[0], cell.kernel,
                                  cell.recurrent_kernel, cell.bias, forward_only=only)
        return h, outputs, [h]
