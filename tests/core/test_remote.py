"""Training in a child process (what the GUI does): events, controls, failures, pickled data."""

from __future__ import annotations

import pickle
import time

import numpy as np
import pytest

from seqstudio.data import SAMPLES, load_dataset
from seqstudio.engine import RunDir, remote
from seqstudio.engine.events import BatchEnd, EpochEnd, Finished, Started

pytestmark = pytest.mark.skipif(not remote.supported(), reason="child-process training is POSIX")


def collect(proc: remote.TrainingProcess, until=None, timeout: float = 120.0) -> list:
    events: list = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        got = proc.receive(0.2)
        if got is None:
            assert proc.alive(), f"the child died (exit code {proc.exit_code()})"
            continue
        events.extend(got)
        if events and (isinstance(events[-1], Finished) or (until and until(events))):
            return events
    raise TimeoutError(f"no Finished event within {timeout} s: {events[-3:]}")


def test_a_job_trains_in_a_child_and_streams_every_event(tmp_path):
    ds = load_dataset(SAMPLES["sentences"])
    proc = remote.TrainingProcess()
    try:
        proc.submit(remote.TrainJob(ds, "simple-rnn-tanh", {"units": 8},
                                    {"epochs": 2, "batch_size": 32}, run_dir=str(tmp_path / "r")))
        events = collect(proc)
    finally:
        proc.close()
    assert isinstance(events[0], Started) and isinstance(events[-1], Finished)
    assert events[-1].status == "finished", events[-1].reason
    batches = [e for e in events if isinstance(e, BatchEnd)]
    steps = -(-ds.n_train // 32)
    assert [(e.epoch, e.batch) for e in batches] == [(e, b) for e in range(2) for b in range(steps)]
    assert [e.epoch for e in events if isinstance(e, EpochEnd)] == [0, 1]
    assert [r["epoch"] for r in RunDir(tmp_path / "r").history()] == [1, 2]


def test_relative_run_dirs_mean_the_parents_working_directory(tmp_path, monkeypatch):
    proc = remote.TrainingProcess()  # started before the parent changes directory, like a warm one
    monkeypatch.chdir(tmp_path)
    try:
        proc.submit(remote.TrainJob(load_dataset(SAMPLES["sentences"]), "simple-rnn-relu",
                                    {"units": 4}, {"epochs": 1}, run_dir="runs/x"))
        assert collect(proc)[-1].status == "finished"
    finally:
        proc.close()
    assert (tmp_path / "runs" / "x" / "model.keras").is_file()


def test_stop_from_the_parent_ends_the_run_and_keeps_it(tmp_path):
    proc = remote.TrainingProcess()
    try:
        proc.submit(remote.TrainJob(load_dataset(SAMPLES["toy_grammar"]), "simple-rnn-tanh",
                                    {"units": 8}, {"epochs": 50, "batch_size": 16},
                                    run_dir=str(tmp_path / "r")))
        collect(proc, until=lambda evs: any(isinstance(e, BatchEnd) for e in evs))
        asked = time.monotonic()
        proc.stop()
        events = collect(proc, timeout=60)
        took = time.monotonic() - asked
    finally:
        proc.close()
    assert events[-1].status == "stopped"
    assert took < 5.0  # stop within a batch, plus writing the model
    assert (tmp_path / "r" / "model.keras").is_file()


def test_a_job_that_cannot_start_is_a_failed_run_not_a_dead_child():
    proc = remote.TrainingProcess()
    try:
        proc.submit(remote.TrainJob(load_dataset(SAMPLES["sentences"]), "no-such-cell"))
        (finished,) = [e for e in collect(proc) if isinstance(e, Finished)]
    finally:
        proc.close()
    assert finished.status == "failed" and "no-such-cell" in finished.reason


@pytest.mark.parametrize("sample", sorted(SAMPLES))
def test_windowed_datasets_pickle_as_their_sequence(sample):
    ds = load_dataset(SAMPLES[sample])
    data = pickle.dumps(ds, protocol=pickle.HIGHEST_PROTOCOL)
    back = pickle.loads(data)
    for name in ("x_train", "y_train", "x_val", "y_val"):
        a, b = getattr(ds, name), getattr(back, name)
        assert a.dtype == b.dtype
        np.testing.assert_array_equal(a, b)
    if ds.windows is not None:  # the windows are cut again, not copied T times over
        w = ds.windows
        sequence = w.data.nbytes + (w.targets.nbytes if w.targets is not None else 0)
        assert len(data) < sequence + 16_384  # the flat sequence and the metadata
        if w.stride < w.seq_len:  # overlapping windows: far less than the windows themselves
            assert len(data) < ds.x_train.nbytes + ds.x_val.nbytes


def test_the_stream_ends_without_a_finished_event_when_the_child_dies(tmp_path):
    proc = remote.TrainingProcess()
    seen: list = []
    try:
        proc.submit(remote.TrainJob(load_dataset(SAMPLES["toy_grammar"]), "simple-rnn-tanh",
                                    {"units": 8}, {"epochs": 50, "batch_size": 16},
                                    run_dir=str(tmp_path / "r")))
        for ev in proc.stream():
            seen.append(ev)
            if isinstance(ev, BatchEnd) and proc.alive():
                proc._proc.kill()
    finally:
        proc.close()
    assert any(isinstance(e, BatchEnd) for e in seen)
    assert not any(isinstance(e, Finished) for e in seen)
    assert proc.exit_code() is not None and not proc.alive()
