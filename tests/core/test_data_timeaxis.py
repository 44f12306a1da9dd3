"""Years, quarters and months written as numbers or period strings are the time axis, not inputs.

The tables are tiny copies of the shapes of real files (statsmodels' yearly sunspots, macrodata,
elnino, co2), written as a user would write them: ``DataFrame.to_csv`` with its index.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from seqstudio.data import load_dataset, preview
from seqstudio.data.timeseries import row_labels, sample_labels
from seqstudio.errors import DataError


def wave(n, period=11.0):
    return (np.sin(np.arange(n) * 2 * np.pi / period) * 40 + 50).round(1)


def sunspots_like(path, n=80, *, index=True):
    frame = pd.DataFrame({"YEAR": np.arange(1700.0, 1700.0 + n), "SUNACTIVITY": wave(n)})
    frame.to_csv(path, index=index)
    return path


@pytest.mark.parametrize("index", [True, False])
def test_a_year_column_is_the_time_axis(tmp_path, index):
    path = sunspots_like(tmp_path / "sunspots.csv", index=index)
    ds = load_dataset(path)
    assert ds.input_columns == ds.target_columns == ["SUNACTIVITY"]
    assert ds.options["date_column"] == "YEAR"
    assert ds.summary["time step"] == "1 year"
    assert any("'YEAR' read as the time axis (years)" in n for n in ds.notes)
    # the heatmap's labels are the years of the probe's steps
    first = 1700 + ds.windows.val[0]
    assert ds.probe.step_labels == [str(y) for y in range(first, first + 20)]
    assert sample_labels(ds, "train", 3) == [str(y) for y in range(1703, 1723)]
    assert preview(path).columns["date"] == "YEAR"


def test_year_and_quarter_columns_make_one_axis(tmp_path):
    n = 48
    years = 1959 + np.arange(n) // 4
    frame = pd.DataFrame({"year": years.astype(float), "quarter": (np.arange(n) % 4 + 1.0),
                          "realgdp": np.linspace(2700, 3900, n), "infl": wave(n, 8)})
    frame.to_csv(tmp_path / "macro.csv")
    ds = load_dataset(tmp_path / "macro.csv", seq_len=8)
    assert ds.options["date_column"] == "year+quarter"
    assert ds.input_columns == ["realgdp", "infl"] and ds.target_columns == ["infl"]
    labels = row_labels(ds)
    assert labels[:5] == ["1959Q1", "1959Q2", "1959Q3", "1959Q4", "1960Q1"]
    assert ds.summary["first date"] == "1959Q1" and ds.summary["time step"] == "1 quarter"
    again = load_dataset(tmp_path / "macro.csv", **ds.options)
    assert again.options == ds.options
    np.testing.assert_array_equal(again.row_dates, ds.row_dates)
    head = preview(tmp_path / "macro.csv")
    assert head.columns["time_columns"] == ["year", "quarter"]
    assert head.columns["numeric"] == ["realgdp", "infl"] and head.columns["index"] == "Unnamed: 0"


@pytest.mark.parametrize(("cells", "labels"), [
    (["1959M01", "1959M02", "1959M03"], ["1959-01", "1959-02", "1959-03"]),
    (["1959Q1", "1959Q2", "1959Q3"], ["1959Q1", "1959Q2", "1959Q3"]),
    (["1959-01", "1959-02", "1959-03"], ["1959-01", "1959-02", "1959-03"]),
])
def test_period_strings(tmp_path, cells, labels):
    n = 30
    start = pd.Period(cells[0].replace("M", "-"), freq="Q" if "Q" in cells[0] else "M")
    periods = [str(start + i) for i in range(n)]
    text = [p.replace("-", "M") if "M" in cells[0] else p for p in periods]
    assert text[:3] == cells
    pd.DataFrame({"when": text, "value": wave(n)}).to_csv(tmp_path / "p.csv", index=False)
    ds = load_dataset(tmp_path / "p.csv", seq_len=4)
    assert ds.options["date_column"] == "when"
    assert row_labels(ds)[:3] == labels


def test_decimal_years(tmp_path):
    n = 40
    pd.DataFrame({"time": 1959 + np.arange(n) / 4, "value": wave(n)}).to_csv(
        tmp_path / "d.csv", index=False)
    ds = load_dataset(tmp_path / "d.csv", seq_len=4)
    assert ds.options["date_column"] == "time" and ds.input_columns == ["value"]
    assert row_labels(ds)[:3] == ["1959Q1", "1959Q2", "1959Q3"]


def test_wide_table_of_months_by_year(tmp_path):
    """elnino: YEAR, then one column per month."""
    months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    n = 40
    frame = pd.DataFrame({"YEAR": np.arange(1950.0, 1950 + n)})
    for k, m in enumerate(months):
        frame[m] = wave(n, 5 + k)
    frame.to_csv(tmp_path / "elnino.csv")
    ds = load_dataset(tmp_path / "elnino.csv", seq_len=5)
    assert ds.options["date_column"] == "YEAR"
    assert ds.input_columns == months and ds.target_columns == ["DEC"]


def test_weekly_dates_under_a_blank_header(tmp_path):
    """co2: a DatetimeIndex written by to_csv (header ''), with gaps."""
    n = 60
    values = wave(n, 52) + 300
    values[[5, 6, 30]] = np.nan
    frame = pd.DataFrame({"co2": values}, index=pd.date_range("1958-03-29", periods=n, freq="W-SAT"))
    frame.to_csv(tmp_path / "co2.csv")
    ds = load_dataset(tmp_path / "co2.csv", seq_len=8)
    assert ds.input_columns == ["co2"] and ds.options["date_column"] == "Unnamed: 0"
    assert row_labels(ds)[:2] == ["1958-03-29", "1958-04-05"]
    assert any("interpolated 3 missing values linearly in time" in n for n in ds.notes)


def test_numbers_that_only_look_like_years_stay_columns(tmp_path):
    n = 40
    # a count that happens to lie in 1000..2200, not the first column and not named like a year
    frame = pd.DataFrame({"value": wave(n), "visitors": np.arange(1500.0, 1500 + n)})
    frame.to_csv(tmp_path / "v.csv", index=False)
    assert load_dataset(tmp_path / "v.csv", seq_len=4).input_columns == ["value", "visitors"]
    # grunfeld, a panel: the year repeats for each firm, with no quarter beside it
    panel = pd.DataFrame({"invest": np.arange(40.0), "firm": ["General Motors"] * 20 + ["IBM"] * 20,
                          "year": np.tile(np.arange(1935.0, 1955), 2)})
    panel.to_csv(tmp_path / "panel.csv", index=False)
    ds = load_dataset(tmp_path / "panel.csv", seq_len=4)
    assert ds.task == "forecast"  # the firm names are a category, not sentences to classify
    assert ds.options["date_column"] is None and ds.input_columns == ["invest", "year"]
    assert ds.target_columns == ["invest"]  # not the years
    assert any("'year' holds years, but they repeat or are out of order" in n for n in ds.notes)
    assert "not used: 'firm' (text; a forecast reads numbers)" in ds.notes


def test_year_as_a_feature_when_asked(tmp_path):
    """Runs saved before years were time list YEAR among their columns; they rebuild as they were."""
    path = sunspots_like(tmp_path / "s.csv", index=False)
    ds = load_dataset(path, columns=["YEAR", "SUNACTIVITY"], target=["SUNACTIVITY"])
    assert ds.input_columns == ["YEAR", "SUNACTIVITY"] and ds.row_dates is None
    with pytest.raises(DataError, match="'YEAR' is the date column and cannot also be an input"):
        load_dataset(path, columns=["YEAR", "SUNACTIVITY"], date_column="YEAR")


def test_a_chosen_date_column_of_numbers_must_hold_years(tmp_path):
    path = sunspots_like(tmp_path / "s.csv", index=False)
    with pytest.raises(DataError, match=r"'SUNACTIVITY' holds numbers that are not years") as info:
        load_dataset(path, date_column="SUNACTIVITY")
    assert info.value.where == "column 'SUNACTIVITY'"
    macro = tmp_path / "m.csv"
    pd.DataFrame({"year": [2000.0] * 30, "q": [1.0, 2.0] * 15, "v": np.arange(30.0)}).to_csv(
        macro, index=False)
    with pytest.raises(DataError, match=r"date_column 'year\+q': 'year' must hold years and 'q' "):
        load_dataset(macro, date_column="year+q", seq_len=3)


def test_newest_first_years_and_quarters_are_detected_and_sorted(tmp_path):
    n = 40
    frame = pd.DataFrame({"year": 1990 + np.arange(n) // 4, "quarter": np.arange(n) % 4 + 1,
                          "gdp": np.linspace(100, 200, n)}).iloc[::-1]
    frame.to_csv(tmp_path / "newest.csv", index=False)
    ds = load_dataset(tmp_path / "newest.csv", seq_len=4)
    assert ds.options["date_column"] == "year+quarter" and ds.input_columns == ["gdp"]
    assert row_labels(ds)[:2] == ["1990Q1", "1990Q2"]
    assert any("sorted them by 'year+quarter'" in n for n in ds.notes)
    yearly = pd.DataFrame({"Year": np.arange(2020, 1980, -1), "deaths": np.arange(40.0)})
    yearly.to_csv(tmp_path / "yearly.csv", index=False)
    assert load_dataset(tmp_path / "yearly.csv", seq_len=4).options["date_column"] == "Year"


def test_years_out_of_order_are_sorted_and_a_missing_year_drops_its_row(tmp_path):
    frame = pd.DataFrame({"year": np.arange(1900.0, 1940), "volume": wave(40)})
    frame.loc[7, "year"] = np.nan
    shuffled = frame.sample(frac=1.0, random_state=1)
    shuffled.to_csv(tmp_path / "nile.csv", index=False)
    ds = load_dataset(tmp_path / "nile.csv", date_column="year", seq_len=4)
    labels = row_labels(ds)
    assert labels == sorted(labels) and "1907" not in labels and len(labels) == 39
    assert any("sorted them by 'year'" in n for n in ds.notes)
    assert any("dropped 1 row with no date" in n for n in ds.notes)


@pytest.mark.parametrize(("freq", "labels"), [("QS", ["1974Q1", "1974Q2"]), ("MS", ["1974-01", "1974-02"])])
def test_dates_at_the_start_of_each_quarter_or_month_are_labelled_by_period(tmp_path, freq, labels):
    """danish_data (quarterly, 'period') and elec_equip (monthly, 'DATE'), as to_csv writes them."""
    n = 40
    frame = pd.DataFrame({"lrm": wave(n), "ibo": wave(n, 6)},
                         index=pd.date_range("1974-01-01", periods=n, freq=freq).rename("period"))
    frame.to_csv(tmp_path / "q.csv")
    ds = load_dataset(tmp_path / "q.csv", seq_len=4)
    assert ds.options["date_column"] == "period" and row_labels(ds)[:2] == labels
    assert ds.summary["time step"] == ("1 quarter" if freq == "QS" else "1 month")


def test_year_and_quarter_starting_mid_year(tmp_path):
    """interest_inflation starts in 1972 Q2."""
    n = 40
    quarters = np.arange(1, n + 1)  # 1972Q2 ...
    frame = pd.DataFrame({"year": 1972.0 + quarters // 4, "quarter": quarters % 4 + 1.0,
                          "Dp": wave(n), "R": wave(n, 9)})
    frame.to_csv(tmp_path / "ii.csv")
    ds = load_dataset(tmp_path / "ii.csv", seq_len=4)
    assert ds.options["date_column"] == "year+quarter" and ds.input_columns == ["Dp", "R"]
    assert row_labels(ds)[:3] == ["1972Q2", "1972Q3", "1972Q4"]


def test_dates_written_as_numbers(tmp_path):
    """co2.csv as statsmodels ships it: date,co2 / 19580329,316.1 / 19580405,317.3..."""
    n = 40
    dates = pd.date_range("1958-03-29", periods=n, freq="W-SAT")
    values = (wave(n, 52) + 300).astype(object)
    values[3] = ""
    pd.DataFrame({"date": dates.strftime("%Y%m%d").astype(int), "co2": values}).to_csv(
        tmp_path / "co2.csv", index=False)
    ds = load_dataset(tmp_path / "co2.csv", seq_len=4)
    assert ds.options["date_column"] == "date" and ds.input_columns == ["co2"]
    np.testing.assert_array_equal(ds.row_dates, dates.to_numpy())
    assert row_labels(ds, 0, 2) == ["1958-03-29", "1958-04-05"]
    monthly = pd.DataFrame({"period": pd.date_range("1990-01", periods=n, freq="MS").strftime("%Y%m")
                            .astype(int), "v": wave(n)})
    monthly.to_csv(tmp_path / "m.csv", index=False)
    assert row_labels(load_dataset(tmp_path / "m.csv", seq_len=4), 0, 2) == ["1990-01", "1990-02"]
    # an 8-digit count that is no date stays a column
    ids = pd.DataFrame({"value": wave(n), "count": np.arange(10_000_000, 10_000_000 + n)})
    ids.to_csv(tmp_path / "ids.csv", index=False)
    assert load_dataset(tmp_path / "ids.csv", seq_len=4).input_columns == ["value", "count"]


@pytest.mark.parametrize(("letter", "per_year", "labels"), [("Q", 4, ["1959Q1", "1959Q2"]),
                                                             ("M", 12, ["1959-01", "1959-02"])])
def test_a_statistics_office_export_with_notes_above_and_period_codes(tmp_path, letter, per_year,
                                                                      labels):
    """statsmodels' macrodata/src/unemp.csv, as the US BLS exports it: notes about the series,
    then Series id,Year,Period,Value, (a trailing comma) and Period Q01..Q04 or M01..M12."""
    n = 48
    rows = [f"LNS14000000Q,{1959 + i // per_year},{letter}{i % per_year + 1:02d},{5 + np.sin(i):.1f}"
            for i in range(n)]
    path = tmp_path / "unemp.csv"
    path.write_text("Series Id:           LNS14000000Q\n\nSeasonally Adjusted\n"
                    "Series title:        (Seas) Unemployment Rate\n\n\n"
                    "Series id,Year,Period,Value,\n" + "\n".join(rows) + "\n")
    ds = load_dataset(path, seq_len=4)
    assert ds.options["date_column"] == "Year+Period" and ds.input_columns == ["Value"]
    assert row_labels(ds, 0, 2) == labels
    assert any(n.startswith("skipped 6 lines above the table, from 'Series Id: LNS14000000Q'")
               for n in ds.notes)
    assert load_dataset(path, **ds.options).options == ds.options
