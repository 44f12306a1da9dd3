"""Writing a lesson file (format 1): the settings of a run to be, and its steps, as TOML that
:func:`~seqstudio.lesson.loader.load_lesson` reads back. Python's ``tomllib`` only reads, and a
lesson holds only strings, numbers, booleans and lists of them, so the few TOML forms needed are
written here."""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any

from seqstudio.errors import Phrase
from seqstudio.i18n import QT_TRANSLATE_NOOP
from seqstudio.lesson.loader import (
    DATA_OPTIONS,
    FORMAT_VERSION,
    TRAINING,
    Lesson,
    LessonError,
    Step,
    load_lesson,
)


def _value(value: Any, where: str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise LessonError(Phrase(QT_TRANSLATE_NOOP("Errors", "{where} is {value}, which a "
                                                                 "lesson cannot hold"),
                                     where=where, value=value))
        return repr(value)
    if isinstance(value, str):
        # A JSON string is a TOML basic string: the same quotes and the same escapes.
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v, where) for v in value) + "]"
    raise LessonError(Phrase(QT_TRANSLATE_NOOP("Errors", "{where} is a {kind}, which a lesson "
                                                         "cannot hold"),
                             where=where, kind=type(value).__name__))


def _table(lines: list[str], header: str, values: dict[str, Any]) -> None:
    lines.append(f"\n{header}")
    for key, value in values.items():
        if value is not None:
            lines.append(f"{key} = {_value(value, f'{header} {key}')}")


def lesson_toml(*, title: str, data: dict[str, Any], cell: str, cell_params: dict[str, Any],
                steps: list[Step] | tuple[Step, ...], seed: int = 0,
                training: dict[str, Any] | None = None, summary: str = "") -> str:
    """The text of a format-1 lesson. ``data`` holds exactly one of ``path`` (as it is to be
    written: relative to the lesson's folder), ``sample`` or ``content`` with ``filename``, and
    any data options; options set to ``None`` are left out (chosen for the data)."""
    lines = [f"format = {FORMAT_VERSION}", f"title = {_value(title, 'title')}"]
    if summary:
        lines.append(f"summary = {_value(summary, 'summary')}")
    lines.append(f"seed = {int(seed)}")
    sources = {k: data[k] for k in ("path", "sample", "content", "filename") if data.get(k)}
    options = {k: data[k] for k in DATA_OPTIONS if data.get(k) is not None}
    _table(lines, "[data]", {**sources, **options})
    _table(lines, "[model]", {"cell": cell, **cell_params})
    kept = {k: v for k, v in (training or {}).items() if k in TRAINING and v is not None}
    if kept:
        _table(lines, "[training]", kept)
    for step in steps:
        _table(lines, "[[steps]]", {"text": step.text, "panel": step.panel,
                                    "highlight": list(step.highlight) or None,
                                    "hide": list(step.hide) or None,
                                    "question": step.question, "answer": step.answer})
    return "\n".join(lines) + "\n"


def save_lesson(path: str | Path, *, data_file: str | Path | None = None,
                sample: str | None = None, **fields: Any) -> Lesson:
    """Write a lesson to ``path`` and read it back with :func:`load_lesson`, which checks it.

    :param data_file: the data file, written as a path relative to the lesson's folder (so a
        lesson and its data travel together), unless it is a bundled sample.
    :param sample: or a bundled sample's name.
    :param fields: as :func:`lesson_toml` takes them, with the data options in ``data``.
    :return: the lesson as read back.
    :raises LessonError: when the settings do not make a lesson, or it cannot be written.
    """
    path = Path(path)
    data = {k: v for k, v in dict(fields.pop("data", {})).items() if k in DATA_OPTIONS}
    if sample is None and data_file is not None:
        from seqstudio.data import SAMPLES

        resolved = Path(data_file).resolve()
        sample = next((name for name, p in SAMPLES.items() if Path(p).resolve() == resolved),
                      None)
    if sample is not None:
        data["sample"] = sample
    elif data_file is not None:
        relative = os.path.relpath(Path(data_file).resolve(), path.resolve().parent)
        data["path"] = Path(relative).as_posix()
    else:
        raise LessonError(QT_TRANSLATE_NOOP("Errors", "a lesson needs its data: a data file or "
                                                      "a bundled sample"))
    text = lesson_toml(data=data, **fields)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise LessonError(Phrase(QT_TRANSLATE_NOOP("Errors", "cannot write {path}: {reason}"),
                                 path=path, reason=exc.strerror or exc)) from None
    return load_lesson(path)
