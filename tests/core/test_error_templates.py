"""The core's messages as templates (seqstudio.errors.Phrase): the English text is what it was,
the template and values travel with the error as plain data, and every Korean translation of a
template fills the same placeholders (a missing or misspelt one would leave the GUI's message in
English, or worse)."""

from __future__ import annotations

import pickle
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from seqstudio.data import load_dataset
from seqstudio.engine import RunDir
from seqstudio.engine.settings import TrainSettings
from seqstudio.errors import DataError, ErrorWords, Phrase, SeqstudioError, TrainingError, at_line

TRANSLATIONS = Path(__file__).resolve().parents[2] / "src" / "seqstudio" / "gui" / "translations"


def translations(context: str) -> dict[str, str]:
    found = {}
    for ts in sorted(TRANSLATIONS.glob("*_ko.ts")):
        for ctx in ET.parse(ts).getroot().iter("context"):
            if ctx.findtext("name") == context:
                for message in ctx.iter("message"):
                    found[message.findtext("source", "")] = message.findtext("translation") or ""
    return found


def fields(template: str) -> set[tuple[str, str, str]]:
    return {(name, conversion or "", spec or "")
            for _, name, spec, conversion in string.Formatter().parse(template) if name is not None}


def test_phrase_is_the_english_text_and_keeps_plain_values():
    phrase = Phrase("column {name!r} at {rows}: {n:,} cells of {what}", name="value",
                    rows=Phrase("rows {shown}", shown="3, 7"), n=12345, what=Path("a.csv"))
    assert phrase == "column 'value' at rows 3, 7: 12,345 cells of a.csv"
    assert phrase.template == "column {name!r} at {rows}: {n:,} cells of {what}"
    assert phrase.values["what"] == "a.csv" and isinstance(phrase.values["rows"], Phrase)
    again = pickle.loads(pickle.dumps(phrase))
    assert (again, again.template, again.values) == (phrase, phrase.template, phrase.values)
    assert Phrase("50 {%} is {not} formatted") == "50 {%} is {not} formatted"  # no values


def test_a_data_error_says_the_same_english_and_carries_its_words(tmp_path):
    error = DataError(Phrase("a line has more fields than the header's {fields}", fields=3),
                      path=tmp_path / "t.csv", where=at_line(7))
    assert str(error) == f"{tmp_path / 't.csv'} (line 7): a line has more fields than the header's 3"
    words = pickle.loads(pickle.dumps(error)).words
    assert words == ErrorWords(error.message, str(tmp_path / "t.csv"), at_line(7))
    assert (words.message.template, words.where.template) == (
        "a line has more fields than the header's {fields}", "line {line}")
    plain = SeqstudioError("something else went wrong")
    assert plain.words.message.template == "something else went wrong"


def refused(call, *args) -> SeqstudioError:
    with pytest.raises(SeqstudioError) as caught:
        call(*args)
    return caught.value


def test_the_errors_a_user_meets_first_are_marked_and_unchanged(tmp_path):
    """Opening a wrong file or folder: the English is the message as it always read, and its
    template is one the translators have."""
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    words = tmp_path / "words.csv"
    words.write_text("name,city\nann,paris\n", encoding="utf-8")
    few = tmp_path / "few.csv"
    few.write_text("value\n1\n2\nn/a?\n4\n5\n", encoding="utf-8")
    errors = {
        f"{empty}: the file is empty; choose a file with text or a table in it":
            refused(load_dataset, empty),
        f"{tmp_path / 'gone.txt'}: no such file; check the name and the folder":
            refused(load_dataset, tmp_path / "gone.txt"),
        f"{tmp_path}: this is a folder, not a file; choose a .txt, .csv or .tsv file in it":
            refused(load_dataset, tmp_path),
        f"{words}: the table has no numeric column to forecast and no text-and-label pair to "
        "classify (columns: 'name' (str), 'city' (str)); choose the columns with "
        "text_column/label_column or columns": refused(load_dataset, words),
        f"{few} (column 'value'): no column of numbers to forecast: column 'value' holds numbers, "
        "but 1 of its 5 cells is not a number: 'n/a?' (row 3, line 4); fix those cells, or treat "
        "them as missing values with treat_as_missing=['value'] (CLI: --treat-as-missing value)":
            refused(load_dataset, few),
        f"{tmp_path} is not a run directory (no config.json)": refused(RunDir, tmp_path),
        "training setting 'epochs' must be an integer >= 1, got 0":
            refused(lambda: TrainSettings(epochs=0)),
    }
    korean = translations("Errors")
    for english, error in errors.items():
        assert str(error) == english
        assert korean.get(error.words.message.template), error.words.message.template
    assert isinstance(errors[next(iter(errors))], DataError)
    assert isinstance(errors["training setting 'epochs' must be an integer >= 1, got 0"],
                      TrainingError)


@pytest.mark.parametrize("context", ["Errors", "DatasetNotes"])
def test_every_translation_fills_the_same_placeholders(context):
    table = translations(context)
    assert len(table) > (60 if context == "Errors" else 10)
    wrong = [f"{source!r} -> {korean!r}" for source, korean in table.items()
             if not fields(korean) <= fields(source)
             or {f[0] for f in fields(source)} - {f[0] for f in fields(korean)}
             - {"units"}]  # the Korean of "({units} for the inputs plus the target)" needs none
    assert not wrong, "\n".join(wrong)
