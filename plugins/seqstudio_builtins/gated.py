"""Built-in gated cells, LSTM and GRU, as a plugin of their own.

Registered under the ``seqstudio`` entry-point group as ``builtin-gated``, beside
``builtin-cells``, and written against the public contract 1.1 only: named states
(``("h", "c")`` for the LSTM), an all-states numpy reference, a cost per step and host stacking.
Keras is imported inside the factories, so listing cells does not load TensorFlow.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from seqstudio.hookspecs import hookimpl
from seqstudio.i18n import QT_TRANSLATE_NOOP
from seqstudio.spec import CellType, HyperParam, ParamFormula

SEQSTUDIO_CONTRACT = "1.1"

UNITS = HyperParam("units", "int", 10,
                   QT_TRANSLATE_NOOP("cells", "Hidden units n: the size of h_t (and of c_t in an "
                                     "LSTM) and of the layer's output."), min=1, max=1024)
USE_BIAS = HyperParam("use_bias", "bool", True,
                      QT_TRANSLATE_NOOP("cells", "Give every gate a bias."))


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def lstm_gates(x_t, states, weights: Mapping[str, np.ndarray], params) -> dict[str, np.ndarray]:
    """One LSTM step's gates in numpy, in Keras' gate order ``i, f, g, o`` (after their
    sigmoid, the candidate after its tanh), and the new cell state ``c``."""
    h_prev, c_prev = states
    z = x_t @ weights["kernel"] + h_prev @ weights["recurrent_kernel"]
    if "bias" in weights:
        z = z + weights["bias"]
    i, f, g, o = np.split(z, 4, axis=-1)
    # the gate names are shown by the cell inspector, translated (context "cells")
    gates = {QT_TRANSLATE_NOOP("cells", "input i"): _sigmoid(i),
             QT_TRANSLATE_NOOP("cells", "forget f"): _sigmoid(f),
             QT_TRANSLATE_NOOP("cells", "candidate g"): np.tanh(g),
             QT_TRANSLATE_NOOP("cells", "output o"): _sigmoid(o)}
    gates["c_t = f·c_{t-1} + i·g"] = gates["forget f"] * c_prev + gates["input i"] * gates[
        "candidate g"]
    return gates


def lstm_reference(x_t, states, weights: Mapping[str, np.ndarray], params):
    """One LSTM step in numpy, in Keras' gate order ``i, f, g, o``."""
    gates = lstm_gates(x_t, states, weights, params)
    c = gates["c_t = f·c_{t-1} + i·g"]
    h = gates["output o"] * np.tanh(c)
    return h, (h, c)


def gru_gates(x_t, states, weights: Mapping[str, np.ndarray], params) -> dict[str, np.ndarray]:
    """One GRU step's gates in numpy, Keras' ``reset_after`` form, gate order ``z, r,
    candidate``."""
    (h_prev,) = states
    x = x_t @ weights["kernel"]
    rec = h_prev @ weights["recurrent_kernel"]
    if "bias" in weights:
        x, rec = x + weights["bias"][0], rec + weights["bias"][1]
    x_z, x_r, x_h = np.split(x, 3, axis=-1)
    r_z, r_r, r_h = np.split(rec, 3, axis=-1)
    reset = _sigmoid(x_r + r_r)
    return {QT_TRANSLATE_NOOP("cells", "update z"): _sigmoid(x_z + r_z),
            QT_TRANSLATE_NOOP("cells", "reset r"): reset,
            QT_TRANSLATE_NOOP("cells", "candidate ĥ"): np.tanh(x_h + reset * r_h)}


def gru_reference(x_t, states, weights: Mapping[str, np.ndarray], params):
    """One GRU step in numpy, Keras' ``reset_after`` form, gate order ``z, r, candidate``."""
    (h_prev,) = states
    gates = gru_gates(x_t, states, weights, params)
    update = gates["update z"]
    h = update * h_prev + (1.0 - update) * gates["candidate ĥ"]
    return h, (h,)


def _gate_formula(layer: str, d: int, n: int, gates: tuple[str, ...], biases: int
                  ) -> ParamFormula:
    """One term per gate group: ``n·(d + n + biases)`` weights feed each gate."""
    extra = f" + {biases}" if biases else ""
    label = f"{n}·({d} + {n}{extra})"
    return ParamFormula(layer, tuple((f"{label} [{gate}]", n * (d + n + biases))
                                     for gate in gates))


LSTM_GATES = ("input", "forget", "candidate", "output")
GRU_GATES = ("update", "reset", "candidate")


def _factory(kind: str, gates: tuple[str, ...], biases_per_gate: int):
    def build_layers(params: Mapping[str, Any]) -> list:
        from seqstudio_builtins.gated_layers import GatedRecurrent

        return [GatedRecurrent(kind=kind, units=params["units"],
                               use_bias=params.get("use_bias", True), name=kind)]

    def formula(input_dim: int, params: Mapping[str, Any]) -> list[ParamFormula]:
        biases = biases_per_gate if params.get("use_bias", True) else 0
        return [_gate_formula(kind, input_dim, params["units"], gates, biases)]

    def cost(d: int, n: int) -> float:
        return len(gates) * (d * n + n * n)

    return build_layers, formula, cost


_lstm = _factory("lstm", LSTM_GATES, 1)
_gru = _factory("gru", GRU_GATES, 2)

LSTM_DESCRIPTION = QT_TRANSLATE_NOOP(
    "cells",
    "Long short-term memory. Beside the output h it keeps a cell state c, a memory that is "
    "changed only by addition and by forgetting. At each step four gate groups read x_t and "
    "h_{t-1}: the forget gate f (0 to 1) decides how much of c_{t-1} to keep, the input gate i "
    "how much of the new candidate g = tanh(...) to write, and the output gate o how much of "
    "tanh(c_t) to show as h_t: c_t = f⊙c_{t-1} + i⊙g, h_t = o⊙tanh(c_t). Because c_t is a sum "
    "rather than a product of squashings, a forget gate near 1 carries information (and the "
    "gradient) across many steps, where a SimpleRNN's memory fades. One layer of n units on d "
    "inputs has 4·n·(d + n + 1) parameters. Watch the c state: it is not bounded to [-1, 1]."
)
GRU_DESCRIPTION = QT_TRANSLATE_NOOP(
    "cells",
    "Gated recurrent unit: a lighter gated cell with a single state h. The update gate z "
    "(0 to 1) mixes the old state with a candidate, h_t = z⊙h_{t-1} + (1 − z)⊙ĥ_t, and the "
    "reset gate r decides how much of h_{t-1} the candidate ĥ_t = tanh(...) may read. With z "
    "near 1 a unit simply keeps its value, so information survives many steps, as in an LSTM, "
    "with three gate groups instead of four. Keras' reset_after form: one layer of n units on "
    "d inputs has 3·n·(d + n + 2) parameters (two biases per gate)."
)


@hookimpl
def seqstudio_cell_types() -> list[CellType]:
    return [
        CellType(
            name="lstm", label=QT_TRANSLATE_NOOP("cells", "LSTM"), description=LSTM_DESCRIPTION,
            params=(UNITS, USE_BIAS),
            build_layers=_lstm[0], param_formula=_lstm[1], cost_per_step=_lstm[2],
            reference_call=lstm_reference, state_names=("h", "c"), activation="tanh",
            reference_gates=lstm_gates,
        ),
        CellType(
            name="gru", label=QT_TRANSLATE_NOOP("cells", "GRU"), description=GRU_DESCRIPTION,
            params=(UNITS, USE_BIAS),
            build_layers=_gru[0], param_formula=_gru[1], cost_per_step=_gru[2],
            reference_call=gru_reference, state_names=("h",), activation="tanh",
            reference_gates=gru_gates,
        ),
    ]
