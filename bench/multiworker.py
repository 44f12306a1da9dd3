"""Scale-out benchmark: training samples/s with 1 and with 2 local workers (a benchmark, not a test).

    python bench/multiworker.py [--epochs 3] [--rows 6000]

The large configuration of ``bench/cells.py`` (T=100, 64 inputs per step, 128 units, a linear
head with 1 output; simple-rnn-tanh, batch 64, Adam), on a generated 64-column time series, trained
by the engine's Trainer (the path of ``seqstudio train``) under
``MultiWorkerMirroredStrategy``:

* ``1 worker``: one process whose ``TF_CONFIG`` names a cluster of one;
* ``2 workers``: two processes on 127.0.0.1, each with its own ``TF_CONFIG``, as
  ``docs/engine.md`` shows for two machines. The batch of 64 is the global batch, so each worker
  computes 32 samples a step and the two exchange gradients every step over gRPC.

samples/s = training samples per epoch / seconds per epoch, from the second epoch on (the first
traces the graph), median over those epochs; for 2 workers the chief's epochs (both workers
run in lockstep). Both are measured in one run, one after the other. Every process gets all the
machine's cores, so on a machine with few cores two workers compete for them: expect no speed-up
there; the point of the strategy is one worker per machine.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORKER = r"""
import json, os, statistics, sys, time
from seqstudio.engine import distribute
strategy = distribute.get_strategy("multi-worker")  # before any other TensorFlow op
from seqstudio.data import load_dataset
from seqstudio.engine import Trainer, TrainSettings
from seqstudio.engine.events import EpochEnd
data, run, epochs = sys.argv[1], sys.argv[2], int(sys.argv[3])
ds = load_dataset(data, seq_len=100, target=["c0"])
trainer = Trainer(ds, "simple-rnn-tanh", {"units": 128},
                  TrainSettings(epochs=epochs, batch_size=64, strategy="multi-worker", seed=0),
                  run_dir=run)
ends = []
trainer.subscribe(lambda ev: ends.append(time.perf_counter()) if isinstance(ev, EpochEnd) else None)
start = time.perf_counter()
result = trainer.run()
steps = [b - a for a, b in zip(ends, ends[1:])]
print(json.dumps({"status": result.status, "reason": result.reason,
                  "replicas": strategy.num_replicas_in_sync, "chief": trainer.is_chief,
                  "n_train": ds.n_train, "epoch_seconds": steps,
                  "median": statistics.median(steps) if steps else None,
                  "total": time.perf_counter() - start}))
"""


def make_table(path: Path, rows: int, columns: int = 64) -> None:
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(0)
    t = np.arange(rows)[:, None]
    waves = np.sin(2 * np.pi * t / rng.uniform(10, 200, columns)) + rng.normal(0, 0.1,
                                                                              (rows, columns))
    pd.DataFrame(waves, columns=[f"c{i}" for i in range(columns)]).to_csv(
        path, index=False, float_format="%.4f")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cluster(workers: int, script: Path, data: Path, folder: Path, epochs: int) -> list[dict]:
    addresses = [f"127.0.0.1:{free_port()}" for _ in range(workers)]
    procs = []
    for index in range(workers):
        config = {"cluster": {"worker": addresses}, "task": {"type": "worker", "index": index}}
        env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", "TF_CONFIG": json.dumps(config)}
        procs.append(subprocess.Popen(
            [sys.executable, str(script), str(data), str(folder / f"run-{workers}"), str(epochs)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env))
    results = []
    try:
        for proc in procs:
            out, err = proc.communicate(timeout=3600)
            if proc.returncode != 0:
                raise SystemExit(f"a worker failed:\n{err[-3000:]}")
            results.append(json.loads(out.strip().splitlines()[-1]))
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--epochs", type=int, default=3, help="at least 2 (the first traces)")
    parser.add_argument("--rows", type=int, default=6000, help="rows of the generated table")
    args = parser.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="seqstudio-bench-mw-") as tmp:
        folder = Path(tmp)
        data, script = folder / "large.csv", folder / "worker.py"
        make_table(data, args.rows)
        script.write_text(WORKER)
        measured = {}
        for workers in (1, 2):
            results = cluster(workers, script, data, folder, max(args.epochs, 2))
            chief = next(r for r in results if r["chief"])
            if chief["status"] != "finished" or chief["median"] is None:
                raise SystemExit(f"{workers} worker(s): {chief['status']}: {chief['reason']}")
            measured[workers] = chief
            print(f"{workers} worker(s): {chief['n_train'] / chief['median']:,.0f} samples/s "
                  f"(epochs {', '.join(f'{s:.1f}' for s in chief['epoch_seconds'])} s; "
                  f"replicas {chief['replicas']})", flush=True)
    one = measured[1]["n_train"] / measured[1]["median"]
    two = measured[2]["n_train"] / measured[2]["median"]
    cores = os.cpu_count()
    print(f"\n{'workers':<10}{'samples/s':>12}{'s/epoch':>10}")
    print(f"{1:<10}{one:>12,.0f}{measured[1]['median']:>10.2f}")
    print(f"{2:<10}{two:>12,.0f}{measured[2]['median']:>10.2f}")
    print(f"2 workers / 1 worker: {two / one:.2f}x on {cores} cores, both processes on this "
          "machine (a speed-up needs one worker per machine, or more cores than one worker uses)")
    print(f"elapsed: {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
