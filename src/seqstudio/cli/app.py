"""Argument parsing and dispatch. Every command module exposes ``register(subparsers)``, which adds
its parser and sets ``func`` to a ``run(args) -> int``.

Errors a user can cause are :class:`~seqstudio.errors.SeqstudioError`; they print one line
``error: ...`` on stderr and exit 2. ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback

from seqstudio import __version__
from seqstudio.errors import SeqstudioError

#: command modules, in the order ``--help`` lists them
COMMAND_MODULES = [
    "seqstudio.cli.cmd_plugins",
]
OPTIONAL_COMMAND_MODULES = [
    "seqstudio.cli.cmd_train",
    "seqstudio.cli.cmd_runs",
    "seqstudio.cli.cmd_compare", "seqstudio.cli.cmd_lesson",
    "seqstudio.cli.cmd_gui",
]


class ArgumentParser(argparse.ArgumentParser):
    """argparse that reports bad arguments as one ``error:`` line and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"error: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="seqstudio",
        description="A studio for recurrent sequence models. With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"seqstudio {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ArgumentParser)
    for name in COMMAND_MODULES + OPTIONAL_COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if name in OPTIONAL_COMMAND_MODULES and exc.name == name:
                continue
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    debug = args.debug or os.environ.get("SEQSTUDIO_DEBUG") == "1"
    if args.command is None:
        if "gui" in parser._subparsers._group_actions[0].choices:  # type: ignore[union-attr]
            args = parser.parse_args([*argv, "gui"])
        else:
            parser.print_help()
            return 0
    try:
        return int(args.func(args) or 0)
    except SeqstudioError as exc:
        if debug:
            traceback.print_exc()
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the user never sees a traceback without --debug
        if debug:
            traceback.print_exc()
        print(f"error: unexpected {type(exc).__name__}: {exc} (run with --debug for details)",
              file=sys.stderr)
        return 2
