"""Every option the CLI offers and every feature the README names is claimed by a test that
exists and goes through the public path (tests/claims.py)."""

from __future__ import annotations

import argparse
import ast
import importlib.util
import re
from pathlib import Path

from seqstudio.cli.app import build_parser

ROOT = Path(__file__).resolve().parents[2]


def _module():
    spec = importlib.util.spec_from_file_location("claims", ROOT / "tests" / "claims.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _claims() -> dict[str, str]:
    return _module().CLAIMS


def _features() -> dict[str, tuple[str, ...]]:
    return _module().FEATURES


def _section(text: str, heading: str) -> list[str]:
    """The lines under ``## heading`` up to the next ``## `` heading."""
    lines = text.splitlines()
    start = lines.index(f"## {heading}") + 1
    end = next((i for i in range(start, len(lines)) if lines[i].startswith("## ")), len(lines))
    return lines[start:end]


def readme_features(text: str) -> list[str]:
    """The bold names of the ``## Features`` bullets, then the first cell of each row of the
    lecture-point table under ``## What you can see in it``."""
    names = [re.match(r"- \*\*(.+?)\*\*", line).group(1)
             for line in _section(text, "Features") if line.startswith("- **")]
    rows = [line for line in _section(text, "What you can see in it") if line.startswith("|")]
    for row in rows[2:]:  # after the header and its |---| line
        names.append(row.split("|")[1].strip())
    return names


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


#: calls that start ``seqstudio`` in another process (cli_subprocess.seqstudio, subprocess.*)
PROCESS_CALLS = {"seqstudio", "subprocess.run", "subprocess.Popen", "subprocess.check_output",
                 "subprocess.check_call"}
#: the app through its main window (tests/gui/conftest.py's fixture)
WINDOW_FIXTURES = {"make_window"}
#: the plugin author's own public entry point
API_CALLS = {"check_cell"}


def _called(node: ast.AST) -> set[str]:
    names = set()
    for call in ast.walk(node):
        if isinstance(call, ast.Call):
            func = call.func
            if isinstance(func, ast.Name):
                names.add(func.id)
            elif isinstance(func, ast.Attribute):  # subprocess.run, not trainer.run
                owner = func.value.id if isinstance(func.value, ast.Name) else ""
                names.add(f"{owner}.{func.attr}" if owner == "subprocess" else func.attr)
    return names


def public_path(path: Path, name: str) -> str:
    """How the test ``name`` in ``path`` reaches seqstudio: ``"process"``, ``"window"`` or
    ``"api"``; ``"in-process main()"`` or ``""`` when it does not go through a public path.
    A module-level helper that the test calls counts as part of the test."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    functions = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    test = functions[name]
    calls, seen, todo = set(), set(), [test]
    while todo:  # the test's calls, and those of the module's helpers it calls
        node = todo.pop()
        found = _called(node)
        calls |= found
        for helper in found & set(functions) - seen:
            seen.add(helper)
            todo.append(functions[helper])
    if "main" in calls:
        return "in-process main()"
    if calls & PROCESS_CALLS:
        return "process"
    if {a.arg for a in test.args.args} & WINDOW_FIXTURES:
        return "window"
    return "api" if calls & API_CALLS else ""


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


def test_every_readme_feature_has_a_claimed_test():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = readme_features(readme)
    assert len(named) >= 20, named  # the walk found both lists
    features = _features()
    missing = [n for n in named if n not in features]
    assert not missing, f"README features with no test in tests/claims.py FEATURES: {missing}"
    stale = sorted(set(features) - set(named))
    assert not stale, f"tests/claims.py FEATURES names what the README no longer does: {stale}"
    empty = [n for n, nodes in features.items() if not nodes]
    assert not empty, f"features with no test: {empty}"


def test_every_claimed_test_goes_through_the_public_path():
    wrong = []
    nodes = set(_claims().values()) | {n for ns in _features().values() for n in ns}
    for node in sorted(nodes):
        file, _, name = node.partition("::")
        path = ROOT / file
        if not path.is_file() or name not in _test_functions(path):
            wrong.append(f"{node}: no such test")
            continue
        how = public_path(path, name)
        if how not in ("process", "window", "api"):
            wrong.append(f"{node}: {how or 'neither a subprocess nor the window'}")
    assert not wrong, "claimed tests that miss the public path:\n" + "\n".join(wrong)


def left_out_by_default(path: Path, name: str) -> bool:
    """Whether the test ``name`` carries the ``long`` marker (itself or its module's
    ``pytestmark``), which the default run (``-m "not long"``) leaves out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "pytestmark" for t in node.targets):
            if "mark.long" in ast.unparse(node.value):
                return True
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return any("mark.long" in ast.unparse(d) for d in node.decorator_list)
    return False


def test_every_claim_is_exercised_by_the_default_run():
    """A claim whose only tests are ``long`` would go unchecked by ``.ci/run``."""
    claims = {k: (v,) for k, v in _claims().items()} | _features()
    unchecked = []
    for claim, nodes in sorted(claims.items()):
        kept = [n for n in nodes if (ROOT / n.partition("::")[0]).is_file()
                and not left_out_by_default(ROOT / n.partition("::")[0], n.partition("::")[2])]
        if not kept:
            unchecked.append(f"{claim}: {', '.join(nodes)}")
    assert not unchecked, "claims whose tests are all marked long:\n" + "\n".join(unchecked)


def test_the_checks_can_fail(tmp_path):
    """The README walk and the public-path check on made-up text and tests."""
    text = ("# x\n## Features\n\n- **One thing**: it works.\n- not bold\n## What you can see in "
            "it\n| point | where |\n|---|---|\n| `a = b` | here |\n## Next\n- **Not this**\n")
    assert readme_features(text) == ["One thing", "`a = b`"]
    tests = tmp_path / "test_made_up.py"
    tests.write_text(
        "from seqstudio.cli.app import main\n"
        "def helper():\n    return seqstudio('cells')\n"
        "def test_in_process():\n    assert main(['cells']) == 0\n"
        "def test_via_helper():\n    assert helper().returncode == 0\n"
        "def test_window(make_window):\n    make_window()\n"
        "def test_nothing_public():\n    assert 1 + 1 == 2\n"
        "def test_a_trainer_run_is_not_a_process(trainer):\n    trainer.run()\n"
        "def test_a_process(tmp_path):\n    subprocess.run(['seqstudio', 'cells'])\n")
    assert public_path(tests, "test_in_process") == "in-process main()"
    assert public_path(tests, "test_via_helper") == "process"
    assert public_path(tests, "test_window") == "window"
    assert public_path(tests, "test_nothing_public") == ""
    marked = tmp_path / "test_marked.py"
    marked.write_text("import pytest\n@pytest.mark.long\ndef test_a():\n    pass\n"
                      "@pytest.mark.slow\ndef test_b():\n    pass\n")
    assert left_out_by_default(marked, "test_a") and not left_out_by_default(marked, "test_b")
    marked.write_text("import pytest\npytestmark = [pytest.mark.long]\ndef test_b():\n    pass\n")
    assert left_out_by_default(marked, "test_b")
    assert public_path(tests, "test_a_trainer_run_is_not_a_process") == ""
    assert public_path(tests, "test_a_process") == "process"
