"""A saved .keras model loads in a fresh process with plain Keras and no custom_objects."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from seqstudio.data.dataset import HeadSpec, InputSpec
from seqstudio.model import build_model
from seqstudio.plugins import get_registry

LOADER = """
import sys, numpy as np, keras
model = keras.saving.load_model(sys.argv[1])
x = np.load(sys.argv[2])
np.save(sys.argv[3], np.asarray(model(x)))
print(",".join(type(layer).__name__ for layer in model.layers))
"""


@pytest.mark.parametrize("name", ["simple-rnn-relu", "stacked-rnn"])
def test_plain_keras_loads_the_model_in_a_fresh_process(tmp_path, name):
    spec = InputSpec("onehot", 6, vocab_size=12)
    built = build_model(spec, HeadSpec("softmax", 12), get_registry().cell_type(name), {"units": 4})
    path = tmp_path / "model.keras"
    built.model.save(path)
    x = np.random.default_rng(0).integers(0, 12, (2, 6)).astype("int32")
    np.save(tmp_path / "x.npy", x)
    result = subprocess.run(
        [sys.executable, "-c", LOADER, str(path), str(tmp_path / "x.npy"), str(tmp_path / "y.npy")],
        capture_output=True, text=True, timeout=180,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "SimpleRecurrent" in result.stdout
    np.testing.assert_allclose(np.load(tmp_path / "y.npy"), np.asarray(built.model(x)), atol=1e-6)
