"""``seqstudio train`` and ``seqstudio resume``: the Trainer on the command line.

Cell parameters become options generated from every registered cell's schema (``--units``,
``--layers``...); the chosen cell checks them, so ``--layers`` with a one-layer cell is an error.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from seqstudio import tasks
from seqstudio.engine.events import (
    BatchEnd,
    EpochEnd,
    Event,
    Finished,
    HiddenSnapshot,
    SamplePrediction,
    Started,
)
from seqstudio.errors import DataError, TrainingError
from seqstudio.plugins import get_registry

DEFAULT_CELL = "simple-rnn-tanh"
#: option names of the train command that a cell parameter must not take
RESERVED = {"cell", "out", "epochs", "batch-size", "lr", "learning-rate", "optimizer", "seed",
            "task", "level", "vocab", "seq-len", "window", "target", "horizon", "columns",
            "text-column", "label-column", "date-column", "stride", "val-fraction", "debug",
            "help", "quiet", "strategy", "tensorboard", "early-stopping", "snapshot-every",
            "input-kind", "embed-dim", "encoding", "missing", "execution-mode", "force",
            "treat-as-missing"}
PARAM_PREFIX = "cellparam_"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("train", help="train a cell on a text or CSV file",
                       description="Train a recurrent cell on a file and keep the run in a "
                                   "directory (see docs/engine.md).")
    p.add_argument("data", metavar="DATA", help="a .txt file (language model) or a .csv file "
                   "(text classification or time series)")
    p.add_argument("--cell", default=DEFAULT_CELL,
                   help=f"cell type (default {DEFAULT_CELL}; 'seqstudio cells' lists them)")
    p.add_argument("--out", metavar="RUN_DIR", help="run directory (default runs/<time>-<cell>)")
    _add_cell_options(p)
    _add_training_options(p)
    _add_data_options(p)
    p.add_argument("--quiet", action="store_true", help="print only the final line")
    p.set_defaults(func=run_train)

    r = sub.add_parser("resume", help="continue a run from its last checkpoint",
                       description="Continue RUN_DIR from its last checkpoint, with the same data, "
                                   "cell and settings.")
    r.add_argument("run_dir", metavar="RUN_DIR")
    r.add_argument("--epochs", type=int, help="train up to this many epochs in all "
                   "(default: the run's own setting)")
    r.add_argument("--force", action="store_true", help="resume even if the data file changed")
    r.add_argument("--quiet", action="store_true", help="print only the final line")
    r.set_defaults(func=run_resume)


def _add_cell_options(p: argparse.ArgumentParser) -> None:
    group = p.add_argument_group("cell parameters (from each cell's schema)")
    # per parameter name: each distinct schema entry, with the cells that declare it, so a name
    # two plugins share shows each plugin's own help text, default and choices
    variants: dict[str, dict[Any, list[str]]] = {}
    for cell in get_registry().cell_types():
        for param in cell.params:
            variants.setdefault(param.name, {}).setdefault(param, []).append(cell.name)
    for name, by_param in variants.items():
        flag = name.replace("_", "-")
        flags = [f"--cell-{flag}" if flag in RESERVED else f"--{flag}"]
        if "_" in name and flag not in RESERVED:
            flags.append(f"--{name}")
        texts = []
        for param, cells in by_param.items():
            extra = f" choices: {', '.join(map(str, param.choices))};" if param.choices else ""
            texts.append(f"{param.help} ({', '.join(cells)};{extra} default {param.default})")
        first = next(iter(by_param))
        group.add_argument(*flags, dest=PARAM_PREFIX + name, metavar=first.type.upper(),
                           default=None, help=" | ".join(texts).replace("%", "%%"))


def _add_training_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("training")
    g.add_argument("--epochs", type=int, help="epochs (default: chosen for the data, "
                   "seqstudio.engine.settings.suggest_training)")
    g.add_argument("--batch-size", type=int, help="samples per step (default: chosen for the "
                   "data)")
    g.add_argument("--lr", "--learning-rate", dest="lr", type=float,
                   help="learning rate (default: chosen for the data)")
    g.add_argument("--optimizer", default="adam", help="keras optimizer name (default adam)")
    g.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    g.add_argument("--early-stopping", type=int, metavar="PATIENCE",
                   help="stop after PATIENCE epochs without a better val_loss")
    g.add_argument("--snapshot-every", type=int, metavar="K",
                   help="also snapshot hidden states every K batches")
    g.add_argument("--tensorboard", action="store_true", help="write TensorBoard logs")
    g.add_argument("--strategy", choices=["default", "mirrored", "multi-worker"],
                   default="default", help="tf.distribute strategy (multi-worker reads TF_CONFIG)")
    g.add_argument("--execution-mode", default="auto", metavar="MODE",
                   help="auto (default: chosen per configuration), loop, unrolled, loop-xla or "
                        "unrolled-xla, optionally ':K' batches per compiled call (unrolled:8)")


def _add_data_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("data")
    g.add_argument("--task", choices=list(tasks.names()),
                   help="default: detected from the file")
    g.add_argument("--level", choices=["char", "word"], default=None,
                   help="text tokens (default: char for lm, word for classify)")
    g.add_argument("--vocab", type=int, help="vocabulary size V (default: the tokens that "
                   "cover 95%% of the words, 99.9%% of the characters)")
    g.add_argument("--seq-len", type=int, help="time steps T per sample (default: from the "
                   "file; 20 rows for a forecast)")
    g.add_argument("--window", type=int, help="forecast: input window (same as --seq-len)")
    g.add_argument("--horizon", type=int, default=1, help="forecast: steps ahead (default 1)")
    g.add_argument("--target", action="append", metavar="COLUMN",
                   help="forecast target column (repeatable; default: the last numeric)")
    g.add_argument("--columns", help="forecast input columns, comma-separated (default: numeric)")
    g.add_argument("--date-column", help="forecast time axis: a column of dates or years, or "
                   "'year+quarter' / 'year+month' for two columns (default: detected)")
    g.add_argument("--text-column", help="classify: the text column (default: detected)")
    g.add_argument("--label-column", help="classify: the label column (default: detected)")
    g.add_argument("--input-kind", choices=["onehot", "embedding"], default=None,
                   help="text input encoding (default onehot)")
    g.add_argument("--embed-dim", type=int, default=16, help="embedding size (default 16)")
    g.add_argument("--stride", type=int, help="step between samples (default: T for a "
                   "language model, else 1)")
    g.add_argument("--val-fraction", type=float, default=0.2,
                   help="validation part (default 0.2)")
    g.add_argument("--missing", choices=["error", "drop", "interpolate"], default="interpolate",
                   help="missing values in a series (default interpolate)")
    g.add_argument("--treat-as-missing", action="append", metavar="COLUMN",
                   help="forecast: cells of COLUMN that are not numbers ('n/a', '12,5') become "
                        "missing values, handled by --missing (repeatable or comma-separated)")
    g.add_argument("--encoding", help="text encoding (default: UTF-8, else detected)")


def data_options(args: argparse.Namespace) -> Any:
    from seqstudio.data import DataOptions

    if args.window is not None and args.seq_len is not None and args.window != args.seq_len:
        raise DataError(f"--window {args.window} and --seq-len {args.seq_len} disagree; "
                        "give one of them")
    seq_len = args.window if args.window is not None else args.seq_len
    targets = [t.strip() for item in (args.target or []) for t in item.split(",") if t.strip()]
    return DataOptions(
        task=args.task, level=args.level, vocab=args.vocab,
        seq_len=seq_len, input_kind=args.input_kind,
        embed_dim=args.embed_dim, text_column=args.text_column, label_column=args.label_column,
        columns=[c.strip() for c in args.columns.split(",")] if args.columns else None,
        target=targets or None, date_column=args.date_column, horizon=args.horizon,
        stride=args.stride, val_fraction=args.val_fraction, missing=args.missing,
        treat_as_missing=[c.strip() for item in (args.treat_as_missing or [])
                          for c in item.split(",") if c.strip()] or None,
        encoding=args.encoding,
    )


def debug_enabled(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "debug", False)) or os.environ.get("SEQSTUDIO_DEBUG") == "1"


def run_train(args: argparse.Namespace) -> int:
    from seqstudio.engine.settings import TrainSettings

    registry = get_registry()
    cell = registry.cell_type(args.cell)
    given = {k[len(PARAM_PREFIX):]: v for k, v in vars(args).items()
             if k.startswith(PARAM_PREFIX) and v is not None}
    params = cell.resolve(given)
    chosen = {k: v for k, v in (("epochs", args.epochs), ("batch_size", args.batch_size),
                                ("learning_rate", args.lr)) if v is not None}
    settings = TrainSettings(  # checked now; what the user left out is chosen for the data
        optimizer=args.optimizer, seed=args.seed, early_stopping=args.early_stopping,
        snapshot_every=args.snapshot_every, tensorboard=args.tensorboard,
        strategy=args.strategy, execution_mode=args.execution_mode, **chosen)
    if settings.tensorboard:  # before the data is loaded, not only before training
        from seqstudio.engine.tensorboard import require

        require()
    path = Path(args.data)
    if not path.is_file():
        raise DataError("no such file" if not path.exists() else "not a file", path=path)
    options = data_options(args)
    if args.out and (Path(args.out) / "config.json").exists():
        raise TrainingError(f"{args.out} already holds a run; resume it with 'seqstudio resume "
                            f"{args.out}' or choose another --out")
    from seqstudio.engine import distribute
    from seqstudio.engine.tfenv import quiet_tensorflow

    quiet_tensorflow(debug_enabled(args))
    distribute.get_strategy(settings.strategy)  # multi-worker must exist before other TF ops
    from seqstudio.data import load_dataset
    from seqstudio.engine.trainer import Trainer

    dataset = load_dataset(path, options)
    settings, params = _fill_defaults(dataset, cell, settings, params, chosen, given, args.quiet)
    trainer = Trainer(dataset, cell, params, settings, run_dir=args.out, registry=registry)
    return _run(trainer, args)


def _fill_defaults(dataset: Any, cell: Any, settings: Any, params: dict, chosen: dict,
                   given: dict, quiet: bool) -> tuple[Any, dict]:
    """The epochs, batch size, learning rate and units the user did not give, from
    :func:`seqstudio.engine.settings.suggest_training` (the app uses the same function)."""
    import dataclasses

    from seqstudio.engine.settings import suggest_training

    defaults = suggest_training(dataset)
    filled = {k: getattr(defaults, k) for k in ("epochs", "batch_size", "learning_rate")
              if k not in chosen}
    if "units" not in given and any(p.name == "units" for p in cell.params):
        params = cell.resolve({**given, "units": defaults.units})
        filled["units"] = defaults.units
    if filled and not quiet:
        print("chosen for this data: " + ", ".join(f"{k} {v:g}" for k, v in filled.items())
              + f" ({defaults.reason})", flush=True)
    return dataclasses.replace(settings, **{k: v for k, v in filled.items() if k != "units"}), params


def run_resume(args: argparse.Namespace) -> int:
    from seqstudio.engine.resume import check_resumable
    from seqstudio.engine.rundir import RunDir
    from seqstudio.engine.tfenv import quiet_tensorflow

    run = RunDir(args.run_dir)
    strategy = run.config.get("settings", {}).get("strategy", "default")
    # refusals that read only the run's files come before TensorFlow's import (several seconds)
    check_resumable(run.path, epochs=args.epochs, allow_changed_data=args.force)
    quiet_tensorflow(debug_enabled(args))
    from seqstudio.engine import distribute
    from seqstudio.engine.trainer import Trainer

    distribute.get_strategy(strategy)
    trainer = Trainer.resume_run(run.path, epochs=args.epochs, allow_changed_data=args.force)
    return _run(trainer, args)


def _run(trainer: Any, args: argparse.Namespace) -> int:
    printer = Printer(quiet=args.quiet, dataset=trainer.dataset)
    trainer.subscribe(printer)
    result = trainer.run()
    if result.status == "finished":
        return 0
    if result.status == "stopped":
        return 130
    if debug_enabled(args) and result.traceback:
        print(result.traceback, file=sys.stderr, end="")
    kept = (f"; the run directory {result.run_dir} keeps what was learned before"
            if result.run_dir and Path(result.run_dir).is_dir() else "")
    print(f"error: training failed: {result.reason}{kept}", file=sys.stderr)
    return 1 if result.divergence is not None else 2


class Printer:
    """Per-epoch lines on stdout; within each epoch Keras' progress bar (batches, ETA, time per
    batch, loss) when stdout is a terminal."""

    def __init__(self, *, quiet: bool = False, dataset: Any = None, out: TextIO | None = None,
                 err: TextIO | None = None) -> None:
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self.quiet = quiet
        self.dataset = dataset
        # Keras' progress bar writes to sys.stdout, so it is drawn only when that is where our
        # lines go and it is a terminal; elsewhere (a pipe, a file, a test's buffer) the
        # per-epoch lines are all there is
        self.tty = self.out is sys.stdout and bool(getattr(sys.stdout, "isatty", lambda: False)())
        self.steps = 0
        self.epochs = 0
        self._bar: Any = None
        self._epoch_start = time.perf_counter()

    def __call__(self, event: Event) -> None:
        if isinstance(event, Started):
            self.steps, self.epochs = event.steps_per_epoch, event.epochs
            self._epoch_start = time.perf_counter()
            if not self.quiet:
                ds = self.dataset
                facts = f"{ds.n_train} training / {ds.n_val} validation samples, " if ds else ""
                print(f"training -> {event.run_dir}: {facts}{event.total_params:,} parameters"
                      + (f", from epoch {event.initial_epoch + 1}" if event.initial_epoch else ""),
                      file=self.out, flush=True)
        elif isinstance(event, BatchEnd):
            if self.tty and not self.quiet:
                self._progress(event)
        elif isinstance(event, EpochEnd):
            self._bar = None
            seconds = time.perf_counter() - self._epoch_start
            self._epoch_start = time.perf_counter()
            if not self.quiet:
                order = sorted(event.metrics, key=lambda k: (k.startswith("val_"),
                                                             k != "loss" and k != "val_loss", k))
                metrics = "  ".join(f"{k} {event.metrics[k]:.4g}" for k in order
                                    if not math.isnan(event.metrics[k]))
                print(f"epoch {event.epoch + 1}/{self.epochs}  {metrics}  ({seconds:.1f} s)",
                      file=self.out, flush=True)
        elif isinstance(event, SamplePrediction):
            if not self.quiet:
                print(f"  sample: {sample_text(event)}", file=self.out, flush=True)
        elif isinstance(event, HiddenSnapshot):
            pass
        elif isinstance(event, Finished):
            if self._bar is not None:  # stopped within an epoch: end the bar's line
                print(file=self.out, flush=True)
                self._bar = None
            print(f"{event.status}: {event.reason} after {event.epochs_done} epoch(s); "
                  f"run directory {event.run_dir}", file=self.out, flush=True)

    def _progress(self, event: BatchEnd) -> None:
        """Keras' own progress bar within the epoch: batches done, ETA, time per batch, loss."""
        if self._bar is None:
            import keras

            print(f"epoch {event.epoch + 1}/{self.epochs}", file=self.out, flush=True)
            self._bar = keras.utils.Progbar(self.steps or None, unit_name="batch",
                                            stateful_metrics=["loss"])
        self._bar.update(event.batch + 1, [("loss", event.loss)])


def sample_text(p: SamplePrediction) -> str:
    """One line for the sample prediction: the task's record describes itself."""
    return p.sample.describe()
