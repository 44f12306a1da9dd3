"""Exceptions a user may see. Each carries a message that says what is wrong and what to do."""

from __future__ import annotations


class SeqstudioError(Exception):
    """Base class of every error seqstudio reports to a person instead of a traceback."""


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
        prefix = f"{path}" if path is not None else ""
        if where:
            prefix = f"{prefix} ({where})" if prefix else where
        super().__init__(f"{prefix}: {message}" if prefix else message)


class TrainingError(SeqstudioError):
    """Training could not start or failed; the message says why."""
