"""Stacking as a host option: ``layers`` copies of any cell type's recurrent layer.

A cell type's ``build_layers`` may return one layer; when its parameters say ``layers: k`` with
``k > 1`` (the host's :data:`seqstudio.spec.STACK_PARAM`, or a ``layers`` parameter of its own),
the host builds ``k`` copies of it from its Keras config: ``<name>_1 ... <name>_k``, every copy
but the last returning every time step to the next (seed §8). The copies' formulas are the cell's
own formula applied to each copy's input width. A cell type whose ``build_layers`` returns
several layers has stacked itself and is left as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from seqstudio.errors import PluginError
from seqstudio.spec import CellType, ParamFormula

STACK = "layers"


def stack_depth(params: Mapping[str, Any]) -> int:
    return int(params.get(STACK, 1) or 1)


def build_recurrent_layers(cell_type: CellType, params: Mapping[str, Any]) -> list[Any]:
    """The cell type's layers, stacked by the host when ``params["layers"] > 1``."""
    layers = list(cell_type.build_layers(params))
    depth = stack_depth(params)
    if depth <= 1 or len(layers) != 1:
        if depth > 1 and cell_type.host_stacked:
            raise PluginError(f"cell type {cell_type.name!r} builds {len(layers)} layers itself, "
                              f"so the host cannot stack it (layers={depth}); its plugin should "
                              "set stackable=False or define its own 'layers' parameter")
        return layers
    base = layers[0]
    try:
        config = base.get_config()
    except Exception as exc:  # noqa: BLE001 - a layer without a config cannot be copied
        raise PluginError(f"cell type {cell_type.name!r}: stacking needs the layer's "
                          f"get_config(), which raised {type(exc).__name__}: {exc}") from exc
    stacked = []
    for i in range(depth):
        copy = dict(config)
        copy["name"] = f"{base.name}_{i + 1}"
        copy["return_sequences"] = True if i < depth - 1 else config.get("return_sequences",
                                                                          False)
        stacked.append(base.__class__.from_config(copy))
    return stacked


def stacked_formulas(cell_type: CellType, input_dim: int, params: Mapping[str, Any],
                     layers: list[Any]) -> list[ParamFormula]:
    """One formula per layer: the cell's own, or, for host-stacked copies, the cell's formula
    for one layer at each copy's input width (the previous copy's output size)."""
    own = list(cell_type.param_formula(input_dim, params))
    if len(own) == len(layers) or len(own) != 1 or stack_depth(params) != len(layers):
        return own  # the cell's own formulas (the checker compares their count with the layers)
    formulas, d = [], input_dim
    for layer in layers:
        formula = cell_type.param_formula(d, params)[0]
        formulas.append(ParamFormula(layer.name, formula.terms))
        d = int(layer.cell.output_size)
    return formulas
