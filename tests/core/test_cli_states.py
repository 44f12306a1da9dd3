"""The CLI shows what contract 1.1 adds: each plugin's help for a shared parameter, the states of
a run's layers."""

from __future__ import annotations

import pytest

from seqstudio.cli.app import main
from seqstudio.data import SAMPLES


def test_train_help_shows_each_plugins_own_help_for_a_shared_name(capsys):
    with pytest.raises(SystemExit):
        main(["train", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    # --activation is declared by stacked-rnn and by the example plugin indrnn, differently
    assert "Activation of every layer. (stacked-rnn; choices: tanh, relu; default tanh)" in out
    assert "Activation of the cell. (indrnn; choices: relu, tanh; default relu)" in out
    assert "Give every gate a bias. (lstm, gru; default True)" in out


@pytest.mark.slow
def test_inspect_lists_every_state_of_every_layer(tmp_path, capsys):
    run = tmp_path / "lstm"
    assert main(["train", str(SAMPLES["sine"]), "--cell", "lstm", "--units", "3", "--layers",
                 "2", "--epochs", "1", "--seq-len", "6", "--out", str(run), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["inspect", str(run)]) == 0
    out = capsys.readouterr().out
    assert "states: lstm_1 h (3), c (3); lstm_2 h (3), c (3)" in out
    assert "3·(1 + 3 + 1) [input]" in out and "3·(3 + 3 + 1) [output]" in out
