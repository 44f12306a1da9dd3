"""Scale-out through tf.distribute: MirroredStrategy over two logical CPU devices, and
MultiWorkerMirroredStrategy with two worker processes on 127.0.0.1 (TF_CONFIG)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from seqstudio.engine import RunDir
from seqstudio.engine.distribute import is_chief, tf_config, worker_count
from seqstudio.errors import TrainingError

HERE = Path(__file__).parent
SCRIPT = r"""
import json, os, sys
sys.path.insert(0, sys.argv[1])
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import tensorflow as tf
if sys.argv[3] == "mirrored":
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(
        cpu, [tf.config.LogicalDeviceConfiguration(), tf.config.LogicalDeviceConfiguration()])
from seqstudio.engine import Trainer, TrainSettings, distribute
strategy = distribute.get_strategy(sys.argv[3])
import engine_fixtures as F
trainer = Trainer(F.classify_dataset(n=160), "simple-rnn-tanh", {"units": 4},
                  TrainSettings(epochs=2, batch_size=16, strategy=sys.argv[3]), run_dir=sys.argv[2])
result = trainer.run()
print(json.dumps({"status": result.status, "reason": result.reason, "tb": result.traceback,
                  "replicas": strategy.num_replicas_in_sync, "chief": trainer.is_chief,
                  "epochs": result.epochs_done,
                  "loss": trainer.history[-1]["loss"] if trainer.history else None}))
"""


def _env(**extra):
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2", **extra}
    env.pop("TF_CONFIG", None) if "TF_CONFIG" not in extra else None
    return env


def _result(stdout: str) -> dict:
    return json.loads(stdout.strip().splitlines()[-1])


@pytest.mark.slow
def test_mirrored_over_two_logical_cpus(tmp_path):
    script = tmp_path / "train.py"
    script.write_text(SCRIPT)
    out = subprocess.run([sys.executable, str(script), str(HERE), str(tmp_path / "run"),
                          "mirrored"], capture_output=True, text=True, timeout=180, env=_env())
    assert out.returncode == 0, out.stderr[-3000:]
    result = _result(out.stdout)
    assert result["status"] == "finished", result["tb"]
    assert result["replicas"] == 2
    run = RunDir(tmp_path / "run")
    assert run.config["settings"]["strategy"] == "mirrored"
    assert len(run.history()) == 2 and run.load_model() is not None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_multi_worker_two_processes_and_the_chief_writes(tmp_path):
    script = tmp_path / "train.py"
    script.write_text(SCRIPT)
    workers = [f"127.0.0.1:{_free_port()}" for _ in range(2)]
    procs = []
    for index in range(2):
        config = {"cluster": {"worker": workers}, "task": {"type": "worker", "index": index}}
        procs.append(subprocess.Popen(
            [sys.executable, str(script), str(HERE), str(tmp_path / "run"), "multi-worker"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env=_env(TF_CONFIG=json.dumps(config))))
    results = []
    try:
        for proc in procs:
            stdout, stderr = proc.communicate(timeout=240)
            assert proc.returncode == 0, stderr[-3000:]
            results.append(_result(stdout))
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
    assert [r["status"] for r in results] == ["finished", "finished"], results
    assert [r["chief"] for r in results] == [True, False]
    assert all(r["replicas"] == 2 for r in results)
    assert results[0]["loss"] == pytest.approx(results[1]["loss"], rel=1e-5)
    run = RunDir(tmp_path / "run")
    assert run.config["workers"] == 2 and run.status()["status"] == "finished"
    assert len(run.history()) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run", "train.py"]


@pytest.mark.slow
def test_cli_multi_worker_two_processes_on_loopback(tmp_path):
    """The worked example of docs/engine.md (two machines, each with its own TF_CONFIG), run as
    it is written there, with both addresses on 127.0.0.1: both train the same steps, the chief
    writes the run."""
    data = tmp_path / "corpus.txt"
    data.write_text("the cat sat on the mat . a dog ran to the log . " * 12)
    machines = _documented_cluster()
    assert len(machines) == 2
    documented = machines[0][0]["cluster"]["worker"]
    loopback = {address: f"127.0.0.1:{_free_port()}" for address in documented}
    procs = []
    for config, command in machines:
        config["cluster"]["worker"] = [loopback[a] for a in config["cluster"]["worker"]]
        args = [str(data) if a == "corpus.txt" else str(tmp_path / "run")
                if a == "runs/cluster-1" else a for a in command[1:]]
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "seqstudio", *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env=_env(TF_CONFIG=json.dumps(config))))
    outputs = []
    try:
        for proc in procs:
            stdout, stderr = proc.communicate(timeout=240)
            assert proc.returncode == 0, stderr[-3000:]
            outputs.append(stdout)
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
    epoch_lines = [[ln.split("(")[0] for ln in out.splitlines() if ln.startswith("epoch 2/2")]
                   for out in outputs]
    assert epoch_lines[0] and epoch_lines[0] == epoch_lines[1]  # same losses on both workers
    run = RunDir(tmp_path / "run")
    assert run.config["workers"] == 2 and run.config["settings"]["strategy"] == "multi-worker"
    assert run.status()["status"] == "finished" and len(run.history()) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus.txt", "run"]


def _documented_cluster() -> list[tuple[dict, list[str]]]:
    """``(TF_CONFIG, seqstudio command)`` of each machine in docs/engine.md's worked example."""
    import shlex

    text = (HERE.parents[1] / "docs" / "engine.md").read_text(encoding="utf-8")
    section = text[text.index("## Scale-out with tf.distribute"):]
    block = section[section.index("```bash") + 7: section.index("```", section.index("```bash") + 7)]
    machines, config = [], None
    for line in block.splitlines():
        if line.startswith("export TF_CONFIG="):
            config = json.loads(shlex.split(line)[1].split("=", 1)[1])
        elif line.startswith("seqstudio "):
            machines.append((config, shlex.split(line)))
    return machines


def test_tf_config_parsing(monkeypatch):
    monkeypatch.delenv("TF_CONFIG", raising=False)
    assert tf_config() == {} and is_chief("multi-worker") and worker_count("default") == 1
    cluster = {"worker": ["127.0.0.1:1", "127.0.0.1:2"]}
    monkeypatch.setenv("TF_CONFIG", json.dumps({"cluster": cluster,
                                                "task": {"type": "worker", "index": 1}}))
    assert not is_chief("multi-worker") and is_chief("default")
    assert worker_count("multi-worker") == 2
    monkeypatch.setenv("TF_CONFIG", json.dumps({"cluster": {**cluster, "chief": ["h:3"]},
                                                "task": {"type": "worker", "index": 0}}))
    assert not is_chief("multi-worker")
    monkeypatch.setenv("TF_CONFIG", json.dumps({"cluster": cluster,
                                                "task": {"type": "worker", "index": 5}}))
    with pytest.raises(TrainingError, match="index 5"):
        tf_config()
    monkeypatch.setenv("TF_CONFIG", "{not json")
    with pytest.raises(TrainingError, match="TF_CONFIG must be JSON"):
        tf_config()
