"""Keep the app's translations up to date: Qt's lupdate and lrelease, in groups.

    python tools/translations.py update           # collect every translate(...) into the .ts files
    python tools/translations.py todo GROUP       # the strings of GROUP still without a translation (JSON)
    python tools/translations.py fill GROUP F.json   # {context: {english: translation}} into GROUP's .ts
    python tools/translations.py release          # compile the .ts files into the shipped .qm
    python tools/translations.py check            # exit 1 when a string lacks a translation or a .qm is stale

Each group is one ``.ts`` file per language (``src/seqstudio/gui/translations/<group>_<lang>.ts``)
made from its own source files, so that people can translate different parts of the app at once;
``release`` compiles all groups of a language into one ``seqstudio_<lang>.qm``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUI = ROOT / "src" / "seqstudio" / "gui"
OUT = GUI / "translations"
LANGUAGES = ("ko",)

#: group -> source files (relative to ROOT); every gui module not named here is in "main"
GROUPS: dict[str, list[str]] = {
    "views": [f"src/seqstudio/gui/{name}.py" for name in (
        "live_view", "views", "pacer", "run_model", "glass_words", "legends", "loss_marks",
        "log_axis", "unrolled_picture", "qt_epoch_scrubber", "qt_hidden_state_plot",
        "qt_inspector", "qt_loss_plot", "qt_memory", "qt_prediction_panel", "qt_strips",
        "qt_trajectories", "qt_unrolled", "qt_weights")]
    + ["src/seqstudio/glassbox/health.py", "src/seqstudio/glassbox/arithmetic.py"],
    "compare": ["src/seqstudio/gui/compare_window.py"]
    + [str(p.relative_to(ROOT)) for p in sorted(GUI.glob("qt_compare_*.py"))],
    "lessons": ["src/seqstudio/gui/lesson_panel.py"],
    # the core's messages the GUI shows: error messages and dataset notes (QT_TRANSLATE_NOOP)
    "messages": ["src/seqstudio/errors.py", "src/seqstudio/gui/errors.py",
                 "src/seqstudio/engine/rundir.py", "src/seqstudio/engine/settings.py"]
    + [f"src/seqstudio/engine/{name}.py" for name in (
        "checkpoints", "compare", "controls", "evaluate", "fitting", "resume", "trainer")]
    + [str(p.relative_to(ROOT)) for p in sorted((ROOT / "src" / "seqstudio" / "data").glob("*.py"))]
    + [str(p.relative_to(ROOT)) for p in sorted((ROOT / "src" / "seqstudio" / "lesson").glob("*.py"))],
    "cells": [str(p.relative_to(ROOT)) for p in sorted((ROOT / "plugins").rglob("*.py"))]
    + ["src/seqstudio/spec.py"],
}


def group_sources() -> dict[str, list[Path]]:
    named = {path for files in GROUPS.values() for path in files}
    groups = {name: [ROOT / f for f in files if (ROOT / f).exists()]
              for name, files in GROUPS.items()}
    groups["main"] = [p for p in sorted(GUI.glob("*.py"))
                      if str(p.relative_to(ROOT)) not in named]
    return groups


def ts_path(group: str, language: str) -> Path:
    return OUT / f"{group}_{language}.ts"


def qm_path(language: str) -> Path:
    return OUT / f"seqstudio_{language}.qm"


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}")
    if not found:
        sys.exit(f"error: pyside6-{name} not found (it comes with PySide6-Essentials)")
    return found


def update(groups: list[str] | None = None) -> None:
    sources = group_sources()
    for group in groups or list(sources):
        for language in LANGUAGES:
            ts = ts_path(group, language)
            cmd = [_tool("lupdate"), "-no-obsolete", "-locations", "none", "-silent",
                   *[str(p) for p in sources[group]], "-ts", str(ts)]
            subprocess.run(cmd, check=True, cwd=ROOT)
            tree = ET.parse(ts)
            tree.getroot().set("language", language)
            tree.write(ts, encoding="utf-8", xml_declaration=True)


def _messages(ts: Path):
    tree = ET.parse(ts)
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            yield tree, name, message


def todo(group: str, language: str = "ko") -> dict[str, list[str]]:
    """The sources of ``group`` whose translation is missing or marked unfinished."""
    missing: dict[str, list[str]] = {}
    for _tree, context, message in _messages(ts_path(group, language)):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "vanished") \
                or not (translation.text or "").strip():
            missing.setdefault(context, []).append(message.findtext("source", ""))
    return missing


def fill(group: str, table: dict[str, dict[str, str]], language: str = "ko") -> int:
    ts = ts_path(group, language)
    tree = ET.parse(ts)
    done = 0
    for context in tree.getroot().iter("context"):
        wanted = table.get(context.findtext("name", ""), {})
        for message in context.iter("message"):
            text = wanted.get(message.findtext("source", ""))
            if text:
                translation = message.find("translation")
                if translation is None:
                    translation = ET.SubElement(message, "translation")
                translation.text = text
                translation.attrib.pop("type", None)
                done += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return done


def compile_qm(language: str, target: Path) -> None:
    files = sorted(OUT.glob(f"*_{language}.ts"))
    subprocess.run([_tool("lrelease"), "-silent", *[str(f) for f in files], "-qm", str(target)],
                   check=True, cwd=ROOT)


def release() -> None:
    for language in LANGUAGES:
        compile_qm(language, qm_path(language))


def stale_qm(language: str) -> bool:
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.qm"
        compile_qm(language, fresh)
        return not qm_path(language).exists() or fresh.read_bytes() != qm_path(language).read_bytes()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    up = sub.add_parser("update")
    up.add_argument("groups", nargs="*")
    sub.add_parser("release")
    sub.add_parser("check")
    td = sub.add_parser("todo")
    td.add_argument("group")
    fl = sub.add_parser("fill")
    fl.add_argument("group")
    fl.add_argument("table", type=Path)
    args = parser.parse_args(argv)
    if args.command == "update":
        update(args.groups or None)
    elif args.command == "release":
        release()
    elif args.command == "todo":
        print(json.dumps(todo(args.group), ensure_ascii=False, indent=1))
    elif args.command == "fill":
        table = json.loads(args.table.read_text(encoding="utf-8"))
        print(f"{fill(args.group, table)} translations written to {ts_path(args.group, 'ko')}")
    elif args.command == "check":
        bad = 0
        for group in group_sources():
            for language in LANGUAGES:
                missing = todo(group, language) if ts_path(group, language).exists() else {}
                for context, sources in missing.items():
                    for source in sources:
                        print(f"{group}_{language}.ts: {context}: no translation: {source!r}")
                        bad += 1
        for language in LANGUAGES:
            if stale_qm(language):
                print(f"{qm_path(language).name} is older than the .ts files: run release")
                bad += 1
        return 1 if bad else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
