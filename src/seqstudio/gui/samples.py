"""Where the bundled sample files are."""

from __future__ import annotations

from pathlib import Path

import seqstudio

SAMPLE_SUFFIXES = (".txt", ".csv", ".tsv")


def samples_dir() -> Path:
    here = Path(seqstudio.__file__).resolve()
    for candidate in (here.parent / "samples", here.parents[2] / "assets" / "samples"):
        if candidate.is_dir():
            return candidate
    return here.parents[2] / "assets" / "samples"


def sample_paths() -> list[Path]:
    folder = samples_dir()
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in SAMPLE_SUFFIXES
                  and not p.name.startswith("."))


def default_sample() -> Path | None:
    paths = sample_paths()
    if not paths:
        return None
    text = [p for p in paths if p.suffix == ".txt"]
    return (text or paths)[0]
