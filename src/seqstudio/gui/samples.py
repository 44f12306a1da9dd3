"""Where the bundled sample files are (found without importing the data layer, which loads pandas:
the window must show fast)."""

from __future__ import annotations

from pathlib import Path

import seqstudio

SAMPLE_SUFFIXES = (".txt", ".csv", ".tsv")
#: the sample opened at launch: language modelling on a toy grammar
DEFAULT_SAMPLE = "toy_grammar.txt"


def samples_dir() -> Path:
    package = Path(seqstudio.__file__).resolve().parent
    repo = package.parents[1] / "assets" / "samples"
    if repo.is_dir() and any(p.suffix in SAMPLE_SUFFIXES for p in repo.iterdir()):
        return repo
    return package / "data" / "samples"


def sample_paths() -> list[Path]:
    folder = samples_dir()
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in SAMPLE_SUFFIXES
                  and not p.name.startswith("."))


def default_sample() -> Path | None:
    paths = sample_paths()
    preferred = [p for p in paths if p.name == DEFAULT_SAMPLE]
    return (preferred or paths or [None])[0]
