"""Lesson files: one TOML file that sets up data, cell, training and seed, and walks a learner
through Markdown steps (see ``docs/lessons.md``). The bundled lessons follow the lecture notes, in
English and (``bundled/ko/``) Korean."""

from seqstudio.lesson.loader import (
    FORMAT_VERSION,
    Lesson,
    LessonData,
    LessonError,
    Step,
    bundled_lessons,
    load_lesson,
)
from seqstudio.lesson.translations import load_translated, translation_path, translations
from seqstudio.lesson.writer import lesson_toml, save_lesson

__all__ = ["FORMAT_VERSION", "Lesson", "LessonData", "LessonError", "Step", "bundled_lessons",
           "lesson_toml", "load_lesson", "load_translated", "save_lesson", "translation_path",
           "translations"]
