"""Tables separated by spaces, as R's write.table and many scientific exports write them (shaped
like files statsmodels ships: spector.csv, anes96/src/anes96.csv, scotland/src/scotvote.csv)."""

from __future__ import annotations

import numpy as np
import pytest

from seqstudio.data import load_dataset, preview
from seqstudio.data.issues import ColumnError


def test_space_separated_with_quoted_names_and_a_counter(tmp_path):
    """spector.csv: 'OBS' 'GPA' 'TUCE' 'PSI' 'GRADE' / 1 2.66 20 0 0 ..."""
    path = tmp_path / "spector.csv"
    rows = [f"{i + 1} {2 + (i % 7) / 5:.2f} {20 + i % 9} {i % 2} {(i // 3) % 2}" for i in range(40)]
    path.write_text("'OBS' 'GPA' 'TUCE' 'PSI' 'GRADE'\n" + "\n".join(rows) + "\n")
    ds = load_dataset(path, seq_len=4)
    assert ds.input_columns == ["GPA", "TUCE", "PSI", "GRADE"]
    assert preview(path).columns["index"] == "OBS"


def test_r_write_table_row_names_become_a_column(tmp_path):
    """write.table: the header has no name for the row names, each row starts with one."""
    path = tmp_path / "scotvote.csv"
    rows = [f'"Council_{i}" {1000 + i * 3} {50 + i % 5} {np.sin(i):.3f}' for i in range(40)]
    path.write_text('"Starts" "Rent" "Share"\n' + "\n".join(rows) + "\n")
    ds = load_dataset(path, seq_len=4)
    assert ds.task == "forecast" and ds.input_columns == ["Starts", "Rent", "Share"]
    assert "not used: 'row name' (text; a forecast reads numbers)" in ds.notes
    assert list(preview(path).table["row name"][:2]) == ["Council_0", "Council_1"]


def test_tab_and_space_runs_and_a_bad_cell_by_its_line(tmp_path):
    path = tmp_path / "runs.txt.csv"
    rows = [f"{1950 + i}   {20 + np.cos(i):.2f}\t {i % 4}" for i in range(40)]
    rows[12] = "1962   x\t 0"
    path.write_text("year  temp  code\n\n" + "\n".join(rows) + "\n")
    with pytest.raises(ColumnError) as info:
        load_dataset(path, seq_len=4, target=["temp"])
    [issue] = info.value.issues
    assert issue.cells == ("x",) and issue.rows == (13,)
    assert path.read_text().splitlines()[issue.lines[0] - 1].startswith("1962   x")
    ds = load_dataset(path, seq_len=4, treat_as_missing=["temp"])
    assert ds.options["date_column"] == "year" and ds.input_columns == ["temp", "code"]


def test_a_column_of_sentences_is_not_split_at_its_spaces(tmp_path):
    path = tmp_path / "texts.csv"
    path.write_text("text\n" + "".join(f"a short sentence number {i}\n" for i in range(30)))
    assert list(preview(path).table.columns) == ["text"]
