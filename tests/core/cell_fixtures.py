"""Fixture cells for the contract tests: one with one state, one with two, one with nested weights.

Like the cells of Keras' own ``rnn_test.py``: small, written out in full, numpy twin beside them.
"""

from __future__ import annotations

import keras
import numpy as np
from keras import ops

from seqstudio.spec import CellType, HyperParam, ParamFormula

PACKAGE = "seqstudio_test_cells"
UNITS = HyperParam("units", "int", 4, "Hidden units n.", min=1, max=64)


@keras.saving.register_keras_serializable(package=PACKAGE)
class OneStateCell(keras.layers.Layer):
    """``h_t = tanh(x_t·Wx + h_{t-1}·Wh + b)``."""

    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.state_size = units
        self.output_size = units

    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(input_shape[-1], self.units), name="kernel")
        self.recurrent_kernel = self.add_weight(shape=(self.units, self.units),
                                                name="recurrent_kernel")
        self.bias = self.add_weight(shape=(self.units,), name="bias", initializer="zeros")

    def call(self, inputs, states, training=False):
        h = ops.tanh(inputs @ self.kernel + states[0] @ self.recurrent_kernel + self.bias)
        return h, [h]

    def get_config(self):
        return {**super().get_config(), "units": self.units}


@keras.saving.register_keras_serializable(package=PACKAGE)
class TwoStateCell(keras.layers.Layer):
    """A leaky memory ``c`` beside the output ``h``:
    ``c_t = 0.5·c_{t-1} + x_t·Wx``, ``h_t = tanh(c_t + h_{t-1}·Wh + b)``. States ``[h, c]``."""

    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.state_size = [units, units]
        self.output_size = units

    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(input_shape[-1], self.units), name="kernel")
        self.recurrent_kernel = self.add_weight(shape=(self.units, self.units),
                                                name="recurrent_kernel")
        self.bias = self.add_weight(shape=(self.units,), name="bias", initializer="zeros")

    def call(self, inputs, states, training=False):
        h_prev, c_prev = states
        c = 0.5 * c_prev + inputs @ self.kernel
        h = ops.tanh(c + h_prev @ self.recurrent_kernel + self.bias)
        return h, [h, c]

    def get_config(self):
        return {**super().get_config(), "units": self.units}


@keras.saving.register_keras_serializable(package=PACKAGE)
class NestedCell(keras.layers.Layer):
    """Two Dense sublayers, each with a weight called ``kernel``:
    ``h_t = sigmoid([x_t, h_{t-1}]·G) ⊙ tanh([x_t, h_{t-1}]·C)``."""

    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.state_size = units
        self.output_size = units
        self.gate = keras.layers.Dense(units, use_bias=False, name="gate")
        self.candidate = keras.layers.Dense(units, use_bias=False, name="candidate")

    def build(self, input_shape):
        width = input_shape[-1] + self.units
        self.gate.build((None, width))
        self.candidate.build((None, width))

    def call(self, inputs, states, training=False):
        z = ops.concatenate([inputs, states[0]], axis=-1)
        h = ops.sigmoid(self.gate(z)) * ops.tanh(self.candidate(z))
        return h, [h]

    def get_config(self):
        return {**super().get_config(), "units": self.units}


def one_state_call(x, states, w, p):
    h = np.tanh(x @ w["kernel"] + states[0] @ w["recurrent_kernel"] + w["bias"])
    return h, (h,)


def two_state_call(x, states, w, p):
    h_prev, c_prev = states
    c = 0.5 * c_prev + x @ w["kernel"]
    h = np.tanh(c + h_prev @ w["recurrent_kernel"] + w["bias"])
    return h, (h, c)


def nested_call(x, states, w, p):
    z = np.concatenate([x, states[0]], axis=-1)
    gate = 1.0 / (1.0 + np.exp(-(z @ w["gate/kernel"])))
    return gate * np.tanh(z @ w["candidate/kernel"]), None


def nested_call_fixed(x, states, w, p):
    h, _ = nested_call(x, states, w, p)
    return h, (h,)


def _plain_formula(name):
    def formula(d, p):
        n = p["units"]
        return [ParamFormula(name, ((f"{d}·{n}", d * n), (f"{n}·{n}", n * n), (f"{n}", n)))]
    return formula


def _layers(cell_class, name):
    def build(p):
        return [keras.layers.RNN(cell_class(p["units"]), name=name)]
    return build


ONE_STATE = CellType(
    name="one-state", label="One state", description="Fixture cell with the state h.",
    params=(UNITS,), build_layers=_layers(OneStateCell, "one"),
    param_formula=_plain_formula("one"), reference_call=one_state_call,
)

TWO_STATE = CellType(
    name="two-state", label="Two states", description="Fixture cell with the states h and c.",
    params=(UNITS,), build_layers=_layers(TwoStateCell, "two"),
    param_formula=_plain_formula("two"), reference_call=two_state_call,
    state_names=("h", "c"), cost_per_step=lambda d, n: d * n + n * n + n,
)


def _nested_formula(d, p):
    n = p["units"]
    w = (d + n) * n
    return [ParamFormula("nested", ((f"({d}+{n})·{n}", w), (f"({d}+{n})·{n}", w)))]


NESTED = CellType(
    name="nested", label="Nested", description="Fixture cell whose two sublayers both own a "
    "'kernel'.", params=(UNITS,), build_layers=_layers(NestedCell, "nested"),
    param_formula=_nested_formula, reference_call=nested_call_fixed,
)
