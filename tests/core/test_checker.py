"""check_cell catches broken cells with messages that say what is wrong."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from seqstudio.plugins import get_registry
from seqstudio.spec import ParamFormula
from seqstudio.testing import CellCheckError, check_cell


@pytest.fixture(scope="module")
def tanh():
    return get_registry().cell_type("simple-rnn-tanh")


def test_wrong_formula_is_reported_with_both_numbers(tanh):
    wrong = dataclasses.replace(
        tanh, param_formula=lambda d, p: [ParamFormula("rnn", ((f"{d}·{p['units']}", 3 * 4),))]
    )
    with pytest.raises(CellCheckError, match=r"formula: layer 'rnn': declared 3·4 = 12 but "
                                             r"count_params\(\) = 32"):
        check_cell(wrong, {"units": 4}, round_trip=False)


def test_wrong_reference_is_reported_with_the_error(tanh):
    wrong = dataclasses.replace(
        tanh, reference_step=lambda x, h, w, p: np.tanh(x @ w["kernel"] + w["bias"])
    )
    with pytest.raises(CellCheckError, match="reference: layer 0 differs from the numpy reference"):
        check_cell(wrong, {"units": 4}, round_trip=False)


def test_factory_returning_a_non_rnn_is_reported(tanh):
    import keras

    wrong = dataclasses.replace(tanh, build_layers=lambda p: [keras.layers.Dense(3)])
    with pytest.raises(CellCheckError, match="build_layers must return a non-empty list of "
                                             "keras.layers.RNN"):
        check_cell(wrong, round_trip=False)


def test_reference_that_ignores_the_bias_is_caught(tanh):
    """Fresh biases are zero; the checker randomises them so a wrong bias term shows."""
    wrong = dataclasses.replace(
        tanh, reference_step=lambda x, h, w, p: np.tanh(x @ w["kernel"] + h @ w["recurrent_kernel"])
    )
    with pytest.raises(CellCheckError, match="reference"):
        check_cell(wrong, {"units": 4}, round_trip=False)
