"""Every option the CLI offers is claimed by a test that exists (tests/claims.py)."""

from __future__ import annotations

import argparse
import ast
import importlib.util
from pathlib import Path

from seqstudio.cli.app import build_parser

ROOT = Path(__file__).resolve().parents[2]


def _claims() -> dict[str, str]:
    spec = importlib.util.spec_from_file_location("claims", ROOT / "tests" / "claims.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.CLAIMS


def _key(action: argparse.Action) -> str:
    if not action.option_strings:
        return action.metavar or action.dest
    longs = [o for o in action.option_strings if o.startswith("--")]
    return (longs or action.option_strings)[0]


def cli_options() -> set[str]:
    """``"<command> <option>"`` for every option and positional of every command."""
    parser = build_parser()
    keys = set()
    commands = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            commands = action.choices
        elif not isinstance(action, argparse._HelpAction):
            keys.add(f"seqstudio {_key(action)}")
    for name, sub in commands.items():
        own = [a for a in sub._actions if not isinstance(a, argparse._HelpAction)]
        keys.update(f"{name} {_key(a)}" for a in own)
        if not own:
            keys.add(name)
    return keys


def _test_functions(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name for node in tree.body
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and node.name.startswith("test_")}


def test_every_cli_option_has_a_claimed_test():
    claims = _claims()
    missing = sorted(cli_options() - set(claims))
    assert not missing, f"options with no test in tests/claims.py: {missing}"
    stale = sorted(set(claims) - cli_options())
    assert not stale, f"tests/claims.py names options the CLI no longer has: {stale}"


def test_every_claimed_test_exists():
    absent = []
    for claim, node in _claims().items():
        file, _, name = node.partition("::")
        path = ROOT / file
        if not path.is_file() or name not in _test_functions(path):
            absent.append(f"{claim}: {node}")
    assert not absent, "claimed tests that do not exist:\n" + "\n".join(absent)


def test_the_walk_sees_generated_and_aliased_options():
    """The walk itself: cell parameters (generated from the schemas) and first long names."""
    keys = cli_options()
    assert {"train --units", "train --lr", "predict --tokens", "train DATA", "cells"} <= keys
    assert "train --learning-rate" not in keys and "predict -n" not in keys
