"""Benchmark of the data layer on files larger than memory (a benchmark, not a test).

    python bench/data.py [--sizes 10,100,1000] [--cases text-char,text-word,csv] [--keep DIR]
                         [--repeat N]

For each size (MB) it generates a text (Zipf-distributed words) and a time-series CSV (hourly
dates and three columns) in a temporary folder, then measures each case in its own fresh Python
process, so that one case's memory cannot hide another's:

* ``load``: seconds for ``load_dataset`` (the one pass that fits the vocabulary or the scaler);
* ``epoch``: seconds to read every training batch once through ``Dataset.tf_dataset("train",
  256, shuffle=True)``, as ``fit`` does in each epoch (no model: this is the data pipeline alone);
* ``peak``: the process's peak resident memory (RSS, sampled every millisecond with psutil and
  combined with ``ru_maxrss``) above its RSS after TensorFlow has been imported and warmed up on a
  small file, whose fixed runtime does not grow with the file.

Every size streams (``SEQSTUDIO_STREAM_BYTES`` is set to ``--stream-bytes``, 1 MiB by default),
so the sizes are comparable. Targets: peak memory within 1.5x across the sizes; seconds per MB
about the same at every size (time linear in size). ``--repeat N`` measures each case N times on
files under ``--once-from`` MB (1000 by default: a 1 GB file is measured once) and reports the
medians, with the spread of the peak. The generated files are deleted at the end unless
``--keep`` names a folder (whose generated files a later run then reuses).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")

WORDS = (
    "i you he she we they am are is was a an the boy girl cat dog bird student teacher friend "
    "sees likes wants reads finds draws big small happy tired young old kind quiet apple ball "
    "book song river house tree letter and but so because then when where very not"
).split()


def make_text(path: Path, megabytes: float) -> None:
    """Zipf-distributed words from a few hundred (some made up)."""
    import numpy as np

    rng = np.random.default_rng(0)
    vocab = WORDS + [f"{a}{b}" for a in ("ka", "to", "mi", "re", "su") for b in WORDS[:60]]
    p = 1.0 / np.arange(1, len(vocab) + 1)
    p /= p.sum()
    target = int(megabytes * 1e6)
    with path.open("w", encoding="utf-8") as fh:
        written = 0
        while written < target:
            ids = rng.choice(len(vocab), size=200_000, p=p)
            words = [vocab[i] for i in ids]
            chunk = "".join(" ".join(words[i : i + 12]) + ".\n" for i in range(0, len(words), 12))
            chunk = chunk[: target - written]
            fh.write(chunk)
            written += len(chunk)


def make_csv(path: Path, megabytes: float) -> None:
    """Hourly rows of three columns, written in blocks until the file has ``megabytes``."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(0)
    target, rows, first = int(megabytes * 1e6), 200_000, True
    start = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        while fh.tell() < target:
            t = np.arange(start, start + rows)
            frame = pd.DataFrame({
                "date": pd.date_range("2000-01-01", periods=rows, freq="h")
                .shift(start).strftime("%Y-%m-%d %H:%M"),
                "temperature": 10 + 5 * np.sin(2 * np.pi * t / 24) + rng.normal(0, 0.5, rows),
                "humidity": 60 + 10 * np.sin(2 * np.pi * t / 168) + rng.normal(0, 2, rows),
                "load": 100 + 20 * np.sin(2 * np.pi * t / 24 + 1) + rng.normal(0, 3, rows),
            })
            room = target - fh.tell()
            text = frame.to_csv(index=False, header=first, float_format="%.4f")
            if len(text) > room:  # end on a whole line
                text = text[: text.rfind("\n", 0, max(room, 1)) + 1] or text[: text.find("\n") + 1]
            fh.write(text)
            first, start = False, start + rows


# -- one measurement, in a child process ------------------------------------------------------
class PeakRSS:
    def __init__(self) -> None:
        import psutil

        self.process = psutil.Process()
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.process.memory_info().rss)
            time.sleep(0.001)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)


def measure(case: str, path: str, warm: str) -> dict:
    import psutil

    from seqstudio.data import load_dataset

    options = {"text-char": {"level": "char"}, "text-word": {"level": "word"}}.get(case, {})

    def epoch(ds) -> int:
        return sum(1 for _ in ds.tf_dataset("train", 256, shuffle=True, seed=0))

    epoch(load_dataset(warm, **options))  # TensorFlow and tf.data warmed up on a small file
    baseline = psutil.Process().memory_info().rss
    with PeakRSS() as peak:
        start = time.perf_counter()
        ds = load_dataset(path, **options)
        loaded = time.perf_counter()
        batches = epoch(ds)
        read = time.perf_counter()
    return {"load": loaded - start, "epoch": read - loaded, "baseline": baseline,
            "peak": peak.peak, "batches": batches, "streamed": ds.streamed,
            "samples": [ds.n_train, ds.n_val]}


def child(case: str, path: Path, warm: Path, stream_bytes: int) -> dict:
    env = {**os.environ, "SEQSTUDIO_STREAM_BYTES": str(stream_bytes)}
    out = subprocess.run([sys.executable, __file__, "--measure", case, str(path), str(warm)],
                         capture_output=True, text=True, check=False, env=env)
    if out.returncode != 0:
        raise SystemExit(f"{case} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def median_of(runs: list[dict]) -> dict:
    """One row of the table from repeated measurements: the median load, epoch and peak (above
    that run's baseline), the peak's range, and the run count."""
    import statistics

    above = [r["peak"] - r["baseline"] for r in runs]
    baseline = statistics.median(r["baseline"] for r in runs)
    return {**runs[0], "runs": len(runs),
            "load": statistics.median(r["load"] for r in runs),
            "epoch": statistics.median(r["epoch"] for r in runs),
            "baseline": baseline, "peak": baseline + statistics.median(above),
            "peak_range": (min(above), max(above))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10,100,1000", help="file sizes in MB, comma-separated")
    parser.add_argument("--cases", default="text-char,text-word,csv",
                        help="comma-separated subset of text-char, text-word, csv")
    parser.add_argument("--stream-bytes", type=int, default=2**20,
                        help="streaming threshold for the run (default 1 MiB: every size streams)")
    parser.add_argument("--keep", type=Path, default=None, help="generate into this folder, keep it")
    parser.add_argument("--repeat", type=int, default=1,
                        help="measurements of each case on files under --once-from MB (medians)")
    parser.add_argument("--once-from", type=float, default=1000,
                        help="files of at least this many MB are measured once")
    parser.add_argument("--measure", nargs=3, metavar=("CASE", "PATH", "WARM"))
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(*args.measure)))
        return
    started = time.perf_counter()
    sizes = [float(s) for s in args.sizes.split(",")]
    cases = args.cases.split(",")
    folder = args.keep or Path(tempfile.mkdtemp(prefix="seqstudio-bench-data-"))
    folder.mkdir(parents=True, exist_ok=True)
    free = shutil.disk_usage(folder).free
    need = 2 * max(sizes) * 1e6 * 1.1
    if free < need:
        raise SystemExit(f"{folder} has {free / 1e9:.1f} GB free; the largest size needs "
                         f"{need / 1e9:.1f} GB")
    results: list[tuple[str, float, int, dict]] = []
    try:
        warm = {"text": folder / "warm.txt", "csv": folder / "warm.csv"}
        make_text(warm["text"], 2)
        make_csv(warm["csv"], 2)
        for size in sizes:
            files = {"text": folder / f"big-{size:g}MB.txt", "csv": folder / f"big-{size:g}MB.csv"}
            t0 = time.perf_counter()
            if any(c.startswith("text") for c in cases) and not files["text"].exists():
                make_text(files["text"], size)
            if "csv" in cases and not files["csv"].exists():
                make_csv(files["csv"], size)
            print(f"generated {size:g} MB inputs in {time.perf_counter() - t0:.0f} s", flush=True)
            rounds = 1 if size >= args.once_from else max(args.repeat, 1)
            runs: dict[str, list[dict]] = {case: [] for case in cases}
            for _ in range(rounds):  # interleaved, so a burst of load spreads over the cases
                for case in cases:
                    kind = "csv" if case == "csv" else "text"
                    r = child(case, files[kind], warm[kind], args.stream_bytes)
                    runs[case].append(r)
                    print(f"  {case:<10} load {r['load']:7.1f} s  epoch {r['epoch']:7.1f} s  "
                          f"peak +{(r['peak'] - r['baseline']) / 2**20:6.0f} MiB", flush=True)
            for case in cases:
                kind = "csv" if case == "csv" else "text"
                results.append((case, size, files[kind].stat().st_size, median_of(runs[case])))
            if args.keep is None:
                for path in files.values():
                    path.unlink(missing_ok=True)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"\n{'case':<10}{'file MB':>9}{'runs':>5}{'load s':>9}{'epoch s':>9}{'s/100MB':>9}"
          f"{'peak+ MiB':>11}{'range':>9}{'abs MiB':>9}  samples (train, val)")
    for case, _, nbytes, r in results:
        per = (r["load"] + r["epoch"]) / (nbytes / 1e8)
        low, high = (x / 2**20 for x in r["peak_range"])
        print(f"{case:<10}{nbytes / 1e6:>9.0f}{r['runs']:>5}{r['load']:>9.1f}{r['epoch']:>9.1f}"
              f"{per:>9.1f}{(r['peak'] - r['baseline']) / 2**20:>11.0f}"
              f"{f'{low:.0f}-{high:.0f}':>9}{r['peak'] / 2**20:>9.0f}  "
              f"{tuple(r['samples'])}{'' if r['streamed'] else '  (not streamed)'}")
    print()
    for case in cases:
        rows = [(n, r) for c, _, n, r in results if c == case]
        if len(rows) < 2:
            continue
        peaks = [max(r["peak"] - r["baseline"], 1) for _, r in rows]
        rates = [(r["load"] + r["epoch"]) / n * 1e8 for n, r in rows]
        print(f"{case}: peak above baseline, largest / smallest file: "
              f"{peaks[-1] / peaks[0]:.2f}x (target <= 1.5x); seconds per 100 MB from "
              f"{min(rates):.1f} to {max(rates):.1f} (linear: about equal)")
    print(f"elapsed: {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
