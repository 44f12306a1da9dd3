"""Small helpers for the words the window shows."""

from __future__ import annotations


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 epoch``, ``2 epochs``; ``many`` for an irregular plural."""
    return f"{n:,} {word if n == 1 else many or word + 's'}"
