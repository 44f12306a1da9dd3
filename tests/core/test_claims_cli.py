"""The options and README features that only in-process tests exercised, now through
``seqstudio`` in a subprocess (tests/claims.py points here). Each test makes one run and asks
it several things, so a claim costs a command, not a training."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from seqstudio.engine import RunDir

sys.path.insert(0, str(Path(__file__).parent))
from cli_subprocess import WORDS, one_error_line, seqstudio, tiny_text  # noqa: E402

pytestmark = pytest.mark.slow

PLAIN_KERAS = """
import sys, keras
model = keras.saving.load_model(sys.argv[1])
print("loaded", type(model.layers[1]).__name__, model.count_params())
"""


def last_json(out) -> dict:
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_a_word_level_language_model_end_to_end(tmp_path):
    """train (word level, a vocabulary cap, a sequence length, progress lines), predict with a
    prompt and sampling options, inspect with the formula, and the run's model.keras in plain
    Keras in a fresh process."""
    data = tiny_text(tmp_path)
    run = tmp_path / "run"
    out = seqstudio("train", data, "--level", "word", "--vocab", "12", "--seq-len", "4",
                    "--cell", "simple-rnn-relu", "--units", "4", "--epochs", "2",
                    "--batch-size", "64", "--out", run)
    assert out.returncode == 0, out.stderr[-3000:]
    assert "epoch 1/2" in out.stdout and "epoch 2/2" in out.stdout
    assert "finished: completed after 2 epoch(s)" in out.stdout
    reader = RunDir(run)
    config, info = reader.config, reader.dataset_info()
    assert config["data"]["path"] == str(data.resolve())
    assert config["data"]["options"]["level"] == "word"
    vocab = info["input_spec"]["vocab_size"]
    assert vocab <= 12 and info["input_spec"]["seq_len"] == 4
    assert config["cell"]["name"] == "simple-rnn-relu"

    result = last_json(seqstudio("predict", run, "--prompt", "the cat", "-n", "6",
                                 "--temperature", "0.5", "--top-k", "3", "--seed", "2",
                                 "--json"))
    words = result["text"].split()
    assert len(words) == 6
    assert set(words) <= set(WORDS.split()) | {"[UNK]"}

    inspected = seqstudio("inspect", run)
    assert inspected.returncode == 0, inspected.stderr
    assert f"{vocab}·4 + 4·4 + 4 = {vocab * 4 + 20:,}" in inspected.stdout
    assert "status: finished" in inspected.stdout and "execution" in inspected.stdout
    assert (f"best epoch: {reader.best_epoch} (val_loss " in inspected.stdout
            and "the model that model.keras holds" in inspected.stdout)

    import subprocess

    plain = subprocess.run([sys.executable, "-c", PLAIN_KERAS, str(run / "model.keras")],
                           capture_output=True, text=True, timeout=240)
    assert plain.returncode == 0, plain.stderr[-3000:]
    assert plain.stdout.startswith("loaded ")
    # the recurrent layer's formula and a softmax over the vocabulary at every step
    assert int(plain.stdout.split()[-1]) == (vocab * 4 + 4 * 4 + 4) + (4 * vocab + vocab)


def test_a_forecast_with_a_horizon_then_steps_and_given_values(tmp_path):
    path = tmp_path / "wave.csv"
    rows = ["t,value"] + [f"{i},{(i % 12) / 12:.3f}" for i in range(150)]
    path.write_text("\n".join(rows) + "\n")
    run = tmp_path / "run"
    out = seqstudio("train", path, "--window", "8", "--horizon", "2", "--epochs", "1",
                    "--units", "4", "--quiet", "--out", run)
    assert out.returncode == 0, out.stderr[-3000:]
    info = RunDir(run).dataset_info()
    assert info["input_spec"]["seq_len"] == 8
    result = last_json(seqstudio("predict", run, "--steps", "5", "--json"))
    assert len(result["forecast"]) == 2 and len(result["recursive"]) == 5
    assert result["window_from"] == "the end of the data"
    values = ",".join(f"{(i % 12) / 12:.3f}" for i in range(8))
    given = seqstudio("predict", run, "--values", values)
    assert given.returncode == 0 and "the given values" in given.stdout, given.stderr[-2000:]


def test_a_classifier_predicts_a_text(tmp_path):
    lines = ["text,label"] + [f"{t},{label}" for _ in range(12) for t, label in (
        ("the cat sat on the mat", "pets"), ("soup and bread were hot", "food"),
        ("a bird flew over the cloud", "sky"))]
    path = tmp_path / "texts.csv"
    path.write_text("\n".join(lines) + "\n")
    run = tmp_path / "run"
    out = seqstudio("train", path, "--epochs", "1", "--units", "4", "--seq-len", "6",
                    "--quiet", "--out", run)
    assert out.returncode == 0, out.stderr[-3000:]
    assert RunDir(run).config["data"]["task"] == "classify"
    probs = last_json(seqstudio("predict", run, "--text", "the cat sat", "--json"))["class_probs"]
    assert set(probs) == {"pets", "food", "sky"} and sum(probs.values()) == pytest.approx(1, 1e-4)


def test_debug_and_the_lesson_commands(tmp_path):
    """``--debug`` shows the traceback of a refusal; ``lesson --list``, ``lesson NAME --json``
    and ``lesson FILE`` read the bundled lessons and a lesson file."""
    plain = seqstudio("train", tmp_path / "missing.txt")
    assert "no such file" in one_error_line(plain.stderr)
    debug = seqstudio("--debug", "train", tmp_path / "missing.txt")
    assert debug.returncode == 2 and "Traceback" in debug.stderr
    assert debug.stderr.strip().splitlines()[-1].startswith("error:")

    listed = seqstudio("lesson", "--list")
    assert listed.returncode == 0, listed.stderr
    from seqstudio.lesson import bundled_lessons

    names = [p.stem for p in bundled_lessons()]
    assert names and all(name in listed.stdout for name in names)
    shown = last_json(seqstudio("lesson", names[0], "--json"))
    assert shown["format"] == 1 and shown["steps"] and shown["title"]

    lesson = tmp_path / "mine.toml"
    lesson.write_text('format = 1\ntitle = "Mine"\n[data]\ncontent = "ab ab ab ab ab ab"\n'
                      'filename = "ab.txt"\n[model]\ncell = "simple-rnn-tanh"\n'
                      '[[steps]]\ntext = "Look."\n'
                      'panel = "hiddenStatePanel"\n', encoding="utf-8")
    read = seqstudio("lesson", lesson)
    assert read.returncode == 0, read.stderr
    assert "Mine" in read.stdout and "embedded ab.txt" in read.stdout
