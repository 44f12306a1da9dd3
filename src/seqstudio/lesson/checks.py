"""The checks of a lesson document's tables and keys, shared by every part of the lesson format.

Each check takes ``fail``, which turns a message into the exception to raise (the loader's names
the lesson file), and raises it when a table has a key the format does not know, or a value is
not the text or table the format asks for. No Qt, no TensorFlow.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from seqstudio.errors import Phrase
from seqstudio.i18n import QT_TRANSLATE_NOOP

#: makes the exception a failed check raises from its message
Fail = Callable[[Phrase], Exception]


def known_keys(table: dict[str, Any], allowed: tuple[str, ...], where: str | Phrase,
               fail: Fail) -> None:
    """Every key of ``table`` is one of ``allowed``; ``where`` names the table in the message."""
    unknown = [k for k in table if k not in allowed]
    if unknown:
        raise fail(Phrase(QT_TRANSLATE_NOOP("Errors", "unknown key {key!r} in {where}; the keys "
                                                      "are: {keys}"),
                          key=unknown[0], where=where, keys=", ".join(allowed)))


def text_value(table: dict[str, Any], key: str, fail: Fail, *, required: bool = False,
               where: str | Phrase = "") -> str | None:
    """``table[key]`` as text: ``None`` when it is absent, unless ``required`` (which refuses
    blank text too); ``where`` goes before the key in the message."""
    value = table.get(key)
    if value is None:
        if required:
            raise fail(Phrase(QT_TRANSLATE_NOOP("Errors", "{where}'{key}' is missing"),
                              where=where, key=key))
        return None
    if not isinstance(value, str) or (required and not value.strip()):
        raise fail(Phrase(QT_TRANSLATE_NOOP("Errors", "{where}'{key}' must be text, got "
                                                      "{value}"),
                          where=where, key=key, value=repr(value)))
    return value


def table_value(doc: dict[str, Any], key: str, fail: Fail, *, required: bool = False
                ) -> dict[str, Any]:
    """The table ``[key]`` of ``doc``; ``{}`` when it is absent and not ``required``."""
    value = doc.get(key)
    if value is None:
        if required:
            raise fail(Phrase(QT_TRANSLATE_NOOP("Errors", "no [{key}] table"), key=key))
        return {}
    if not isinstance(value, dict):
        raise fail(Phrase(QT_TRANSLATE_NOOP("Errors", "'{key}' must be a table ([{key}]), got "
                                                      "{value}"), key=key, value=repr(value)))
    return value
