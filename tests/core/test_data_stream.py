"""Files larger than memory: a file over the streaming threshold gives the same dataset as the
in-memory path (tokens, scaler, every window), read from disk block by block.

The threshold is lowered through the public ``stream_bytes`` option (or the
``SEQSTUDIO_STREAM_BYTES`` variable for the CLI) and blocks are made small through the public
``seqstudio.data.stream.BLOCK_BYTES``, so a file of a few hundred kB crosses many blocks."""

from __future__ import annotations

import json
import pickle
import random

import numpy as np
import pandas as pd
import pytest
from cli_subprocess import FAST, seqstudio

import seqstudio.data.stream as stream
from seqstudio.data import load_dataset
from seqstudio.data.stream import LoadCancelled
from seqstudio.engine import RunDir
from seqstudio.errors import DataError

WORDS = "The quick brown fox, jumps over (the) lazy dog: naïve café\r\nthen sleeps... 12".split(" ")


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch):
    monkeypatch.setattr(stream, "BLOCK_BYTES", 3000)
    monkeypatch.setattr(stream, "SAMPLE_STEPS", 4000)
    monkeypatch.setattr(stream, "SAMPLE_ROWS", 1000)


def _text(tmp_path, lines=1500):
    rng = random.Random(0)
    body = "\n".join(" ".join(rng.choice(WORDS) for _ in range(10)) for _ in range(lines))
    path = tmp_path / "big.txt"
    path.write_bytes(body.encode("utf-8"))
    return path


def _batches(ds, part):
    xs, ys = zip(*((x.numpy(), y.numpy()) for x, y in ds.tf_dataset(part, 50)), strict=True)
    return np.concatenate(xs), np.concatenate(ys)


def _same_windows(a, b):
    for part in ("train", "val"):
        (xa, ya), (xb, yb) = _batches(a, part), _batches(b, part)
        assert xa.shape == xb.shape and np.array_equal(xa, xb), part
        assert np.array_equal(ya, yb), part


@pytest.mark.long
@pytest.mark.slow
@pytest.mark.parametrize("level, targets", [("char", "every"), ("word", "every"), ("char", "last")])
def test_a_streamed_text_matches_the_in_memory_one(tmp_path, level, targets):
    path = _text(tmp_path, 200 if targets == "last" else 800)
    memory = load_dataset(path, level=level, lm_targets=targets)
    streamed = load_dataset(path, level=level, lm_targets=targets, stream_bytes=1000)
    assert streamed.streamed and not memory.streamed
    assert streamed.tokens == memory.tokens  # same vocabulary, same order, same size choice
    assert (streamed.n_train, streamed.n_val) == (memory.n_train, memory.n_val)
    assert streamed.source_sha256 == memory.source_sha256
    assert streamed.summary["read"] == "streamed from disk"
    assert any("streaming threshold" in n for n in streamed.notes)
    # the sample in memory is bounded: the end of the training part, the start of validation
    assert len(streamed.windows.data) <= 2 * stream.SAMPLE_STEPS
    assert np.array_equal(streamed.x_val, memory.x_val[: len(streamed.x_val)])
    assert np.array_equal(streamed.x_train, memory.x_train[-len(streamed.x_train):])
    assert np.array_equal(streamed.probe.x, memory.probe.x)
    _same_windows(memory, streamed)


def _table(tmp_path, n=3000, shuffled=False):
    rng = np.random.default_rng(0)
    frame = pd.DataFrame({
        "date": pd.date_range("2020-01-01", periods=n, freq="h").strftime("%Y-%m-%d %H:%M"),
        "temp": np.round(np.sin(np.arange(n) / 20) + rng.normal(0, 0.1, n), 4),
        "load": np.round(np.cos(np.arange(n) / 7), 4),
    })
    frame.loc[[5, 77, 2000], "temp"] = np.nan
    if shuffled:
        frame = frame.iloc[::-1]
    path = tmp_path / "big.csv"
    frame.to_csv(path, index=False)
    return path


@pytest.mark.long
@pytest.mark.slow
@pytest.mark.parametrize("options", [{}, {"horizon": 3, "stride": 2}, {"missing": "drop"}])
def test_a_streamed_table_matches_the_in_memory_one(tmp_path, options):
    path = _table(tmp_path)
    memory = load_dataset(path, **options)
    streamed = load_dataset(path, stream_bytes=1000, **options)
    assert streamed.streamed
    assert (streamed.n_train, streamed.n_val) == (memory.n_train, memory.n_val)
    for col, (mean, std) in memory.scaler.items():  # fitted on the training rows only
        assert streamed.scaler[col] == pytest.approx((mean, std), rel=1e-9, abs=1e-12)
    assert streamed.probe.step_labels == memory.probe.step_labels
    assert streamed.probe.target_label == memory.probe.target_label
    for key in ("rows", "first date", "last date", "validation starts", "training samples"):
        assert streamed.summary[key] == memory.summary[key], key
    _same_windows(memory, streamed)


def test_a_streamed_table_must_be_in_date_order(tmp_path):
    path = _table(tmp_path, shuffled=True)
    assert load_dataset(path).n_train > 0  # in memory it is sorted
    with pytest.raises(DataError, match="not in date order.*sort it by date"):
        load_dataset(path, stream_bytes=1000)


def test_progress_is_reported_and_raising_from_it_cancels(tmp_path):
    path = _text(tmp_path)
    seen = []
    load_dataset(path, stream_bytes=1000, progress=lambda f, what: seen.append(f))
    assert seen[-1] == 1.0 and len(seen) > 5 and seen == sorted(seen)

    def cancel(fraction, what):
        if fraction > 0.3:
            raise LoadCancelled("cancelled")

    with pytest.raises(LoadCancelled):
        load_dataset(path, stream_bytes=1000, progress=cancel)


def test_a_streamed_dataset_survives_pickling(tmp_path):
    """The GUI hands its Dataset to a training process by pickling it."""
    ds = load_dataset(_text(tmp_path), stream_bytes=1000)
    again = pickle.loads(pickle.dumps(ds))
    assert again.streamed and again.n_train == ds.n_train
    _same_windows(ds, again)


def test_binary_bytes_past_the_head_are_refused_while_streaming(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.write(b"a line of text\n" * 1000)
        fh.truncate(5 * 2**30)  # sparse: instant, takes no disk
    with pytest.raises(DataError, match=r"NUL byte.*binary"):
        load_dataset(path)


def test_the_stream_threshold_comes_from_the_environment(tmp_path, monkeypatch):
    path = _text(tmp_path)
    monkeypatch.setenv(stream.STREAM_ENV, "1000")
    assert load_dataset(path).streamed
    monkeypatch.setenv(stream.STREAM_ENV, "lots")
    with pytest.raises(DataError, match="SEQSTUDIO_STREAM_BYTES must be a number"):
        load_dataset(path)


@pytest.mark.slow
def test_cli_trains_on_a_streamed_file(tmp_path):
    path = _text(tmp_path, 400)
    result = seqstudio("train", path, *FAST, "--out", tmp_path / "run",
                       env={stream.STREAM_ENV: "2000"})
    assert result.returncode == 0, result.stderr
    run = RunDir(tmp_path / "run")
    assert run.status()["status"] == "finished"
    history = run.history()
    assert len(history) == 2 and all(np.isfinite(float(h["val_loss"])) for h in history)
    dataset = json.loads((tmp_path / "run" / "dataset.json").read_text())
    assert "streaming threshold" in json.dumps(dataset)
