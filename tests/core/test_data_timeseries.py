"""Time series: dates, column choice, windows, chronological split, train-only scaling, missing values."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from seqstudio.data import load_dataset
from seqstudio.errors import DataError


def series_csv(path, n=100, *, shuffle=False, missing=(), extra=None):
    dates = pd.date_range("2024-01-01", periods=n, freq="D")
    frame = pd.DataFrame({
        "when": dates.strftime("%Y-%m-%d"),
        "temp": np.arange(n, dtype=float),
        "load": np.arange(n, dtype=float) * 10 + 5,
    })
    for row, col in missing:
        frame.loc[row, col] = np.nan
    if extra:
        frame = frame.assign(**extra)
    if shuffle:
        frame = frame.sample(frac=1.0, random_state=0)
    frame.to_csv(path, index=False)
    return path


def test_windows_targets_and_dates(tmp_path):
    ds = load_dataset(series_csv(tmp_path / "s.csv"), seq_len=5, horizon=2)
    assert ds.task == "forecast"
    assert ds.options["date_column"] == "when"
    assert ds.input_columns == ["temp", "load"] and ds.target_columns == ["load"]
    assert ds.input_spec.kind == "numeric" and ds.input_spec.features == 2
    assert ds.head.kind == "linear" and ds.head.units == 2
    assert ds.x_train.shape == (74, 5, 2) and ds.y_train.shape == (74, 2)
    # y of window 0 (rows 0..4) is load at rows 5 and 6, in original units after unscale
    np.testing.assert_allclose(ds.unscale(ds.y_train[0]), [55.0, 65.0], rtol=1e-5)
    assert ds.step_labels("train", 0)[0] == "2024-01-01"
    assert ds.probe.step_labels[0] == "2024-03-21"  # row 80, the first validation row (leap year)
    assert ds.probe.target_label == "load: 855, 865 (next 2 steps)"  # rows 85 and 86
    assert ds.level == "" and ds.options["level"] is None  # no text, no level


def test_rows_sorted_by_date(tmp_path):
    ds = load_dataset(series_csv(tmp_path / "s.csv", shuffle=True), seq_len=5)
    temp = ds.unscale(ds.y_train[:, :1])  # target is load = 10*temp + 5
    assert (np.diff(temp[:, 0]) > 0).all()
    assert any("sorted" in n for n in ds.notes)
    assert (np.diff(ds.row_dates) > np.timedelta64(0)).all()


def test_scaler_fitted_on_training_rows_only(tmp_path):
    ds = load_dataset(series_csv(tmp_path / "s.csv"), seq_len=5)
    mean, std = ds.scaler["temp"]
    assert mean == pytest.approx(np.arange(80).mean())  # rows 0..79 are the training part
    assert std == pytest.approx(np.arange(80).std())
    assert ds.windows.train == (0, 80) and ds.windows.val == (80, 100)


def test_no_window_straddles_the_split(tmp_path):
    ds = load_dataset(series_csv(tmp_path / "s.csv"), seq_len=5, horizon=3, stride=2)
    last = ds.unscale(ds.y_train[-1])  # targets of the last training window
    first_val_input = ds.x_val[0, 0, 0] * ds.scaler["temp"][1] + ds.scaler["temp"][0]
    assert last.max() < 10 * 80 + 5  # load at row 80 would be 805
    assert first_val_input == pytest.approx(80.0)


def test_chosen_columns_and_targets(tmp_path):
    ds = load_dataset(series_csv(tmp_path / "s.csv"), columns=["load"], target=["temp", "load"])
    assert ds.input_columns == ["load"] and ds.target_columns == ["temp", "load"]
    assert ds.head.units == 2 and ds.x_train.shape[2] == 1


def test_tf_pipeline_matches_numpy_windows(tmp_path):
    ds = load_dataset(series_csv(tmp_path / "s.csv"), seq_len=6, horizon=2, stride=3)
    assert tuple(ds.tf_dataset("train", 16).element_spec[0].shape) == (None, 6, 2)  # T is static
    for part, x, y in (("train", ds.x_train, ds.y_train), ("val", ds.x_val, ds.y_val)):
        pairs = [(bx.numpy(), by.numpy()) for bx, by in ds.tf_dataset(part, 16)]
        np.testing.assert_allclose(np.concatenate([p[0] for p in pairs]), x)
        np.testing.assert_allclose(np.concatenate([p[1] for p in pairs]), y)


def test_missing_default_interpolates_and_says_so(tmp_path):
    ds = load_dataset(series_csv(tmp_path / "s.csv", missing=[(10, "temp"), (11, "temp")]), seq_len=5)
    assert any("interpolated 2 missing values" in n and "'temp'" in n for n in ds.notes)
    temps = ds.x_train[10 - 4, :, 0] * ds.scaler["temp"][1] + ds.scaler["temp"][0]
    np.testing.assert_allclose(temps, np.arange(6, 11), atol=1e-4)  # linear fill in time


def test_missing_drop_and_error(tmp_path):
    path = series_csv(tmp_path / "s.csv", missing=[(10, "temp"), (40, "load")])
    ds = load_dataset(path, missing="drop")
    assert ds.summary["rows"] == 98
    assert any("dropped 2 rows" in n for n in ds.notes)
    with pytest.raises(DataError, match=r"rows 11, 41") as info:
        load_dataset(path, missing="error")
    assert "s.csv" in str(info.value) and "missing='interpolate'" in str(info.value)


def test_no_date_column_labels_by_index(tmp_path):
    path = tmp_path / "n.csv"
    pd.DataFrame({"x": np.sin(np.arange(60) / 3)}).to_csv(path, index=False)
    ds = load_dataset(path, seq_len=4)
    assert ds.row_dates is None
    assert ds.probe.step_labels == ["48", "49", "50", "51"]


def test_semicolon_csv_is_sniffed(tmp_path):
    path = tmp_path / "semi.csv"
    path.write_text("date;value\n" + "".join(f"2024-01-{d:02d};{d}.5\n" for d in range(1, 31)))
    ds = load_dataset(path, seq_len=3)
    assert ds.input_columns == ["value"]


def test_decimal_commas_in_a_semicolon_file_are_numbers(tmp_path):
    path = tmp_path / "de.csv"
    rows = [f"{d:02d}.01.2024;{d},5;{d * 10};Messung {d}" for d in range(1, 31)]
    rows[4] = "05.01.2024;;50;Messung 5"  # an empty cell stays missing
    path.write_text("Datum;Wert;Menge;Notiz\n" + "\n".join(rows) + "\n")
    ds = load_dataset(path, seq_len=3, target=["Wert"])
    assert ds.input_columns == ["Wert", "Menge"]
    assert ds.scaler["Wert"][0] == pytest.approx(np.mean([d + 0.5 for d in range(1, 25)]), abs=0.1)
    assert "read decimal commas (12,5 = 12.5) in 'Wert'" in ds.notes
    # 01.01.2024 ... 30.01.2024 are days of January (a guess from the first value alone read
    # 02.01 as February 1, then parsed each value its own way and shuffled the rows)
    assert not any("sorted" in n for n in ds.notes)
    np.testing.assert_array_equal(ds.row_dates, pd.date_range("2024-01-01", periods=30).to_numpy())
    assert any("interpolated 1 missing values" in n for n in ds.notes)
    # with a comma delimiter a quoted "12,5" is a bad cell, named as such
    comma = tmp_path / "en.csv"
    comma.write_text("value\n" + "".join(f"{d}.5\n" for d in range(30)) + '"12,5"\n')
    with pytest.raises(DataError, match=r"'12,5' \(row 31, line 32\)"):
        load_dataset(comma, seq_len=3, target=["value"])


def test_a_spreadsheets_empty_columns_and_rows_are_left_out_with_a_note(tmp_path):
    path = tmp_path / "excel.csv"
    rows = "".join(f"2024-01-{d:02d},{d},,\n" for d in range(1, 29))
    path.write_text("date,value,,\n" + rows + ",,,\n,,,\n")
    ds = load_dataset(path, seq_len=3)
    assert ds.input_columns == ["value"] and ds.summary["rows"] == 28
    assert "not used: 'Unnamed: 2', 'Unnamed: 3' (empty)" in ds.notes


def test_thousands_separators_in_a_comma_file_are_numbers(tmp_path):
    path = tmp_path / "k.csv"
    path.write_text("date,value\n" + "".join(f'2024-01-{d:02d},"{d * 1000.5:,}"\n' for d in range(1, 29)))
    ds = load_dataset(path, seq_len=3)
    assert ds.input_columns == ["value"] and ds.scaler["value"][0] == pytest.approx(
        np.mean([d * 1000.5 for d in range(1, 23)]), rel=0.05)
    assert "read thousands separators (1,234 = 1234) in 'value'" in ds.notes


@pytest.mark.parametrize(("text", "dayfirst"), [("{d:02d}/03/2024", True), ("03/{d:02d}/2024", False)])
def test_one_date_format_for_the_whole_column(tmp_path, text, dayfirst):
    path = tmp_path / "d.csv"
    path.write_text("date,value\n" + "".join(f"{text.format(d=d)},{d}\n" for d in range(1, 31)))
    ds = load_dataset(path, seq_len=3)
    np.testing.assert_array_equal(ds.row_dates, pd.date_range("2024-03-01", periods=30).to_numpy())


def test_big_tables_are_parsed_in_chunks_with_the_same_result(tmp_path, monkeypatch):
    from seqstudio.data import tables

    path = series_csv(tmp_path / "s.csv", shuffle=True, missing=[(30, "temp")])
    whole = load_dataset(path, seq_len=5)
    monkeypatch.setattr(tables, "CHUNKED_BYTES", 10)
    monkeypatch.setattr(tables, "CHUNK_ROWS", 7)
    chunked = load_dataset(path, seq_len=5)
    np.testing.assert_array_equal(chunked.x_train, whole.x_train)
    np.testing.assert_array_equal(chunked.row_dates, whole.row_dates)
    assert chunked.notes == whole.notes
    bad = tmp_path / "bad.csv"
    bad.write_text(path.read_text().replace("2024-02-10", "someday"))
    with pytest.raises(DataError, match="'someday' at row"):
        load_dataset(bad, seq_len=5)


def test_comment_lines_at_the_top_are_skipped(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("# measured at the roof; units: degrees\n# second comment\nvalue\n"
                    + "".join(f"{v}\n" for v in range(40)))
    ds = load_dataset(path, seq_len=4)
    assert ds.input_columns == ["value"]
    assert "skipped 2 comment lines at the top of the file" in ds.notes
