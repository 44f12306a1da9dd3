"""Training, inference and generation throughput of the built-in cells against stock Keras and torch.nn.

Each cell family is compared with its own kind: the SimpleRNN cells with keras.layers.SimpleRNN
and torch.nn.RNN, ``lstm`` with keras.layers.LSTM and torch.nn.LSTM, ``gru`` with
keras.layers.GRU and torch.nn.GRU (Keras' reset_after form; torch's GRU is the same form), and
``stacked-rnn`` (2 layers) with two stacked keras.layers.SimpleRNN and torch.nn.RNN(num_layers=2).

    python bench/cells.py                 # both configurations, table
    python bench/cells.py --json          # ... and one JSON object on the last line
    python bench/cells.py --config seed --rounds 2
    python bench/cells.py --quick         # one round, 15% of the batches, 2 processes a round
    python bench/cells.py --quick --rounds 3   # three interleaved quick rounds

Configurations (training batch 64, Adam, one recurrent layer unless stated):
  seed   T=20,  one-hot d=100, n=10, softmax over 100 tokens (the lecture notes' example)
  large  T=100, d=64,         n=128, linear head with 1 output

Training: our cells are trained by the engine's own Trainer (the path of ``seqstudio train`` and
the GUI) with its default execution mode (``auto``); stock Keras is compiled with its defaults;
torch runs the same sizes, optimizer and batch in a plain loop. Inference (forward only, 2,048
samples, 1,024 with --quick): ours through ``engine.predict.Predictor``, the path of ``seqstudio
predict``, the probes and the per-epoch sample; Keras through ``model.predict``; torch under
``no_grad`` at its best of three batch sizes. Generation: tokens/s of a char-level model
generating one token at a time with the state carried (``Predictor.generate``; also the
window-rerun sampler), against a torch loop that steps ``nn.RNN`` with ``h`` carried and draws
the same way.

Every contender gets the same threads: TensorFlow's default, one per core, set explicitly for its
intra- and inter-op pools, and ``torch.set_num_threads`` to the same number (``BENCH_THREADS``
overrides both). Each contender runs in its own process (TensorFlow and torch in one process fight
over threads; ``--quick`` runs every TensorFlow contender of both configurations in one process
and torch's in another, and prints each row as it is measured), and the rounds interleave the
contenders, alternating their order, so that machine noise falls on all of them alike. What
happens after an epoch's last batch is outside the timed span, so the bench leaves out what only
adds fixed cost there: our Trainer's hidden-state snapshots and the validation pass; torch, which
compiles nothing, warms up on 8 batches instead of an epoch. Figures are medians: of the timed epochs within a process (after
a warm-up epoch), then of the rounds. The table ends with issue #16's targets, met or missed, and
the elapsed time with the CPU time the contenders got.

On a shared machine prefer the ratios: torch's OpenMP threads wait actively for each other, so
when another process holds a core, torch slows down far more than TensorFlow.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
sys.path.insert(0, str(Path(__file__).parent))

from cells_workers import BATCH, CONFIGS, GEN, depth, family, run_worker, threads  # noqa: E402

OURS = ["simple-rnn-tanh", "simple-rnn-relu", "stacked-rnn", "lstm", "gru"]
CONTENDERS = [*OURS, "keras-simplernn", "keras-simplernn2", "keras-lstm", "keras-gru",
              "torch-rnn", "torch-rnn2", "torch-lstm", "torch-gru"]
#: timed once per round, with the seed configuration's processes
GENERATORS = ["generate-ours", "generate-ours-window", "generate-torch"]
#: the gate groups of each family: the multiply-adds of a step are that many times a SimpleRNN's
GATES = {"rnn": 1, "lstm": 4, "gru": 3}
#: issue #16's targets: ours / torch
TARGETS = {"infer": 1.5, "train_large": 1.5, "stacked": 1.5, "generate": 1.0}


def is_torch(name: str) -> bool:
    return name.startswith("torch-") or name == "generate-torch"


def twin(name: str, stock: str) -> str:
    """The ``stock`` (``keras`` or ``torch``) contender of the same family and depth."""
    kind = family(name)
    base = {"rnn": "simplernn" if stock == "keras" else "rnn"}.get(kind, kind)
    return f"{stock}-{base}{'2' if depth(name) == 2 else ''}"


# ------------------------------------------------------------------------------ orchestrator
def torch_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("torch") is not None


def peak_gflops() -> tuple[float, str]:
    """Rough fp32 peak: cores × clock × FLOPs per cycle from the vector width (2 FMA units)."""
    cores = os.cpu_count() or 1
    mhz, flags = 0.0, ""
    try:
        text = Path("/proc/cpuinfo").read_text()
        for line in text.splitlines():
            if line.startswith("cpu MHz") and not mhz:
                mhz = float(line.split(":")[1])
            if line.startswith("flags") and not flags:
                flags = line
    except OSError:
        pass
    per_cycle = 64 if " avx512f" in flags else 32 if " avx2" in flags else 16
    mhz = mhz or 2000.0
    return cores * mhz * 1e6 * per_cycle / 1e9, f"{cores} cores × {mhz / 1000:.2f} GHz × {per_cycle}"


def flops_per_sample(name: str, cfg: dict) -> float:
    from seqstudio.execution import training_flops

    gates = GATES[family(name)]
    return training_flops(cfg["T"], cfg["d"], [cfg["n"]] * depth(name), cfg["vocab"] or 1, BATCH,
                          step_cost=lambda d, n: gates * (d * n + n * n)) / BATCH


def _groups(configs: list[str], contenders: list[str], shared: bool, round_: int) -> list[str]:
    """The processes of one round, each a comma-separated list of ``config:contender`` items.
    ``shared``: TensorFlow's contenders of every configuration in one process, torch's in
    another (the quick mode: two imports, not one per contender); else each alone. The
    generators join the seed configuration; the order alternates between rounds so that
    neither side always runs first."""
    items = []
    for config in configs:
        names = list(contenders)
        if config == "seed" and any(family(c) == "rnn" for c in contenders):
            with_torch = any(is_torch(c) for c in contenders)
            names += [g for g in GENERATORS if with_torch or not is_torch(g)]
        items += [f"{config}:{name}" for name in names]
    if shared:
        sides = ([i for i in items if not is_torch(i.split(":")[1])],
                 [i for i in items if is_torch(i.split(":")[1])])
        groups = [",".join(side) for side in sides if side]
    else:
        groups = items
    return groups if round_ % 2 == 0 else groups[::-1]


def measure(configs: list[str], rounds: int, epochs: int, contenders: list[str],
            scale: float = 1.0, shared: bool = False) -> dict:
    results: dict = {}
    for r in range(rounds):
        for group in _groups(configs, contenders, shared, r):
            cmd = [sys.executable, __file__, "--worker", group, "--epochs", str(epochs),
                   "--scale", str(scale)]
            done = set()
            with tempfile.TemporaryFile("w+") as err, subprocess.Popen(
                    cmd, stdout=subprocess.PIPE, stderr=err, text=True) as proc:
                assert proc.stdout is not None
                for line in proc.stdout:  # each contender's row as soon as it is measured
                    if not line.startswith("RESULT "):
                        continue
                    _, item, payload = line.split(" ", 2)
                    config, contender = item.split(":")
                    out = json.loads(payload)
                    done.add(item)
                    key = "generate" if contender.startswith("generate-") else config
                    results.setdefault(key, {}).setdefault(contender, []).append(out)
                    figures = "  ".join(f"{k} {out[k]:9.0f}/s" for k in
                                        ("train", "infer", "generate") if k in out)
                    print(f"  round {r + 1}/{rounds} {config:5s} {contender:20s} {figures}"
                          f"  ({out['seconds']:.0f} s)", file=sys.stderr, flush=True)
                proc.wait()
                if proc.returncode != 0 or done != set(group.split(",")):
                    err.seek(0)
                    sys.exit(f"{group} failed:\n{err.read()[-3000:]}")
    summary: dict = {}
    for key, rows in results.items():
        summary[key] = {}
        for contender, outs in rows.items():
            row = {k: statistics.median(o[k] for o in outs)
                   for k in ("train", "infer", "infer_cpu", "generate", "updates_per_s")
                   if k in outs[0]}
            row.update({k: outs[0][k] for k in ("mode", "infer_mode") if k in outs[0]})
            if "max_gap_s" in outs[0]:
                row["max_gap_s"] = max(o["max_gap_s"] for o in outs)
            summary[key][contender] = row
    return summary


def _ratio(rows: dict, name: str, other: str, key: str) -> float | None:
    base = rows.get(other, {}).get(key)
    return rows[name][key] / base if base else None


def _x(value: float | None) -> str:
    return f"{value:.2f}x" if value is not None else "-"


def report(summary: dict, as_json: bool, elapsed: float) -> None:
    import keras

    peak, peak_text = peak_gflops()
    versions = [f"python {platform.python_version()}"]
    try:
        import tensorflow as tf

        versions.append(f"tensorflow {tf.__version__}")
    except ImportError:
        pass
    versions.append(f"keras {keras.__version__}")
    if torch_available():
        import torch

        versions.append(f"torch {torch.__version__}")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {_cpu_name()}; "
          f"est. fp32 peak {peak:.0f} GFLOP/s ({peak_text}); load average now {load:.1f}")
    print("versions: " + ", ".join(versions))
    print(f"threads: {threads()} for every contender (TensorFlow intra- and inter-op pools, "
          "torch.set_num_threads)")
    checks: list[tuple[str, float | None, float]] = []
    for config in [c for c in CONFIGS if c in summary]:
        rows, cfg = summary[config], CONFIGS[config]
        print(f"\n{config}: T={cfg['T']}, d={cfg['d']}"
              f"{' one-hot' if cfg['vocab'] else ''}, n={cfg['n']}, training batch {BATCH}")
        print(f"  {'contender':16s} {'train/s':>9s} {'vs torch':>8s} {'vs keras':>8s} "
              f"{'GFLOP/s':>8s} {'% peak':>6s} {'infer/s':>9s} {'vs torch':>8s} "
              f"{'infer/CPU-s':>10s} {'vs torch':>8s}  execution")
        for name, row in rows.items():
            vs_torch = _ratio(rows, name, twin(name, "torch"), "train")
            vs_keras = _ratio(rows, name, twin(name, "keras"), "train")
            infer_vs = _ratio(rows, name, twin(name, "torch"), "infer")
            infer_cpu_vs = _ratio(rows, name, twin(name, "torch"), "infer_cpu")
            gflops = row["train"] * flops_per_sample(name, cfg) / 1e9
            ours = name in OURS
            print(f"  {name:16s} {row['train']:9.0f} {_x(vs_torch if ours else None):>8s} "
                  f"{_x(vs_keras if ours else None):>8s} {gflops:8.2f} "
                  f"{100 * gflops / peak:5.1f}% {row['infer']:9.0f} "
                  f"{_x(infer_vs if ours else None):>8s} {row.get('infer_cpu', float('nan')):10.0f} "
                  f"{_x(infer_cpu_vs if ours else None):>8s}  {row['mode']}; "
                  f"infer: {row.get('infer_mode', '')}")
            if ours:
                checks.append((f"{config} inference {name} vs {twin(name, 'torch')}", infer_vs,
                               TARGETS["infer"]))
                checks.append((f"{config} inference per CPU-second {name}", infer_cpu_vs,
                               TARGETS["infer"]))
                if config == "large":
                    checks.append((f"large training {name} vs {twin(name, 'torch')}", vs_torch,
                                   TARGETS["stacked" if name == "stacked-rnn"
                                           else "train_large"]))
                elif name == "stacked-rnn":
                    checks.append((f"seed training stacked-rnn vs {twin(name, 'torch')}",
                                   vs_torch, TARGETS["stacked"]))
        for name in OURS:
            if name in rows and "updates_per_s" in rows[name]:
                print(f"  live loss updates while training {name}: "
                      f"{rows[name]['updates_per_s']:.0f}/s, each with every batch's loss "
                      f"(longest gap within an epoch {rows[name]['max_gap_s'] * 1000:.0f} ms)")
    gen = summary.get("generate", {})
    if gen:
        print(f"\ngeneration: char LM, V={GEN['vocab']}, n={GEN['n']}, window T={GEN['T']}, "
              f"{GEN['prompt']}-token prompt, {GEN['tokens']} tokens, temperature "
              f"{GEN['temperature']}, top-k {GEN['top_k']}")
        for name, row in gen.items():
            vs = _ratio(gen, name, "generate-torch", "generate") if name != "generate-torch" \
                else None
            print(f"  {name:22s} {row['generate']:9.0f} tokens/s {_x(vs):>8s}  {row['mode']}")
        if "generate-ours" in gen:
            checks.append(("generation vs torch loop",
                           _ratio(gen, "generate-ours", "generate-torch", "generate"),
                           TARGETS["generate"]))
    if checks:
        print("\ntargets (issue #16; ratios measured side by side in this run):")
        for text, value, target in checks:
            verdict = "-" if value is None else "met" if value >= target else "MISSED"
            print(f"  {text:45s} {_x(value):>7s}  target {target:.1f}x  {verdict}")
    import resource

    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_s = cpu.ru_utime + cpu.ru_stime
    print(f"elapsed: {elapsed:.0f} s; the contenders' processes used {cpu_s:.0f} CPU-seconds, "
          f"{cpu_s / max(elapsed, 1e-9):.2f} of the {os.cpu_count()} cores on average over the "
          "elapsed time (start-up and imports included)")
    if as_json:
        out = {c: {k: round(v["train"], 1) for k, v in summary[c].items()}
               for c in CONFIGS if c in summary}
        out["infer"] = {c: {k: round(v["infer"], 1) for k, v in summary[c].items()}
                        for c in CONFIGS if c in summary}
        out["infer_per_cpu_s"] = {c: {k: round(v.get("infer_cpu", 0.0), 1)
                                      for k, v in summary[c].items()}
                                  for c in CONFIGS if c in summary}
        out["generate"] = {k.removeprefix("generate-"): round(v["generate"], 1)
                           for k, v in gen.items()}
        out["elapsed_s"] = round(elapsed, 1)
        out["cpu_s"] = round(cpu_s, 1)
        print(json.dumps(out))
def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", choices=["seed", "large", "both"], default="both")
    parser.add_argument("--rounds", type=int, default=None,
                        help="interleaved rounds (default 3; 1 with --quick)")
    parser.add_argument("--epochs", type=int, default=3, help="timed epochs after one warm-up")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--quick", action="store_true",
                        help="one timed epoch on 15%% of the batches (one round unless "
                             "--rounds says otherwise), every "
                             "TensorFlow contender in one process and torch's in another (the "
                             "same table in a few minutes; noisier figures)")
    parser.add_argument("--only", metavar="FAMILIES",
                        help="only these cell families, comma-separated: rnn, lstm, gru")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--scale", type=float, default=1.0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        for item, out in run_worker(args.worker, args.epochs, args.scale):
            print(f"RESULT {item} " + json.dumps(out), flush=True)
        return
    started = time.perf_counter()
    if args.quick:
        args.epochs, args.scale = 1, 0.15
    if args.rounds is None:
        args.rounds = 1 if args.quick else 3
    if args.rounds < 1:
        parser.error(f"--rounds must be at least 1, got {args.rounds}")
    configs = ["seed", "large"] if args.config == "both" else [args.config]
    contenders = CONTENDERS if torch_available() else [
        c for c in CONTENDERS if not is_torch(c)]
    if args.only:
        wanted = {family(c) for c in args.only.split(",")}
        contenders = [c for c in contenders if family(c) in wanted]
    if not torch_available():
        print("torch is not installed: 'pip install torch==2.13.0' adds the torch.nn columns",
              file=sys.stderr)
    summary = measure(configs, args.rounds, args.epochs, contenders, args.scale,
                      shared=args.quick)
    print(f"{args.rounds} round(s), {args.epochs} timed epoch(s), {args.scale:g} of the "
          "batches", file=sys.stderr)
    report(summary, args.json, time.perf_counter() - started)


if __name__ == "__main__":
    main()
