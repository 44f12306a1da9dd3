"""More of the core's messages as Phrases: a broken lesson, a bad cell hyperparameter, a damaged
checkpoint or model file, a run that cannot resume. The English is what it always read, and every
part of it (the nested messages too) is a template the translators have, or punctuation only."""

from __future__ import annotations

import re
import string

import pytest
from test_error_templates import translations

from seqstudio.engine.checkpoints import check_checkpoint
from seqstudio.engine.resume import rebuild_dataset
from seqstudio.engine.rundir import load_keras_file
from seqstudio.errors import ParamError, Phrase, SeqstudioError
from seqstudio.lesson import LessonError, load_lesson
from seqstudio.plugins import get_registry

HEAD = 'format = 1\ntitle = "t"\n[data]\nsample = "{sample}"\n[model]\ncell = "gru"\n'


def refused(call, *args) -> SeqstudioError:
    with pytest.raises(SeqstudioError) as caught:
        call(*args)
    return caught.value


def parts(phrase: Phrase):
    """The phrase and every Phrase among its values, however deep."""
    yield phrase
    for value in phrase.values.values():
        if isinstance(value, Phrase):
            yield from parts(value)


def untranslated(error: SeqstudioError, korean: dict[str, str]) -> list[str]:
    """The templates in ``error``'s words with words in them (not punctuation, a [table] or a
    'key' only) that have no Korean translation."""
    def has_words(template: str) -> bool:
        return any(ch.isalpha() for literal, *_ in string.Formatter().parse(template)
                   for ch in re.sub(r"\[\w+\]|'\w+'", "", literal))

    return [p.template for p in parts(error.words.phrase())
            if has_words(p.template) and not korean.get(p.template)]


def test_lesson_cell_and_run_errors_read_as_before_and_are_all_translated(tmp_path):
    from seqstudio.data import SAMPLES

    sample = sorted(SAMPLES)[0]
    lessons = {
        "not toml": "format = = 1\n",
        "unknown step key": HEAD.format(sample=sample) + '[[steps]]\ntext = "a"\ncolour = 1\n',
        "bad units": HEAD.format(sample=sample) + 'units = 0\n[[steps]]\ntext = "a"\n',
        "bad panel": HEAD.format(sample=sample) + '[[steps]]\ntext = "a"\npanel = "nowhere"\n',
        "no data file": HEAD.replace('sample = "{sample}"', 'path = "gone.csv"')
        + '[[steps]]\ntext = "a"\n',
    }
    errors = {}
    for name, text in lessons.items():
        path = tmp_path / f"{name.replace(' ', '-')}.toml"
        path.write_text(text, encoding="utf-8")
        errors[name] = refused(load_lesson, path)
        assert isinstance(errors[name], LessonError)
        assert str(errors[name]).startswith(str(path.resolve() if name != "not toml" else path))
    assert str(errors["unknown step key"]).endswith(
        ": unknown key 'colour' in step 1; the keys are: text, panel, highlight, hide, question, "
        "answer")
    assert str(errors["bad units"]).endswith(
        ": [model]: parameter 'units' must be >= 1, got 0")
    assert str(errors["no data file"]).endswith(
        f": [data] path 'gone.csv' names no file ({(tmp_path / 'gone.csv').resolve()}); the path "
        "is relative to the lesson file's folder")
    assert ": step 1: unknown panel 'nowhere'; the panels are: " in str(errors["bad panel"])
    assert "is not valid TOML: " in str(errors["not toml"])

    gru = get_registry().cell_type("gru")
    cell = {"units = 0": refused(gru.resolve, {"units": 0}),
            "no such": refused(gru.resolve, {"size": 3}),
            "not a number": refused(gru.resolve, {"units": "many"})}
    assert all(isinstance(e, ParamError) for e in cell.values())
    assert str(cell["units = 0"]) == "parameter 'units' must be >= 1, got 0"
    assert str(cell["no such"]) == "cell 'gru' has no parameter 'size'; it has: units, use_bias, layers"
    assert str(cell["not a number"]) == "parameter 'units' expects int, got 'many'"

    junk = tmp_path / "model.keras"
    junk.write_bytes(b"not a zip")
    run = {"damaged keras": refused(check_checkpoint, junk),
           "gone data": refused(rebuild_dataset, {"data": {"path": str(tmp_path / "x.csv")}}),
           "hint": refused(load_keras_file, junk, Phrase("the checkpoints still hold it"))}
    assert str(run["damaged keras"]) == (f"{junk} is damaged or was cut short (not a .keras zip "
                                         "archive)")
    assert str(run["gone data"]) == (f"the run's data file {tmp_path / 'x.csv'} is gone; "
                                     "restore it to resume")
    assert str(run["hint"]) == (f"{junk} is damaged or was cut short (not a .keras zip archive); "
                                "the checkpoints still hold it")

    korean = translations("Errors")
    for name, error in {**errors, **cell, **run}.items():
        if name != "hint":  # its hint here is made up for the test
            assert not untranslated(error, korean), (name, untranslated(error, korean))
        assert error.words.phrase() == str(error)  # the nested words are the English, exactly
