"""Training and inference throughput of the built-in cells against stock Keras and torch.nn.

Each cell family is compared with its own kind: the SimpleRNN cells with keras.layers.SimpleRNN
and torch.nn.RNN, ``lstm`` with keras.layers.LSTM and torch.nn.LSTM, ``gru`` with
keras.layers.GRU and torch.nn.GRU (Keras' reset_after form; torch's GRU is the same form).

    python bench/cells.py                 # both configurations, table
    python bench/cells.py --json          # ... and one JSON object on the last line
    python bench/cells.py --config seed --rounds 2
    python bench/cells.py --quick         # one round, 15% of the batches, one TF process per config

Configurations (batch 64, Adam, one recurrent layer unless stated):
  seed   T=20,  one-hot d=100, n=10, softmax over 100 tokens (the lecture notes' example)
  large  T=100, d=64,         n=128, linear head with 1 output

Our cells are trained by the engine's own Trainer (the path of ``seqstudio train`` and the GUI),
with its default execution mode (``auto``). Stock ``keras.layers.SimpleRNN`` is compiled with
Keras' defaults; torch uses ``torch.nn.RNN`` with the same sizes, optimizer and batch. Each
contender runs in its own process (TensorFlow and torch in one process fight over threads), and
the rounds interleave the contenders so that machine noise falls on all of them alike. Figures are
medians: of the timed epochs within a process (after a warm-up epoch), then of the rounds.

Run it on an otherwise idle machine. torch's OpenMP threads wait actively for each other, so when
another process holds a core, torch with 2 threads slows down 10-30x, far more than TensorFlow; the
ratios are then meaningless. ``BENCH_TORCH_THREADS=1`` pins torch to one thread if needed (the
table says how many it used).
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

CONFIGS = {
    "seed": {"T": 20, "d": 100, "n": 10, "vocab": 100, "batches": 512},
    "large": {"T": 100, "d": 64, "n": 128, "vocab": None, "batches": 96},
}
BATCH = 64
OURS = ["simple-rnn-tanh", "simple-rnn-relu", "stacked-rnn", "lstm", "gru"]
CONTENDERS = [*OURS, "keras-simplernn", "keras-lstm", "keras-gru", "torch-rnn", "torch-lstm",
              "torch-gru"]
#: the gate groups of each family: the multiply-adds of a step are that many times a SimpleRNN's
GATES = {"rnn": 1, "lstm": 4, "gru": 3}


def family(name: str) -> str:
    """``rnn``, ``lstm`` or ``gru``: which stock layers a contender is compared with."""
    for kind in ("lstm", "gru"):
        if name == kind or name.endswith("-" + kind):
            return kind
    return "rnn"


# ----------------------------------------------------------------------------------- workers
def _data(cfg: dict):
    import numpy as np

    rng = np.random.default_rng(0)
    n = max(1, round(cfg["batches"] * cfg.get("scale", 1.0))) * BATCH
    if cfg["vocab"]:
        x = rng.integers(2, cfg["vocab"], (n, cfg["T"])).astype("int32")
        y = rng.integers(2, cfg["vocab"], (n,)).astype("int32")
    else:
        x = rng.normal(size=(n, cfg["T"], cfg["d"])).astype("float32")
        y = rng.normal(size=(n, 1)).astype("float32")
    return x, y


def _rate(stamps: list[tuple[float, int]]) -> float:
    """Samples/s between the first and last (time, samples-so-far) stamps of an epoch."""
    (t0, s0), (t1, s1) = stamps[0], stamps[-1]
    return (s1 - s0) / (t1 - t0)


def _infer_rate(predict, x, repeats: int = 3) -> float:
    predict(x[: BATCH * 4])
    rates = []
    for _ in range(repeats):
        start = time.perf_counter()
        predict(x)
        rates.append(len(x) / (time.perf_counter() - start))
    return statistics.median(rates)


def worker_ours(name: str, cfg: dict, epochs: int) -> dict:

    from seqstudio.data.dataset import Dataset, HeadSpec, InputSpec, Probe
    from seqstudio.engine import Trainer, TrainSettings
    from seqstudio.engine.events import BatchEnd, Started

    x, y = _data(cfg)
    if cfg["vocab"]:
        spec = InputSpec("onehot", cfg["T"], vocab_size=cfg["vocab"])
        head, task = HeadSpec("softmax", cfg["vocab"]), "lm"
        tokens = ["", "[UNK]", *[f"t{i}" for i in range(2, cfg["vocab"])]]
        extra = {"tokens": tokens, "level": "word"}
    else:
        spec = InputSpec("numeric", cfg["T"], features=cfg["d"])
        head, task = HeadSpec("linear", 1), "forecast"
        cols = [f"f{i}" for i in range(cfg["d"])]
        extra = {"input_columns": cols, "target_columns": [cols[0]],
                 "scaler": {c: (0.0, 1.0) for c in cols}}
    n_val = BATCH
    dataset = Dataset(task=task, input_spec=spec, head=head, x_train=x, y_train=y,
                      x_val=x[:n_val], y_val=y[:n_val],
                      probe=Probe(x=x[:1], step_labels=[str(i) for i in range(cfg["T"])]),
                      **extra)
    params = {"units": cfg["n"]}
    if name == "stacked-rnn":
        params["layers"] = 2
    epoch_stamps: dict[int, list[tuple[float, int]]] = {}
    arrivals: list[tuple[int, float]] = []  # (epoch, time) a loss update reaches a subscriber
    info: dict = {}

    def on_event(event) -> None:
        now = time.perf_counter()
        if isinstance(event, BatchEnd):
            if not arrivals or now - arrivals[-1][1] > 1e-3:  # one call's batches come together
                arrivals.append((event.epoch, now))
            epoch_stamps.setdefault(event.epoch, []).append((now, (event.batch + 1) * BATCH))
        elif isinstance(event, Started):
            info["mode"] = event.execution_mode

    with tempfile.TemporaryDirectory() as tmp:
        mode = os.environ.get("BENCH_EXECUTION_MODE", "auto")
        trainer = Trainer(dataset, name, params,
                          TrainSettings(epochs=epochs + 1, batch_size=BATCH, seed=0,
                                        execution_mode=mode),
                          run_dir=Path(tmp) / "run")
        trainer.subscribe(on_event)
        result = trainer.run()
        if result.status != "finished":
            raise SystemExit(f"{name}: training {result.status}: {result.reason}")
        rates = [_rate(epoch_stamps[e]) for e in sorted(epoch_stamps)[1:]]
        model = trainer.built.model
        infer = _infer_rate(lambda a: model.predict(a, batch_size=BATCH, verbose=0), x)
        mode = trainer.built.execution.text
    # within an epoch, after the warm-up one (validation and checkpoints come between epochs)
    gaps = [b - a for (ea, a), (eb, b) in zip(arrivals, arrivals[1:], strict=False)
            if ea == eb and ea > 0]
    steady = gaps or [0.0]
    return {"train": statistics.median(rates), "infer": infer, "mode": mode,
            "updates_per_s": 1 / statistics.median(steady), "max_gap_s": max(steady)}


def _keras_timer(stamps: dict):
    import keras

    class Timer(keras.callbacks.Callback):
        def on_train_batch_end(self, batch, logs=None):
            stamps.setdefault(self.epoch, []).append((time.perf_counter(), (batch + 1) * BATCH))

        def on_epoch_begin(self, epoch, logs=None):
            self.epoch = epoch

    return Timer()


def worker_keras(cfg: dict, epochs: int, kind: str = "rnn") -> dict:
    import keras

    x, y = _data(cfg)
    keras.utils.set_random_seed(0)
    layer = {"rnn": keras.layers.SimpleRNN, "lstm": keras.layers.LSTM,
             "gru": keras.layers.GRU}[kind]
    if cfg["vocab"]:
        inputs = keras.Input((cfg["T"],), dtype="int32")
        h = keras.layers.CategoryEncoding(cfg["vocab"], output_mode="one_hot")(inputs)
        outputs = keras.layers.Dense(cfg["vocab"], activation="softmax")(layer(cfg["n"])(h))
        loss = "sparse_categorical_crossentropy"
    else:
        inputs = keras.Input((cfg["T"], cfg["d"]))
        outputs = keras.layers.Dense(1)(layer(cfg["n"])(inputs))
        loss = "mse"
    model = keras.Model(inputs, outputs)
    model.compile(optimizer="adam", loss=loss)
    stamps: dict = {}
    model.fit(x, y, batch_size=BATCH, epochs=epochs + 1, verbose=0, shuffle=True,
              callbacks=[_keras_timer(stamps)])
    rates = [_rate(stamps[e]) for e in sorted(stamps)[1:]]
    infer = _infer_rate(lambda a: model.predict(a, batch_size=BATCH, verbose=0), x)
    return {"train": statistics.median(rates), "infer": infer, "mode": "keras defaults"}


def worker_torch(cfg: dict, epochs: int, kind: str = "rnn") -> dict:
    import torch

    if os.environ.get("BENCH_TORCH_THREADS"):
        torch.set_num_threads(int(os.environ["BENCH_TORCH_THREADS"]))
    torch.manual_seed(0)
    x, y = _data(cfg)
    module = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[kind]
    rnn = module(cfg["d"], cfg["n"], batch_first=True)

    def last_h(state):  # the LSTM's final state is (h, c)
        return (state[0] if kind == "lstm" else state)[-1]
    head = torch.nn.Linear(cfg["n"], cfg["vocab"] or 1)
    opt = torch.optim.Adam([*rnn.parameters(), *head.parameters()], lr=1e-3)
    xt, yt = torch.from_numpy(x), torch.from_numpy(y)
    if cfg["vocab"]:
        lossf = torch.nn.CrossEntropyLoss()
        yt = yt.long()

        def encode(batch):
            return torch.nn.functional.one_hot(batch.long(), cfg["vocab"]).float()
    else:
        lossf = torch.nn.MSELoss()

        def encode(batch):
            return batch
    n = len(x)
    rates = []
    for epoch in range(epochs + 1):
        order = torch.randperm(n)
        start = time.perf_counter()
        for i in range(0, n, BATCH):
            idx = order[i:i + BATCH]
            opt.zero_grad()
            _, state = rnn(encode(xt[idx]))
            loss = lossf(head(last_h(state)), yt[idx])
            loss.backward()
            opt.step()
        if epoch:
            rates.append(n / (time.perf_counter() - start))

    def predict(a):
        with torch.no_grad():
            for i in range(0, len(a), BATCH):
                head(last_h(rnn(encode(torch.from_numpy(a[i:i + BATCH])))[1]))
    infer = _infer_rate(predict, x)
    return {"train": statistics.median(rates), "infer": infer,
            "mode": f"torch {torch.__version__}, {torch.get_num_threads()} threads"}


def run_worker(contenders: str, config: str, epochs: int, scale: float) -> None:
    """One or more contenders (comma-separated), one after the other in this process."""
    cfg = {**CONFIGS[config], "scale": scale}
    for contender in contenders.split(","):
        if contender.startswith("torch-"):
            out = worker_torch(cfg, epochs, family(contender))
        elif contender.startswith("keras-"):
            out = worker_keras(cfg, epochs, family(contender))
        else:
            out = worker_ours(contender, cfg, epochs)
        print(f"RESULT {contender} " + json.dumps(out), flush=True)


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

    units = [cfg["n"]] * (2 if name == "stacked-rnn" else 1)
    gates = GATES[family(name)]
    return training_flops(cfg["T"], cfg["d"], units, cfg["vocab"] or 1, BATCH,
                          step_cost=lambda d, n: gates * (d * n + n * n)) / BATCH


def measure(configs: list[str], rounds: int, epochs: int, contenders: list[str],
            scale: float = 1.0, shared: bool = False) -> dict:
    """``shared``: the TensorFlow contenders of a configuration run one after the other in one
    process (one TensorFlow import instead of one each; the quick mode), torch's still alone."""
    results: dict = {c: {k: [] for k in contenders} for c in configs}
    tf_side = [c for c in contenders if not c.startswith("torch-")]
    groups = ([",".join(tf_side)] + [c for c in contenders if c.startswith("torch-")]
              if shared else contenders)
    for r in range(rounds):
        for config in configs:
            for group in groups:
                cmd = [sys.executable, __file__, "--worker", group, "--config", config,
                       "--epochs", str(epochs), "--scale", str(scale)]
                proc = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
                lines = {ln.split(" ", 2)[1]: ln.split(" ", 2)[2]
                         for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")}
                if proc.returncode != 0 or set(lines) != set(group.split(",")):
                    sys.exit(f"{group} on {config} failed:\n{proc.stderr[-3000:]}")
                for contender in group.split(","):
                    out = json.loads(lines[contender])
                    results[config][contender].append(out)
                    print(f"  round {r + 1}/{rounds} {config:5s} {contender:16s} "
                          f"train {out['train']:9.0f}/s  infer {out['infer']:9.0f}/s",
                          file=sys.stderr)
    summary: dict = {}
    for config in configs:
        summary[config] = {}
        for contender, outs in results[config].items():
            summary[config][contender] = {
                "train": statistics.median(o["train"] for o in outs),
                "infer": statistics.median(o["infer"] for o in outs),
                "mode": outs[0]["mode"],
                **({"updates_per_s": statistics.median(o["updates_per_s"] for o in outs),
                    "max_gap_s": max(o["max_gap_s"] for o in outs)} if "updates_per_s" in outs[0]
                   else {}),
            }
    return summary


def report(summary: dict, as_json: bool) -> None:
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
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {_cpu_name()}; "
          f"est. fp32 peak {peak:.0f} GFLOP/s ({peak_text})")
    print("versions: " + ", ".join(versions))
    for config, rows in summary.items():
        cfg = CONFIGS[config]
        print(f"\n{config}: T={cfg['T']}, d={cfg['d']}"
              f"{' one-hot' if cfg['vocab'] else ''}, n={cfg['n']}, batch {BATCH}")
        print(f"  {'contender':16s} {'train/s':>9s} {'vs torch':>8s} {'vs keras':>8s} "
              f"{'GFLOP/s':>8s} {'% peak':>6s} {'infer/s':>9s}  execution")
        for name, row in rows.items():
            kind = family(name)
            base = rows.get(f"torch-{kind}", {}).get("train")
            kbase = rows.get("keras-simplernn" if kind == "rnn" else f"keras-{kind}",
                             {}).get("train")
            gflops = row["train"] * flops_per_sample(name, cfg) / 1e9
            vs_torch = f"{row['train'] / base:.2f}x" if base else "-"
            vs_keras = f"{row['train'] / kbase:.2f}x" if kbase else "-"
            print(f"  {name:16s} {row['train']:9.0f} {vs_torch:>8s} {vs_keras:>8s} "
                  f"{gflops:8.2f} {100 * gflops / peak:5.1f}% {row['infer']:9.0f}  {row['mode']}")
        for name in OURS:
            if name in rows and "updates_per_s" in rows[name]:
                print(f"  live loss updates while training {name}: "
                      f"{rows[name]['updates_per_s']:.0f}/s, each with every batch's loss "
                      f"(longest gap within an epoch {rows[name]['max_gap_s'] * 1000:.0f} ms)")
    if as_json:
        print(json.dumps({c: {k: round(v["train"], 1) for k, v in rows.items()}
                          for c, rows in summary.items()}))


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
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=3, help="timed epochs after one warm-up")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--quick", action="store_true",
                        help="one round of one timed epoch on 15%% of the batches, the "
                             "TensorFlow contenders of a configuration in one process (the same "
                             "table in a few minutes; noisier figures)")
    parser.add_argument("--only", metavar="FAMILIES",
                        help="only these cell families, comma-separated: rnn, lstm, gru")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--scale", type=float, default=1.0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        run_worker(args.worker, args.config, args.epochs, args.scale)
        return
    started = time.perf_counter()
    if args.quick:
        args.rounds, args.epochs, args.scale = 1, 1, 0.15
    configs = ["seed", "large"] if args.config == "both" else [args.config]
    contenders = CONTENDERS if torch_available() else [
        c for c in CONTENDERS if not c.startswith("torch-")]
    if args.only:
        wanted = {family(c) for c in args.only.split(",")}
        contenders = [c for c in contenders if family(c) in wanted]
    if not torch_available():
        print("torch is not installed: 'pip install torch==2.13.0' adds the torch.nn columns",
              file=sys.stderr)
    summary = measure(configs, args.rounds, args.epochs, contenders, args.scale,
                      shared=args.quick)
    report(summary, args.json)
    print(f"elapsed: {time.perf_counter() - started:.0f} s ({args.rounds} round(s), "
          f"{args.epochs} timed epoch(s), {args.scale:g} of the batches)", file=sys.stderr)


if __name__ == "__main__":
    main()
