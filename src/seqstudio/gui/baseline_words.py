"""How the model compares with the baselines, said in the user's language.

The engine's :class:`~seqstudio.engine.baselines.Comparison` carries its sentence in English
(``phrase``, which the CLI prints) and the sentence's parts (verdict, the baseline, the metric and
the two figures); this module composes the sentence again from those parts through
``translate()``, so that the Korean window says it in Korean. In English the words are the
engine's, character for character (``tests/gui/test_baseline_words.py`` checks that)."""

from __future__ import annotations

import re
from typing import Any

from seqstudio.gui.i18n import translate
from seqstudio.i18n import QT_TRANSLATE_NOOP

#: the baselines' fixed labels (seqstudio.engine.baselines, baselines_forecast)
LABELS = (QT_TRANSLATE_NOOP("Baselines", "unigram"),
          QT_TRANSLATE_NOOP("Baselines", "interpolated bigram"),
          QT_TRANSLATE_NOOP("Baselines", "majority class"),
          QT_TRANSLATE_NOOP("Baselines", "bag-of-words"),
          QT_TRANSLATE_NOOP("Baselines", "training mean"),
          QT_TRANSLATE_NOOP("Baselines", "persistence"),
          QT_TRANSLATE_NOOP("Baselines", "seasonal naive"))
METRICS = {"loss": QT_TRANSLATE_NOOP("Baselines", "val loss"),
           "accuracy": QT_TRANSLATE_NOOP("Baselines", "accuracy"),
           "mae": "MAE", "rmse": "RMSE"}
_PERIOD = re.compile(r"^seasonal naive \(period (\d+)\)$")


def label_words(label: str) -> str:
    """A baseline's label in the user's language (``AR(3)`` and unknown labels as written)."""
    period = _PERIOD.match(label)
    if period:
        return translate("Baselines", "seasonal naive (period {0})").format(period.group(1))
    return translate("Baselines", label) if label in LABELS else label


def _margin(comparison: Any) -> str:
    if comparison.margin is None:
        return translate("Baselines", "a margin")
    if comparison.margin_unit == "points":
        return translate("Baselines", "{0:.1f} points").format(comparison.margin)
    return translate("Baselines", "{0:.0f} %").format(comparison.margin)


def comparison_words(comparison: Any | None, *, sentence: bool = False) -> str:
    """``beats persistence by 12 % (val loss 0.1 against 0.2)``; with ``sentence``, with the
    model as its subject (``the model beats ...``). ``""`` when nothing was compared."""
    if comparison is None or not comparison.verdict:
        return ""
    from seqstudio.engine.baselines import short_figure  # pandas: not at the window's start

    metric = comparison.metric
    numbers = translate("Baselines", "({0} {1} against {2})").format(
        translate("Baselines", METRICS[metric]) if metric in ("loss", "accuracy")
        else METRICS.get(metric, metric), short_figure(comparison.mine),
        short_figure(comparison.theirs))
    against = label_words(comparison.against)
    if comparison.verdict == "beats":
        text = (translate("Baselines", "the model beats {0} by {1} {2}") if sentence
                else translate("Baselines", "beats {0} by {1} {2}"))
        return text.format(against, _margin(comparison), numbers)
    if comparison.verdict == "level":
        text = (translate("Baselines", "the model is level with {0} {1}") if sentence
                else translate("Baselines", "level with {0} {1}"))
        return text.format(against, numbers)
    text = (translate("Baselines", "the model is not yet better than {0} {1}") if sentence
            else translate("Baselines", "not yet better than {0} {1}"))
    return text.format(against, numbers)
