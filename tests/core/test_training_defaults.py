"""Training defaults chosen for the data (``suggest_training``), used by ``seqstudio train`` for
what the user did not give."""

from __future__ import annotations

import pytest

from seqstudio.cli.app import main
from seqstudio.data import SAMPLES, load_dataset
from seqstudio.engine import RunDir
from seqstudio.engine.settings import (
    BATCHES_PER_EPOCH,
    MAX_BATCH,
    MIN_BATCH,
    TrainSettings,
    suggest_training,
)


@pytest.mark.parametrize("sample", ["toy_grammar", "sentences", "sine"])
def test_defaults_follow_the_data(sample):
    ds = load_dataset(SAMPLES[sample])
    d = suggest_training(ds)
    batches = -(-ds.n_train // d.batch_size)
    assert MIN_BATCH <= d.batch_size <= MAX_BATCH and d.batch_size & (d.batch_size - 1) == 0
    # small data: batches small enough for many steps an epoch, unless the smallest batch
    assert batches >= BATCHES_PER_EPOCH[ds.task] or d.batch_size == MIN_BATCH
    assert 3 <= d.epochs <= 60 and d.units >= 16 and 0 < d.learning_rate <= 0.01
    assert f"batches of {d.batch_size}" in d.reason
    settings = d.settings(seed=3)
    assert isinstance(settings, TrainSettings) and settings.epochs == d.epochs
    assert settings.seed == 3 and d.settings(epochs=2).epochs == 2


def test_a_language_model_with_every_step_targets_gets_small_batches():
    every = suggest_training(load_dataset(SAMPLES["toy_grammar"]))
    last = suggest_training(load_dataset(SAMPLES["toy_grammar"], lm_targets="last", seq_len=40))
    # the same text cut into non-overlapping windows has T times fewer samples
    assert every.batch_size < last.batch_size


@pytest.mark.slow
def test_the_cli_fills_only_what_the_user_did_not_give(tmp_path, capsys):
    ds = load_dataset(SAMPLES["sentences"])
    d = suggest_training(ds)
    assert main(["train", str(SAMPLES["sentences"]), "--epochs", "1", "--out",
                 str(tmp_path / "a")]) == 0
    out = capsys.readouterr().out
    assert "chosen for this data:" in out and f"batch_size {d.batch_size}" in out
    config = RunDir(tmp_path / "a").config
    assert config["settings"]["epochs"] == 1  # given
    assert config["settings"]["batch_size"] == d.batch_size
    assert config["settings"]["learning_rate"] == pytest.approx(d.learning_rate)
    assert config["cell"]["params"]["units"] == d.units
    assert main(["train", str(SAMPLES["sentences"]), "--epochs", "1", "--batch-size", "7",
                 "--lr", "0.002", "--units", "5", "--out", str(tmp_path / "b"), "--quiet"]) == 0
    config = RunDir(tmp_path / "b").config
    assert (config["settings"]["batch_size"], config["settings"]["learning_rate"]) == (7, 0.002)
    assert config["cell"]["params"]["units"] == 5
