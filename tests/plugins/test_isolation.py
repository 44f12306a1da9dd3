"""Four broken plugins are each recorded and skipped; the built-ins keep working."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from fake_dist import make_fake_distribution

from seqstudio import CONTRACT_VERSION
from seqstudio.plugins import create_registry

HEADER = "from seqstudio.hookspecs import hookimpl\n"
BAD_MODULES = {
    "bad_import": "raise ImportError('this plugin needs libfoo, which is not installed')\n",
    "bad_hook": HEADER + """
@hookimpl
def seqstudio_cell_types():
    raise RuntimeError('hook exploded')
""",
    "bad_spec": HEADER + """
@hookimpl
def seqstudio_cell_types():
    return [{'name': 'not-a-cell-type'}]
""",
    "bad_version": HEADER + """
SEQSTUDIO_CONTRACT = '2.0'

@hookimpl
def seqstudio_cell_types():
    return []
""",
}


@pytest.fixture
def broken_plugins(tmp_path, monkeypatch):
    make_fake_distribution(
        tmp_path, "broken-plugins", "9.9",
        BAD_MODULES, {name.replace("_", "-"): name for name in BAD_MODULES},
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    return tmp_path


def _record(registry, name):
    return next(r for r in registry.plugins() if r.name == name)


def test_each_broken_plugin_is_recorded_and_the_builtins_still_load(broken_plugins):
    registry = create_registry()
    expected = {
        "bad-import": ("failed", "ImportError: this plugin needs libfoo"),
        "bad-hook": ("failed", "RuntimeError: hook exploded"),
        "bad-spec": ("failed", "returned dict; expected CellType"),
        "bad-version": ("refused", "contract 2.0"),
    }
    for name, (status, text) in expected.items():
        record = _record(registry, name)
        assert record.status == status, (name, record)
        assert text in record.error
        assert record.distribution == "broken-plugins"
        assert record.version == "9.9"
        if status == "failed":
            assert "Traceback" in record.traceback
    refusal = _record(registry, "bad-version").error
    assert "'bad-version'" in refusal and "2.0" in refusal and CONTRACT_VERSION in refusal
    assert {"simple-rnn-tanh", "simple-rnn-relu", "stacked-rnn"} <= set(registry.cell_names())


def test_block_list_and_autoload_switch(broken_plugins, monkeypatch):
    monkeypatch.setenv("SEQSTUDIO_BLOCK_PLUGINS", "bad-hook, bad-import")
    registry = create_registry()
    assert _record(registry, "bad-hook").status == "blocked"
    assert _record(registry, "bad-import").status == "blocked"
    monkeypatch.delenv("SEQSTUDIO_BLOCK_PLUGINS")
    monkeypatch.setenv("SEQSTUDIO_DISABLE_PLUGIN_AUTOLOAD", "1")
    registry = create_registry()
    assert _record(registry, "bad-spec").status == "disabled"
    assert _record(registry, "builtin-cells").status == "ok"  # the host's own entry points
    assert "simple-rnn-tanh" in registry.cell_names()


def test_cli_reports_broken_plugins_and_exits_zero(broken_plugins):
    env = {**os.environ, "PYTHONPATH": str(broken_plugins)}
    result = subprocess.run([sys.executable, "-m", "seqstudio", "plugins"], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    for name in ("bad-import", "bad-hook", "bad-spec", "bad-version"):
        assert name in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert "4 plugin(s) could not be loaded" in result.stdout
    cells = subprocess.run([sys.executable, "-m", "seqstudio", "cells"], env=env,
                           capture_output=True, text=True, timeout=120)
    assert cells.returncode == 0 and "simple-rnn-tanh" in cells.stdout


def test_unknown_hook_name_is_a_recorded_failure():
    import types

    module = types.ModuleType("typo_plugin")
    exec(HEADER + "@hookimpl\ndef seqstudio_cell_typez():\n    return []\n", module.__dict__)
    registry = create_registry(extra_plugins=[("typo", module)])
    record = _record(registry, "typo")
    assert record.status == "failed" and "seqstudio_cell_typez" in record.error
