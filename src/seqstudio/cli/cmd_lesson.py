"""``seqstudio lesson FILE``: check a lesson file and print it, or train its settings."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path

from seqstudio.lesson import Lesson, LessonError, load_translated, translations


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("lesson", help="check a lesson file and print its steps",
                       description="Read FILE (a lesson, see docs/lessons.md), check every key, "
                                   "the data file, the cell and its settings, and print the "
                                   "lesson. With --train, train its settings as 'seqstudio "
                                   "train' would. FILE may be the name of a bundled lesson "
                                   "('seqstudio lesson --list' shows them).")
    p.add_argument("file", metavar="FILE", nargs="?", help="a lesson .toml file, or the name "
                   "of a bundled lesson")
    p.add_argument("--list", action="store_true", help="list the bundled lessons")
    p.add_argument("--language", metavar="CODE", help="the lesson's translation in CODE (e.g. "
                   "'ko': the file CODE/NAME.toml beside it), when it has one; else the lesson "
                   "itself")
    p.add_argument("--json", action="store_true", help="print the lesson as one JSON object "
                   "(with 'train_args', the arguments of 'seqstudio train') as the last line")
    p.add_argument("--train", action="store_true",
                   help="train the lesson's settings (embedded data is written to RUN_DIR-data/)")
    p.add_argument("--epochs", type=int, help="with --train: epochs instead of the lesson's")
    p.add_argument("--out", metavar="RUN_DIR", help="with --train: the run directory")
    p.set_defaults(func=run_lesson)


def resolve_file(name: str) -> Path:
    """A path, or the name (with or without .toml) of a bundled lesson."""
    from seqstudio.lesson.loader import SUFFIX, bundled_lessons

    path = Path(name)
    if path.exists():
        return path
    for bundled in bundled_lessons():
        if name in (bundled.name, bundled.stem):
            return bundled
    if path.suffix != SUFFIX and not path.parent.parts:
        raise LessonError(f"{name}: no such lesson file, and no bundled lesson of that name "
                          "(see 'seqstudio lesson --list')")
    return path  # load_lesson names the missing file


def run_lesson(args: argparse.Namespace) -> int:
    from seqstudio.errors import SeqstudioError
    from seqstudio.lesson.loader import bundled_lessons

    if args.list:
        for path in bundled_lessons():
            lesson = load_translated(path, args.language, check_cell=False)
            print(f"{path.stem}: {lesson.title}")
        return 0
    if not args.file:
        raise SeqstudioError("lesson needs FILE (or --list)")
    if (args.epochs is not None or args.out) and not args.train:
        raise SeqstudioError("--epochs and --out go with --train")
    lesson = load_translated(resolve_file(args.file), args.language)
    if args.language and args.language not in translations(lesson.path) \
            and lesson.path.parent.name != args.language:
        print(f"note: {lesson.path.name} has no {args.language!r} translation "
              f"({args.language}/{lesson.path.name} beside it); it is shown as written",
              file=sys.stderr)
    if args.train:
        return _train(lesson, args)
    print(_describe(lesson))
    if args.json:
        out = lesson.to_json()
        embedded = lesson.data.content is not None
        data = lesson.data.filename if embedded else lesson.data.file(".")
        out["train_args"] = lesson.train_args(str(data))
        print(json.dumps(out))
    return 0


def _describe(lesson: Lesson) -> str:
    lines = [f"{lesson.title}  (lesson format {lesson.format}, {lesson.path.name})"]
    if lesson.summary:
        lines.append(lesson.summary.strip())
    options = ", ".join(f"{k}={v}" for k, v in lesson.data.options.items())
    lines.append(f"data: {lesson.data.describe()}" + (f" ({options})" if options else ""))
    params = ", ".join(f"{k}={v}" for k, v in lesson.cell_params.items())
    lines.append(f"cell: {lesson.cell}" + (f" ({params})" if params else ""))
    training = ", ".join(f"{k}={v}" for k, v in lesson.training.items())
    lines.append(f"training: seed={lesson.seed}" + (f", {training}" if training else ""))
    if lesson.replay:
        lines.append(f"replays: {lesson.replay}")
    languages = translations(lesson.path)
    if languages:
        lines.append(f"translations: {', '.join(languages)} (--language CODE)")
    for i, step in enumerate(lesson.steps, 1):
        shows = [f"panel {step.panel}"] if step.panel else []
        shows += [f"highlight {', '.join(step.highlight)}"] if step.highlight else []
        shows += [f"hide {', '.join(step.hide)}"] if step.hide else []
        lines.append(f"\nstep {i}/{len(lesson.steps)}" + (f" [{'; '.join(shows)}]"
                                                          if shows else ""))
        lines.append(textwrap.indent(step.text.strip(), "  "))
        if step.question:
            lines.append(textwrap.indent(f"Question: {step.question.strip()}", "  "))
    return "\n".join(lines)


def _train(lesson: Lesson, args: argparse.Namespace) -> int:
    from seqstudio.cli.app import main
    from seqstudio.engine.rundir import default_run_dir

    out = Path(args.out) if args.out else default_run_dir(lesson.cell)
    data = lesson.data.file(out.with_name(out.name + "-data"))
    argv = ["train", *lesson.train_args(data), "--out", str(out)]
    if args.epochs is not None:
        argv += ["--epochs", str(args.epochs)]
    if args.debug:
        argv.insert(0, "--debug")
    print(f"lesson {lesson.title!r}: seqstudio {' '.join(argv)}")
    return main(argv)
