"""The options of ``seqstudio train/resume/predict/evaluate/plugins/gui`` that no other test
drives, each through the CLI in a subprocess on tiny data, checked where its effect shows: the
run's config, its files, or the output."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from seqstudio.engine import RunDir

sys.path.insert(0, str(Path(__file__).parent))
from cli_subprocess import (  # noqa: E402
    FAST,
    one_error_line,
    refused_before_tensorflow,
    seqstudio,
    tiny_text,
)

pytestmark = pytest.mark.slow

CLASSES = {"pets": "the cat and the dog sat", "food": "bread and soup were hot",
           "sky": "a bird flew over the cloud"}


@pytest.fixture(scope="module")
def _trained(tmp_path_factory) -> tuple[Path, Path, str]:
    """One tiny run trained by the CLI for this module's tests (each run costs a TensorFlow
    import, ~10 s on 2 cores): its data file, its run directory, and the data's text."""
    folder = tmp_path_factory.mktemp("trained")
    data = tiny_text(folder)
    out = seqstudio("train", data, *FAST, "--out", folder / "run")
    assert out.returncode == 0, out.stderr[-3000:]
    return data, folder / "run", data.read_text()


@pytest.fixture
def trained_run(_trained, tmp_path) -> tuple[Path, Path]:
    """A copy of the module's run in ``tmp_path``, and its data file with the text it was trained
    on (a test may change the file: the run records its path, so the next test restores it)."""
    data, run, text = _trained
    data.write_text(text)
    shutil.copytree(run, tmp_path / "run")
    return data, tmp_path / "run"


def _classify_csv(folder: Path) -> Path:
    lines = ["extra,body,category"]
    for i in range(16):
        for label, text in CLASSES.items():
            lines.append(f"{i},{text} {'é' if i % 2 else ''},{label}")
    path = folder / "texts.csv"
    path.write_text("\n".join(lines) + "\n", encoding="latin-1")
    return path


def test_train_options_reach_the_run(tmp_path):
    """Classification with named columns, an embedding, a latin-1 file, and every training
    setting that the other tests leave at its default."""
    out = seqstudio("train", _classify_csv(tmp_path), "--task", "classify", "--text-column",
                    "body", "--label-column", "category", "--encoding", "latin-1",
                    "--input-kind", "embedding", "--embed-dim", "3", "--seq-len", "6",
                    "--val-fraction", "0.25", "--units", "4", "--use-bias", "false",
                    "--optimizer", "sgd", "--learning-rate", "0.05", "--early-stopping", "1",
                    "--snapshot-every", "1", "--execution-mode", "loop:1", "--epochs", "2",
                    "--batch-size", "16", "--seed", "3", "--quiet", "--out", tmp_path / "run")
    assert out.returncode == 0, out.stderr[-3000:]
    run = RunDir(tmp_path / "run")
    settings, data = run.config["settings"], run.config["data"]
    assert (settings["optimizer"], settings["learning_rate"]) == ("sgd", 0.05)
    assert (settings["early_stopping"], settings["snapshot_every"], settings["seed"]) == (1, 1, 3)
    assert run.config["execution_mode"].startswith("loop:1")
    assert run.config["cell"]["params"]["use_bias"] is False
    options = data["options"]
    assert (options["text_column"], options["label_column"]) == ("body", "category")
    assert (options["encoding"], options["embed_dim"], options["input_kind"]) == (
        "latin-1", 3, "embedding")
    assert data["n_val"] == 12 and data["n_train"] == 36  # 48 texts, a quarter for validation
    assert "é" in run.dataset_info()["tokens"] or "é" in " ".join(run.dataset_info()["tokens"])
    assert sorted(run.dataset_info()["class_names"]) == sorted(CLASSES)
    per_batch = [s for s in run.snapshots() if s.batch >= 0]
    # --snapshot-every 1 with one batch per compiled call: one snapshot per batch
    assert [(s.epoch + 1, s.batch) for s in per_batch] == [r[:2] for r in run.batch_rows()]
    assert not any(w.name.endswith("bias") for w in run.load_model().layers[1].weights)


def test_forecast_column_options(tmp_path):
    rows = ["day,noise,temp,load"]
    for i in range(60):
        temp = "n/a" if i == 30 else f"{10 + (i % 7)}"
        rows.append(f"2024-01-{1 + i % 28:02d}T{i // 28:02d}:00,{(i * 7) % 5},{temp},{i % 9}")
    path = tmp_path / "series.csv"
    path.write_text("\n".join(rows) + "\n")
    out = seqstudio("train", path, "--task", "forecast", "--columns", "temp,load", "--target",
                    "temp", "--date-column", "day", "--treat-as-missing", "temp", "--missing",
                    "drop", "--window", "5", "--stride", "2", "--epochs", "1", "--units", "4",
                    "--cell", "stacked-rnn", "--layers", "2", "--activation", "relu",
                    "--quiet", "--out", tmp_path / "run")
    assert out.returncode == 0, out.stderr[-3000:]
    run = RunDir(tmp_path / "run")
    options, info = run.config["data"]["options"], run.dataset_info()
    assert options["columns"] == ["temp", "load"] and options["target"] == ["temp"]
    assert (options["date_column"], options["missing"], options["stride"]) == ("day", "drop", 2)
    assert options["treat_as_missing"] == ["temp"]
    assert run.config["cell"]["params"]["activation"] == "relu"
    assert info["input_columns"] == ["temp", "load"] and info["target_columns"] == ["temp"]
    n = run.config["data"]["n_train"] + run.config["data"]["n_val"]
    assert n <= (59 - 5) // 2 + 1  # stride 2 over 59 rows (one dropped), window 5


def test_resume_and_evaluate_force_after_the_data_changed(trained_run, tmp_path):
    data, _ = trained_run
    # the same text twice: another file, the same vocabulary in the same order
    data.write_text(data.read_text() * 2)
    # refused from the files alone, before TensorFlow's import (several seconds)
    line = refused_before_tensorflow("resume", tmp_path / "run", "--epochs", "3")
    assert "changed since the run started" in line and "--force to resume" in line
    line = refused_before_tensorflow("resume", tmp_path / "run")
    assert "already trained 2 of 2 epochs" in line and "--epochs" in line
    out = seqstudio("resume", tmp_path / "run", "--epochs", "3", "--force", "--quiet")
    assert out.returncode == 0, out.stderr[-3000:]
    assert out.stdout.splitlines() == [f"finished: completed after 3 epoch(s); run directory "
                                       f"{tmp_path / 'run'}"]  # --quiet: the final line only
    assert [r["epoch"] for r in RunDir(tmp_path / "run").history()] == [1, 2, 3]
    data.write_text(data.read_text() + "a dog ran . ")  # the resumed run recorded the new sha
    line = refused_before_tensorflow("evaluate", tmp_path / "run")
    assert "changed since the run started" in line and "--force to evaluate" in line
    out = seqstudio("evaluate", tmp_path / "run", "--force", "--json")
    assert out.returncode == 0, out.stderr[-3000:]
    assert "model" in json.loads(out.stdout.strip().splitlines()[-1])
    # the resumed run's model predicts (--seed and -n, the short --tokens, are tested elsewhere)
    out = seqstudio("predict", tmp_path / "run", "--tokens", "3", "--json")
    assert out.returncode == 0, out.stderr[-3000:]
    assert len(json.loads(out.stdout.strip().splitlines()[-1])["text"]) == 3


def test_resume_force_refuses_data_with_another_vocabulary(trained_run, tmp_path):
    data, _ = trained_run
    data.write_text(data.read_text() + "zebra quiz ")  # new characters: z, q, u, b...
    line = one_error_line(seqstudio("resume", tmp_path / "run", "--epochs", "3",
                                    "--force").stderr)
    assert "vocabulary" in line and "train a new run" in line
    assert [r["epoch"] for r in RunDir(tmp_path / "run").history()] == [1, 2]


def test_resume_force_refuses_the_same_characters_in_another_order(trained_run, tmp_path):
    """A vocabulary of the same size whose frequency order changed would give the model other
    ids for the same characters: refused, not trained on silently."""
    data, _ = trained_run
    text = data.read_text()
    rare = min(set(text) - {" "}, key=text.count)
    data.write_text(text + rare * 400)  # the rarest character becomes the most common
    line = one_error_line(seqstudio("resume", tmp_path / "run", "--epochs", "3",
                                    "--force").stderr)
    assert "another vocabulary" in line and "train a new run" in line


def test_version_and_plugin_tracebacks(tmp_path):
    from seqstudio import __version__

    out = seqstudio("--version")
    assert out.returncode == 0 and out.stdout.strip() == f"seqstudio {__version__}"
    out = seqstudio("plugins", "--traceback")
    assert out.returncode == 0 and "builtin-cells" in out.stdout


def test_a_plugin_that_fails_shows_its_traceback_on_request(tmp_path):
    """A fake distribution whose entry point raises: ``plugins`` lists it as failed, and
    ``--traceback`` prints where it failed."""
    dist = tmp_path / "broken_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: broken-plugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[seqstudio]\nbroken = broken_plugin_mod\n")
    (tmp_path / "broken_plugin_mod.py").write_text("raise RuntimeError('boom at import')\n")
    env = {"PYTHONPATH": str(tmp_path)}
    plain = seqstudio("plugins", env=env)
    full = seqstudio("plugins", "--traceback", env=env)
    assert plain.returncode == full.returncode
    assert "broken" in plain.stdout and "boom at import" in plain.stdout + plain.stderr
    assert "Traceback" not in plain.stdout and "Traceback" in full.stdout + full.stderr


def test_gui_opens_a_file_and_a_run_and_refuses_a_missing_file(trained_run, tmp_path):
    pytest.importorskip("PySide6")
    data, _ = trained_run
    env = {"QT_QPA_PLATFORM": "offscreen", "SEQSTUDIO_GUI_EXIT_AFTER_SHOW": "0.5",
           "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    out = seqstudio("gui", data, "--run", tmp_path / "run", env=env)
    assert out.returncode == 0, out.stderr[-3000:]
    assert "window-exposed" in out.stdout
    line = one_error_line(seqstudio("gui", tmp_path / "missing.txt", env=env).stderr)
    assert "missing.txt" in line and "no such file" in line
    assert os.path.isdir(tmp_path / "run")
