"""Benchmark of the data layer (a benchmark, not a test): load + encode big files.

    python bench/data.py [--text-mb 50] [--rows 1000000] [--keep DIR]

Generates a 50 MB text and a 1,000,000-row time-series CSV in a temporary folder, then measures each
case in its own fresh Python process, so that one case's memory cannot hide another's:

* seconds for ``load_dataset`` (tokenising / parsing, windowing, scaling);
* peak memory as a multiple of the file size. Memory is the process's resident set size (RSS),
  sampled every millisecond by a thread with psutil and combined with ``ru_maxrss``; the figure is the
  peak *above* the RSS after TensorFlow has been imported and warmed up on a tiny file, because that
  fixed ~0.5-1 GB runtime does not grow with the file. The absolute peak is printed too;
* the time ratio against plain ``pandas.read_csv`` of the same CSV, measured in the same run.

Target: peak <= 3x the file size.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
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


def make_text(path: Path, megabytes: int) -> None:
    """Zipf-distributed words from a few hundred (some made up), so words overflow a 100 vocabulary."""
    import numpy as np

    rng = np.random.default_rng(0)
    vocab = WORDS + [f"{a}{b}" for a in ("ka", "to", "mi", "re", "su") for b in WORDS[:60]]
    p = 1.0 / np.arange(1, len(vocab) + 1)
    p /= p.sum()
    target = megabytes * 2**20
    with path.open("w", encoding="utf-8") as fh:
        written = 0
        while written < target:
            ids = rng.choice(len(vocab), size=200_000, p=p)
            words = [vocab[i] for i in ids]
            lines = [" ".join(words[i : i + 12]) + ".\n" for i in range(0, len(words), 12)]
            chunk = "".join(lines)
            chunk = chunk[: target - written]
            fh.write(chunk)
            written += len(chunk)


def make_csv(path: Path, rows: int) -> None:
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(0)
    t = np.arange(rows)
    frame = pd.DataFrame({
        "date": pd.date_range("2000-01-01", periods=rows, freq="h").strftime("%Y-%m-%d %H:%M"),
        "temperature": 10 + 5 * np.sin(2 * np.pi * t / 24) + rng.normal(0, 0.5, rows),
        "humidity": 60 + 10 * np.sin(2 * np.pi * t / 168) + rng.normal(0, 2, rows),
        "load": 100 + 20 * np.sin(2 * np.pi * t / 24 + 1) + rng.normal(0, 3, rows),
    })
    frame.to_csv(path, index=False, float_format="%.4f")


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

    if case == "read_csv":
        import pandas as pd

        pd.read_csv(warm)
        run = lambda: pd.read_csv(path)  # noqa: E731
    else:
        from seqstudio.data import load_dataset

        warm_file = Path(warm)
        load_dataset(warm_file, level="word" if case == "text-word" else "char")
        options = {"text-char": {"level": "char"}, "text-word": {"level": "word"}}.get(case, {})
        run = lambda: load_dataset(path, **options)  # noqa: E731
    baseline = psutil.Process().memory_info().rss
    with PeakRSS() as peak:
        start = time.perf_counter()
        result = run()
        seconds = time.perf_counter() - start
    shape = getattr(result, "shape", None) or (result.n_train, result.n_val)
    return {"seconds": seconds, "baseline": baseline, "peak": peak.peak, "shape": list(shape)}


def child(case: str, path: Path, warm: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--measure", case, str(path), str(warm)],
        capture_output=True, text=True, check=False,
    )
    if out.returncode != 0:
        raise SystemExit(f"{case} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--text-mb", type=int, default=50)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, default=None, help="generate into this folder")
    parser.add_argument("--cases", default="text-char,text-word,forecast-csv,read_csv",
                        help="comma-separated subset of the cases")
    parser.add_argument("--measure", nargs=3, metavar=("CASE", "PATH", "WARM"))
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(*args.measure)))
        return
    started = time.perf_counter()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="seqstudio-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    text, table = folder / "big.txt", folder / "big.csv"
    warm_text, warm_table = folder / "warm.txt", folder / "warm.csv"
    t0 = time.perf_counter()
    if not text.exists():
        make_text(text, args.text_mb)
    if not table.exists():
        make_csv(table, args.rows)
    make_text(warm_text, 1)
    make_csv(warm_table, 500)
    print(f"generated inputs in {time.perf_counter() - t0:.1f} s under {folder}")
    cases = [
        ("text-char", text, warm_text),
        ("text-word", text, warm_text),
        ("forecast-csv", table, warm_table),
        ("read_csv", table, warm_table),
    ]
    wanted = args.cases.split(",")
    cases = [c for c in cases if c[0] in wanted]
    results = {case: child(case, path, warm) for case, path, warm in cases}
    print(f"\n{'case':<14}{'file':>10}{'seconds':>9}{'peak/file':>11}{'abs peak':>10}  samples (train, val)")
    for case, path, _ in cases:
        r = results[case]
        size = path.stat().st_size
        ratio = (r["peak"] - r["baseline"]) / size
        print(f"{case:<14}{size / 2**20:>8.1f}MB{r['seconds']:>9.2f}{ratio:>10.2f}x"
              f"{r['peak'] / 2**20:>8.0f}MB  {tuple(r['shape'])}")
    if "forecast-csv" in results and "read_csv" in results:
        ratio = results["forecast-csv"]["seconds"] / results["read_csv"]["seconds"]
        print(f"\nload_dataset(csv) / pandas.read_csv(csv) time ratio: {ratio:.2f}x (same run)")
    print("peak/file = (peak RSS - RSS after imports and a warm-up load) / file size; target <= 3x")
    print(f"elapsed: {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
