"""``rebuild_dataset``: the run's data file loaded again, and refused when it changed, from one
read of the file (the loaded dataset's own sha256 is what is compared)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from cli_subprocess import tiny_text  # noqa: E402

from seqstudio.data import DataOptions, load_dataset
from seqstudio.engine import record, resume
from seqstudio.errors import TrainingError


def _recorded(tmp_path):
    path = tiny_text(tmp_path)
    options = {"seq_len": 8}
    loaded = load_dataset(path, DataOptions(lm_targets="last", **options))
    return path, {"data": {"path": str(path), "sha256": loaded.source_sha256,
                           "options": options}}, loaded


def test_rebuild_reads_the_file_once_and_refuses_a_change(tmp_path, monkeypatch):
    path, config, first = _recorded(tmp_path)

    def no_second_hash(_path):
        raise AssertionError("rebuild_dataset hashed the file besides loading it")

    monkeypatch.setattr(record, "file_sha256", no_second_hash)
    monkeypatch.setattr(resume, "file_sha256", no_second_hash)
    again = resume.rebuild_dataset(config)
    assert again.source_sha256 == first.source_sha256
    assert again.tokens == first.tokens and len(again.x_train) == len(first.x_train)

    path.write_text(path.read_text() * 2, encoding="utf-8")
    with pytest.raises(TrainingError, match="changed since the run started.*--force to resume"):
        resume.rebuild_dataset(config)
    with pytest.raises(TrainingError, match="--force to evaluate"):
        resume.rebuild_dataset(config, action="evaluate")
    forced = resume.rebuild_dataset(config, allow_changed_data=True)
    assert forced.source_sha256 != first.source_sha256
    assert len(forced.x_train) > len(first.x_train)


def test_rebuild_refuses_a_gone_file_before_loading(tmp_path):
    path, config, _ = _recorded(tmp_path)
    path.unlink()
    with pytest.raises(TrainingError, match="is gone"):
        resume.rebuild_dataset(config)
