"""The example third-party plugin in examples/ is discovered, passes check_cell, and trains."""

from __future__ import annotations

import math
import subprocess
import sys

import pytest

from seqstudio.data import SAMPLES, load_dataset
from seqstudio.plugins import create_registry
from seqstudio.testing import check_cell

pytest.importorskip("seqstudio_indrnn", reason="install it: pip install -e examples/seqstudio-indrnn")


@pytest.fixture(scope="module")
def registry():
    return create_registry()


def test_it_is_discovered_through_its_entry_point(registry):
    record = next(r for r in registry.plugins() if r.name == "indrnn")
    assert record.status == "ok"
    assert record.distribution == "seqstudio-indrnn"
    assert record.cell_types == ["indrnn"]


def test_it_passes_the_checker(registry):
    report = check_cell(registry.cell_type("indrnn"), {"units": 5, "activation": "tanh"})
    assert report.formulas == ["3·5 + 5 + 5 = 25"]
    assert report.max_abs_error is not None and report.max_abs_error <= 1e-5


def test_it_trains_through_the_engine(tmp_path, registry):
    from seqstudio.engine import RunDir, Trainer, TrainSettings

    dataset = load_dataset(SAMPLES["toy_grammar"], seq_len=10)
    trainer = Trainer(dataset, "indrnn", {"units": 8}, TrainSettings(epochs=2, batch_size=64),
                      run_dir=tmp_path / "run", registry=registry)
    result = trainer.run()
    assert result.status == "finished", result.reason
    history = RunDir(tmp_path / "run").history()
    assert len(history) == 2 and all(math.isfinite(row["loss"]) for row in history)
    assert history[1]["loss"] < history[0]["loss"]


def test_its_saved_model_loads_in_plain_keras_in_a_fresh_process(tmp_path, registry):
    from seqstudio.data.dataset import HeadSpec, InputSpec
    from seqstudio.model import build_model

    built = build_model(InputSpec("onehot", 5, vocab_size=7), HeadSpec("softmax", 7),
                        registry.cell_type("indrnn"), {"units": 3})
    built.model.save(tmp_path / "m.keras")
    code = ("import keras, sys; m = keras.saving.load_model(sys.argv[1]); "
            "print(type(m.get_layer('indrnn')).__name__)")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "m.keras")],
                         capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().endswith("IndRNN")
