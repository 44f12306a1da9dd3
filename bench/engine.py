"""What the engine costs: ``seqstudio train`` against a plain Keras ``fit``, and snapshots.

    python bench/engine.py            # table of medians and ratios
    python bench/engine.py --rounds 5 --epochs 6

Both sides train the same model (``seqstudio.model.build_model``, same cell, execution plan, seed,
optimizer, batch size) on the same data (the bundled ``toy_grammar.txt``, char level, T=20),
measured side by side in one process with the rounds interleaved (and their order rotated from
round to round) so machine noise falls on all sides.

* engine / plain: samples per second of the Trainer (events, per-epoch checkpoint, history,
  sample prediction, hidden-state snapshots every epoch, the final model) over samples per second of
  ``model.fit`` alone. Target >= 0.97.
* snapshot cost: the Trainer with snapshots every epoch and every 10 batches over the Trainer with
  snapshots off, minus one. Target <= 5%. Every snapshot includes the glass box's (weights,
  health and influence, :mod:`seqstudio.glassbox`).
* time-based snapshot cost: the Trainer with a snapshot every epoch and whenever
  ``--snapshot-seconds`` (0.18, what the window asks for) have passed since the last one, over the
  Trainer with snapshots off, minus one, with the snapshots a second it took. Target <= 5%.
  Measured directly too: what a mid-epoch snapshot adds to its batch's bookkeeping on the training
  thread (``record_batch`` with and without one, medians), times the cadence's rate. A snapshot
  is only taken at the end of a compiled call: with ``auto`` a small epoch may be one call.
* glass-box cost: the same Trainer with the glass box on over the same with it off (hidden-state
  snapshots still every epoch and 10 batches), minus one. Target <= 5%. Measured directly too:
  one glass-box snapshot (the compiled call on the probe and 32 validation samples, and reading
  its results) in milliseconds and in training batches (``train_on_batch``, median of 50 each).

Each on three bases, all printed with their targets:

* whole run: the Trainer's time runs from its Started event to its Finished event; the plain side
  times ``fit``; median over the rounds. Model building, and the Trainer's setup before Started
  (run directory, initial checkpoint, tracing the predictor, the per-epoch sampler and the probe;
  printed last), are outside; the first epoch's tracing (~2 s here) is inside both sides and
  dilutes the engine's per-epoch cost.
* steady state, span: seconds per epoch after the first, from the end of the first epoch to the
  end of the run, over N-1 (a Keras callback records the epoch ends of the plain ``fit``; the
  Trainer's EpochEnd and Finished events on the engine side); median over the rounds. Tracing is
  outside; the engine's end of the run (saving ``model.keras``, printed on its own) is inside.
* steady state, median epoch: the median of every epoch-end-to-epoch-end interval after the first
  epoch end, pooled over the rounds (one epoch of training and one of the engine's epoch-end work
  each). On a shared machine an epoch now and then stalls by a few hundred milliseconds, which
  moves a mean over five epochs by tens of milliseconds, on either side; the median does not move.

Last, the time the Trainer's epoch-end hook (history, checkpoint, status, events, snapshot, sample
prediction) takes on the training thread, median over the epochs after the first: the engine's
per-epoch cost measured directly, without the noise of comparing two runs. On a shared 2-core
machine the comparisons above move by 5-10% from one invocation to the next (more than the
engine's whole per-epoch cost), this figure by about a millisecond: run the bench several times
and quote medians.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


@dataclass
class Timing:
    """One run: ``start`` (fit called / Started), every epoch end, ``end`` (fit returned /
    Finished), and the setup before ``start`` (the Trainer's, 0 for plain fit)."""

    start: float
    epoch_ends: list[float]
    end: float
    setup: float = 0.0
    epoch_end_work: list[float] = field(default_factory=list)
    snapshots: int = 0
    #: seconds the Trainer's record_batch took on the training thread, on batches that took a
    #: snapshot and on the others
    batch_work: dict[str, list[float]] = field(default_factory=lambda: {"snap": [], "plain": []})

    @property
    def whole(self) -> float:
        return self.end - self.start

    @property
    def steady(self) -> float:
        """Seconds per epoch after the first: first epoch end to the end of the run."""
        return (self.end - self.epoch_ends[0]) / (len(self.epoch_ends) - 1)

    @property
    def intervals(self) -> list[float]:
        """Epoch end to epoch end, after the first epoch."""
        return [b - a for a, b in zip(self.epoch_ends, self.epoch_ends[1:], strict=False)]

    @property
    def tail(self) -> float:
        """The last epoch end to the end of the run (the engine saves model.keras there)."""
        return self.end - self.epoch_ends[-1]


def plain_fit(ds, cell, params, settings) -> Timing:
    import keras

    from seqstudio.model import build_model

    class EpochTimes(keras.callbacks.Callback):
        def __init__(self) -> None:
            super().__init__()
            self.ends: list[float] = []

        def on_epoch_end(self, epoch, logs=None) -> None:
            self.ends.append(time.perf_counter())

    keras.utils.set_random_seed(settings.seed)
    built = build_model(ds.input_spec, ds.head, cell, params, optimizer=settings.optimizer,
                        learning_rate=settings.learning_rate,
                        execution_mode=settings.execution_mode, batch_size=settings.batch_size)
    times = EpochTimes()
    start = time.perf_counter()
    built.model.fit(ds.x_train, ds.y_train, batch_size=settings.batch_size,
                    epochs=settings.epochs, shuffle=True, verbose=0,
                    validation_data=(ds.x_val, ds.y_val), callbacks=[times])
    return Timing(start, times.ends, time.perf_counter())


def glassbox_call(ds, cell, params, settings, calls: int = 50) -> tuple[float, float]:
    """Median seconds of one glass-box snapshot and of one training batch, side by side."""
    import keras
    import numpy as np

    from seqstudio.engine.events import HiddenSnapshot
    from seqstudio.glassbox.snapshot import GlassBox
    from seqstudio.model import build_model

    keras.utils.set_random_seed(settings.seed)
    built = build_model(ds.input_spec, ds.head, cell, params, optimizer=settings.optimizer,
                        learning_rate=settings.learning_rate,
                        execution_mode=settings.execution_mode, batch_size=settings.batch_size)
    glass = GlassBox.for_dataset(built, ds)
    states = [np.asarray(s)[0] for s in built.probe(ds.probe.x)]
    hidden = HiddenSnapshot(0, -1, tuple(states), tuple(layer.name for layer in
                                                        built.recurrent_layers),
                            tuple(ds.probe.step_labels))
    x, y = ds.x_train[: settings.batch_size], ds.y_train[: settings.batch_size]
    glass.take(hidden)
    built.model.train_on_batch(x, y)
    takes, steps = [], []
    for _ in range(calls):  # interleaved, so machine noise falls on both
        begin = time.perf_counter()
        glass.take(hidden)
        takes.append(time.perf_counter() - begin)
        begin = time.perf_counter()
        built.model.train_on_batch(x, y)
        steps.append(time.perf_counter() - begin)
    return statistics.median(takes), statistics.median(steps)


def engine_run(ds, cell, params, settings, *, snapshots: bool, glassbox: bool = True) -> Timing:
    from seqstudio.engine import Trainer
    from seqstudio.engine.events import EpochEnd, Finished, HiddenSnapshot, Started

    marks: dict[str, float] = {}
    epoch_ends: list[float] = []
    snapshots = [0]

    def on_event(event) -> None:
        if isinstance(event, HiddenSnapshot):
            snapshots[0] += 1
        elif isinstance(event, EpochEnd):
            epoch_ends.append(time.perf_counter())
        elif isinstance(event, Started | Finished):
            marks[type(event).__name__] = time.perf_counter()

    work: list[float] = []

    with tempfile.TemporaryDirectory() as tmp:
        trainer = Trainer(ds, cell, params, settings, run_dir=Path(tmp) / "run")
        trainer.snapshots_enabled = snapshots
        trainer.glassbox_enabled = glassbox
        trainer.subscribe(on_event)
        on_epoch_end = trainer.record_epoch

        def timed_epoch_end(*args, **kwargs):  # what the engine does on the training thread
            begin = time.perf_counter()
            try:
                return on_epoch_end(*args, **kwargs)
            finally:
                work.append(time.perf_counter() - begin)

        trainer.record_epoch = timed_epoch_end
        batch_work: dict[str, list[float]] = {"snap": [], "plain": []}
        on_batch = trainer.record_batch

        def timed_batch(*args, **kwargs):  # the batch's bookkeeping, with any snapshot it takes
            before, begin = snapshots[0], time.perf_counter()
            try:
                return on_batch(*args, **kwargs)
            finally:
                batch_work["snap" if snapshots[0] > before else "plain"].append(
                    time.perf_counter() - begin)

        trainer.record_batch = timed_batch
        called = time.perf_counter()
        result = trainer.run()
        if result.status != "finished":
            raise SystemExit(f"engine run {result.status}: {result.reason}\n{result.traceback}")
    return Timing(marks["Started"], epoch_ends, marks["Finished"],
                  setup=marks["Started"] - called, epoch_end_work=work, snapshots=snapshots[0],
                  batch_work=batch_work)


def _mark(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--epochs", type=int, default=6,
                        help="epochs per run; the steady state is every epoch after the first")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--units", type=int, default=32)
    parser.add_argument("--execution", default="auto",
                        help="execution mode of every run (with 'auto' a small epoch may be one "
                             "compiled call, and a snapshot is only taken at a call's end)")
    parser.add_argument("--snapshot-seconds", type=float, default=0.18,
                        help="the time-based cadence measured (the window's, by default)")
    args = parser.parse_args()
    started = time.perf_counter()
    if args.epochs < 2:
        parser.error("--epochs must be >= 2 (the steady state is the epochs after the first)")

    from dataclasses import replace

    from seqstudio.data import SAMPLES, DataOptions, load_dataset
    from seqstudio.engine import TrainSettings
    from seqstudio.plugins import get_registry

    ds = load_dataset(SAMPLES["toy_grammar"], DataOptions(task="lm", level="char", seq_len=20))
    cell = get_registry().cell_type("simple-rnn-tanh")
    params = {"units": args.units}
    base = TrainSettings(epochs=args.epochs, batch_size=args.batch_size, seed=0,
                         execution_mode=args.execution)
    every_10 = replace(base, snapshot_every=10)
    timed = replace(base, snapshot_seconds=args.snapshot_seconds)
    samples = ds.n_train * args.epochs

    plain_fit(ds, cell, params, replace(base, epochs=1))  # warm up TensorFlow and the tracer
    runs = {
        "plain": lambda: plain_fit(ds, cell, params, base),
        "engine": lambda: engine_run(ds, cell, params, base, snapshots=True),
        "no-snapshots": lambda: engine_run(ds, cell, params, every_10, snapshots=False),
        "snap-10": lambda: engine_run(ds, cell, params, every_10, snapshots=True),
        "snap-10-no-glass": lambda: engine_run(ds, cell, params, every_10, snapshots=True,
                                               glassbox=False),
        "snap-time": lambda: engine_run(ds, cell, params, timed, snapshots=True),
    }
    order = list(runs)
    timings: dict[str, list[Timing]] = {k: [] for k in runs}
    for r in range(args.rounds):
        for name in order[r % len(order):] + order[: r % len(order)]:
            timings[name].append(runs[name]())

    def median(name: str, what: str) -> float:
        return statistics.median(getattr(t, what) for t in timings[name])

    med = {k: median(k, "whole") for k in runs}
    span = {k: median(k, "steady") for k in runs}
    epoch = {k: statistics.median(x for t in timings[k] for x in t.intervals) for k in runs}
    tail = {k: median(k, "tail") for k in runs}
    n = ds.n_train
    print(f"data: toy_grammar.txt, {n} training samples, T=20, "
          f"V={ds.input_spec.vocab_size}; simple-rnn-tanh units={args.units}; batch "
          f"{args.batch_size}; {args.epochs} epochs; execution {args.execution}; {args.rounds} "
          "rounds (medians)")
    print(f"  {'':<52} {'whole run':>17}  {'steady state, span':>18}  "
          f"{'steady state, median epoch':>26}")
    for name, label in [("plain", "plain keras fit"), ("engine", "seqstudio Trainer"),
                        ("no-snapshots", "Trainer, snapshots off"),
                        ("snap-10", "Trainer, snapshots every epoch + every 10 batches"),
                        ("snap-10-no-glass", "  the same, glass box off"),
                        ("snap-time", f"Trainer, snapshots every {args.snapshot_seconds:g} s")]:
        print(f"  {label:<52} {med[name]:7.2f} s  {samples / med[name]:9.0f} samples/s   "
              f"{span[name]:6.3f} s/ep {n / span[name]:6.0f}/s   "
              f"{epoch[name]:6.3f} s/ep {n / epoch[name]:6.0f} samples/s")
    ratio = (samples / med["engine"]) / (samples / med["plain"])
    cost = med["snap-10"] / med["no-snapshots"] - 1
    print(f"engine / plain samples/s ratio: {ratio:.3f}  (target >= 0.97)")
    print(f"snapshot cost (every epoch + every 10 batches): {cost:+.1%}  (target <= 5%)")
    timed_cost = med["snap-time"] / med["no-snapshots"] - 1
    rate = statistics.median(t.snapshots / t.whole for t in timings["snap-time"])
    print(f"time-based snapshot cost (every epoch + every {args.snapshot_seconds:g} s, "
          f"{rate:.1f} snapshots a second): {timed_cost:+.1%}  (target <= 5%)")
    snap_work = [x for t in timings["snap-time"] for x in t.batch_work["snap"]]
    plain_work = [x for t in timings["snap-time"] for x in t.batch_work["plain"]]
    if snap_work and plain_work:
        each = statistics.median(snap_work) - statistics.median(plain_work)
        per_s = 1 / args.snapshot_seconds
        print(f"  measured on the training thread: a mid-epoch snapshot (hidden states, glass box, "
              f"events) adds {each * 1e3:.1f} ms to its batch (median of {len(snap_work)}); at "
              f"{per_s:.1f} a second, while batches come faster than that, {each * per_s:.1%} "
              "of each second of training (target <= 5%)")
    else:
        print("  no mid-epoch snapshot was taken: each epoch's batches ran in one compiled call "
              "(try --execution auto:4)")
    glass = med["snap-10"] / med["snap-10-no-glass"] - 1
    print(f"glass-box cost (the same snapshots, glass box on / off): {glass:+.1%}  "
          "(target <= 5%)")
    print("targets:")
    for label, basis, r, c in [
            ("whole run", med, ratio, cost),
            ("steady state, span", span, None, None),
            ("steady state, median epoch", epoch, None, None)]:
        r = basis["plain"] / basis["engine"] if r is None else r
        c = basis["snap-10"] / basis["no-snapshots"] - 1 if c is None else c
        g = basis["snap-10"] / basis["snap-10-no-glass"] - 1
        t = basis["snap-time"] / basis["no-snapshots"] - 1
        print(f"  {label:<27} engine / plain {r:6.3f} (>= 0.97) {_mark(r >= 0.97):<6}  "
              f"snapshot cost {c:+6.1%} (<= 5%) {_mark(c <= 0.05):<6}  "
              f"glass-box cost {g:+6.1%} (<= 5%) {_mark(g <= 0.05):<6}  "
              f"time-based {t:+6.1%} (<= 5%) {_mark(t <= 0.05)}")
    take, step = glassbox_call(ds, cell, params, every_10)
    per_epoch = math.ceil(n / args.batch_size)
    snaps = per_epoch // 10 + 1
    print(f"one glass-box snapshot: {take * 1e3:.1f} ms = {take / step:.2f} training batches "
          f"({step * 1e3:.1f} ms each by train_on_batch, medians of 50 interleaved); at every "
          f"epoch + every 10 batches ({snaps} per epoch of {per_epoch} batches) that is "
          f"{take * snaps / epoch['plain']:.1%} of a plain epoch (median, {epoch['plain']:.3f} "
          f"s) and {take * snaps / (step * per_epoch):.1%} of {per_epoch} train_on_batch calls "
          f"(target <= 5%)")
    print(f"engine cost per steady epoch over plain fit: {(epoch['engine'] - epoch['plain']) * 1e3:+.1f}"
          f" ms (median epoch), {(span['engine'] - span['plain']) * 1e3:+.1f} ms (span); last "
          f"epoch end to end of run: plain {tail['plain'] * 1e3:.0f} ms, engine "
          f"{tail['engine'] * 1e3:.0f} ms (saves model.keras)")
    work = statistics.median(x for t in timings["engine"] for x in t.epoch_end_work[1:])
    print(f"the Trainer's epoch-end work on the training thread (after the first epoch): "
          f"{work * 1e3:.1f} ms per epoch (median), {work / epoch['plain']:.1%} of a plain epoch")
    setup = statistics.median(t.setup for t in timings["engine"])
    print(f"Trainer setup before Started (outside every figure): {setup:.2f} s")
    print(f"elapsed: {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
