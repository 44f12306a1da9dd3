"""Fuzz: random bytes and random tables either load or raise DataError, never anything else."""

from __future__ import annotations

import string
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seqstudio.data import load_dataset, preview
from seqstudio.errors import DataError

FUZZ = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def load_or_data_error(path: Path, **options) -> None:
    try:
        load_dataset(path, seq_len=3, **options)
    except DataError:
        pass
    try:
        preview(path, max_lines=5)
    except DataError:
        pass


@FUZZ
@given(data=st.one_of(
    st.binary(max_size=400),
    st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.text(max_size=300).map(lambda t: t.encode("utf-16", "surrogatepass")),
    st.tuples(st.text(string.printable, max_size=200), st.binary(max_size=8)).map(
        lambda p: p[0].encode() + p[1] + p[0].encode()),
), ext=st.sampled_from([".txt", ".csv", ".tsv"]))
def test_random_bytes(data, ext):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{ext}"
        path.write_bytes(data)
        load_or_data_error(path)


CELL = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(-1000, 1000).map(str),
    st.integers(995, 2205).map(str),  # years, and numbers just outside their range
    st.sampled_from(["1959Q1", "1959M02", "n/a?", "12,5", "1959.25", "0", "1"]),
    st.text(alphabet=string.ascii_letters + " ,;\"'\t-:/.", max_size=12),
    st.dates().map(str),
    st.just(""),
)


@FUZZ
@given(
    header=st.lists(st.one_of(
        st.text(alphabet=string.ascii_letters + " _", min_size=1, max_size=6),
        st.sampled_from(["year", "quarter", "month", "index", "", "date", "id", "t"])),
        min_size=1, max_size=4),
    rows=st.lists(st.lists(CELL, min_size=1, max_size=5), max_size=40),
    sep=st.sampled_from([",", ";", "\t", " "]),
    options=st.sampled_from([{}, {"task": "forecast"}, {"task": "classify"}, {"missing": "drop"},
                             {"missing": "error"}, {"level": "word"}, {"date_column": "year"},
                             {"date_column": "year+quarter"}, {"treat_as_missing": ["year"]}]),
)
def test_random_tables(header, rows, sep, options):
    text = sep.join(header) + "\n" + "\n".join(sep.join(r) for r in rows) + "\n"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.csv"
        path.write_text(text, encoding="utf-8")
        load_or_data_error(path, **options)


@FUZZ
@given(
    n=st.integers(25, 60),
    bad=st.lists(st.integers(0, 59), min_size=1, max_size=4, unique=True),
    blank_after=st.lists(st.integers(0, 59), max_size=3),
    comments=st.integers(0, 2),
    quoted_break=st.booleans(),
)
def test_bad_cells_are_reported_at_their_file_lines(n, bad, blank_after, comments, quoted_break):
    from seqstudio.data.issues import ColumnError

    bad = sorted(b for b in bad if b < n) or [0]
    lines = ["# a comment"] * comments + ["value,remark"]
    for i in range(n):
        remark = '"two\nlines"' if quoted_break and i == 1 else "ok"
        lines.append(f"{'oops' + str(i) if i in bad else i * 1.5},{remark}")
        if i in blank_after:
            lines.append("")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "cells.csv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        try:
            load_dataset(path, seq_len=3, target=["value"], val_fraction=0.0)
        except ColumnError as err:
            [issue] = err.issues
        else:
            raise AssertionError("the bad cells were not reported")
        physical = path.read_text(encoding="utf-8").split("\n")
        assert issue.rows == tuple(b + 1 for b in bad)
        for line, cell in zip(issue.lines, issue.cells, strict=True):
            assert physical[line - 1].startswith(cell + ",")
