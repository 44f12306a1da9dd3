"""Every bad input raises DataError with a message naming the file, the place and what to do."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from seqstudio.data import load_dataset, preview
from seqstudio.errors import DataError


def fails(path, match, **options) -> DataError:
    with pytest.raises(DataError, match=match) as info:
        load_dataset(path, **options)
    assert str(path.name) in str(info.value) or path.name in str(info.value.path)
    return info.value


def series(path, n=50, **cols):
    frame = pd.DataFrame({"date": pd.date_range("2024-01-01", periods=n).strftime("%Y-%m-%d"),
                          "value": np.arange(n, dtype=float), **cols})
    frame.to_csv(path, index=False)
    return path


def test_missing_file(tmp_path):
    fails(tmp_path / "nope.txt", "no such file")


def test_directory(tmp_path):
    (tmp_path / "folder.csv").mkdir()
    fails(tmp_path / "folder.csv", "folder, not a file")


def test_empty_file(tmp_path):
    (tmp_path / "e.txt").write_bytes(b"")
    fails(tmp_path / "e.txt", "empty")
    (tmp_path / "ws.txt").write_text("  \n\n ")
    fails(tmp_path / "ws.txt", "whitespace")


def test_binary_file(tmp_path):
    path = tmp_path / "blob.csv"
    path.write_bytes(b"abcdefgh\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    err = fails(path, "binary")
    assert err.where == "byte 8"


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


@pytest.mark.parametrize(("name", "data", "match"), [
    ("image.csv", PNG, "this is a PNG image, not data"),
    ("photo.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(64), "a JPEG image"),
    ("book.csv", b"PK\x03\x04\x14\x00\x06\x00" + bytes(64), "ZIP archive.*save a spreadsheet as CSV"),
    ("data.csv", __import__("gzip").compress(b"a,b\n1,2\n" * 20, mtime=0), "gzip-compressed; decompress"),
    ("old.csv", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), r"old Office file \(.xls"),
])
def test_known_binary_formats_are_named(tmp_path, name, data, match):
    path = tmp_path / name
    path.write_bytes(data)
    fails(path, match)
    with pytest.raises(DataError, match=match):
        preview(path)


def test_text_that_starts_like_a_magic_number_is_still_text(tmp_path):
    path = tmp_path / "mz.txt"
    path.write_text("MZ is how the story begins, and BZh is a sound. " * 10)
    assert preview(path).kind == "text"  # passed the binary check (a load would import TF)


@pytest.mark.parametrize(("name", "match"), [
    ("sheet.xlsx", r"'\.xlsx': a spreadsheet; save the sheet as CSV"),
    ("plot.png", r"'\.png': an image, not data"),
    ("data.zip", "unpack it"),
    ("table.parquet", "write the table as CSV"),
])
def test_common_wrong_extensions_say_what_to_do(tmp_path, name, match):
    path = tmp_path / name
    path.write_bytes(b"whatever")
    err = fails(path, match)
    assert ".csv" in str(err)


def test_one_character_text_and_one_character_table(tmp_path):
    text = tmp_path / "one.txt"
    text.write_text("a")
    fails(text, r"the text has only 1 character.*shorter sequence length", seq_len=20)
    table = tmp_path / "one.csv"
    table.write_text("x")
    fails(table, "header but no rows of data")


def test_undecodable_bytes_in_table_with_chosen_encoding(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes(b"text,label\nok fine,a\nbad \xff\xfe bytes,b\n")
    fails(path, "cannot be decoded as utf-8.*encoding", encoding="utf-8")


def test_unknown_extension(tmp_path):
    path = tmp_path / "data.xyz"
    path.write_text("hello")
    err = fails(path, r"unknown file type '\.xyz'.*\.txt.*\.csv")
    assert "plugin" in str(err)


def test_file_of_several_gigabytes_is_refused_without_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.write(b"a line of text\n" * 1000)
        fh.truncate(5 * 2**30)  # sparse: instant, takes no disk
    # with a size limit chosen, refused before a byte is read; without one it streams, and the
    # NUL bytes past the head are refused in the first block
    fails(path, r"5\.0 GiB.*over the limit of 200\.0 MiB.*max_bytes", max_bytes=200 * 2**20)
    fails(path, r"NUL byte.*binary")
    assert preview(path).kind == "text"  # the preview reads only the head


def test_csv_with_no_numeric_column(tmp_path):
    path = tmp_path / "names.csv"
    path.write_text("name,city\nann,oslo\nbob,rome\n")
    fails(path, "no numeric column")
    fails(path, "no numeric column", task="forecast")


def test_non_numeric_values_in_chosen_column(tmp_path):
    path = series(tmp_path / "s.csv", extra=["1.5"] * 20 + ["n/a?"] + ["2"] * 29)
    err = fails(path, r"column 'extra' holds numbers, but 1 of its 50 cells is not a number: "
                      r"'n/a\?' \(row 21, line 22\).*--treat-as-missing extra",
                columns=["value", "extra"])
    assert err.where == "column 'extra'"
    assert [(i.column, i.rows, i.cells) for i in err.issues] == [("extra", (21,), ("n/a?",))]


def test_nan_with_error_policy_lists_rows(tmp_path):
    path = series(tmp_path / "s.csv", other=[1.0] * 10 + [np.nan] + [1.0] * 39)
    fails(path, r"missing values \(1 in 'other'\) at row 11", missing="error")


def test_inf(tmp_path):
    path = series(tmp_path / "s.csv", other=[1.0] * 30 + [np.inf] + [1.0] * 19)
    fails(path, r"infinite values in column 'other' at row 31")


def test_fewer_rows_than_window_plus_horizon(tmp_path):
    path = series(tmp_path / "s.csv", n=10)
    fails(path, r"only 10 rows, but one sample needs 23", seq_len=20, horizon=3)
    fails(series(tmp_path / "t.csv", n=30), r"too few to give both", seq_len=20)


def test_text_shorter_than_t_plus_one_tokens(tmp_path):
    path = tmp_path / "short.txt"
    path.write_text("I am a boy.")
    fails(path, r"only 11 characters, but one sample needs 21", seq_len=20)
    fails(path, r"only 4 words, but one sample needs 5", level="word", seq_len=4)


def test_only_one_class(tmp_path):
    path = tmp_path / "one.csv"
    path.write_text("text,label\n" + "a sentence of words,yes\n" * 10)
    err = fails(path, r"only one class \('yes'\)")
    assert err.where == "column 'label'"


@pytest.mark.parametrize(
    ("option", "value", "match"),
    [
        ("columns", ["valu"], r"no column 'valu' \(columns\).*Did you mean 'value'"),
        ("target", ["price"], r"no column 'price' \(target\)"),
        ("date_column", "day", r"no column 'day' \(date_column\)"),
        ("text_column", "body", r"no column 'body'"),
    ],
)
def test_missing_or_misnamed_column(tmp_path, option, value, match):
    err = fails(series(tmp_path / "s.csv"), match, **{option: value})
    assert err.where.startswith("column")


def test_table_without_header(tmp_path):
    path = tmp_path / "h.csv"
    path.write_text("1,2\n3,4\n5,6\n")
    err = fails(path, "looks like data, not column names")
    assert err.where == "line 1"


def test_ragged_table_names_the_line(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("a,b\n1,2\n3,4\n5,6,7\n8,9\n")
    err = fails(path, "not a well-formed table")
    assert err.where == "line 4"
    # many good lines after the bad one are no reason to skip the lines above it as notes
    path.write_text("a,b\n1,2\n3,4\n5,6,7\n" + "".join(f"{i},{i}\n" for i in range(20)))
    assert fails(path, "not a well-formed table").where == "line 4"


def test_header_only(tmp_path):
    path = tmp_path / "h.csv"
    path.write_text("date,value\n")
    fails(path, "no rows of data")


def test_unparseable_dates(tmp_path):
    path = tmp_path / "d.csv"
    rows = [f"2024-01-{d:02d},{d}" for d in range(1, 29)] + ["not a date at all,3"]
    path.write_text("date,value\n" + "\n".join(rows) + "\n")
    fails(path, r"'not a date at all' at row 29 is not one", seq_len=3)


def test_bad_options():
    with pytest.raises(DataError, match="unknown option 'seqlen'"):
        load_dataset("whatever.txt", seqlen=5)
    with pytest.raises(DataError, match="'seq_len' must be an integer >= 1, got 0"):
        load_dataset("whatever.txt", seq_len=0)
    with pytest.raises(DataError, match="val_fraction"):
        load_dataset("whatever.txt", val_fraction=1.5)
    with pytest.raises(DataError, match="unknown encoding"):
        load_dataset("whatever.txt", encoding="klingon")
    with pytest.raises(DataError, match=r"'level' must be one of \['char', 'word'\], got 'chars'"):
        load_dataset("whatever.txt", level="chars")


def test_task_that_does_not_fit_the_file(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("plenty of text here " * 10)
    fails(path, "needs a table", task="forecast")
    fails(series(tmp_path / "s.csv"), "reads running text", task="lm")


def test_line_with_more_fields_than_header(tmp_path):
    path = tmp_path / "long.csv"
    path.write_text("value\n1,2,3\n2\n6\n")  # pandas would make the surplus an index
    err = fails(path, "more fields than the header's 1")
    assert err.where == "line 2"


def test_blank_and_repeated_header_names_get_names_of_their_own(tmp_path):
    """Found by the fuzz test: a header of spaces became two columns named '' and crashed."""
    blank = tmp_path / "blank.csv"
    blank.write_text(" ,  \n\n", encoding="utf-8")
    assert list(preview(blank).table.columns) == ["column 1", "column 2"]
    with pytest.raises(DataError, match="no rows"):
        load_dataset(blank)
    twice = tmp_path / "twice.csv"
    twice.write_text("x,x ,y\n" + "".join(f"{i},{i * 2},{i % 3}\n" for i in range(40)),
                     encoding="utf-8")
    assert list(preview(twice).table.columns) == ["x", "x (2)", "y"]
    ds = load_dataset(twice, task="forecast", seq_len=4)
    assert ds.input_columns == ["x", "x (2)", "y"]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_names_its_encoding_and_loads_with_it(tmp_path, codec):
    """Was refused as binary even with encoding='utf-16-le' chosen."""
    table = tmp_path / "wide.csv"
    table.write_bytes(("date,value\n" + "".join(f"2024-01-{d:02d},{d}\n" for d in range(1, 29)))
                      .encode(codec))
    fails(table, f"UTF-16 text without a byte-order mark.*--encoding {codec}")
    ds = load_dataset(table, encoding=codec, seq_len=3)
    assert ds.input_columns == ["value"] and ds.summary["rows"] == 28
    text = tmp_path / "wide.txt"
    text.write_bytes(("the cat sat on the mat. " * 20).encode(codec))
    fails(text, f"encoding='{codec}'")
    assert load_dataset(text, encoding=codec, seq_len=5, level="word").task == "lm"
