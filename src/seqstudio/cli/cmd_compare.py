"""``seqstudio compare RUN...``: 2-4 run directories side by side in one table."""

from __future__ import annotations

import argparse
import json

from seqstudio.cli.table import format_table


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("compare", help="2-4 runs side by side: settings, metrics, size, speed",
                       description="One table of 2 to 4 run directories: their settings (cell, "
                                   "data, training), the validation metrics at each run's best "
                                   "epoch, the honest baselines' validation loss on each run's "
                                   "data (loaded again; '?' when the file is gone or changed), "
                                   "the glass box's memory and health read-outs at the last "
                                   "epoch, the number of parameters, and the median seconds per "
                                   "epoch and training samples per second (from history.csv's "
                                   "epoch_seconds, the first epoch, which includes compiling, "
                                   "left out when there are others; '-' for runs written "
                                   "before it was recorded). The app's Train > Compare Runs "
                                   "window shows the same table.")
    p.add_argument("runs", metavar="RUN", nargs="+", help="run directories (2 to 4)")
    p.add_argument("--diff-only", action="store_true",
                   help="show only the settings in which the runs differ")
    p.add_argument("--json", action="store_true",
                   help="print one JSON object {runs, paths, rows: [{section, name, values, "
                        "differs}]} as the last line")
    p.set_defaults(func=run_compare)


def run_compare(args: argparse.Namespace) -> int:
    from seqstudio.cli.cmd_train import debug_enabled
    from seqstudio.engine.compare import (
        SECTIONS,
        compare_runs,
        count_parameters,
        format_value,
        run_baselines,
    )
    from seqstudio.engine.tfenv import quiet_tensorflow

    baselines = run_baselines()

    def baselines_for(run):
        # loading a run's data again needs TensorFlow (text encoding, tf.data): imported quietly,
        # and only once the runs have been read, so a wrong path is refused at once
        quiet_tensorflow(debug_enabled(args))
        return baselines(run)

    comparison = compare_runs(args.runs, count_params=count_parameters,
                              baselines_for=baselines_for)
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
