"""The words of the dataset summary, in the user's language.

The data layer (Qt-free, and also read by the CLI) names each line of a dataset's summary in
English. The data panel shows them through :func:`summary_word`; the names listed here are the
ones the data layer writes, marked for the translators. A name not listed (a column's statistics,
a new data format's own line) is shown as written.
"""

from __future__ import annotations

from seqstudio.errors import Phrase
from seqstudio.gui.errors import say
from seqstudio.gui.i18n import translate
from seqstudio.i18n import QT_TRANSLATE_NOOP

CONTEXT = "DatasetSummary"

WORDS = (
    QT_TRANSLATE_NOOP("DatasetSummary", "file"),
    QT_TRANSLATE_NOOP("DatasetSummary", "format"),
    QT_TRANSLATE_NOOP("DatasetSummary", "encoding"),
    QT_TRANSLATE_NOOP("DatasetSummary", "task"),
    QT_TRANSLATE_NOOP("DatasetSummary", "level"),
    QT_TRANSLATE_NOOP("DatasetSummary", "characters in text"),
    QT_TRANSLATE_NOOP("DatasetSummary", "words in text"),
    QT_TRANSLATE_NOOP("DatasetSummary", "vocabulary size"),
    QT_TRANSLATE_NOOP("DatasetSummary", "vocabulary coverage"),
    QT_TRANSLATE_NOOP("DatasetSummary", "out-of-vocabulary tokens"),
    QT_TRANSLATE_NOOP("DatasetSummary", "sequence length (T)"),
    QT_TRANSLATE_NOOP("DatasetSummary", "targets"),
    QT_TRANSLATE_NOOP("DatasetSummary", "stride"),
    QT_TRANSLATE_NOOP("DatasetSummary", "training samples"),
    QT_TRANSLATE_NOOP("DatasetSummary", "validation samples"),
    QT_TRANSLATE_NOOP("DatasetSummary", "read"),
    QT_TRANSLATE_NOOP("DatasetSummary", "text column"),
    QT_TRANSLATE_NOOP("DatasetSummary", "label column"),
    QT_TRANSLATE_NOOP("DatasetSummary", "texts"),
    QT_TRANSLATE_NOOP("DatasetSummary", "classes"),
    QT_TRANSLATE_NOOP("DatasetSummary", "class balance"),
    QT_TRANSLATE_NOOP("DatasetSummary", "texts truncated"),
    QT_TRANSLATE_NOOP("DatasetSummary", "median tokens per text"),
    QT_TRANSLATE_NOOP("DatasetSummary", "rows"),
    QT_TRANSLATE_NOOP("DatasetSummary", "training rows"),
    QT_TRANSLATE_NOOP("DatasetSummary", "validation rows"),
    QT_TRANSLATE_NOOP("DatasetSummary", "input columns"),
    QT_TRANSLATE_NOOP("DatasetSummary", "target columns"),
    QT_TRANSLATE_NOOP("DatasetSummary", "window (T)"),
    QT_TRANSLATE_NOOP("DatasetSummary", "horizon"),
    QT_TRANSLATE_NOOP("DatasetSummary", "date column"),
    QT_TRANSLATE_NOOP("DatasetSummary", "first date"),
    QT_TRANSLATE_NOOP("DatasetSummary", "last date"),
    QT_TRANSLATE_NOOP("DatasetSummary", "time step"),
    QT_TRANSLATE_NOOP("DatasetSummary", "typical time step"),
    QT_TRANSLATE_NOOP("DatasetSummary", "validation starts"),
    # values the data layer writes as whole phrases
    QT_TRANSLATE_NOOP("DatasetSummary", "language model (next token)"),
    QT_TRANSLATE_NOOP("DatasetSummary", "classification"),
    QT_TRANSLATE_NOOP("DatasetSummary", "forecast"),
    QT_TRANSLATE_NOOP("DatasetSummary", "the next token at every step"),
    QT_TRANSLATE_NOOP("DatasetSummary", "the token after the last step"),
    QT_TRANSLATE_NOOP("DatasetSummary", "streamed from disk"),
    QT_TRANSLATE_NOOP("DatasetSummary", "char"),
    QT_TRANSLATE_NOOP("DatasetSummary", "word"),
    QT_TRANSLATE_NOOP("DatasetSummary", "Plain text"),
    QT_TRANSLATE_NOOP("DatasetSummary", "Comma-separated table"),
    QT_TRANSLATE_NOOP("DatasetSummary", "Tab-separated table"),
    # the task's id, as the summary's first line shows it (English keeps the id)
    QT_TRANSLATE_NOOP("DatasetSummary", "lm"),
    QT_TRANSLATE_NOOP("DatasetSummary", "classify"),
    # the input's kind, in "input per sample" (English keeps the id)
    QT_TRANSLATE_NOOP("DatasetSummary", "onehot"),
    QT_TRANSLATE_NOOP("DatasetSummary", "embedding"),
    QT_TRANSLATE_NOOP("DatasetSummary", "numeric"),
)


def summary_word(text: str) -> str:
    """``text`` (a summary line's name or a whole-phrase value) in the user's language."""
    return translate(CONTEXT, text)


def note_words(note: str) -> str:
    """A line of ``Dataset.notes`` in the user's language: the data layer writes the common ones
    as :class:`~seqstudio.errors.Note` phrases (templates in the "DatasetNotes" context); any
    other note reads as written."""
    return say(note) if isinstance(note, Phrase) else note


def summary_key(key: object) -> str:
    """A summary line's name as shown: ``vocabulary_size`` reads ``vocabulary size``."""
    return summary_word(str(key).replace("_", " "))
