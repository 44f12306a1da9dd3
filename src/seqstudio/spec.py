"""The public data types of the plugin contract.

A cell plugin returns :class:`CellType` objects from ``seqstudio_cell_types``; a data-format plugin
returns :class:`DataFormat` objects from ``seqstudio_data_formats``. Nothing here imports Keras or
TensorFlow, so listing plugins stays fast; Keras is touched only when a factory is called.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from seqstudio.errors import (
    ParamError,
    param_above,
    param_below,
    param_not_a_choice,
    param_not_of_type,
    param_unknown,
)
from seqstudio.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

ParamType = Literal["int", "float", "str", "bool", "choice"]
Params = Mapping[str, Any]


@dataclass(frozen=True)
class HyperParam:
    """One hyperparameter of a cell type; the GUI builds a form field and the CLI an option from it.

    :param name: identifier, also the CLI option (``units`` -> ``--units``).
    :param type: ``int``, ``float``, ``str``, ``bool`` or ``choice``.
    :param default: the value used when none is given.
    :param help: one sentence; shown as tooltip and in ``--help``.
    :param min: smallest allowed value (numbers only).
    :param max: largest allowed value (numbers only).
    :param choices: the allowed values of a ``choice``.
    """

    name: str
    type: ParamType
    default: Any
    help: str
    min: float | None = None
    max: float | None = None
    choices: tuple[Any, ...] = ()

    def coerce(self, value: Any) -> Any:
        """Convert ``value`` (possibly a string from the command line) and check the range."""
        try:
            if self.type == "int":
                if isinstance(value, float) and not value.is_integer():
                    raise ValueError
                value = int(value)
            elif self.type == "float":
                value = float(value)
            elif self.type == "bool":
                if isinstance(value, str):
                    if value.lower() not in {"true", "false", "1", "0", "yes", "no"}:
                        raise ValueError
                    value = value.lower() in {"true", "1", "yes"}
                value = bool(value)
            elif self.type in ("str", "choice"):
                value = str(value) if not isinstance(value, str | int | float) else value
        except (TypeError, ValueError):
            raise ParamError(param_not_of_type(self.name, self.type, value)) from None
        if self.type == "choice" and value not in self.choices:
            raise ParamError(param_not_a_choice(self.name, list(self.choices), value))
        if self.type in ("int", "float"):
            if self.min is not None and value < self.min:
                raise ParamError(param_below(self.name, self.min, value))
            if self.max is not None and value > self.max:
                raise ParamError(param_above(self.name, self.max, value))
        return value


@dataclass(frozen=True)
class ParamFormula:
    """The parameter count of one recurrent layer as a sum of readable terms.

    ``terms`` pairs a label with its value, e.g. ``(("100·10", 1000), ("10·10", 100), ("10", 10))``
    for a SimpleRNN of 10 units on 100 input features (Wx, Wh, b).
    """

    layer: str
    terms: tuple[tuple[str, int], ...]

    @property
    def total(self) -> int:
        return sum(value for _, value in self.terms)

    @property
    def text(self) -> str:
        """``"100·10 + 10·10 + 10 = 1,110"``."""
        return " + ".join(label for label, _ in self.terms) + f" = {self.total:,}"


def simple_rnn_formula(layer: str, input_dim: int, units: int, bias: bool = True) -> ParamFormula:
    """``n·d + n·n + n``: the count for a plain recurrent layer (Wx d×n, Wh n×n, b n)."""
    terms = [(f"{input_dim}·{units}", input_dim * units), (f"{units}·{units}", units * units)]
    if bias:
        terms.append((f"{units}", units))
    return ParamFormula(layer, tuple(terms))


#: Contract 1.0: ``reference_step(x_t, h_prev, weights, params) -> h_t`` with ``x_t`` (batch, d),
#: ``h_prev`` (batch, n) and ``weights`` the layer's arrays (see :class:`CellType`). For cells
#: with one state.
ReferenceStep = Callable[["np.ndarray", "np.ndarray", Mapping[str, "np.ndarray"], Params], "np.ndarray"]

#: Contract 1.1: ``reference_call(x_t, states, weights, params) -> (output, new_states)``, the
#: numpy twin of a Keras cell's ``call(inputs, states)``. ``states`` is a tuple with one
#: ``(batch, size)`` array per entry of ``CellType.state_names``, in that order; ``new_states``
#: must be a tuple (or list) of the same length and shapes; ``output`` is ``(batch, output_size)``.
ReferenceCall = Callable[
    ["np.ndarray", tuple["np.ndarray", ...], Mapping[str, "np.ndarray"], Params],
    tuple["np.ndarray", "tuple[np.ndarray, ...] | list[np.ndarray]"],
]

#: Optional (contract 1.1 hosts from seqstudio's glass box on): ``reference_gates(x_t, states,
#: weights, params) -> {name: (batch, n)}``, the named intermediate values of one step that the
#: cell inspector shows beside the new states, e.g. an LSTM's gates after their sigmoid
#: (``"forget f"``). Same arguments as :data:`ReferenceCall`; the values must be those the
#: reference computes on its way to ``new_states``.
ReferenceGates = Callable[
    ["np.ndarray", tuple["np.ndarray", ...], Mapping[str, "np.ndarray"], Params],
    Mapping[str, "np.ndarray"],
]

#: Contract 1.1: ``cost_per_step(d, n) -> float``, the multiply-adds one sample costs in one time
#: step of one layer with ``d`` inputs and ``n`` units (forward pass only). Default ``d·n + n·n``.
StepCost = Callable[[int, int], float]


def default_step_cost(d: int, n: int) -> float:
    """``d·n + n·n``: one input projection and one recurrent projection per step."""
    return float(d * n + n * n)


#: The host's stacking option, added to the schema of every stackable cell type that does not
#: define a parameter of this name itself: ``layers`` copies of the cell's layer, each but the
#: last returning every time step to the next.
STACK_PARAM = HyperParam(
    "layers", "int", 1,
    QT_TRANSLATE_NOOP("cells", "Recurrent layers stacked on top of each other (a host option: "
                      "every layer but the last passes its output at every time step to the "
                      "next)."),
    min=1, max=8,
)


@dataclass(frozen=True)
class CellType:
    """A recurrent cell type contributed by a plugin.

    :param name: stable identifier, lowercase with dashes (``simple-rnn-tanh``).
    :param label: short human name for menus.
    :param description: one paragraph for the picker.
    :param params: the hyperparameter schema.
    :param build_layers: ``build_layers(params) -> list[keras.layers.RNN]``. Returns the recurrent
        layers in order. Every layer but the last has ``return_sequences=True``; the last returns
        only its final state. Each layer's ``cell`` follows the Keras cell contract.
    :param param_formula: ``param_formula(input_dim, params) -> list[ParamFormula]``, one per
        recurrent layer, equal to Keras' ``count_params()``.
    :param reference_step: contract 1.0, optional numpy step for one-state cells:
        ``reference_step(x_t, h_prev, weights, params) -> h_t``; applied per layer with that
        layer's weights.
    :param activation: ``"tanh"``, ``"relu"`` or other; tells the GUI which colour scale suits the
        hidden states (symmetric around 0, or from 0 up). May depend on params via
        :meth:`activation_for`.
    :param state_names: contract 1.1, the names of the cell's states in the order of its Keras
        ``state_size`` (``("h", "c")`` for an LSTM). The first is the one the cell outputs.
    :param reference_call: contract 1.1, optional numpy twin of the cell's ``call`` over every
        state (:data:`ReferenceCall`). Give this or ``reference_step``, not both.
    :param cost_per_step: contract 1.1, optional :data:`StepCost` for the execution planner;
        default :func:`default_step_cost`.
    :param reference_gates: optional :data:`ReferenceGates`: the gates (or other named
        intermediate values) of one step, for the cell inspector; ``None`` for a cell without.
    :param stackable: contract 1.1, whether the host may stack the cell's layer (the ``layers``
        option, :data:`STACK_PARAM`). A cell type whose ``build_layers`` returns more than one
        layer, or that defines ``layers`` itself, does its own stacking.
    """

    name: str
    label: str
    description: str
    params: tuple[HyperParam, ...]
    build_layers: Callable[[Params], list[Any]]
    param_formula: Callable[[int, Params], list[ParamFormula]]
    reference_step: ReferenceStep | None = None
    activation: str | Callable[[Params], str] = "tanh"
    plugin: str = field(default="", compare=False)
    state_names: tuple[str, ...] = ("h",)
    reference_call: ReferenceCall | None = None
    cost_per_step: StepCost | None = None
    stackable: bool = True
    reference_gates: ReferenceGates | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "state_names", tuple(self.state_names))
        if self.stackable and all(p.name != STACK_PARAM.name for p in self.params):
            object.__setattr__(self, "params", (*self.params, STACK_PARAM))

    @property
    def host_stacked(self) -> bool:
        """Whether ``layers`` is the host's option (not one the cell defines itself)."""
        return STACK_PARAM in self.params

    @property
    def has_reference(self) -> bool:
        return self.reference_call is not None or self.reference_step is not None

    def call_reference(self, x_t: np.ndarray, states: tuple[np.ndarray, ...],
                       weights: Mapping[str, np.ndarray], params: Params
                       ) -> tuple[Any, Any]:
        """Run the reference in the 1.1 form whichever form the plugin gave: a 1.0
        ``reference_step`` becomes ``(h, (h,))``."""
        if self.reference_call is not None:
            return self.reference_call(x_t, states, weights, params)
        if self.reference_step is None:
            raise ParamError(f"cell type {self.name!r} has no numpy reference")
        h = self.reference_step(x_t, states[0], weights, params)
        return h, (h,)

    def step_cost(self, d: int, n: int) -> float:
        """Forward multiply-adds per sample, time step and layer (for the planner)."""
        return float(self.cost_per_step(d, n)) if self.cost_per_step else default_step_cost(d, n)

    def defaults(self) -> dict[str, Any]:
        return {p.name: p.default for p in self.params}

    def resolve(self, values: Params | None = None) -> dict[str, Any]:
        """Defaults overlaid with ``values``, each coerced and range-checked."""
        values = dict(values or {})
        known = {p.name: p for p in self.params}
        unknown = sorted(set(values) - set(known))
        if unknown:
            raise ParamError(param_unknown(self.name, unknown[0], list(known)))
        resolved = self.defaults()
        for key, value in values.items():
            resolved[key] = known[key].coerce(value)
        return resolved

    def activation_for(self, params: Params) -> str:
        return self.activation(params) if callable(self.activation) else self.activation


@dataclass(frozen=True)
class DataFormat:
    """A file format contributed by a plugin.

    A format only has to turn a file into plain text or a table; seqstudio then encodes it like a
    ``.txt`` or a ``.csv`` (tokenising, windowing, scaling, splitting).

    :param name: stable identifier (``jsonl``).
    :param label: human name for the open dialog (``JSON lines``).
    :param extensions: lowercase, with the dot (``(".jsonl",)``).
    :param read: ``read(path) -> str | pandas.DataFrame``. Return ``str`` for running text (language
        modelling) or a DataFrame for labelled text or a time series. Raise
        :class:`seqstudio.errors.DataError` for a bad file.
    :param sniff: optional ``sniff(path, head: bytes) -> bool`` that recognises the content when the
        extension is ambiguous.
    """

    name: str
    label: str
    extensions: tuple[str, ...]
    read: Callable[[Path], str | pd.DataFrame]
    sniff: Callable[[Path, bytes], bool] | None = None
    plugin: str = field(default="", compare=False)


__all__ = [
    "CellType",
    "DataFormat",
    "HyperParam",
    "ParamFormula",
    "Params",
    "ReferenceCall",
    "ReferenceGates",
    "ReferenceStep",
    "STACK_PARAM",
    "StepCost",
    "default_step_cost",
    "simple_rnn_formula",
]


