"""Layering rules: the core never imports Qt, and TensorFlow is imported lazily."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import seqstudio

SRC = Path(seqstudio.__file__).parent
QT = re.compile(r"^\s*(import|from)\s+(PySide6|pyqtgraph|superqt)\b", re.M)


def test_no_module_outside_gui_imports_qt():
    offenders = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if "gui" not in path.relative_to(SRC).parts and QT.search(path.read_text())
    ]
    assert offenders == []


def test_importing_the_core_loads_neither_qt_nor_tensorflow():
    code = (
        "import sys, seqstudio, seqstudio.plugins, seqstudio.model, seqstudio.spec, "
        "seqstudio.hookspecs, seqstudio.cli.app\n"
        "from seqstudio.plugins import get_registry\n"
        "get_registry().cell_types()\n"
        "bad = [m for m in ('tensorflow', 'keras', 'PySide6', 'pyqtgraph') if m in sys.modules]\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_import_linter_contract_holds():
    lint = Path(sys.executable).parent / "lint-imports"
    root = SRC.parent.parent
    result = subprocess.run([str(lint) if lint.exists() else "lint-imports"], cwd=root,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_ruff_is_clean():
    ruff = Path(sys.executable).parent / "ruff"
    root = SRC.parent.parent
    result = subprocess.run([str(ruff) if ruff.exists() else "ruff", "check", "."], cwd=root,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-1000:]
