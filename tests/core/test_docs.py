"""Every hook of the contract is documented in docs/plugins.md (as datasette does)."""

from __future__ import annotations

from pathlib import Path

from seqstudio import hookspecs

DOCS = Path(__file__).resolve().parents[2] / "docs" / "plugins.md"


def test_every_hookspec_is_documented():
    text = DOCS.read_text(encoding="utf-8")
    hooks = [name for name in dir(hookspecs) if name.startswith("seqstudio_")]
    assert hooks, "no hookspecs found"
    missing = [name for name in hooks if f"## `{name}" not in text]
    assert missing == []


def test_every_hookspec_has_a_docstring_with_return():
    for name in dir(hookspecs):
        if name.startswith("seqstudio_"):
            doc = getattr(hookspecs, name).__doc__ or ""
            assert ":return:" in doc, name
