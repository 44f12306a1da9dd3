"""The two-state example of docs/plugins.md works as printed: its code blocks, saved as the files
they say they are, pass check_cell in both execution modes."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs" / "plugins.md"


def _blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", DOCS.read_text(encoding="utf-8"), flags=re.S)


@pytest.fixture(scope="module")
def leaky(tmp_path_factory):
    layers = next(b for b in _blocks() if "class LeakyCell" in b)
    plugin = next(b for b in _blocks() if "LEAKY = CellType" in b)
    root = tmp_path_factory.mktemp("docs_example")
    package = root / "seqstudio_leaky"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "layers.py").write_text(layers)
    (package / "plugin.py").write_text(plugin)
    sys.path.insert(0, str(root))
    try:
        from seqstudio_leaky import plugin as module

        yield module
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m.startswith("seqstudio_leaky")]:
            del sys.modules[name]


@pytest.mark.parametrize("mode", ["loop", "unrolled"])
def test_the_two_state_example_passes_the_checker(leaky, mode):
    from seqstudio.testing import check_cell

    report = check_cell(leaky.LEAKY, {"units": 3, "layers": 2}, execution_mode=mode,
                        round_trip=mode == "loop")
    assert report.state_names == ("h", "m") and set(report.state_errors) == {"h", "m"}
    assert report.max_abs_error <= 1e-5 and "cost" in report.checks


def test_the_two_state_example_registers(leaky):
    from seqstudio.plugins import create_registry

    registry = create_registry(extra_plugins=[("leaky", leaky)])
    assert registry.cell_type("leaky-memory").state_names == ("h", "m")
