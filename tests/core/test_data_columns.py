"""No column disappears without a word: cells that are not numbers are reported by row, line and
text, can be treated as missing, and a column that only numbers the rows is never forecast."""

from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pytest

from seqstudio.data import load_dataset, preview
from seqstudio.data.issues import ColumnError, ColumnIssue
from seqstudio.errors import DataError

BAD = {17: "n/a?", 40: "12,5", 90: "x"}  # 0-based data rows -> cell text


def newcomer_csv(path, n=120, bad=BAD, *, index=True, extra=None):
    """The file of issue #11: a pandas index (blank header), dates, and a value column with three
    text cells among numbers."""
    values = (np.sin(np.arange(n) / 5) * 10 + 50).round(2).astype(object)
    for row, text in bad.items():
        values[row] = text
    frame = pd.DataFrame({"date": pd.date_range("2024-01-01", periods=n).strftime("%Y-%m-%d"),
                          "value": values, **(extra or {})})
    frame.to_csv(path, index=index)
    return path


def test_the_newcomers_file_names_the_bad_cells_instead_of_forecasting_the_index(tmp_path):
    path = newcomer_csv(tmp_path / "bad.csv")
    with pytest.raises(ColumnError) as info:
        load_dataset(path)
    err = info.value
    assert isinstance(err, DataError) and err.where == "column 'value'"
    message = str(err)
    assert "'n/a?' (row 18, line 19), '12,5' (row 41, line 42), 'x' (row 91, line 92)" in message
    assert "--treat-as-missing value" in message and "'Unnamed: 0' only numbers the rows" in message
    [issue] = err.issues
    assert issue == ColumnIssue("value", (18, 41, 91), (19, 42, 92), ("n/a?", "12,5", "x"),
                                total_bad=3, total_values=120, rows_checked=120)
    assert issue.treatable
    copy = pickle.loads(pickle.dumps(err))  # as it comes back from a worker process
    assert (str(copy), copy.issues, copy.where) == (str(err), err.issues, err.where)
    # the line numbers are those of the file
    lines = path.read_text().splitlines()
    assert [lines[n - 1].split(",")[2:] for n in issue.lines] == [["n/a?"], ['"12', '5"'], ["x"]]


def test_naming_the_bad_column_as_target_lists_its_cells(tmp_path):
    path = newcomer_csv(tmp_path / "bad.csv")
    with pytest.raises(ColumnError, match=r"column 'value' holds numbers, but 3 of its 120 cells "
                                          r"are not numbers: 'n/a\?' \(row 18, line 19\)") as info:
        load_dataset(path, target=["value"])
    assert info.value.issues[0].rows == (18, 41, 91)


@pytest.mark.parametrize("missing", ["interpolate", "drop", "error"])
def test_treat_as_missing_hands_the_cells_to_the_missing_policy(tmp_path, missing):
    path = newcomer_csv(tmp_path / "bad.csv")
    if missing == "error":
        with pytest.raises(DataError, match=r"missing values \(3 in 'value'\) at rows 18, 41, 91"):
            load_dataset(path, treat_as_missing=["value"], missing=missing)
        return
    ds = load_dataset(path, treat_as_missing="value", missing=missing)
    assert ds.input_columns == ds.target_columns == ["value"]
    assert ds.options["treat_as_missing"] == ["value"]
    assert any("treated 3 cells of 'value'" in n and "'12,5' (row 41, line 42)" in n
               for n in ds.notes)
    assert any("'Unnamed: 0' only numbers the rows" in n for n in ds.notes)
    rows = 120 - (3 if missing == "drop" else 0)
    assert ds.summary["rows"] == rows
    again = load_dataset(path, **ds.options)
    np.testing.assert_array_equal(again.x_val, ds.x_val)


def test_many_bad_cells_are_not_offered_as_missing(tmp_path):
    bad = {i: "?" for i in range(0, 120, 4)}  # 30 of 120
    path = newcomer_csv(tmp_path / "bad.csv", bad=bad, index=False)
    with pytest.raises(ColumnError, match=r"30 of its 120 cells are not numbers.* and 25 more; "
                                          r"fix those cells, or choose other columns$") as info:
        load_dataset(path, target=["value"])
    assert not info.value.issues[0].treatable
    ds = load_dataset(path, treat_as_missing=["value"])  # asked for explicitly: still done
    assert ds.target_columns == ["value"]
    words = tmp_path / "words.csv"
    pd.DataFrame({"x": np.arange(60.0), "name": ["ann", "bob", "3"] * 20}).to_csv(words, index=False)
    with pytest.raises(ColumnError, match="'name' is mostly text"):
        load_dataset(words, columns=["x", "name"], treat_as_missing=["name"])


def test_a_bad_column_beside_good_ones_is_reported_not_dropped_silently(tmp_path):
    path = newcomer_csv(tmp_path / "bad.csv", extra={"temp": np.arange(120.0)})
    ds = load_dataset(path)
    assert ds.input_columns == ds.target_columns == ["temp"]
    [note] = [n for n in ds.notes if n.startswith("not used")]
    assert "column 'value' holds numbers, but 3 of its 120 cells" in note
    assert "--treat-as-missing value" in note
    head = preview(path)
    assert head.columns["index"] == "Unnamed: 0" and head.columns["numeric"] == ["temp"]
    [issue] = head.issues  # the first 50 rows hold two of the bad cells
    assert (issue.column, issue.rows, issue.cells, issue.rows_checked) == (
        "value", (18, 41), ("n/a?", "12,5"), 50)


def test_lines_count_comments_blank_lines_and_quoted_line_breaks(tmp_path):
    path = tmp_path / "notes.csv"
    rows = [f"2024-01-{d:02d},{d},\"plain\"" for d in range(1, 29)]
    rows[3] = '2024-01-04,4,"two\nlines"'
    rows[5] = "2024-01-06,n.a.,x"  # pandas reads "n/a" itself as missing
    path.write_text("# exported by a logger\n# units: none\ndate,value,remark\n"
                    + "\n".join(rows[:5]) + "\n\n" + "\n".join(rows[5:]) + "\n")
    with pytest.raises(ColumnError) as info:
        load_dataset(path, target=["value"], seq_len=3)
    [issue] = info.value.issues
    assert issue.rows == (6,) and issue.cells == ("n.a.",)
    assert path.read_text().splitlines()[issue.lines[0] - 1].startswith("2024-01-06,n.a.")


@pytest.mark.parametrize(("name", "start"), [("", 0), ("index", 0), ("id", 1), ("Unnamed: 0", 0)])
def test_a_row_counter_is_never_an_input_or_the_default_target(tmp_path, name, start):
    n = 60
    path = tmp_path / "counted.csv"
    header = name if name != "Unnamed: 0" else ""
    lines = [f"{header},load,temp"] + [f"{start + i},{i % 7},{np.sin(i):.3f}" for i in range(n)]
    path.write_text("\n".join(lines) + "\n")
    ds = load_dataset(path)
    assert ds.input_columns == ["load", "temp"] and ds.target_columns == ["temp"]
    counter = ds.options["columns"] and preview(path).columns["index"]
    assert any(f"{counter!r} only numbers the rows" in n for n in ds.notes)
    chosen = load_dataset(path, columns=[counter, "temp"])  # asked for: used
    assert chosen.input_columns == [counter, "temp"]


def test_an_id_that_does_not_count_rows_stays_a_column(tmp_path):
    path = tmp_path / "ids.csv"
    ids = [7, 3, 9, 12, 40] * 10
    pd.DataFrame({"id": ids, "temp": np.arange(50.0)}).to_csv(path, index=False)
    assert load_dataset(path, seq_len=4).input_columns == ["id", "temp"]
