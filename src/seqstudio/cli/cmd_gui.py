"""``seqstudio gui [FILE]``: open the desktop app (also what ``seqstudio`` alone does)."""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path

from seqstudio.errors import DataError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "gui", help="open the desktop app",
        description="Open the desktop app. With no FILE it opens a bundled sample.")
    parser.add_argument("file", nargs="?", metavar="FILE",
                        help="a text file or time-series CSV to open")
    parser.add_argument("--run", metavar="DIR", help="also open a past run directory")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.file is not None and not Path(args.file).exists():
        raise DataError("no such file", path=args.file)
    # Imported by name: the CLI layer itself never imports Qt (see the import-linter contract).
    app = importlib.import_module("seqstudio.gui.app")
    return int(app.run_app(args.file, run_dir=args.run) or 0)
