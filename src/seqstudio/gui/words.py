"""Small helpers for the words the window shows."""

from __future__ import annotations


def plural(n: int, one: str, many: str) -> str:
    """``one`` for 1, else ``many``, with the number (``1,000``) in place of ``{0}``.

    Both come translated, e.g. ``plural(n, translate("Words", "{0} epoch"), translate("Words",
    "{0} epochs"))``: a language without plurals gives both the same form."""
    return (one if n == 1 else many).format(f"{n:,}")
