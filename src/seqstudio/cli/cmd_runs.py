"""``seqstudio predict``, ``evaluate`` and ``inspect``: work with a run directory."""

from __future__ import annotations

import argparse
import json
import math
from typing import Any

from seqstudio.cli.cmd_train import debug_enabled
from seqstudio.cli.table import format_table
from seqstudio.errors import SeqstudioError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("predict", help="generate text, classify text or forecast with a run",
                       description="Predict with the model of RUN_DIR. lm: generate --tokens "
                                   "tokens after --prompt. classify: class probabilities of "
                                   "--text. forecast: the next H values after the end of the "
                                   "data (or after --values), plus --steps recursive steps.")
    p.add_argument("run_dir", metavar="RUN_DIR")
    p.add_argument("--prompt", default=None, help="lm: the text to continue "
                   "(default: the run's probe sample)")
    p.add_argument("-n", "--tokens", type=int, default=100, help="lm: tokens to generate")
    p.add_argument("--temperature", type=float, default=1.0,
                   help="lm: sampling temperature; 0 picks the likeliest token (default 1)")
    p.add_argument("--top-k", type=int, default=0, help="lm: sample among the k likeliest "
                   "tokens (default 0: all)")
    p.add_argument("--seed", type=int, default=None, help="lm: random seed for sampling")
    p.add_argument("--text", help="classify: the text to classify")
    p.add_argument("--steps", type=int, default=0,
                   help="forecast: also forecast this many steps recursively")
    p.add_argument("--values", help="forecast (one input column): comma-separated history in "
                   "original units; the last window of them is used")
    p.add_argument("--json", action="store_true", help="print a JSON object as the last line")
    p.set_defaults(func=run_predict)

    e = sub.add_parser("evaluate", help="metrics on the validation part beside honest baselines",
                       description="The model's metrics on the validation part beside baselines "
                                   "fitted on the training part: unigram and interpolated bigram "
                                   "(lm); majority class and bag-of-words (classify); training "
                                   "mean, persistence, seasonal naive and AR(p) (forecast, in "
                                   "original units); and whether the model beats them.")
    e.add_argument("run_dir", metavar="RUN_DIR")
    e.add_argument("--json", action="store_true",
                   help="print one JSON object {model, baselines, details, labels, val_loss, "
                        "model_val_loss, comparison, model_epoch} as the last line")
    e.add_argument("--force", action="store_true", help="evaluate even if the data file changed")
    e.set_defaults(func=run_evaluate)

    i = sub.add_parser("inspect", help="architecture, parameter formulas and status of a run",
                       description="The architecture table of RUN_DIR (layer, output shape, "
                                   "parameters, formula) and where the run stands. With --step "
                                   "or --memory: the cell inspector's numbers, from the "
                                   "glass-box snapshots recorded in training.")
    i.add_argument("run_dir", metavar="RUN_DIR")
    i.add_argument("--step", type=int, default=None, metavar="T",
                   help="the arithmetic of time step T (from 1; h_0 = 0 at T = 1): x_t, x_t·Wx, "
                        "h_{t-1}, h_{t-1}·Wh, b, z, h_t and the gates, checked against Keras")
    i.add_argument("--epoch", type=int, default=None, metavar="E",
                   help="with --step/--memory: the end of epoch E (from 1; default the last)")
    i.add_argument("--layer", type=int, default=1, metavar="L",
                   help="with --step: recurrent layer L (from 1; default 1)")
    i.add_argument("--memory", action="store_true",
                   help="the influence of every input step on the final state "
                        "(|d sum(h_T)/d x_t|, probe and validation mean) and the memory length")
    i.set_defaults(func=run_inspect)


def _open(args: argparse.Namespace, *, tensorflow: bool = True) -> Any:
    """The run directory; with ``tensorflow``, TensorFlow imported quietly for what follows."""
    from seqstudio.engine.rundir import RunDir
    from seqstudio.engine.tfenv import quiet_tensorflow

    run = RunDir(args.run_dir)
    if tensorflow:
        quiet_tensorflow(debug_enabled(args))
    return run


def _load_model(run: Any) -> Any:
    try:
        return run.load_model()
    except SeqstudioError:
        raise
    except Exception as exc:  # noqa: BLE001 - e.g. the cell's plugin is not installed
        raise SeqstudioError(f"cannot load the model of {run.path}: {exc} (is the cell's plugin "
                             f"{run.config.get('cell', {}).get('plugin')!r} installed?)") from None


def run_predict(args: argparse.Namespace) -> int:
    """The run's task answers (:meth:`seqstudio.tasks.TaskSpec.predict`); this prints it."""
    from seqstudio import tasks
    from seqstudio.engine import predict as P

    run = _open(args)
    info = run.dataset_info()
    if not info:
        raise SeqstudioError(f"{run.path} has no dataset.json; it cannot predict")
    spec = tasks.of(info)
    predictor = P.Predictor(_load_model(run))
    request = tasks.PredictRequest(
        prompt=args.prompt, tokens=args.tokens, temperature=args.temperature,
        top_k=args.top_k or None, seed=args.seed, text=args.text, values=args.values,
        steps=args.steps)
    output = spec.predict(predictor, info, request, run)
    for block in output.blocks:
        if block.title:
            print(block.title)
        if block.header:
            print(format_table(list(block.header), [list(row) for row in block.rows]))
    if args.json:
        print(json.dumps(output.result))
    return 0


def run_evaluate(args: argparse.Namespace) -> int:
    from seqstudio.engine.resume import check_data_file, rebuild_dataset
    from seqstudio.engine.tfenv import quiet_tensorflow

    run = _open(args, tensorflow=False)
    # a changed or missing data file is refused before TensorFlow's import (several seconds)
    check_data_file(run.config, allow_changed_data=args.force, action="evaluate")
    quiet_tensorflow(debug_enabled(args))
    from seqstudio.engine.evaluate import evaluate

    dataset = rebuild_dataset(run.config, allow_changed_data=args.force, action="evaluate")
    result = evaluate(_load_model(run), dataset)
    metrics = list(result["model"])
    val_loss = result.get("val_loss", {})
    mine = result.get("model_val_loss")
    rows = [["model", *(_num(result["model"][m]) for m in metrics),
             "" if mine is None else _num(mine)]]
    for name, values in result["baselines"].items():
        label = result.get("labels", {}).get(name, name)
        loss = val_loss.get(name)
        rows.append([label, *(_num(values.get(m, math.nan)) for m in metrics),
                     "" if loss is None else _num(loss)])
    units = " (original units)" if result.get("units") == "original" else ""
    print(f"validation part of {run.path}: {result['n_val']} samples, task {result['task']}{units}")
    print(format_table(["", *metrics, "as val_loss"], rows))
    for name, detail in result.get("details", {}).items():
        print(f"  {name}: " + ", ".join(f"{k} {v!r}" for k, v in detail.items()))
    result["model_epoch"] = run.best_epoch
    if result["model_epoch"] is not None:
        print(f"  model: model.keras, epoch {result['model_epoch']} of {len(run.history())} "
              "(the lowest val_loss)")
    print(f"model: {result['comparison']['phrase']}")
    if args.json:
        keys = ("model", "baselines", "details", "labels", "val_loss", "model_val_loss",
                "comparison", "model_epoch")
        print(json.dumps({k: result[k] for k in keys if k in result}))
    return 0


def _num(value: float) -> str:
    return f"{value:.4f}" if math.isfinite(value) else str(value)


def _states_text(layer: Any, names: tuple[str, ...]) -> str:
    """``lstm_1 h (4), c (4)``: a recurrent layer's states and their sizes."""
    from seqstudio.reference import state_sizes

    return f"{layer.name} " + ", ".join(f"{name} ({size})" for name, size in
                                        zip(names, state_sizes(layer), strict=True))


def run_inspect(args: argparse.Namespace) -> int:
    from seqstudio.data.dataset import HeadSpec, InputSpec
    from seqstudio.model import build_model
    from seqstudio.plugins import get_registry

    glass_box = args.step is not None or args.memory
    # the glass box reads the recorded snapshots with numpy: no TensorFlow (5-7 s to import)
    run = _open(args, tensorflow=not glass_box)
    if glass_box:
        from seqstudio.glassbox import report

        if args.step is not None:
            print("\n".join(report.step_lines(run, args.step, args.epoch, args.layer)))
        if args.memory:
            print("\n".join(report.memory_lines(run, args.epoch)))
        return 0
    info, cell_cfg = run.dataset_info(), run.config.get("cell", {})
    cell = get_registry().cell_type(cell_cfg.get("name", ""))
    built = build_model(InputSpec(**info["input_spec"]), HeadSpec(**info["head"]), cell,
                        cell_cfg.get("params"), compile=False)
    rows = [[r.name, r.kind, r.output_shape, f"{r.params:,}", r.formula]
            for r in built.architecture()]
    print(f"{run.path}: cell {cell.name} {cell_cfg.get('params')}, task {info.get('task')}")
    print(format_table(["layer", "kind", "output shape", "parameters", "formula"], rows))
    print(f"total parameters: {built.model.count_params():,}")
    print("states: " + "; ".join(_states_text(layer, names) for layer, names in
                                 zip(built.recurrent_layers, built.state_names(), strict=True)))
    mode = run.config.get("execution_mode") or run.config.get("settings", {}).get("execution_mode")
    if mode:
        print(f"execution: {mode}")
    status = run.status()
    history = run.history()
    settings = run.config.get("settings", {})
    print(f"status: {status.get('status')}"
          + (f" ({status['reason']})" if status.get("reason") else "")
          + f", {len(history)} of {settings.get('epochs', '?')} epoch(s)")
    if history:
        last = history[-1]
        print("last epoch: " + "  ".join(f"{k} {v:.4g}" if k != "epoch" else f"epoch {v}"
                                         for k, v in last.items()
                                         if k == "epoch" or math.isfinite(v)))
    best = run.best_epoch
    if best is not None:
        row = next((r for r in history if r["epoch"] == best), {})
        val = row.get("val_loss", math.nan)
        print(f"best epoch: {best}" + (f" (val_loss {val:.4g})" if math.isfinite(val) else
                                       " (no validation part: the last)")
              + ", the model that model.keras holds")
    return 0
