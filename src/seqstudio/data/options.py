"""The options of a load, checked up front so that a typo fails before any file is read."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Literal

from seqstudio import tasks
from seqstudio.errors import DataError, Phrase
from seqstudio.i18n import QT_TRANSLATE_NOOP

TASKS = ("lm", "classify", "forecast")
LEVELS = ("char", "word")
INPUT_KINDS = ("onehot", "embedding")
LM_TARGETS = ("every", "last")
MISSING = ("error", "drop", "interpolate")


@dataclass
class DataOptions:
    """Everything that decides how a file becomes a :class:`~seqstudio.data.dataset.Dataset`.

    ``None`` means "detect it from the file"; the resolved value is stored in ``Dataset.options``.
    ``vocab``, ``seq_len`` and ``input_kind`` None are chosen from the text by
    :mod:`seqstudio.data.text_defaults` (a vocabulary that covers the text, T near the
    90th-percentile length for classification, an embedding for a large vocabulary); a forecast
    window defaults to 20 rows. The lecture notes' 100 tokens and 20 steps are :data:`NOTES_PRESET`.
    ``lm_targets``: a language model learns the next token at ``every`` step (the default; the
    samples then do not overlap: ``stride=None`` becomes ``seq_len``) or only after the ``last``
    step (``stride=None`` becomes 1, the notes' model).
    ``level=None`` means "by task": characters for a language model (``lm``), words for
    classification (a sentence of 20 characters would be cut mid-word); forecasting has no level.
    """

    task: Literal["lm", "classify", "forecast"] | None = None
    level: Literal["char", "word"] | None = None
    vocab: int | None = None
    seq_len: int | None = None
    input_kind: Literal["onehot", "embedding"] | None = None
    embed_dim: int = 16
    text_column: str | None = None
    label_column: str | None = None
    columns: list[str] | None = None
    target: list[str] | None = None
    date_column: str | None = None
    horizon: int = 1
    stride: int | None = None
    val_fraction: float = 0.2
    missing: Literal["error", "drop", "interpolate"] = "interpolate"
    #: forecast: columns whose cells that are not numbers ("n/a?", "12,5") become missing values,
    #: which ``missing`` then handles; without it such a cell is an error naming it
    treat_as_missing: list[str] | None = None
    encoding: str | None = None
    #: refuse files larger than this many bytes (None: no limit; files over ``stream_bytes``
    #: are read from disk block by block instead of into memory)
    max_bytes: int | None = None
    #: files larger than this stream from disk (:mod:`seqstudio.data.stream`); None: the
    #: environment variable ``SEQSTUDIO_STREAM_BYTES``, else 64 MiB
    stream_bytes: int | None = None
    lm_targets: Literal["every", "last"] = "every"


@dataclass(frozen=True)
class Preset:
    """A named configuration: data options plus the cell's ``units``."""

    label: str
    vocab: int
    seq_len: int
    units: int

    def data_options(self) -> dict[str, Any]:
        return {"vocab": self.vocab, "seq_len": self.seq_len}


#: the lecture notes' example (seed §9): 100 tokens, 20 steps, 10 units, 1,110 parameters in the
#: recurrent layer; with ``lm_targets="last"`` the model is exactly the notes' one
NOTES_PRESET = Preset("the notes: 100 tokens × 20 steps × 10 units", 100, 20, 10)


def fill_task_defaults(opts: DataOptions) -> DataOptions:
    """Fill what a table task does not detect from the file (forecast window, stride)."""
    spec = tasks.get(opts.task) if opts.task else None  # the task's own defaults
    if opts.seq_len is None and spec is not None:
        opts.seq_len = spec.default_window
    if opts.stride is None:
        opts.stride = 1 if spec is None else spec.default_stride
    return opts


#: the text level used when ``level`` is None, by task.
DEFAULT_LEVEL = {"lm": "char", "classify": "word"}


def default_level(task: str) -> str | None:
    """The level a text task uses when none is chosen: ``char`` for ``lm``, ``word`` for
    ``classify``; None for tasks without text (``forecast``)."""
    return DEFAULT_LEVEL.get(task)


_OPTIONS = QT_TRANSLATE_NOOP("Errors", "options")  # where a bad option's DataError says it is


def resolve_options(options: DataOptions | None, overrides: dict[str, Any]) -> DataOptions:
    """Overlay ``overrides`` on ``options`` and check every value; bad ones raise DataError."""
    base = dataclasses.replace(options) if options is not None else DataOptions()
    known = {f.name for f in dataclasses.fields(DataOptions)}
    unknown = sorted(set(overrides) - known)
    if unknown:
        raise DataError(
            Phrase(QT_TRANSLATE_NOOP("Errors", "unknown option {name!r}; the options are: "
                                     "{options}"), name=unknown[0], options=", ".join(sorted(known))),
            where=_OPTIONS,
        )
    opts = dataclasses.replace(base, **overrides)
    for name in ("columns", "target", "treat_as_missing"):
        value = getattr(opts, name)
        if isinstance(value, str):  # a single column name is a common shorthand
            setattr(opts, name, [value])
        elif value is not None:
            setattr(opts, name, [str(v) for v in value])
    _check_choice("task", opts.task, TASKS, allow_none=True)
    _check_choice("level", opts.level, LEVELS, allow_none=True)
    _check_choice("input_kind", opts.input_kind, INPUT_KINDS, allow_none=True)
    _check_choice("lm_targets", opts.lm_targets, LM_TARGETS)
    _check_choice("missing", opts.missing, MISSING)
    _check_int("vocab", opts.vocab, 3, allow_none=True)
    _check_int("seq_len", opts.seq_len, 1, allow_none=True)
    _check_int("embed_dim", opts.embed_dim, 1)
    _check_int("horizon", opts.horizon, 1)
    _check_int("stride", opts.stride, 1, allow_none=True)
    _check_int("max_bytes", opts.max_bytes, 1, allow_none=True)
    _check_int("stream_bytes", opts.stream_bytes, 1, allow_none=True)
    if isinstance(opts.val_fraction, bool) or not isinstance(opts.val_fraction, int | float) or not (
        0.0 <= float(opts.val_fraction) < 1.0
    ):
        raise DataError(
            Phrase(QT_TRANSLATE_NOOP("Errors", "val_fraction must be a number in [0, 1), got "
                                     "{value!r}"), value=opts.val_fraction), where=_OPTIONS
        )
    opts.val_fraction = float(opts.val_fraction)
    if opts.encoding is not None:
        import codecs

        try:
            codecs.lookup(opts.encoding)
        except LookupError:
            raise DataError(
                Phrase(QT_TRANSLATE_NOOP("Errors", "unknown encoding {name!r}; use a Python codec "
                                         "name such as 'utf-8', 'cp1252' or 'latin-1', or leave "
                                         "it unset to detect it"), name=opts.encoding),
                where=_OPTIONS,
            ) from None
    return opts


def _check_choice(name: str, value: Any, choices: tuple[str, ...], *, allow_none: bool = False):
    if value is None and allow_none:
        return
    if value not in choices:
        raise DataError(
            Phrase(QT_TRANSLATE_NOOP("Errors", "option {name!r} must be one of {choices}, got "
                                     "{value!r}"), name=name, choices=list(choices), value=value),
            where=_OPTIONS
        )


def _check_int(name: str, value: Any, minimum: int, *, allow_none: bool = False) -> None:
    if value is None and allow_none:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise DataError(
            Phrase(QT_TRANSLATE_NOOP("Errors", "option {name!r} must be an integer >= {minimum}, "
                                     "got {value!r}"), name=name, minimum=minimum, value=value),
            where=_OPTIONS
        )
