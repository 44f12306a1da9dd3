"""``seqstudio plugins`` and ``seqstudio cells``."""

from __future__ import annotations

import argparse

from seqstudio import CONTRACT_VERSION
from seqstudio.cli.table import format_table
from seqstudio.plugins import get_registry


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("plugins", help="list plugins, their versions and any load errors")
    p.add_argument("--traceback", action="store_true", help="show the traceback of each failure")
    p.set_defaults(func=run_plugins)
    c = sub.add_parser("cells", help="list cell types with their parameters and defaults")
    c.set_defaults(func=run_cells)


def run_plugins(args: argparse.Namespace) -> int:
    registry = get_registry()
    rows = []
    for r in registry.plugins():
        provides = ", ".join(r.cell_types + r.data_formats) or "-"
        rows.append([r.name, r.distribution or "-", r.version or "-", r.contract or "-",
                     r.status, provides, r.error or ""])
    print(f"plugin contract {CONTRACT_VERSION} (accepts {CONTRACT_VERSION.split('.')[0]}.0 to "
          f"{CONTRACT_VERSION})")
    print(format_table(["plugin", "distribution", "version", "contract", "status", "provides",
                        "error"], rows))
    failures = registry.failures()
    if failures:
        print(f"\n{len(failures)} plugin(s) could not be loaded; the others work. "
              "Run 'seqstudio plugins --traceback' for details.")
        if args.traceback:
            for r in failures:
                print(f"\n--- {r.name} ({r.distribution or r.module})\n{r.traceback or r.error}")
    return 0


def run_cells(args: argparse.Namespace) -> int:
    registry = get_registry()
    rows = []
    for cell in registry.cell_types():
        params = ", ".join(f"{p.name}={p.default}" for p in cell.params)
        rows.append([cell.name, cell.label, ", ".join(cell.state_names), params, cell.plugin])
    print(format_table(["name", "label", "states", "parameters (defaults)", "plugin"], rows))
    return 0
