"""Exceptions a user may see. Each carries a message that says what is wrong and what to do.

The message is English (the CLI prints it as it is). The GUI says it in the user's language when
the raise site wrote it as a :class:`Phrase`, a template marked for the translators with
``QT_TRANSLATE_NOOP("Errors", ...)`` and its named values; a message that is a marked literal with
no values needs no Phrase. Anything else is shown in English.
"""

from __future__ import annotations

from dataclasses import dataclass

from seqstudio.i18n import QT_TRANSLATE_NOOP

_PLAIN = (str, int, float, bool, type(None))


class Phrase(str):
    """English text that remembers the template and the values it was made from.

    ``Phrase(QT_TRANSLATE_NOOP("Errors", "line {line}"), line=5)`` is the string ``"line 5"``;
    ``template`` and ``values`` let the GUI fill the translated template with the same values.
    Values are kept as plain data (a Phrase, str, int, float or bool; anything else as its
    ``str``), so an error carrying a Phrase crosses threads and pickles without its objects."""

    #: the translation context its template is marked in
    context = "Errors"
    template: str
    values: dict[str, object]

    def __new__(cls, template: str, /, **values: object) -> Phrase:
        self = super().__new__(cls, template.format(**values) if values else template)
        self.template = template
        self.values = {k: v if isinstance(v, _PLAIN) else str(v) for k, v in values.items()}
        return self


class Note(Phrase):
    """A line of a dataset's notes (``Dataset.notes``): a :class:`Phrase` whose template is marked
    in the "DatasetNotes" context."""

    context = "DatasetNotes"


def phrase_of(text: object) -> Phrase:
    """``text`` as a :class:`Phrase`: itself if it is one, else a template with no values."""
    return text if isinstance(text, Phrase) else Phrase(str(text))


@dataclass(frozen=True)
class ErrorWords:
    """What the GUI needs to say an error in the user's language, as plain data: the message,
    and for a :class:`DataError` the file and the place in it (``str(error)`` is
    ``"{path} ({where}): {message}"``)."""

    message: Phrase
    path: str = ""
    where: Phrase | None = None

    def phrase(self) -> Phrase:
        """The whole error as one Phrase, its English ``str(error)``, to nest in another message
        (the file and the place joined by punctuation only, so there is nothing to translate)."""
        if self.where is not None and self.path:
            return Phrase("{path} ({where}): {message}", path=self.path, where=self.where,
                          message=self.message)
        if self.where is not None or self.path:
            return Phrase("{prefix}: {message}", prefix=self.where or self.path,
                          message=self.message)
        return self.message


def error_phrase(error: BaseException) -> Phrase:
    """What ``error`` says, as a Phrase: a :class:`SeqstudioError`'s words, anything else its
    English text (a value nested in a message, translated where it is a Phrase)."""
    words = getattr(error, "words", None)
    return words.phrase() if isinstance(words, ErrorWords) else Phrase(str(error))


class SeqstudioError(Exception):
    """Base class of every error seqstudio reports to a person instead of a traceback."""

    @property
    def words(self) -> ErrorWords:
        """The message's :class:`ErrorWords` (its template and values, when it has them)."""
        first = self.args[0] if len(self.args) == 1 and isinstance(self.args[0], str) else str(self)
        return ErrorWords(phrase_of(first))


class PluginError(SeqstudioError):
    """A plugin is broken, incompatible, or returned something malformed."""


class UnknownCellError(SeqstudioError, KeyError):
    """No registered cell type has the requested name."""

    def __init__(self, name: str, available: list[str]) -> None:
        self.name = name
        self.available = available
        listing = ", ".join(available) if available else "(none registered)"
        super().__init__(f"unknown cell type {name!r}; available: {listing}")

    def __str__(self) -> str:  # KeyError would quote the message
        return self.args[0]


class ParamError(SeqstudioError, ValueError):
    """A hyperparameter value is outside its schema."""


class DataError(SeqstudioError):
    """A data file cannot be used. The message names the file and, where it applies, the
    line, row or column, and says what to do."""

    def __init__(self, message: str, *, path: object | None = None, where: str | None = None):
        self.path = path
        self.where = where
        self.message = message  # without the file and the place: a Phrase where it has one
        prefix = f"{path}" if path is not None else ""
        if where:
            prefix = f"{prefix} ({where})" if prefix else where
        super().__init__(f"{prefix}: {message}" if prefix else message)

    @property
    def words(self) -> ErrorWords:
        message = getattr(self, "message", None)  # None when rebuilt from its text alone
        if message is None:
            return ErrorWords(phrase_of(str(self)))
        return ErrorWords(phrase_of(message), "" if self.path is None else str(self.path),
                          None if not self.where else phrase_of(self.where))


class TrainingError(SeqstudioError):
    """Training could not start or failed; the message says why."""


# -- the places a DataError names, as phrases (``where=``) -----------------------------------------
def at_line(line: object) -> Phrase:
    return Phrase(QT_TRANSLATE_NOOP("Errors", "line {line}"), line=line)


def at_byte(offset: object) -> Phrase:
    return Phrase(QT_TRANSLATE_NOOP("Errors", "byte {offset}"), offset=offset)


def in_column(name: object) -> Phrase:
    return Phrase(QT_TRANSLATE_NOOP("Errors", "column {name!r}"), name=name)


# -- a cell's hyperparameter checks (spec.HyperParam / CellType; ParamError) -----------------------
def param_not_of_type(name: str, kind: str, value: object) -> Phrase:
    return Phrase(QT_TRANSLATE_NOOP("Errors", "parameter {name!r} expects {type}, got {value}"),
                  name=name, type=kind, value=repr(value))


def param_not_a_choice(name: str, choices: list, value: object) -> Phrase:
    return Phrase(QT_TRANSLATE_NOOP("Errors", "parameter {name!r} must be one of {choices}, "
                                              "got {value}"),
                  name=name, choices=repr(choices), value=repr(value))


def param_below(name: str, least: object, value: object) -> Phrase:
    return Phrase(QT_TRANSLATE_NOOP("Errors", "parameter {name!r} must be >= {min}, got {value}"),
                  name=name, min=least, value=repr(value))


def param_above(name: str, most: object, value: object) -> Phrase:
    return Phrase(QT_TRANSLATE_NOOP("Errors", "parameter {name!r} must be <= {max}, got {value}"),
                  name=name, max=most, value=repr(value))


def param_unknown(cell: str, name: str, known: list[str]) -> Phrase:
    return Phrase(QT_TRANSLATE_NOOP("Errors", "cell {cell!r} has no parameter {name!r}; it has: "
                                              "{known}"),
                  cell=cell, name=name, known=", ".join(known))
