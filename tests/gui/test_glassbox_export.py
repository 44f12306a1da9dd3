"""Export Hidden States from the window carries the glass box: a run trained by the engine,
opened as a past run, exported to NPZ (every snapshot's influence, weights and health) and CSV
(the shown snapshot's influence per step)."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import numpy as np

from seqstudio.engine import RunDir, Trainer, TrainSettings

sys.path.insert(0, str(Path(__file__).parents[1] / "core"))
import engine_fixtures as F  # noqa: E402


def test_export_hidden_states_writes_the_glass_box_too(qtbot, make_window, tmp_path,
                                                       monkeypatch):
    from seqstudio.gui import export_dialogs

    run_dir = tmp_path / "run"
    trainer = Trainer(F.lm_dataset(), "simple-rnn-tanh", {"units": 4},
                      TrainSettings(epochs=2, batch_size=64), run_dir=run_dir)
    assert trainer.run().status == "finished"
    run = RunDir(run_dir)
    influence, weights = run.influence_snapshots(), run.weights_snapshots()
    assert len(influence) == len(run.snapshots()) == 2

    window = make_window()
    window.open_run(run_dir)
    qtbot.waitUntil(lambda: len(window.live.scrubber.snapshots) == 2, timeout=30_000)
    chosen = {}
    monkeypatch.setattr(export_dialogs.QFileDialog, "getSaveFileName",
                        lambda parent, title, start, filters: (str(chosen["path"]), ""))

    chosen["path"] = tmp_path / "states.npz"
    window.actions_.export_states.trigger()
    with np.load(chosen["path"]) as data:
        np.testing.assert_array_equal(data["influence_probe"], [i.probe for i in influence])
        np.testing.assert_array_equal(data["influence_mean"], [i.batch_mean for i in influence])
        np.testing.assert_array_equal(data["memory"], [i.memory for i in influence])
        np.testing.assert_array_equal(data["layer0_w_recurrent_kernel"],
                                      [w.layers[0].weights["recurrent_kernel"] for w in weights])
        np.testing.assert_array_equal(data["layer0_eigvals"], [w.layers[0].eigvals
                                                               for w in weights])
        np.testing.assert_array_equal(data["layer0_spectral_radius"],
                                      [w.layers[0].spectral_radius for w in weights])
        assert data["layer0"].shape[0] == 2  # the hidden states are still there

    chosen["path"] = tmp_path / "states.csv"
    window.actions_.export_states.trigger()
    with open(chosen["path"], encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    shown = window.live.hidden.snapshot
    match = next(i for i in influence if (i.epoch, i.batch) == (shown.epoch, shown.batch))
    np.testing.assert_allclose([float(r["influence"]) for r in rows], match.probe, rtol=1e-5)
    np.testing.assert_allclose([float(r["influence_mean"]) for r in rows], match.batch_mean,
                               rtol=1e-5)
