"""Built-in cell types: SimpleRNN with tanh, SimpleRNN with ReLU, and a stacked RNN.

The stacked RNN is the SimpleRNN stacked by the host's ``layers`` option (contract 1.1), which
every stackable cell type takes; it stays a cell type of its own so that its runs resume.

This module is a plugin: it uses only the public contract (``seqstudio.hookspecs`` and
``seqstudio.spec``), exactly as a third-party package would. Keras is imported inside the factories,
so listing cells does not load TensorFlow.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from seqstudio.hookspecs import hookimpl
from seqstudio.i18n import QT_TRANSLATE_NOOP
from seqstudio.spec import CellType, HyperParam, ParamFormula, simple_rnn_formula

SEQSTUDIO_CONTRACT = "1.1"

UNITS = HyperParam(
    "units", "int", 10,
    QT_TRANSLATE_NOOP("cells", "Hidden units n: the size of h_t and of the layer's output."),
    min=1, max=1024,
)
USE_BIAS = HyperParam("use_bias", "bool", True,
                      QT_TRANSLATE_NOOP("cells", "Add the bias b inside the activation."))
ACTIVATIONS = {"tanh": np.tanh, "relu": lambda z: np.maximum(z, 0.0)}


def simple_reference_step(x_t, h_prev, weights: Mapping[str, np.ndarray], params) -> np.ndarray:
    """``h_t = act(x_t·Wx + h_{t-1}·Wh + b)`` in numpy."""
    z = x_t @ weights["kernel"] + h_prev @ weights["recurrent_kernel"]
    if "bias" in weights:
        z = z + weights["bias"]
    return ACTIVATIONS[_activation(params)](z)


def _activation(params: Mapping[str, Any]) -> str:
    return str(params.get("activation", "tanh"))


def _simple(activation: str):
    def build_layers(params: Mapping[str, Any]) -> list:
        from seqstudio_builtins.layers import SimpleRecurrent

        return [SimpleRecurrent(units=params["units"], activation=activation,
                                use_bias=params.get("use_bias", True), name="rnn")]

    def formula(input_dim: int, params: Mapping[str, Any]) -> list[ParamFormula]:
        return [simple_rnn_formula("rnn", input_dim, params["units"], params.get("use_bias", True))]

    def reference(x_t, h_prev, weights, params):
        return simple_reference_step(x_t, h_prev, weights, {**params, "activation": activation})

    return build_layers, formula, reference


def _stacked_build(params: Mapping[str, Any]) -> list:
    """One layer; the host stacks ``params["layers"]`` copies of it (``rnn_1``, ``rnn_2``...),
    every copy but the last returning all steps (seed §8), as it does for any cell type."""
    from seqstudio_builtins.layers import SimpleRecurrent

    return [SimpleRecurrent(units=params["units"], activation=params["activation"],
                            use_bias=params.get("use_bias", True), name="rnn")]


def _stacked_formula(input_dim: int, params: Mapping[str, Any]) -> list[ParamFormula]:
    return [simple_rnn_formula("rnn", input_dim, params["units"], params.get("use_bias", True))]


_tanh = _simple("tanh")
_relu = _simple("relu")


@hookimpl
def seqstudio_cell_types() -> list[CellType]:
    return [
        CellType(
            name="simple-rnn-tanh",
            label=QT_TRANSLATE_NOOP("cells", "SimpleRNN (tanh)"),
            description=QT_TRANSLATE_NOOP(
                "cells",
                "The plain recurrent cell of the lecture notes: h_t = tanh(x_t·Wx + h_{t-1}·Wh + b) "
                "with h_0 = 0. One layer of n units on d input features has n·d + n·n + n "
                "parameters, and the output is the hidden state of the last time step."
            ),
            params=(UNITS, USE_BIAS),
            build_layers=_tanh[0],
            param_formula=_tanh[1],
            reference_step=_tanh[2],
            activation="tanh",
        ),
        CellType(
            name="simple-rnn-relu",
            label=QT_TRANSLATE_NOOP("cells", "SimpleRNN (ReLU)"),
            description=QT_TRANSLATE_NOOP(
                "cells",
                "The same cell with ReLU instead of tanh: h_t = max(0, x_t·Wx + h_{t-1}·Wh + b). "
                "States are unbounded above, so a large learning rate can make it diverge."
            ),
            params=(UNITS, USE_BIAS),
            build_layers=_relu[0],
            param_formula=_relu[1],
            reference_step=_relu[2],
            activation="relu",
        ),
        CellType(
            name="stacked-rnn",
            label=QT_TRANSLATE_NOOP("cells", "Stacked RNN"),
            description=QT_TRANSLATE_NOOP(
                "cells",
                "Several SimpleRNN layers on top of each other. Every layer but the last passes "
                "its hidden state at every time step to the next; the last outputs only the "
                "hidden state of the final step."
            ),
            params=(
                HyperParam("layers", "int", 2,
                           QT_TRANSLATE_NOOP("cells", "Number of stacked recurrent layers."),
                           min=1, max=8),
                UNITS,
                HyperParam("activation", "choice", "tanh",
                           QT_TRANSLATE_NOOP("cells", "Activation of every layer."),
                           choices=("tanh", "relu")),
                USE_BIAS,
            ),
            build_layers=_stacked_build,
            param_formula=_stacked_formula,
            reference_step=simple_reference_step,
            activation=_activation,
        ),
    ]
