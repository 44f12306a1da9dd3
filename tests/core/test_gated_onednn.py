"""seqstudio asks TensorFlow for its oneDNN CPU kernels (the gated cells' matmuls ran at about
half speed without them), unless the user's environment already chose."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from seqstudio.execution import ONEDNN_SWITCH, prefer_onednn

PROBE = """
import seqstudio.model  # the builder, as the app and the Trainer import it, before TensorFlow
import tensorflow
from tensorflow.python.util import _pywrap_util_port
print(_pywrap_util_port.IsMklEnabled())
"""


@pytest.mark.slow
def test_tensorflow_loaded_after_seqstudio_runs_onednn():
    env = {k: v for k, v in os.environ.items() if k != ONEDNN_SWITCH}
    env["TF_CPP_MIN_LOG_LEVEL"] = "3"
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                            env=env, timeout=180)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "True"


def test_an_explicit_choice_is_kept(monkeypatch):
    monkeypatch.setenv(ONEDNN_SWITCH, "0")
    assert prefer_onednn() is False
    assert os.environ[ONEDNN_SWITCH] == "0"
