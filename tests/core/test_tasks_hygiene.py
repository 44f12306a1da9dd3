"""The task is decided in one place: no module outside ``seqstudio/tasks/`` tests the task's
name as a string (``task == "lm"``, ``ds.task in ("lm", "classify")``); it asks the task's
:class:`~seqstudio.tasks.TaskSpec` instead. The few places that still do are listed below, each
with its reason; the test fails when one appears elsewhere, and when a listed one is gone (so
the list never claims more than is true)."""

from __future__ import annotations

import re
from pathlib import Path

import seqstudio
from seqstudio import tasks

SRC = Path(seqstudio.__file__).parent
NAMES = "|".join(re.escape(n) for n in tasks.names())
#: a comparison with a task's name, or of anything called ``task`` with a string
COMPARISONS = [
    re.compile(rf"""(==|!=)\s*["']({NAMES})["']"""),
    re.compile(rf"""["']({NAMES})["']\s*(==|!=)"""),
    re.compile(r"""\b\w*task\w*\b(\)|\])?\s*(==|!=)\s*["']"""),
    re.compile(r"""\b\w*task\w*\b(\)|\])?\s+(not\s+)?in\s+[(\[{][^)\]}]*["']"""),
]

#: file (relative to the package) -> why it still compares task names
ALLOWED = {
    "gui/data_options_form.py": "the data form shows the text or the series options for the task "
                                "chosen in its combo box, before any dataset exists",
    "data/loader.py": "the loader picks which loader reads a file (a text file can only be a "
                      "language model, a table classify or forecast) before the dataset and its "
                      "task exist",
}


def _offending_lines() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel.startswith("tasks/"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if any(rx.search(code) for rx in COMPARISONS):
                found.setdefault(rel, []).append(f"{rel}:{number}: {line.strip()}")
    return found


def test_no_task_string_comparison_outside_the_tasks_package():
    found = _offending_lines()
    unexpected = [line for rel, lines in found.items() if rel not in ALLOWED for line in lines]
    assert unexpected == [], "ask seqstudio.tasks.get(name) instead:\n" + "\n".join(unexpected)
    gone = [rel for rel in ALLOWED if rel not in found]
    assert gone == [], f"no longer compares task names; remove it from ALLOWED: {gone}"


def test_the_check_finds_the_comparisons_it_is_meant_to(tmp_path):
    """The patterns catch each form they are written for (so the test above can fail)."""
    caught = ['if ds.task == "forecast":', 'if info["task"] != "lm":', "elif task in ('lm', 'x'):",
              'if opts.task not in (None, "lm"):', 'if "classify" == name:',
              'if info.get("task") != "lm":', 'if task == "sequence-labelling":']
    missed = ['task="lm",', 'head=tasks.get("lm").head(V)', 'return "classify"',
              'spec = tasks.get(dataset.task)']
    assert [s for s in caught if not any(rx.search(s) for rx in COMPARISONS)] == []
    assert [s for s in missed if any(rx.search(s) for rx in COMPARISONS)] == []
