"""Lesson files: reading and checking them (format described in ``docs/lessons.md``).

A lesson is a TOML file, ``format = 1``: a title, the data (a path relative to the lesson file, a
bundled sample by name, or a small file embedded in the lesson), the cell and its parameters, the
training settings and the seed, and ordered ``[[steps]]`` of Markdown text. A step may name the
panel to show, what to highlight and which controls to hide, and ask a question. Everything is
checked when the file is read, so a typo fails with the file and the key named, never later in
the app. No Qt, no TensorFlow.

This module holds the lesson, its data and the checks of the top-level keys, the data, the model
and the training settings; :mod:`seqstudio.lesson.steps` holds the steps and their checks, and
:mod:`seqstudio.lesson.checks` the checks of keys and values that both use.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from seqstudio.errors import Phrase, SeqstudioError, error_phrase
from seqstudio.i18n import QT_TRANSLATE_NOOP
from seqstudio.lesson.checks import Fail, known_keys, table_value, text_value
from seqstudio.lesson.steps import Step, read_steps

#: the lesson format this seqstudio writes and the newest it reads
FORMAT_VERSION = 1
SUFFIX = ".toml"
#: data options a lesson may set: those ``seqstudio train`` takes, with the same meaning
DATA_OPTIONS = ("task", "level", "vocab", "seq_len", "input_kind", "embed_dim", "text_column",
                "label_column", "columns", "target", "date_column", "horizon", "stride",
                "val_fraction", "missing", "treat_as_missing", "encoding")
DATA_SOURCES = ("path", "sample", "content")
TRAINING = ("epochs", "batch_size", "learning_rate", "optimizer", "early_stopping",
            "snapshot_every")
TOP_LEVEL = ("format", "title", "summary", "seed", "data", "model", "training", "replay",
             "steps")
#: embedded data is for small examples; larger data belongs in a file beside the lesson
MAX_EMBEDDED_CHARS = 64_000


class LessonError(SeqstudioError):
    """A lesson file that cannot be used, with the file and the key named."""


@dataclass(frozen=True)
class LessonData:
    """Where the data is: ``path`` (absolute, resolved from the lesson's folder), ``sample`` (a
    bundled sample's name) or ``content`` with its ``filename``; ``options`` as in DataOptions."""

    path: Path | None = None
    sample: str | None = None
    content: str | None = None
    filename: str | None = None
    options: dict[str, Any] = field(default_factory=dict)

    def describe(self) -> str:
        if self.path is not None:
            return str(self.path)
        if self.sample is not None:
            return f"bundled sample {self.sample!r}"
        return f"embedded {self.filename} ({len(self.content or '')} characters)"

    def file(self, folder: str | Path) -> Path:
        """The data as a file: the path or sample itself, or the embedded content written as
        ``folder/filename`` (the folder is made)."""
        if self.path is not None:
            return self.path
        if self.sample is not None:
            from seqstudio.data import SAMPLES

            return Path(SAMPLES[self.sample])
        target = Path(folder) / str(self.filename)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(self.content or "", encoding="utf-8")
        return target


@dataclass(frozen=True)
class Lesson:
    path: Path
    title: str
    data: LessonData
    cell: str
    cell_params: dict[str, Any]
    steps: tuple[Step, ...]
    seed: int = 0
    training: dict[str, Any] = field(default_factory=dict)
    summary: str = ""
    replay: Path | None = None
    format: int = FORMAT_VERSION

    def train_args(self, data_file: str | Path) -> list[str]:
        """The ``seqstudio train`` arguments that train this lesson's settings on
        ``data_file`` (from :meth:`LessonData.file`); options given later override them."""
        args = [str(data_file), "--cell", self.cell, "--seed", str(self.seed)]
        for key, value in self.cell_params.items():
            args += [f"--{key.replace('_', '-')}", _cli_value(value)]
        flags = {"learning_rate": "--lr"}
        for key, value in self.training.items():
            if value is not None:
                args += [flags.get(key, f"--{key.replace('_', '-')}"), _cli_value(value)]
        for key, value in self.data.options.items():
            if value is None:
                continue
            flag = f"--{key.replace('_', '-')}"
            if key in ("target", "treat_as_missing"):
                for item in value:
                    args += [flag, str(item)]
            else:
                args += [flag, _cli_value(value)]
        return args

    def to_json(self) -> dict[str, Any]:
        data = {"path": str(self.data.path) if self.data.path else None,
                "sample": self.data.sample, "filename": self.data.filename,
                "embedded": self.data.content is not None, "options": self.data.options}
        return {"path": str(self.path), "format": self.format, "title": self.title,
                "summary": self.summary, "seed": self.seed, "data": data,
                "model": {"cell": self.cell, "params": self.cell_params},
                "training": self.training,
                "replay": str(self.replay) if self.replay else None,
                "steps": [s.to_json() for s in self.steps]}


def load_lesson(path: str | Path, *, check_cell: bool = True) -> Lesson:
    """Read and check a lesson file.

    :param check_cell: also check the cell and its parameters against the installed plugins.
    :raises LessonError: naming the file and what is wrong (not TOML, a newer format, an unknown
        key, a missing data file, a bad value).
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise LessonError(Phrase(QT_TRANSLATE_NOOP("Errors", "{path}: no such lesson file"),
                                 path=path)) from None
    except OSError as exc:
        raise LessonError(Phrase(QT_TRANSLATE_NOOP("Errors", "{path}: cannot read the lesson: "
                                                             "{reason}"),
                                 path=path, reason=exc.strerror or exc)) from None
    try:
        doc = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise LessonError(Phrase(QT_TRANSLATE_NOOP("Errors", "{path} is not a lesson file (not "
                                                             "UTF-8 text)"),
                                 path=path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise LessonError(Phrase(QT_TRANSLATE_NOOP("Errors", "{path} is not valid TOML: {reason}"),
                                 path=path, reason=exc)) from None
    return _parse(doc, path.resolve(), check_cell=check_cell)


def bundled_lessons_dir() -> Path:
    return Path(__file__).with_name("bundled")


def bundled_lessons() -> list[Path]:
    """The lessons that come with seqstudio, in teaching order (by file name)."""
    return sorted(bundled_lessons_dir().glob(f"*{SUFFIX}"))


# -- checking ---------------------------------------------------------------------------------
def _parse(doc: dict[str, Any], path: Path, *, check_cell: bool) -> Lesson:
    def fail(message: Phrase) -> LessonError:
        return LessonError(Phrase("{path}: {message}", path=path, message=message))

    fmt = doc.get("format")
    if fmt is None:
        raise fail(Phrase(QT_TRANSLATE_NOOP("Errors", "no 'format' key; a lesson starts with "
                                                      "format = {version}"),
                          version=FORMAT_VERSION))
    if isinstance(fmt, bool) or not isinstance(fmt, int) or fmt < 1:
        raise fail(Phrase(QT_TRANSLATE_NOOP("Errors", "'format' must be a whole number from 1, "
                                                      "got {value}"), value=repr(fmt)))
    if fmt > FORMAT_VERSION:
        from seqstudio import __version__

        raise fail(Phrase(QT_TRANSLATE_NOOP("Errors", "written in lesson format {format}; this "
                                                      "seqstudio {release} reads format "
                                                      "{version} and older: upgrade seqstudio "
                                                      "to open it"),
                          format=fmt, release=__version__, version=FORMAT_VERSION))
    known_keys(doc, TOP_LEVEL, Phrase(QT_TRANSLATE_NOOP("Errors", "the lesson")), fail)
    title = text_value(doc, "title", fail, required=True)
    summary = text_value(doc, "summary", fail) or ""
    seed = doc.get("seed", 0)
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise fail(Phrase(QT_TRANSLATE_NOOP("Errors", "'seed' must be a whole number >= 0, got "
                                                      "{value}"), value=repr(seed)))
    data = _data(table_value(doc, "data", fail, required=True), path, fail)
    model = table_value(doc, "model", fail, required=True)
    cell = model.get("cell")
    if not isinstance(cell, str) or not cell:
        raise fail(Phrase(QT_TRANSLATE_NOOP("Errors", "[model] needs 'cell', a cell type name "
                                                      "(see 'seqstudio cells')")))
    params = {k: v for k, v in model.items() if k != "cell"}
    if check_cell:
        params = _check_cell(cell, params, fail)
    training = _training(table_value(doc, "training", fail), fail)
    replay = None
    if "replay" in doc:
        replay = _replay(doc["replay"], path, fail)
    steps = read_steps(doc.get("steps"), fail)
    return Lesson(path=path, title=title, data=data, cell=cell, cell_params=params,
                  steps=steps, seed=seed, training=training, summary=summary, replay=replay,
                  format=fmt)


def _data(table: dict[str, Any], path: Path, fail: Fail) -> LessonData:
    known_keys(table, (*DATA_SOURCES, "filename", *DATA_OPTIONS), "[data]", fail)
    given = [k for k in DATA_SOURCES if k in table]
    if len(given) != 1:
        raise fail(Phrase(QT_TRANSLATE_NOOP("Errors", "[data] needs exactly one of 'path' "
                                                      "(relative to the lesson file), 'sample' "
                                                      "(a bundled sample) or 'content' "
                                                      "(embedded, with 'filename'); got {given}"),
                          given=", ".join(given) if given
                          else Phrase(QT_TRANSLATE_NOOP("Errors", "none"))))
    options = {k: table[k] for k in DATA_OPTIONS if k in table}
    from seqstudio.data.options import resolve_options

    try:
        resolve_options(None, options)
    except SeqstudioError as exc:
        raise fail(Phrase("[data]: {error}", error=error_phrase(exc))) from None
    source = given[0]
    if source != "content" and "filename" in table:
        raise fail(Phrase(QT_TRANSLATE_NOOP("Errors", "[data] 'filename' names embedded data; "
                                                      "it goes with 'content' only")))
    if source == "path":
        rel = text_value(table, "path", fail, where="[data] ")
        file = (path.parent / str(rel)).resolve()
        if not file.is_file():
            raise fail(Phrase(QT_TRANSLATE_NOOP("Errors", "[data] path {path!r} names no file "
                                                          "({file}); the path is relative to the "
                                                          "lesson file's folder"),
                              path=rel, file=file))
        return LessonData(path=file, options=options)
    if source == "sample":
        from seqstudio.data import SAMPLES

        name = table["sample"]
        if name not in SAMPLES:
            raise fail(Phrase(QT_TRANSLATE_NOOP("Errors", "[data] sample {name!r} is not a "
                                                          "bundled sample; they are: {samples}"),
                              name=name, samples=", ".join(sorted(SAMPLES))))
        return LessonData(sample=name, options=options)
    content = text_value(table, "content", fail, where="[data] ")
    filename = text_value(table, "filename", fail, where="[data] ")
    if not filename or Path(filename).name != filename or Path(filename).suffix not in (
            ".txt", ".csv"):
        raise fail(Phrase(QT_TRANSLATE_NOOP("Errors", "[data] embedded 'content' needs "
                                                      "'filename', a plain file name ending in "
                                                      ".txt or .csv, got {filename!r}"),
                          filename=filename))
    if len(str(content)) > MAX_EMBEDDED_CHARS:
        raise fail(Phrase(QT_TRANSLATE_NOOP("Errors", "[data] embedded content has {n:,} "
                                                      "characters; above {most:,} put the data "
                                                      "in a file beside the lesson and give its "
                                                      "'path'"),
                          n=len(str(content)), most=MAX_EMBEDDED_CHARS))
    return LessonData(content=content, filename=filename, options=options)


def _check_cell(cell: str, params: dict[str, Any], fail: Fail) -> dict[str, Any]:
    from seqstudio.plugins import get_registry

    try:
        cell_type = get_registry().cell_type(cell)
        cell_type.resolve(params)
    except SeqstudioError as exc:
        raise fail(Phrase("[model]: {error}", error=error_phrase(exc))) from None
    return params


def _training(table: dict[str, Any], fail: Fail) -> dict[str, Any]:
    known_keys(table, TRAINING, "[training]", fail)
    from seqstudio.engine.settings import TrainSettings

    try:
        TrainSettings(**table)
    except (SeqstudioError, TypeError, ValueError) as exc:
        raise fail(Phrase("[training]: {error}", error=error_phrase(exc))) from None
    return dict(table)


def _replay(value: Any, path: Path, fail: Fail) -> Path:
    if not isinstance(value, str) or not value:
        raise fail(Phrase(QT_TRANSLATE_NOOP("Errors", "'replay' must be the path of a run "
                                                      "directory, got {value}"), value=repr(value)))
    from seqstudio.engine.rundir import RunDir

    run = (path.parent / value).resolve()
    try:
        RunDir(run)
    except SeqstudioError as exc:
        raise fail(Phrase("'replay': {error}", error=error_phrase(exc))) from None
    return run


def _cli_value(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return ",".join(map(str, value))
    return str(value)
