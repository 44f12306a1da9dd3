"""Lessons in other languages: a translated lesson is a complete lesson file (format 1) of the
same name in a folder named by its language code beside the original, ``ko/NAME.toml`` for
``NAME.toml``. It holds the same settings and steps; only its words differ (``title``,
``summary`` and each step's ``text``, ``question`` and ``answer``), and :func:`load_translated`
refuses a translation whose settings have drifted from its original's. An older seqstudio reads
either file as any lesson. No Qt, no TensorFlow.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from seqstudio.errors import Phrase
from seqstudio.i18n import QT_TRANSLATE_NOOP
from seqstudio.lesson.loader import Lesson, LessonError, load_lesson

#: the parts of a lesson that a translation may change; everything else must stay the same
TEXT_KEYS = ("title", "summary")
STEP_TEXT_KEYS = ("text", "question", "answer")
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")


def translation_path(path: str | Path, language: str) -> Path | None:
    """``language/NAME.toml`` beside the lesson at ``path``, when that file exists."""
    if not _LANGUAGE_CODE.match(language or ""):
        return None
    candidate = Path(path).parent / language / Path(path).name
    return candidate if candidate.is_file() else None


def translations(path: str | Path) -> list[str]:
    """The language codes the lesson at ``path`` has a translation in, sorted."""
    folder = Path(path).parent
    name = Path(path).name
    return sorted(sub.name for sub in folder.iterdir()
                  if sub.is_dir() and _LANGUAGE_CODE.match(sub.name) and (sub / name).is_file())


def settings_of(lesson: Lesson) -> dict[str, Any]:
    """Everything in ``lesson`` but its words and its own path: what a translation keeps."""
    out = lesson.to_json()
    del out["path"]
    for key in TEXT_KEYS:
        del out[key]
    for step in out["steps"]:
        for key in STEP_TEXT_KEYS:
            step[key] = step[key] is not None  # a translation keeps a question, in its words
    return out


def load_translated(path: str | Path, language: str | None, *,
                    check_cell: bool = True) -> Lesson:
    """The lesson at ``path`` in ``language``: its translation when there is one, else the lesson
    itself (English, or whatever language it was written in).

    :raises LessonError: as :func:`load_lesson` does, for either file, and when the translation's
        settings or steps differ from the original's (naming the first difference).
    """
    original = load_lesson(path, check_cell=check_cell)
    translated_path = translation_path(original.path, language or "")
    if translated_path is None:
        return original
    translated = load_lesson(translated_path, check_cell=check_cell)
    difference = _first_difference(settings_of(original), settings_of(translated))
    if difference:
        raise LessonError(Phrase(QT_TRANSLATE_NOOP("Errors", "{path}: a translation changes "
                                                             "only the words of {original}, but "
                                                             "{difference}"),
                                 path=translated.path, original=original.path.name,
                                 difference=difference))
    return translated


def _first_difference(original: dict[str, Any], translated: dict[str, Any]) -> Phrase | None:
    if len(original["steps"]) != len(translated["steps"]):
        return Phrase(QT_TRANSLATE_NOOP("Errors", "it has {n} steps where the original has "
                                                  "{original}"),
                      n=len(translated["steps"]), original=len(original["steps"]))
    for i, (a, b) in enumerate(zip(original["steps"], translated["steps"], strict=True), 1):
        for key in a:
            if a[key] == b[key]:
                continue
            if key in STEP_TEXT_KEYS:
                if a[key]:
                    return Phrase(QT_TRANSLATE_NOOP("Errors", "its step {step} lacks a {key}"),
                                  step=i, key=key)
                return Phrase(QT_TRANSLATE_NOOP("Errors", "its step {step} adds a {key}"),
                              step=i, key=key)
            return Phrase(QT_TRANSLATE_NOOP("Errors", "its step {step} has {key} {value} where "
                                                      "the original has {original}"),
                          step=i, key=key, value=repr(b[key]), original=repr(a[key]))
    for key in original:
        if key != "steps" and original[key] != translated[key]:
            return Phrase(QT_TRANSLATE_NOOP("Errors", "its {key} is {value} where the "
                                                      "original's is {original}"),
                          key=key, value=repr(translated[key]), original=repr(original[key]))
    return None
