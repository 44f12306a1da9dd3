"""The Trainer: events, controls, reproducibility, divergence, run directory, resume."""

from __future__ import annotations

import csv
import json
import math
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from seqstudio.engine import RunDir, Trainer, TrainSettings, runwriter
from seqstudio.engine.events import (
    BatchEnd,
    EpochEnd,
    Finished,
    HiddenSnapshot,
    SamplePrediction,
    Started,
)
from seqstudio.errors import ParamError, TrainingError, UnknownCellError

sys.path.insert(0, str(Path(__file__).parent))
import engine_fixtures as F  # noqa: E402


def train(ds, cell="simple-rnn-tanh", params=None, run_dir=None, **settings):
    settings = {"epochs": 2, "batch_size": 32, **settings}
    trainer = Trainer(ds, cell, params or {"units": 6}, TrainSettings(**settings),
                      run_dir=run_dir)
    events: list = []
    trainer.subscribe(events.append)
    result = trainer.run()
    return trainer, events, result


@pytest.fixture(scope="module")
def lm_run(tmp_path_factory):
    path = tmp_path_factory.mktemp("lm") / "run"
    trainer, events, result = train(F.lm_dataset(), "stacked-rnn",
                                    {"layers": 2, "units": 5}, run_dir=path, snapshot_every=2,
                                    execution_mode="unrolled:1")
    return trainer, events, result, path


def test_events_in_order_with_all_facts(lm_run):
    trainer, events, result, path = lm_run
    assert isinstance(events[0], Started) and events[-1] == result
    assert result.status == "finished" and result.reason == "completed"
    started = events[0]
    assert started.total_params == trainer.built.model.count_params()
    assert "rnn_1" in started.summary
    formulas = [layer.formula for layer in started.layers if layer.kind == "SimpleRecurrent"]
    assert formulas[1] == "5·5 + 5·5 + 5 = 55"
    batches = [e for e in events if isinstance(e, BatchEnd)]
    assert len(batches) == 2 * started.steps_per_epoch
    assert [b.step for b in batches] == list(range(len(batches)))
    epochs = [e for e in events if isinstance(e, EpochEnd)]
    assert [e.epoch for e in epochs] == [0, 1]
    assert {"loss", "val_loss", "accuracy", "val_accuracy"} <= set(epochs[0].metrics)
    snaps = [e for e in events if isinstance(e, HiddenSnapshot)]
    final = [s for s in snaps if s.batch == -1]
    assert len(final) == 2 and len(snaps) == 2 + 2 * (started.steps_per_epoch // 2)
    T = trainer.dataset.input_spec.seq_len
    assert [s.shape for s in final[0].states] == [(T, 5), (T, 5)]
    assert final[0].layer_names == ("rnn_1", "rnn_2") and len(final[0].step_labels) == T
    preds = [e for e in events if isinstance(e, SamplePrediction)]
    assert len(preds) == 2 and preds[0].task == "lm" and preds[0].text


def test_several_batches_per_call_still_report_every_batch(tmp_path):
    """With K batches per compiled call Keras calls back once per call; the engine still emits one
    event per batch (from the BatchLosses metric), and snapshots, which see the weights after the
    call, are taken at the end of calls that crossed a multiple of snapshot_every."""
    trainer, events, result = train(F.lm_dataset(), run_dir=tmp_path / "run", epochs=1,
                                    batch_size=16, execution_mode="unrolled:4", snapshot_every=6)
    assert result.status == "finished"
    steps = events[0].steps_per_epoch
    batches = [e for e in events if isinstance(e, BatchEnd)]
    assert [b.batch for b in batches] == list(range(steps))
    assert [b.step for b in batches] == [b.batch for b in batches]
    call_ends = [*range(3, steps, 4), *([steps - 1] if steps % 4 else [])]
    starts = [-1, *call_ends[:-1]]
    snaps = [e.batch for e in events if isinstance(e, HiddenSnapshot) and e.batch >= 0]
    assert snaps == [end for prev, end in zip(starts, call_ends, strict=True)
                     if (end + 1) // 6 > (prev + 1) // 6]
    assert "4 batches per call" in events[0].execution_mode


def test_batch_loss_is_the_loss_of_that_batch(lm_run):
    """Keras logs a running mean; the engine reports each batch's own loss."""
    trainer, events, _, _ = lm_run
    losses = [e.loss for e in events if isinstance(e, BatchEnd) and e.epoch == 1]
    epoch_loss = next(e for e in events if isinstance(e, EpochEnd) and e.epoch == 1)
    assert np.mean(losses) == pytest.approx(epoch_loss.metrics["loss"], rel=1e-5)


def test_run_directory_holds_everything(lm_run):
    trainer, events, _, path = lm_run
    config = json.loads((path / "config.json").read_text())
    assert config["cell"]["name"] == "stacked-rnn" and config["cell"]["plugin"] == "builtin-cells"
    assert config["cell"]["version"]
    assert any(p["name"] == "builtin-cells" and p["version"] for p in config["plugins"])
    assert config["settings"]["seed"] == 0 and config["settings"]["epochs"] == 2
    assert config["execution_mode"].startswith("unrolled:1") and config["versions"]["keras"]
    assert "sha256" in config["data"] and "options" in config["data"]
    with open(path / "history.csv") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0])[:3] == ["epoch", "loss", "val_loss"] and len(rows) == 2
    assert "accuracy" in rows[0]
    run = RunDir(path)
    assert run.status()["status"] == "finished"
    assert [r["epoch"] for r in run.history()] == [1, 2]
    batches = [e for e in events if isinstance(e, BatchEnd)]
    assert run.batch_losses() == [(b.epoch, b.batch, pytest.approx(b.loss)) for b in batches]
    snaps = run.snapshots()
    live = [e for e in events if isinstance(e, HiddenSnapshot)]
    assert [(s.epoch, s.batch) for s in snaps] == [(s.epoch, s.batch) for s in live]
    np.testing.assert_allclose(snaps[-1].states[1], live[-1].states[1])
    assert snaps[0].step_labels == live[0].step_labels
    assert [p.text for p in run.predictions()] == [
        e.text for e in events if isinstance(e, SamplePrediction)]
    assert [e for e, _ in run.checkpoints()] == [0, 1, 2]
    assert run.latest_checkpoint()[0] == 2
    assert not list(path.rglob(".*tmp*")), "no temporary files left behind"


def test_model_keras_loads_in_plain_keras(lm_run):
    *_, path = lm_run
    code = ("import keras, sys; m = keras.saving.load_model(sys.argv[1]); "
            "print(m.count_params())")
    out = subprocess.run([sys.executable, "-c", code, str(path / "model.keras")],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert int(out.stdout.split()[-1]) == lm_run[0].built.model.count_params()


def test_same_seed_same_losses_other_seed_other_losses():
    def losses(seed):
        _, events, result = train(F.classify_dataset(), seed=seed, epochs=2, batch_size=16)
        assert result.status == "finished"
        return [e.loss for e in events if isinstance(e, BatchEnd)]

    first, second, other = losses(7), losses(7), losses(8)
    assert first == second
    assert first != other


def _train_in_thread(trainer):
    events, first_batch = [], threading.Event()

    def on_event(event):
        events.append((time.perf_counter(), event))
        if isinstance(event, BatchEnd):
            first_batch.set()

    trainer.subscribe(on_event)
    thread = threading.Thread(target=trainer.run)
    thread.start()
    assert first_batch.wait(60)
    return thread, events


def test_stop_from_another_thread_within_half_a_second(tmp_path):
    trainer = Trainer(F.lm_dataset(n=400), "simple-rnn-tanh", {"units": 4},
                      TrainSettings(epochs=200, batch_size=4, execution_mode="unrolled:1"),
                      run_dir=tmp_path / "run")
    thread, events = _train_in_thread(trainer)
    time.sleep(0.2)
    asked = time.perf_counter()
    trainer.stop()
    thread.join(30)
    last_batch = max(t for t, e in events if isinstance(e, BatchEnd))
    assert last_batch - asked < 0.5
    result = trainer.result
    assert result.status == "stopped" and result.reason == "stopped by user"
    assert (tmp_path / "run" / "model.keras").is_file()
    assert RunDir(tmp_path / "run").status()["status"] == "stopped"
    assert trainer.built is not None  # the model so far is kept


def test_pause_blocks_and_resume_continues(tmp_path):
    trainer = Trainer(F.lm_dataset(), "simple-rnn-tanh", {"units": 4},
                      TrainSettings(epochs=2, batch_size=8, execution_mode="unrolled:1"),
                      run_dir=tmp_path / "run")
    thread, events = _train_in_thread(trainer)
    trainer.pause()
    time.sleep(0.15)
    assert trainer.paused
    count = len(events)
    time.sleep(0.3)
    assert len(events) == count, "no batch runs while paused"
    trainer.resume()
    assert not trainer.paused
    thread.join(60)
    assert trainer.result.status == "finished"


def test_stop_while_paused(tmp_path):
    trainer = Trainer(F.lm_dataset(), "simple-rnn-tanh", {"units": 4},
                      TrainSettings(epochs=50, batch_size=8, execution_mode="unrolled:1"),
                      run_dir=tmp_path / "run")
    thread, _ = _train_in_thread(trainer)
    trainer.pause()
    time.sleep(0.1)
    trainer.stop()
    thread.join(10)
    assert trainer.result.status == "stopped"


def test_divergence_stops_and_keeps_the_last_finite_checkpoint(tmp_path):
    _, events, result = train(F.forecast_dataset(), "simple-rnn-relu", {"units": 16},
                              run_dir=tmp_path / "run", optimizer="sgd", learning_rate=1e4,
                              epochs=5, batch_size=16)
    assert result.status == "failed" and result.divergence is not None
    assert result.reason.startswith("diverged: loss became ")
    run = RunDir(tmp_path / "run")
    assert run.status()["reason"] == result.reason
    assert run.checkpoints(), "at least the initial model is kept"
    for epoch, _ in run.checkpoints():
        weights = run.load_checkpoint(epoch).get_weights()
        assert all(np.isfinite(w).all() for w in weights)
    model = run.load_model()
    assert all(np.isfinite(w).all() for w in model.get_weights())
    assert not any(isinstance(e, BatchEnd) and not math.isfinite(e.loss) for e in events)


@pytest.mark.parametrize("mode", ["auto", "loop:1"])
def test_divergence_keeps_the_batches_before_it_and_says_what_to_try(tmp_path, mode):
    """Batches up to the blow-up reach batches.csv and the events, also when Keras runs many
    batches per compiled call (auto: 32 here); the reason names the batch and what to try."""
    _, events, result = train(F.forecast_dataset(), "simple-rnn-relu", {"units": 16},
                              run_dir=tmp_path / "run", optimizer="sgd", learning_rate=2.3,
                              epochs=3, batch_size=16, execution_mode=mode)
    div = result.divergence
    assert result.status == "failed" and div is not None and div.epoch == 0 and div.batch > 2
    assert not math.isfinite(div.loss) and div.step == div.batch
    assert f"at epoch 1, batch {div.batch + 1}" in div.what and div.what in result.reason
    assert "lower learning rate than 2.3" in div.advice and "tanh" in div.advice
    batches = [(e.epoch, e.batch) for e in events if isinstance(e, BatchEnd)]
    assert batches == [(0, b) for b in range(div.batch)]
    run = RunDir(tmp_path / "run")
    assert [(e, b) for e, b, _ in run.batch_losses()] == batches
    status = run.status()
    assert status["divergence"]["step"] == div.step and status["detail"] == div.what


def test_resume_continues_from_the_last_checkpoint(tmp_path):
    ds = F.forecast_dataset()
    path = tmp_path / "run"
    trainer, _, result = train(ds, run_dir=path, epochs=1)
    assert result.status == "finished"
    resumed = Trainer.resume_run(path, ds, epochs=3)
    events: list = []
    resumed.subscribe(events.append)
    result = resumed.run()
    assert result.status == "finished" and result.epochs_done == 3
    assert events[0].initial_epoch == 1
    assert [e.epoch for e in events if isinstance(e, EpochEnd)] == [1, 2]
    run = RunDir(path)
    assert [r["epoch"] for r in run.history()] == [1, 2, 3]
    assert [e for e, _ in run.checkpoints()] == [0, 1, 2, 3]
    assert "resumed" in run.config
    # the final model is the best epoch's checkpoint, over both sessions
    assert run.best_epoch == min(run.history(), key=lambda r: r["val_loss"])["epoch"]
    best = run.load_checkpoint(run.best_epoch).get_weights()
    final = run.load_model().get_weights()
    assert all(np.array_equal(a, b) for a, b in zip(best, final, strict=True))
    with pytest.raises(TrainingError, match="already trained"):
        Trainer.resume_run(path, ds)


def test_model_keras_holds_the_best_epoch_and_the_last_stays_on_disk(tmp_path):
    """A learning rate that overshoots after the first epochs: val_loss is lowest before the
    end; model.keras holds that epoch, the run says which, the last checkpoint is kept."""
    ds = F.classify_dataset(n=120)
    trainer, events, result = train(ds, run_dir=tmp_path / "run", epochs=6, learning_rate=0.3,
                                    batch_size=16)
    run = RunDir(tmp_path / "run")
    history = run.history()
    val = [r["val_loss"] for r in history]
    best = 1 + val.index(min(val))
    assert result.best_epoch == best == run.best_epoch == run.status()["best_epoch"]
    assert best < 6, f"the fixture should overfit or overshoot: val_loss {val}"
    saved = run.load_model().get_weights()
    for epoch, expect_equal in ((best, True), (6, False)):
        weights = run.load_checkpoint(epoch).get_weights()
        same = all(np.array_equal(a, b) for a, b in zip(saved, weights, strict=True))
        assert same is expect_equal, epoch
    # the trainer's model is still the last epoch's
    last = trainer.built.model.get_weights()
    assert all(np.array_equal(a, b) for a, b in
               zip(last, run.load_checkpoint(6).get_weights(), strict=True))


def test_without_validation_the_best_epoch_is_the_last(tmp_path):
    ds = F.forecast_dataset(n=80)
    from dataclasses import replace

    ds = replace(ds, x_val=ds.x_val[:0], y_val=ds.y_val[:0])
    _, _, result = train(ds, run_dir=tmp_path / "run", epochs=2)
    assert result.status == "finished", result.traceback
    assert result.best_epoch == 2 == RunDir(tmp_path / "run").best_epoch


def test_settings_and_params_are_checked_before_training(tmp_path):
    ds = F.lm_dataset()
    with pytest.raises(TrainingError, match="epochs"):
        TrainSettings(epochs=0)
    with pytest.raises(TrainingError, match="strategy"):
        TrainSettings(strategy="cluster")
    for bad in (0, -0.5, "fast", True):
        with pytest.raises(TrainingError, match="'snapshot_seconds' must be None or a number of "
                                                "seconds > 0"):
            TrainSettings(snapshot_seconds=bad)
    assert TrainSettings(snapshot_seconds=0.18).snapshot_seconds == 0.18
    with pytest.raises(ParamError, match="units"):
        Trainer(ds, "simple-rnn-tanh", {"units": 0})
    with pytest.raises(UnknownCellError):
        Trainer(ds, "no-such-cell")
    train(ds, run_dir=tmp_path / "run", epochs=1)
    with pytest.raises(TrainingError, match="already holds a run"):
        Trainer(ds, "simple-rnn-tanh", run_dir=tmp_path / "run")


def test_a_failing_build_is_a_failed_run_not_an_exception(tmp_path):
    _, events, result = train(F.lm_dataset(), run_dir=tmp_path / "run", optimizer="nosuchopt")
    assert result.status == "failed" and "nosuchopt" in result.reason
    assert result.traceback and isinstance(events[-1], Finished)
    assert not (tmp_path / "run" / "model.keras").exists()


def test_a_broken_subscriber_does_not_end_the_run(tmp_path, caplog):
    trainer = Trainer(F.classify_dataset(), "simple-rnn-tanh", {"units": 3},
                      TrainSettings(epochs=1), run_dir=tmp_path / "run")
    trainer.subscribe(lambda e: 1 / 0)
    assert trainer.run().status == "finished"


def test_importing_the_engine_does_not_import_tensorflow():
    code = ("import sys; import seqstudio.engine as e; e.TrainSettings; e.RunDir; "
            "import seqstudio.engine.trainer; "
            "assert 'tensorflow' not in sys.modules and 'keras' not in sys.modules")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr


def test_checkpoints_restore_weights_and_optimizer_state(tmp_path):
    """An epoch checkpoint holds the variables only; restored into a model built from the initial
    one, it gives the trained weights and the optimizer's moments and step count back."""
    from seqstudio.engine import rundir

    trainer, _, result = train(F.forecast_dataset(), run_dir=tmp_path / "run", epochs=2)
    assert result.status == "finished"
    run = RunDir(tmp_path / "run")
    names = [p.name for _, p in run.checkpoints()]
    assert names == ["epoch-0000.keras", "epoch-0001.weights.npz", "epoch-0002.weights.npz"]
    model = run.load_checkpoint(2)
    trained = trainer.built.model
    for a, b in zip(model.get_weights(), trained.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)
    state = [np.array(v.numpy()) for v in model.optimizer.variables]
    expected = [np.array(v.numpy()) for v in trained.optimizer.variables]
    assert len(state) == len(expected) > 2
    for a, b in zip(state, expected, strict=True):
        np.testing.assert_array_equal(a, b)
    initial = run.load_checkpoint(0).get_weights()
    assert not all(np.array_equal(a, b) for a, b in zip(initial, model.get_weights(), strict=True))
    with pytest.raises(rundir.RunDirError, match="no checkpoint for epoch 7"):
        run.load_checkpoint(7)


def test_history_csv_grows_by_lines_and_equals_a_rewrite(tmp_path):
    """history.csv is appended to while its columns stay the same and rewritten when they
    change; either way it reads as the whole table."""
    from seqstudio.engine import rundir

    (tmp_path / "run").mkdir()
    path = tmp_path / "run" / rundir.HISTORY
    previous = [{"epoch": 1, "loss": 2.0, "val_loss": 2.5}]
    writer = runwriter.HistoryWriter(path, previous)
    metrics = [{"loss": 1.5, "val_loss": 2.0}, {"loss": 1.25, "val_loss": 1.75},
               {"loss": 1.0, "val_loss": 1.5, "accuracy": 0.5}, {"loss": 0.75, "val_loss": 1.0,
                                                                "accuracy": 0.625}]
    inodes = []
    for i, m in enumerate(metrics):
        writer.add({"epoch": 2 + i, **m})
        inodes.append(path.stat().st_ino)
        rows = previous + [{"epoch": 2 + j, **h} for j, h in enumerate(metrics[: i + 1])]
        assert path.read_text() == runwriter.history_csv(rows)
    assert inodes[1] == inodes[0] and inodes[3] == inodes[2]  # appended, not replaced
    assert inodes[2] != inodes[1]  # a new column: rewritten
    runwriter.atomic_write_json(tmp_path / "run" / rundir.CONFIG, {})
    assert [r["epoch"] for r in RunDir(tmp_path / "run").history()] == [1, 2, 3, 4, 5]
