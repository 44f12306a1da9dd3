"""The window's words about the baselines: in English exactly the engine's sentence, in Korean
the same figures in Korean, for every verdict, on baselines the engine computed."""

from __future__ import annotations

import re

import pytest

from seqstudio.data import SAMPLES, load_dataset
from seqstudio.engine.baselines import compute_baselines
from seqstudio.engine.compare import epoch_comparison
from seqstudio.gui import i18n
from seqstudio.gui.baseline_words import comparison_words, label_words


@pytest.fixture(scope="module")
def cases():
    """(task, baselines, the strongest baseline's figure, the epoch metric's key) per task."""
    found = []
    for sample, key in (("toy_grammar", "val_loss"), ("sentences", "val_accuracy"),
                        ("sine", "val_loss")):
        dataset = load_dataset(SAMPLES[sample])
        baselines = compute_baselines(dataset)
        usable = [b for b in baselines if not b.skipped]
        best = (max(b.metrics["accuracy"] for b in usable) if key == "val_accuracy"
                else min(b.val_loss for b in usable if b.val_loss is not None))
        found.append((dataset.task, baselines, best, key))
    return found


def _metrics(best: float, key: str, verdict: str) -> dict[str, float]:
    sign = 1 if key == "val_accuracy" else -1
    shift = {"beats": 0.05, "level": 0.0, "behind": -0.05}[verdict]
    return {key: best + sign * shift * max(abs(best), 1e-3)}


@pytest.mark.parametrize("verdict", ["beats", "level", "behind"])
def test_english_words_are_the_engines_and_korean_keeps_the_figures(qapp, cases, verdict):
    try:
        for task, baselines, best, key in cases:
            metrics = _metrics(best, key, verdict)
            comparison = epoch_comparison(task, metrics, baselines)
            assert comparison is not None and comparison.verdict == verdict, (task, comparison)
            i18n.install("en")
            assert comparison_words(comparison) == comparison.phrase
            sentence = comparison_words(comparison, sentence=True)
            assert sentence.startswith("the model ") and sentence.endswith(comparison.phrase)
            assert i18n.install("ko") == "ko"
            korean = comparison_words(comparison, sentence=True)
            assert re.search("[\uac00-\ud7a3]", korean), korean
            english_numbers = re.findall(r"\d[\d.,]*", comparison.phrase)
            assert re.findall(r"\d[\d.,]*", korean) == english_numbers or \
                sorted(re.findall(r"\d[\d.,]*", korean)) == sorted(english_numbers), korean
            assert label_words(comparison.against) in korean
            assert not re.search(r"\b(beats|against|better|level|model)\b", korean), korean
    finally:
        i18n.install("en")


def test_nothing_to_compare_says_nothing(qapp, cases):
    task, baselines, _, _ = cases[0]
    assert epoch_comparison(task, {"loss": 1.0}, baselines) is None  # no validation figure
    assert comparison_words(None) == ""


def test_every_label_the_engine_gives_has_korean(qapp, cases):
    try:
        assert i18n.install("ko") == "ko"
        labels = {b.label for _, baselines, _, _ in cases for b in baselines}
        assert {"unigram", "interpolated bigram", "majority class", "persistence"} <= labels
        for label in labels:
            words = label_words(label)
            assert re.search("[\uac00-\ud7a3]", words) or re.fullmatch(r"AR\(\w+\)", label), label
    finally:
        i18n.install("en")


def test_the_compare_tables_fixed_words_read_in_korean(qapp):
    from seqstudio.engine.compare import format_value
    from seqstudio.gui.qt_compare_table import row_words, value_words

    try:
        i18n.install("en")
        for row, value in (("status", "finished"), ("reason", "completed"), ("epochs done", 3)):
            assert value_words(row, value) == format_value(value)
        assert row_words("unigram (val_loss)") == "unigram (val_loss)"
        assert i18n.install("ko") == "ko"
        for row, value in (("status", "finished"), ("status", "stopped"),
                           ("reason", "completed"), ("reason", "early stopping")):
            assert re.search("[\uac00-\ud7a3]", value_words(row, value)), (row, value)
        assert value_words("epochs done", 1234) == "1,234"
        assert row_words("interpolated bigram (val_loss)") == "보간 바이그램 (val_loss)"
        assert re.search("[\uac00-\ud7a3]", row_words("best epoch against them"))
    finally:
        i18n.install("en")


def test_the_compare_tables_verdict_row_reads_in_korean(qtbot, cases):
    from seqstudio.engine.compare import Comparison, Row
    from seqstudio.gui.qt_compare_table import QtCompareTable

    task, baselines, best, key = cases[0]
    verdicts = [epoch_comparison(task, _metrics(best, key, v), baselines)
                for v in ("beats", "behind")]
    row = Row("baselines", "best epoch against them", tuple(v.phrase for v in verdicts),
              tuple(verdicts))
    try:
        for language in ("en", "ko"):
            i18n.install(language)
            table = QtCompareTable()
            qtbot.addWidget(table)
            table.set_comparison(Comparison(["a", "b"], [], [row]))
            texts = table.texts("best epoch against them")
            if language == "en":
                assert texts == [v.phrase for v in verdicts]
            else:
                assert texts == [comparison_words(v) for v in verdicts]
                assert all(re.search("[\uac00-\ud7a3]", t) for t in texts), texts
    finally:
        i18n.install("en")
