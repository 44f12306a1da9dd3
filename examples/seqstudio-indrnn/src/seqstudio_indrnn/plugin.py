"""The seqstudio plugin module: declares the contract version and contributes one cell type."""

from __future__ import annotations

import numpy as np

from seqstudio.hookspecs import hookimpl
from seqstudio.spec import CellType, HyperParam, ParamFormula

SEQSTUDIO_CONTRACT = "1.0"


def build_layers(params):
    from seqstudio_indrnn.layers import IndRNN  # Keras is imported only when a model is built

    return [IndRNN(units=params["units"], activation=params["activation"], name="indrnn")]


def param_formula(input_dim, params):
    n = params["units"]
    return [ParamFormula("indrnn", ((f"{input_dim}·{n}", input_dim * n), (f"{n}", n), (f"{n}", n)))]


def reference_step(x_t, h_prev, weights, params):
    z = x_t @ weights["kernel"] + h_prev * weights["recurrent_kernel"] + weights["bias"]
    return np.tanh(z) if params["activation"] == "tanh" else np.maximum(z, 0.0)


INDRNN = CellType(
    name="indrnn",
    label="IndRNN",
    description=(
        "Independently recurrent cell: each unit feeds back only its own previous state, "
        "h_t = act(x_t·Wx + u ⊙ h_{t-1} + b), so the recurrent weights are a vector of n values "
        "instead of an n×n matrix."
    ),
    params=(
        HyperParam("units", "int", 10, "Hidden units n.", min=1, max=1024),
        HyperParam("activation", "choice", "relu", "Activation of the cell.",
                   choices=("relu", "tanh")),
    ),
    build_layers=build_layers,
    param_formula=param_formula,
    reference_step=reference_step,
    activation=lambda params: params["activation"],
)


@hookimpl
def seqstudio_cell_types():
    return [INDRNN]
