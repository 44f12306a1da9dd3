"""A data-format plugin adds a file type through the ``seqstudio_data_formats`` hook."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from fake_dist import make_fake_distribution

from seqstudio.data import load_dataset, preview, sniff_kind
from seqstudio.errors import DataError
from seqstudio.hookspecs import hookimpl
from seqstudio.plugins import create_registry
from seqstudio.spec import DataFormat

PLUGIN_FILE = Path(__file__).parent / "format_plugin" / "seqstudio_jsonl_format.py"


def _plugin_module():
    spec = importlib.util.spec_from_file_location("seqstudio_jsonl_format", PLUGIN_FILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


SENTENCES = [{"text": "I am a boy. You are a girl."}] * 10
LABELLED = [{"text": t, "label": lab} for t, lab in
            [("a warm and lovely day", "pos"), ("a cold and awful night", "neg")] * 10]


def test_registered_module_reads_text_and_tables(tmp_path):
    registry = create_registry(autoload=False, extra_plugins=[("jsonl-format", _plugin_module())])
    assert "jsonl" in [f.name for f in registry.data_formats()]
    lm = load_dataset(write_jsonl(tmp_path / "c.jsonl", SENTENCES), registry=registry)
    assert lm.task == "lm" and lm.summary["format"] == "JSON lines"
    clf = load_dataset(write_jsonl(tmp_path / "l.jsonl", LABELLED), registry=registry, level="word")
    assert clf.task == "classify" and clf.class_names == ["neg", "pos"]
    assert preview(tmp_path / "l.jsonl", registry=registry).task == "classify"
    assert sniff_kind(tmp_path / "c.jsonl", registry=registry) == "text"


def test_installed_distribution_is_found_through_its_entry_point(tmp_path, monkeypatch):
    site = tmp_path / "site"
    make_fake_distribution(
        site, "seqstudio-jsonl-fake", "0.1",
        modules={"seqstudio_jsonl_fake": PLUGIN_FILE.read_text()},
        entry_points={"jsonl-format": "seqstudio_jsonl_fake"},
    )
    monkeypatch.syspath_prepend(str(site))
    registry = create_registry(autoload=True)
    record = next(r for r in registry.plugins() if r.name == "jsonl-format")
    assert record.status == "ok" and record.data_formats == ["jsonl"]
    assert record.distribution == "seqstudio-jsonl-fake"
    ds = load_dataset(write_jsonl(tmp_path / "c.jsonl", SENTENCES), registry=registry)
    assert ds.task == "lm"


def test_content_sniffing_for_an_unclaimed_extension(tmp_path):
    registry = create_registry(autoload=False, extra_plugins=[("jsonl-format", _plugin_module())])
    path = write_jsonl(tmp_path / "records.log", SENTENCES)
    assert load_dataset(path, registry=registry).task == "lm"
    other = tmp_path / "plain.log"
    other.write_text("not json at all")
    with pytest.raises(DataError, match=r"unknown file type '\.log'.*\.jsonl"):
        load_dataset(other, registry=registry)


def test_plugin_errors_become_data_errors(tmp_path):
    registry = create_registry(autoload=False, extra_plugins=[("jsonl-format", _plugin_module())])
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "fine"}\n{broken\n')
    with pytest.raises(DataError, match=r"line 2.*not JSON"):
        load_dataset(path, registry=registry)


class _Broken:
    """A plugin whose reader crashes and one whose reader returns the wrong type."""

    @hookimpl
    def seqstudio_data_formats(self):
        def crash(path):
            raise RuntimeError("boom")

        return [
            DataFormat("crash", "Crash", (".crash",), crash),
            DataFormat("wrong", "Wrong", (".wrong",), lambda path: 42),
        ]


def test_broken_reader_reads_as_a_message(tmp_path):
    registry = create_registry(autoload=False, extra_plugins=[("broken-format", _Broken())])
    (tmp_path / "x.crash").write_text("x")
    (tmp_path / "x.wrong").write_text("x")
    with pytest.raises(DataError, match=r"'crash' format \(plugin 'broken-format'\).*RuntimeError: boom"):
        load_dataset(tmp_path / "x.crash", registry=registry)
    with pytest.raises(DataError, match=r"returned int"):
        load_dataset(tmp_path / "x.wrong", registry=registry)


def test_builtin_extensions_win_over_plugins(tmp_path):
    class Claims:
        @hookimpl
        def seqstudio_data_formats(self):
            return [DataFormat("fake-txt", "Fake", (".txt",), lambda p: "never used")]

    registry = create_registry(autoload=False, extra_plugins=[("claims", Claims())])
    path = tmp_path / "t.txt"
    path.write_text("real text from the file, long enough to sample " * 3)
    assert "n" in load_dataset(path, registry=registry).tokens
