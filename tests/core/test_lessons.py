"""Lesson files: every bundled lesson loads and asks its question; broken files are refused with
a clear error through ``seqstudio lesson``; one bundled lesson trains through the CLI."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from seqstudio.cli.app import main
from seqstudio.lesson import (
    FORMAT_VERSION,
    LessonError,
    bundled_lessons,
    load_lesson,
    load_translated,
    translations,
)
from seqstudio.lesson.steps import CONTROLS, PANELS
from seqstudio.lesson.translations import settings_of

sys.path.insert(0, str(Path(__file__).parent))
from cli_subprocess import one_error_line, seqstudio  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "src" / "seqstudio" / "gui"

MINIMAL = """
format = 1
title = "A lesson"
[data]
content = "the cat sat on the mat. the dog sat on the log.\\n"
filename = "cats.txt"
seq_len = 4
[model]
cell = "simple-rnn-tanh"
units = 3
[[steps]]
text = "Look at the *heatmap*."
panel = "hiddenStatePanel"
"""


def write(folder: Path, text: str, name: str = "lesson.toml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def run_cli(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_every_bundled_lesson_loads_and_ends_with_a_question(capsys):
    lessons = bundled_lessons()
    assert len(lessons) >= 7
    titles = set()
    for path in lessons:
        lesson = load_lesson(path)
        titles.add(lesson.title)
        assert lesson.format == FORMAT_VERSION and len(lesson.steps) >= 2, path
        last = lesson.steps[-1]
        assert last.question and last.question.rstrip().endswith("?"), path
        assert last.answer, path
        assert lesson.data.file(path.parent).is_file(), path
        code, out, err = run_cli(capsys, "lesson", path, "--json")
        assert code == 0, err
        printed = json.loads(out.strip().splitlines()[-1])
        assert printed["title"] == lesson.title and len(printed["steps"]) == len(lesson.steps)
        assert printed["train_args"][:3] == [str(lesson.data.file(path.parent)), "--cell",
                                             lesson.cell]
        assert f"Question: {last.question.strip()}" in out
    assert len(titles) == len(lessons)
    code, out, _ = run_cli(capsys, "lesson", "--list")
    assert code == 0 and all(p.stem in out for p in lessons)


HANGUL = re.compile("[\uac00-\ud7a3]")
#: Latin words a Korean lesson keeps outside `code`: symbols, names, the notes' "I am a boy"
LATIN_IN_KOREAN = {"tanh", "ReLU", "SimpleRNN", "Keras", "Flatten", "None", "nan", "H_prev",
                   "seq_len", "Cell", "boy"}


def latin_words(text: str) -> set[str]:
    text = re.sub(r"`[^`]*`", " ", text)
    return {w for w in re.findall(r"[A-Za-z][A-Za-z_'-]*[A-Za-z]", text) if len(w) >= 3}


def test_every_bundled_lesson_has_a_korean_twin_with_the_same_settings():
    for path in bundled_lessons():
        english = load_lesson(path)
        assert translations(path) == ["ko"], path
        korean = load_translated(path, "ko")
        assert korean.path == (path.parent / "ko" / path.name).resolve()
        assert settings_of(korean) == settings_of(english), path
        assert len(korean.steps) == len(english.steps), path
        assert korean.data.file(path.parent) == english.data.file(path.parent)
        for text in (korean.title, korean.summary, *(s.text for s in korean.steps),
                     korean.steps[-1].question, korean.steps[-1].answer):
            assert HANGUL.search(text), (path, text)
        words = [korean.title, korean.summary] + [
            t for s in korean.steps for t in (s.text, s.question, s.answer) if t]
        left = set().union(*map(latin_words, words)) - LATIN_IN_KOREAN
        assert not left, f"English left in {korean.path.name}: {sorted(left)}"
        assert korean.steps[-1].question.rstrip().endswith("?"), path
        assert load_translated(path, "en") == english  # no en/ folder: the lesson as written
    done = seqstudio("lesson", "03-parameters", "--language", "ko", "--json")
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout.strip().splitlines()[-1])
    assert printed["title"] == "파라미터 세기: n·d + n·n + n" and "Question: 구조 표에서" in done.stdout
    assert printed["path"].endswith("/ko/03-parameters.toml")


def test_the_korean_list_and_a_language_a_lesson_lacks(capsys):
    code, out, _ = run_cli(capsys, "lesson", "--list", "--language", "ko")
    assert code == 0 and "06-tanh-relu-divergence: tanh와 ReLU, 그리고 발산" in out
    code, out, err = run_cli(capsys, "lesson", "03-parameters", "--language", "fr")
    assert code == 0 and "has no 'fr' translation" in err and "Counting parameters" in out


@pytest.mark.parametrize("change, message", [
    (("units = 3", "units = 4"),
     "its model is {'cell': 'simple-rnn-tanh', 'params': {'units': 4}}"),
    (('panel = "hiddenStatePanel"', 'panel = "lossPlot"'), "its step 1 has panel 'lossPlot'"),
    (('text = "Look at the *heatmap*."', 'text = "히트맵을 보세요."\nquestion = "몇 개?"'),
     "its step 1 adds a question"),
])
def test_a_translation_that_changes_more_than_words_is_refused(tmp_path, change, message):
    original = write(tmp_path, MINIMAL)
    (tmp_path / "ko").mkdir()
    twin = MINIMAL.replace('title = "A lesson"', 'title = "수업"')
    write(tmp_path / "ko", twin.replace('text = "Look at the *heatmap*."',
                                        'text = "*히트맵*을 보세요."'))
    assert load_translated(original, "ko").title == "수업"
    write(tmp_path / "ko", twin.replace(*change))
    with pytest.raises(LessonError) as caught:
        load_translated(original, "ko")
    assert message in str(caught.value), str(caught.value)
    assert "a translation changes only the words of lesson.toml" in str(caught.value)


def test_panel_and_control_names_are_the_apps_object_names():
    """A lesson names panels by the app's objectNames; a renamed widget must fail here."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in GUI.rglob("*.py"))
    named = set(re.findall(r"""setObjectName\(\s*["']([A-Za-z]+)["']""", source))
    named |= set(re.findall(r"""objectName\s*=\s*["']([A-Za-z]+)["']""", source))
    missing = sorted(set(PANELS + CONTROLS) - named)
    assert not missing, f"lesson names with no widget of that objectName: {missing}"


def test_the_example_in_docs_loads_as_printed(tmp_path):
    text = (ROOT / "docs" / "lessons.md").read_text(encoding="utf-8")
    block = re.search(r"```toml\n(.*?)```", text, flags=re.S).group(1)
    lesson = load_lesson(write(tmp_path, block))
    assert lesson.cell == "simple-rnn-tanh" and lesson.data.options == {"task": "lm",
                                                                        "seq_len": 4}
    assert [s.question for s in lesson.steps] == [None, "How many columns does the heatmap have?"]


def test_a_minimal_lesson_with_embedded_data(tmp_path, capsys):
    path = write(tmp_path, MINIMAL)
    lesson = load_lesson(path)
    assert lesson.data.content and lesson.data.filename == "cats.txt"
    file = lesson.data.file(tmp_path / "data")
    assert file.read_text(encoding="utf-8").startswith("the cat sat")
    assert lesson.train_args(file) == [str(file), "--cell", "simple-rnn-tanh", "--seed", "0",
                                       "--units", "3", "--seq-len", "4"]
    code, out, err = run_cli(capsys, "lesson", path)
    assert code == 0, err
    assert "A lesson" in out and "embedded cats.txt" in out and "panel hiddenStatePanel" in out


@pytest.mark.parametrize("change, message", [
    (("format = 1", "format = 2"), "lesson format 2; this seqstudio"),
    (("format = 1", "version = 1"), "no 'format' key"),
    (('title = "A lesson"', 'title = "A lesson"\ncolour = "red"'), "unknown key 'colour'"),
    (("units = 3", "units = 0"), "[model]"),
    (("units = 3", "unitz = 3"), "no parameter 'unitz'"),
    (('panel = "hiddenStatePanel"', 'panel = "nowhere"'), "unknown panel 'nowhere'"),
    (('panel = "hiddenStatePanel"', 'hide = ["startButon"]'), "'startButon'"),
    (("seq_len = 4", "seq_len = 0"), "seq_len"),
    (("seq_len = 4", "seq_length = 4"), "unknown key 'seq_length' in [data]"),
    (('filename = "cats.txt"', 'filename = "../cats.txt"'), "plain file name"),
    (('[[steps]]', '[training]\nepochs = -1\n[[steps]]'), "[training]"),
    (('content = "the cat sat on the mat. the dog sat on the log.\\n"\nfilename = "cats.txt"',
      'path = "missing.txt"'), "names no file"),
    (('[[steps]]\ntext = "Look at the *heatmap*."\npanel = "hiddenStatePanel"', ''),
     "at least one [[steps]]"),
    (('title = "A lesson"', 'title = "A lesson"\nreplay = "no-run"'), "is not a run directory"),
    (('title = "A lesson"', 'title = "A lesson'), "is not valid TOML"),
])
def test_broken_lessons_give_one_clear_error(tmp_path, change, message):
    old, new = change
    assert old in MINIMAL
    path = write(tmp_path, MINIMAL.replace(old, new))
    with pytest.raises(LessonError) as caught:
        load_lesson(path)
    assert message in str(caught.value) and str(path.resolve().parent) in str(caught.value)


def test_cli_refuses_a_broken_lesson_with_one_line(tmp_path):
    path = write(tmp_path, MINIMAL.replace("format = 1", "format = 9"))
    done = seqstudio("lesson", path)
    assert done.returncode == 2
    assert "upgrade seqstudio" in one_error_line(done.stderr)
    absent = seqstudio("lesson", tmp_path / "absent.toml")
    assert absent.returncode == 2 and "no such lesson file" in one_error_line(absent.stderr)
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00format")
    bad = seqstudio("lesson", binary)
    assert bad.returncode == 2 and "not UTF-8" in one_error_line(bad.stderr)
    stray = seqstudio("lesson", path, "--epochs", "1")
    assert stray.returncode == 2 and "go with --train" in one_error_line(stray.stderr)


@pytest.mark.slow
def test_the_notes_example_lesson_trains_and_has_1110_parameters(tmp_path):
    """One bundled lesson (the notes' 100 × 20 × 10 example) through the CLI, 1 epoch: its
    settings are valid, and the run shows the lesson's point (1,110 recurrent parameters)."""
    out = tmp_path / "run"
    done = seqstudio("lesson", "05-notes-example", "--train", "--epochs", "1", "--out", out,
                     timeout=300)
    assert done.returncode == 0, done.stderr
    assert "finished: completed after 1 epoch(s)" in done.stdout
    config = json.loads((out / "config.json").read_text(encoding="utf-8"))
    assert config["cell"]["params"]["units"] == 10 and config["settings"]["seed"] == 0
    assert config["data"]["options"]["seq_len"] == 20
    inspected = seqstudio("inspect", out)
    assert inspected.returncode == 0, inspected.stderr
    assert "100·10 + 10·10 + 10 = 1,110" in inspected.stdout
