"""The seqstudio command line (placeholder entry; commands live in submodules)."""

from __future__ import annotations


def main(argv: list[str] | None = None) -> int:
    from seqstudio.cli.app import main as app_main

    return app_main(argv)
