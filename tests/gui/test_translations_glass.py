"""The glass box's words for gated cells in Korean: the GRU's and LSTM's candidate block (the
weights view's eigenvalue title) and the GRU's two bias rows (the inspector's strips) go through
the glassbox words (context GlassWords); English stays as the core writes it."""

from __future__ import annotations

import numpy as np
import pytest

from seqstudio.glassbox.arithmetic import BIAS_WORDS
from seqstudio.glassbox.health import recurrent_block
from seqstudio.gui import i18n
from seqstudio.gui.i18n import translate


def say(template: str) -> str:
    return translate("GlassWords", template)


@pytest.mark.parametrize("cell, gates", [("gru", 3), ("lstm", 4)])
def test_candidate_block_in_english_and_korean(english_after, cell, gates):
    n = 5  # Keras' layout: recurrent_kernel is n x (gates * n), the candidate third from the left
    weights = {f"{cell}/{cell}_cell/recurrent_kernel": np.zeros((n, gates * n)),
               f"{cell}/{cell}_cell/kernel": np.zeros((3, gates * n))}
    block = recurrent_block(cell, weights)
    columns = f"{cell}/{cell}_cell/recurrent_kernel[:, {2 * n}:{3 * n}]"
    assert block.label == f"{columns} (candidate block)"
    i18n.install("en")
    assert block.words(say) == block.label
    assert i18n.install("ko") == "ko"
    korean = block.words(say)
    assert korean.startswith(columns) and "후보 블록" in korean and "candidate" not in korean
    assert block.words(say, symbol="Wh") == "Wh (후보 블록)"  # the weights view's short title
    square = recurrent_block("simple-rnn-tanh", {"rnn/recurrent_kernel": np.zeros((n, n))})
    assert square.words(say) == square.label == "rnn/recurrent_kernel"  # a path, said as it is


def test_gru_bias_rows_in_korean(english_after):
    assert BIAS_WORDS == {"input": "b (input)", "recurrent": "b (recurrent)"}
    assert i18n.install("ko") == "ko"
    assert [say(BIAS_WORDS[k]) for k in ("input", "recurrent")] == ["b (입력)", "b (순환)"]
