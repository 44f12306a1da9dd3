"""What the engine costs: ``seqstudio train`` against a plain Keras ``fit``, and snapshots.

    python bench/engine.py            # table of medians and ratios
    python bench/engine.py --rounds 5 --epochs 4

Both sides train the same model (``seqstudio.model.build_model``, same cell, execution plan, seed,
optimizer, batch size) on the same data (the bundled ``toy_grammar.txt``, char level, T=20),
measured side by side in one process with the rounds interleaved so machine noise falls on both.

* engine / plain: samples per second of the Trainer (events, per-epoch checkpoint, history,
  sample prediction, hidden-state snapshots every epoch, the final model) over samples per second of
  ``model.fit`` alone. Target >= 0.97.
* snapshot cost: the Trainer with snapshots every epoch and every 10 batches over the Trainer with
  snapshots off, minus one. Target <= 5%.

The Trainer's time runs from its Started event to its Finished event; the plain side times
``fit``. Model building is outside both.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def plain_fit(ds, cell, params, settings) -> float:
    import keras

    from seqstudio.model import build_model

    keras.utils.set_random_seed(settings.seed)
    built = build_model(ds.input_spec, ds.head, cell, params, optimizer=settings.optimizer,
                        learning_rate=settings.learning_rate,
                        execution_mode=settings.execution_mode, batch_size=settings.batch_size)
    start = time.perf_counter()
    built.model.fit(ds.x_train, ds.y_train, batch_size=settings.batch_size,
                    epochs=settings.epochs, shuffle=True, verbose=0,
                    validation_data=(ds.x_val, ds.y_val))
    return time.perf_counter() - start


def engine_run(ds, cell, params, settings, *, snapshots: bool) -> float:
    from seqstudio.engine import Trainer
    from seqstudio.engine.events import Finished, Started

    marks: dict[str, float] = {}

    def on_event(event) -> None:
        if isinstance(event, Started | Finished):
            marks[type(event).__name__] = time.perf_counter()

    with tempfile.TemporaryDirectory() as tmp:
        trainer = Trainer(ds, cell, params, settings, run_dir=Path(tmp) / "run")
        trainer.snapshots_enabled = snapshots
        trainer.subscribe(on_event)
        result = trainer.run()
        if result.status != "finished":
            raise SystemExit(f"engine run {result.status}: {result.reason}\n{result.traceback}")
    return marks["Finished"] - marks["Started"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--units", type=int, default=32)
    args = parser.parse_args()

    from dataclasses import replace

    from seqstudio.data import SAMPLES, DataOptions, load_dataset
    from seqstudio.engine import TrainSettings
    from seqstudio.plugins import get_registry

    ds = load_dataset(SAMPLES["toy_grammar"], DataOptions(task="lm", level="char", seq_len=20))
    cell = get_registry().cell_type("simple-rnn-tanh")
    params = {"units": args.units}
    base = TrainSettings(epochs=args.epochs, batch_size=args.batch_size, seed=0)
    every_10 = replace(base, snapshot_every=10)
    samples = ds.n_train * args.epochs

    plain_fit(ds, cell, params, replace(base, epochs=1))  # warm up TensorFlow and the tracer
    times: dict[str, list[float]] = {"plain": [], "engine": [], "no-snapshots": [], "snap-10": []}
    for _ in range(args.rounds):
        times["plain"].append(plain_fit(ds, cell, params, base))
        times["engine"].append(engine_run(ds, cell, params, base, snapshots=True))
        times["no-snapshots"].append(engine_run(ds, cell, params, every_10, snapshots=False))
        times["snap-10"].append(engine_run(ds, cell, params, every_10, snapshots=True))
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"data: toy_grammar.txt, {ds.n_train} training samples, T=20, "
          f"V={ds.input_spec.vocab_size}; simple-rnn-tanh units={args.units}; batch "
          f"{args.batch_size}; {args.epochs} epochs; {args.rounds} rounds (medians)")
    for name, label in [("plain", "plain keras fit"), ("engine", "seqstudio Trainer"),
                        ("no-snapshots", "Trainer, snapshots off"),
                        ("snap-10", "Trainer, snapshots every epoch + every 10 batches")]:
        print(f"  {label:<52} {med[name]:7.2f} s  {samples / med[name]:9.0f} samples/s")
    ratio = (samples / med["engine"]) / (samples / med["plain"])
    cost = med["snap-10"] / med["no-snapshots"] - 1
    print(f"engine / plain samples/s ratio: {ratio:.3f}  (target >= 0.97)")
    print(f"snapshot cost (every epoch + every 10 batches): {cost:+.1%}  (target <= 5%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
