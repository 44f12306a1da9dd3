"""``seqstudio compare RUN...``: 2-4 run directories side by side in one table."""

from __future__ import annotations

import argparse
import json
from typing import Any

from seqstudio.cli.table import format_table
from seqstudio.errors import SeqstudioError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("compare", help="2-4 runs side by side: settings, metrics, size, speed",
                       description="One table of 2 to 4 run directories: their settings (cell, "
                                   "data, training), the validation metrics at each run's best "
                                   "epoch, the number of parameters, and the wall time per "
                                   "epoch and samples per second (from the run's timestamps, "
                                   "start-up included). Run 'seqstudio evaluate' on each for "
                                   "the baselines.")
    p.add_argument("runs", metavar="RUN", nargs="+", help="run directories (2 to 4)")
    p.add_argument("--diff-only", action="store_true",
                   help="show only the settings in which the runs differ")
    p.add_argument("--json", action="store_true",
                   help="print one JSON object {runs, paths, rows: [{section, name, values, "
                        "differs}]} as the last line")
    p.set_defaults(func=run_compare)


def count_parameters(run: Any) -> int | None:
    """Build the run's model (not trained, not loaded) and count its parameters, as
    ``seqstudio inspect`` does; ``None`` when the run lacks what it needs."""
    from seqstudio.data.dataset import HeadSpec, InputSpec
    from seqstudio.model import build_model
    from seqstudio.plugins import get_registry

    info, cell_cfg = run.dataset_info(), run.config.get("cell", {})
    if "input_spec" not in info or "head" not in info:
        return None
    try:
        cell = get_registry().cell_type(cell_cfg.get("name", ""))
    except SeqstudioError:
        return None  # the cell's plugin is not installed here
    built = build_model(InputSpec(**info["input_spec"]), HeadSpec(**info["head"]), cell,
                        cell_cfg.get("params"), compile=False)
    return int(built.model.count_params())


def run_compare(args: argparse.Namespace) -> int:
    from seqstudio.cli.cmd_train import debug_enabled
    from seqstudio.engine.compare import SECTIONS, compare_runs, format_value
    from seqstudio.engine.tfenv import quiet_tensorflow

    quiet_tensorflow(debug_enabled(args))
    comparison = compare_runs(args.runs, count_params=count_parameters)
    rows = []
    for section in SECTIONS:
        shown = comparison.section(section, diff_only=args.diff_only and section == "settings")
        for row in shown:
            mark = "*" if row.differs and section == "settings" else ""
            rows.append([section, row.name + mark, *(format_value(v) for v in row.values)])
    print(format_table(["", "", *comparison.runs], rows))
    same = [r for r in comparison.section("settings") if not r.differs]
    if args.diff_only:
        print(f"({len(same)} setting(s) the runs share are not shown)")
    else:
        print("* the runs differ in this setting")
    if args.json:
        print(json.dumps(comparison.to_json(diff_only=args.diff_only)))
    return 0
