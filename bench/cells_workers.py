"""The contenders of bench/cells.py, each measured in a process of its own (see its docstring).

A worker trains for one warm-up and ``epochs`` timed epochs, then times forward-only inference
over :data:`INFER_SAMPLES` samples; the generation workers time tokens/s of a char-level language
model generating one token at a time with its state carried forward.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

CONFIGS = {
    "seed": {"T": 20, "d": 100, "n": 10, "vocab": 100, "batches": 512},
    "large": {"T": 100, "d": 64, "n": 128, "vocab": None, "batches": 96},
}
BATCH = 64
#: forward-only inference is timed over this many samples (at a --scale below 1, --quick: 1024)
INFER_SAMPLES = 2048


def infer_samples(cfg: dict) -> int:
    return INFER_SAMPLES if cfg.get("scale", 1.0) >= 1 else INFER_SAMPLES // 2
#: torch's warm-up before its timed epochs: this many batches
TORCH_WARMUP_BATCHES = 8
#: torch's inference is timed at each of these batch sizes and its best is kept
TORCH_INFER_BATCHES = (64, 256, 1024)
#: generation: a char-level model of the seed configuration's sizes, prompt and tokens
GEN = {"vocab": 100, "n": 10, "T": 20, "prompt": 20, "tokens": 400, "temperature": 0.8,
       "top_k": 8}


def threads() -> int:
    """The thread count every contender gets: TensorFlow's default intra-op pool (one thread a
    core), which torch is pinned to as well; ``BENCH_THREADS`` overrides both."""
    return int(os.environ.get("BENCH_THREADS") or os.cpu_count() or 1)


def family(name: str) -> str:
    """``rnn``, ``lstm`` or ``gru``: which stock layers a contender is compared with."""
    for kind in ("lstm", "gru"):
        if name == kind or name.endswith("-" + kind):
            return kind
    return "rnn"


def depth(name: str) -> int:
    """Recurrent layers of a contender: 2 for ``stacked-rnn`` and its stock twins."""
    return 2 if name in ("stacked-rnn", "keras-simplernn2", "torch-rnn2") else 1


def _data(cfg: dict, samples: int | None = None):
    import numpy as np

    rng = np.random.default_rng(0)
    n = samples or max(1, round(cfg["batches"] * cfg.get("scale", 1.0))) * BATCH
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
    """Median samples/s of ``predict(x)``; the median samples per CPU-second of this process
    goes to :data:`CPU_RATES` (with one thread, a figure that other processes on the machine
    disturb much less than the wall clock)."""
    predict(x)  # compiles every shape it uses
    rates, cpu_rates = [], []
    for _ in range(repeats):
        start, cpu = time.perf_counter(), time.process_time()
        predict(x)
        rates.append(len(x) / (time.perf_counter() - start))
        cpu_rates.append(len(x) / max(time.process_time() - cpu, 1e-9))
    CPU_RATES.append(statistics.median(cpu_rates))
    return statistics.median(rates)


#: samples per CPU-second of each _infer_rate call of this process, in order
CPU_RATES: list[float] = []


def pin_tensorflow() -> None:
    """TensorFlow's thread pools, set once per process (before its runtime starts)."""
    import tensorflow as tf

    if tf.config.threading.get_intra_op_parallelism_threads() == threads():
        return
    tf.config.threading.set_intra_op_parallelism_threads(threads())
    tf.config.threading.set_inter_op_parallelism_threads(threads())


def onednn_on() -> bool:
    """Whether this process's TensorFlow runs its oneDNN CPU kernels (see seqstudio.execution)."""
    try:
        from tensorflow.python.util import _pywrap_util_port
    except ImportError:
        return False
    return bool(_pywrap_util_port.IsMklEnabled())


# ------------------------------------------------------------------------------------- ours
def worker_ours(name: str, cfg: dict, epochs: int) -> dict:
    from seqstudio.data.dataset import Dataset, HeadSpec, InputSpec, Probe
    from seqstudio.engine import Trainer, TrainSettings
    from seqstudio.engine.events import BatchEnd
    from seqstudio.engine.predict import Predictor

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
    # no validation set: its pass runs after an epoch's last batch, outside the timed span, and
    # would only add the tracing of one more function to every contender's fixed cost
    dataset = Dataset(task=task, input_spec=spec, head=head, x_train=x, y_train=y,
                      x_val=x[:0], y_val=y[:0],
                      probe=Probe(x=x[:1], step_labels=[str(i) for i in range(cfg["T"])]),
                      **extra)
    params = {"units": cfg["n"]}
    if name == "stacked-rnn":
        params["layers"] = 2
    epoch_stamps: dict[int, list[tuple[float, int]]] = {}
    arrivals: list[tuple[int, float]] = []  # (epoch, time) a loss update reaches a subscriber

    def on_event(event) -> None:
        now = time.perf_counter()
        if isinstance(event, BatchEnd):
            if not arrivals or now - arrivals[-1][1] > 1e-3:  # one call's batches come together
                arrivals.append((event.epoch, now))
            epoch_stamps.setdefault(event.epoch, []).append((now, (event.batch + 1) * BATCH))

    with tempfile.TemporaryDirectory() as tmp:
        mode = os.environ.get("BENCH_EXECUTION_MODE", "auto")
        trainer = Trainer(dataset, name, params,
                          TrainSettings(epochs=epochs + 1, batch_size=BATCH, seed=0,
                                        execution_mode=mode),
                          run_dir=Path(tmp) / "run")
        trainer.subscribe(on_event)
        # The hidden-state snapshots (and the glass box's) are taken after an epoch's last batch,
        # outside the timed span (with the default snapshot_every); they only add their tracing
        # to the fixed cost, so the bench leaves them out.
        trainer.snapshots_enabled = False
        result = trainer.run()
        if result.status != "finished":
            raise SystemExit(f"{name}: training {result.status}: {result.reason}")
        rates = [_rate(epoch_stamps[e]) for e in sorted(epoch_stamps)[1:]]
        predictor = Predictor(trainer.built.model)
        infer = _infer_rate(predictor, _data(cfg, infer_samples(cfg))[0])
        infer_cpu = CPU_RATES[-1]
        mode = trainer.built.execution.text + (", oneDNN" if onednn_on() else "")
    gaps = [b - a for (ea, a), (eb, b) in zip(arrivals, arrivals[1:], strict=False)
            if ea == eb and ea > 0]
    steady = gaps or [0.0]
    return {"train": statistics.median(rates), "infer": infer, "infer_cpu": infer_cpu,
            "mode": mode, "infer_mode": f"Predictor, {predictor.chunk} per call"
                          f"{', XLA' if predictor.jit_compile else ''}",
            "updates_per_s": 1 / statistics.median(steady), "max_gap_s": max(steady)}


def worker_generate_ours(window: bool = False) -> dict:
    """Tokens/s of :meth:`Predictor.generate` (the path of ``seqstudio predict``) on a char LM
    with a target at every step; ``window``: the window-rerun sampler instead."""
    from seqstudio.data.dataset import HeadSpec, InputSpec
    from seqstudio.engine.predict import Predictor
    from seqstudio.engine.sampler import LMSampler
    from seqstudio.model import build_model
    from seqstudio.plugins import get_registry

    built = build_model(InputSpec("onehot", GEN["T"], vocab_size=GEN["vocab"]),
                        HeadSpec("softmax", GEN["vocab"], per_step=True),
                        get_registry().cell_type("simple-rnn-tanh"), {"units": GEN["n"]},
                        compile=False)
    prompt = [2 + i % (GEN["vocab"] - 2) for i in range(GEN["prompt"])]
    if window:
        sampler = LMSampler(built.model, GEN["T"])

        def generate(n):
            return sampler(prompt, n, GEN["temperature"], GEN["top_k"], seed=0)
    else:
        predictor = Predictor(built.model)

        def generate(n):
            return predictor.generate(prompt, n, GEN["T"], GEN["temperature"], GEN["top_k"],
                                      seed=0)
    generate(8)
    rates = []
    for _ in range(3):
        start = time.perf_counter()
        out = generate(GEN["tokens"])
        rates.append(len(out) / (time.perf_counter() - start))
    return {"generate": statistics.median(rates),
            "mode": "window re-run (LMSampler)" if window else "state carried (StateSampler)"}


# ------------------------------------------------------------------------------------ keras
def _keras_timer(stamps: dict):
    import keras

    class Timer(keras.callbacks.Callback):
        def on_train_batch_end(self, batch, logs=None):
            stamps.setdefault(self.epoch, []).append((time.perf_counter(), (batch + 1) * BATCH))

        def on_epoch_begin(self, epoch, logs=None):
            self.epoch = epoch

    return Timer()


def worker_keras(cfg: dict, epochs: int, kind: str = "rnn", layers: int = 1) -> dict:
    import keras

    x, y = _data(cfg)
    keras.utils.set_random_seed(0)
    layer = {"rnn": keras.layers.SimpleRNN, "lstm": keras.layers.LSTM,
             "gru": keras.layers.GRU}[kind]
    if cfg["vocab"]:
        inputs = keras.Input((cfg["T"],), dtype="int32")
        h = keras.layers.CategoryEncoding(cfg["vocab"], output_mode="one_hot")(inputs)
        loss, width, activation = "sparse_categorical_crossentropy", cfg["vocab"], "softmax"
    else:
        inputs = h = keras.Input((cfg["T"], cfg["d"]))
        loss, width, activation = "mse", 1, None
    for i in range(layers):
        h = layer(cfg["n"], return_sequences=i < layers - 1)(h)
    model = keras.Model(inputs, keras.layers.Dense(width, activation=activation)(h))
    model.compile(optimizer="adam", loss=loss)
    stamps: dict = {}
    model.fit(x, y, batch_size=BATCH, epochs=epochs + 1, verbose=0, shuffle=True,
              callbacks=[_keras_timer(stamps)])
    rates = [_rate(stamps[e]) for e in sorted(stamps)[1:]]
    infer = _infer_rate(lambda a: model.predict(a, batch_size=256, verbose=0),
                        _data(cfg, infer_samples(cfg))[0])
    return {"train": statistics.median(rates), "infer": infer, "infer_cpu": CPU_RATES[-1],
            "mode": "keras defaults",
            "infer_mode": "model.predict, batch 256"}


# ------------------------------------------------------------------------------------ torch
def _pin_torch():
    import torch

    torch.set_num_threads(threads())
    return torch


def worker_torch(cfg: dict, epochs: int, kind: str = "rnn", layers: int = 1) -> dict:
    torch = _pin_torch()
    torch.manual_seed(0)
    x, y = _data(cfg)
    module = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[kind]
    rnn = module(cfg["d"], cfg["n"], num_layers=layers, batch_first=True)

    def last_h(state):  # the last layer's final state; an LSTM's is (h, c)
        return (state[0] if kind == "lstm" else state)[-1]
    head = torch.nn.Linear(cfg["n"], cfg["vocab"] or 1)
    opt = torch.optim.Adam([*rnn.parameters(), *head.parameters()], lr=1e-3)
    xt, yt = torch.from_numpy(x), torch.from_numpy(y)
    if cfg["vocab"]:
        lossf = torch.nn.CrossEntropyLoss()
        yt = yt.long()

        def encode(batch):
            return torch.nn.functional.one_hot(batch.long(), cfg["vocab"]).float()

        def output(h):
            return torch.softmax(head(h), -1)
    else:
        lossf = torch.nn.MSELoss()

        def encode(batch):
            return batch

        def output(h):
            return head(h)
    n = len(x)
    rates = []
    for epoch in range(epochs + 1):
        order = torch.randperm(n)
        start = time.perf_counter()
        # torch compiles nothing: a warm-up of a few batches (allocator, thread pool) is enough
        for i in range(0, n if epoch else min(n, TORCH_WARMUP_BATCHES * BATCH), BATCH):
            idx = order[i:i + BATCH]
            opt.zero_grad()
            _, state = rnn(encode(xt[idx]))
            loss = lossf(head(last_h(state)), yt[idx])
            loss.backward()
            opt.step()
        if epoch:
            rates.append(n / (time.perf_counter() - start))

    infer_x = _data(cfg, infer_samples(cfg))[0]
    best, best_cpu = (0.0, 0), 0.0
    for batch in TORCH_INFER_BATCHES:
        def predict(a, batch=batch):
            with torch.no_grad():
                for i in range(0, len(a), batch):
                    output(last_h(rnn(encode(torch.from_numpy(a[i:i + batch])))[1])).numpy()
        best = max(best, (_infer_rate(predict, infer_x), batch))
        best_cpu = max(CPU_RATES[-1], best_cpu)
    return {"train": statistics.median(rates), "infer": best[0], "infer_cpu": best_cpu,
            "mode": f"torch {torch.__version__}, {torch.get_num_threads()} threads",
            "infer_mode": f"no_grad, best batch {best[1]} of {TORCH_INFER_BATCHES}"}


def worker_generate_torch() -> dict:
    """Tokens/s of the same generation in torch: one ``nn.RNN`` step per token with ``h``
    carried, the same masking of padding and OOV, temperature and top-k, ``torch.multinomial``."""
    torch = _pin_torch()
    torch.manual_seed(0)
    vocab = GEN["vocab"]
    rnn = torch.nn.RNN(vocab, GEN["n"], batch_first=True)
    head = torch.nn.Linear(GEN["n"], vocab)
    eye = torch.eye(vocab)
    prompt = torch.tensor([2 + i % (vocab - 2) for i in range(GEN["prompt"])])
    generator = torch.Generator().manual_seed(0)

    def generate(n):
        out = []
        with torch.no_grad():
            steps, h = rnn(eye[prompt][None])
            probs = torch.softmax(head(steps[0, -1]), -1)
            for _ in range(n):
                logits = torch.log(probs) / GEN["temperature"]
                logits[:2] = float("-inf")  # padding and OOV are never drawn
                top, idx = torch.topk(logits, GEN["top_k"])
                token = idx[torch.multinomial(torch.softmax(top, -1), 1, generator=generator)]
                out.append(int(token))
                steps, h = rnn(eye[token][None], h)
                probs = torch.softmax(head(steps[0, -1]), -1)
        return out

    generate(8)
    rates = []
    for _ in range(3):
        start = time.perf_counter()
        out = generate(GEN["tokens"])
        rates.append(len(out) / (time.perf_counter() - start))
    return {"generate": statistics.median(rates),
            "mode": f"torch {torch.__version__}, {torch.get_num_threads()} threads, eager loop"}


def run_worker(items: str, epochs: int, scale: float) -> Iterator[tuple[str, dict]]:
    """One or more ``config:contender`` items (comma-separated), one after the other in this
    process, each yielded as soon as it is measured."""
    import seqstudio.execution  # noqa: F401 - its oneDNN default, as the app's and the Trainer's

    for item in items.split(","):
        config, contender = item.split(":")
        cfg = {**CONFIGS[config], "scale": scale}
        if not contender.startswith("torch") and contender != "generate-torch":
            pin_tensorflow()
        started = time.perf_counter()
        if contender == "generate-ours":
            out = worker_generate_ours()
        elif contender == "generate-ours-window":
            out = worker_generate_ours(window=True)
        elif contender == "generate-torch":
            out = worker_generate_torch()
        elif contender.startswith("torch-"):
            out = worker_torch(cfg, epochs, family(contender), depth(contender))
        elif contender.startswith("keras-"):
            out = worker_keras(cfg, epochs, family(contender), depth(contender))
        else:
            out = worker_ours(contender, cfg, epochs)
        out["seconds"] = time.perf_counter() - started  # building, tracing and timing it
        yield item, out
