"""A lesson's steps: the :class:`Step` record, the panels and controls of the app a step may
name, and the checks of the ``[[steps]]`` entries of a lesson file (see ``docs/lessons.md``).

A step is Markdown text; it may name the panel to show, what to highlight and which controls to
hide, and ask a question. The names are the app's objectNames, listed here so that a typo fails
when the file is read. No Qt, no TensorFlow.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from seqstudio.errors import Phrase
from seqstudio.i18n import QT_TRANSLATE_NOOP
from seqstudio.lesson.checks import Fail, known_keys, text_value

#: panels a step may show (the app's objectNames)
PANELS = ("previewTabs", "datasetSummary", "cellDescription", "paramForm", "architectureTable",
          "lossPlot", "hiddenStatePanel", "trajectoryPlot", "predictionPanel", "pluginsPanel")
#: controls a step may hide or highlight (the app's objectNames); a panel may be highlighted too
CONTROLS = ("cellPicker", "paramForm", "epochsSpin", "batchSizeSpin", "learningRateEdit",
            "optimizerCombo", "seedSpin", "executionCombo", "tensorboardCheck",
            "notesPresetButton", "columnsEdit", "targetEdit", "startButton", "pauseButton",
            "stopButton", "layerSelector", "stateSelector", "epochScrubber", "lossLogScale",
            "trajectoryUnits")
STEP_KEYS = ("text", "panel", "highlight", "hide", "question", "answer")


@dataclass(frozen=True)
class Step:
    text: str
    panel: str | None = None
    highlight: tuple[str, ...] = ()
    hide: tuple[str, ...] = ()
    question: str | None = None
    answer: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "panel": self.panel, "highlight": list(self.highlight),
                "hide": list(self.hide), "question": self.question, "answer": self.answer}


def read_steps(value: Any, fail: Fail) -> tuple[Step, ...]:
    """The lesson's ``steps``: a non-empty list of tables, each checked key by key."""
    if not isinstance(value, list) or not value:
        raise fail(Phrase(QT_TRANSLATE_NOOP("Errors", "a lesson needs at least one [[steps]] "
                                                      "entry")))
    steps = []
    for i, raw in enumerate(value, 1):
        where = Phrase(QT_TRANSLATE_NOOP("Errors", "step {step}"), step=i)
        if not isinstance(raw, dict):
            raise fail(Phrase(QT_TRANSLATE_NOOP("Errors", "{where} must be a table ([[steps]]), "
                                                          "got {value}"),
                              where=where, value=repr(raw)))
        known_keys(raw, STEP_KEYS, where, fail)
        at_step = Phrase("{where}: ", where=where)
        text = text_value(raw, "text", fail, required=True, where=at_step)
        panel = text_value(raw, "panel", fail, where=at_step)
        if panel is not None and panel not in PANELS:
            raise fail(Phrase(QT_TRANSLATE_NOOP("Errors", "{where}: unknown panel {panel!r}; the "
                                                          "panels are: {panels}"),
                              where=where, panel=panel, panels=", ".join(PANELS)))
        highlight = _names(raw, "highlight", (*PANELS, *CONTROLS), where, fail)
        hide = _names(raw, "hide", CONTROLS, where, fail)
        steps.append(Step(text=str(text), panel=panel, highlight=highlight, hide=hide,
                          question=text_value(raw, "question", fail, where=at_step),
                          answer=text_value(raw, "answer", fail, where=at_step)))
    return tuple(steps)


def _names(raw: dict[str, Any], key: str, allowed: tuple[str, ...], where: Phrase,
           fail: Fail) -> tuple[str, ...]:
    value = raw.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise fail(Phrase(QT_TRANSLATE_NOOP("Errors", "{where}: '{key}' must be a list of names, "
                                                      "got {value}"),
                          where=where, key=key, value=repr(value)))
    for name in value:
        if name not in allowed:
            raise fail(Phrase(QT_TRANSLATE_NOOP("Errors", "{where}: '{key}' names {name!r}, which "
                                                          "is not one of: {allowed}"),
                              where=where, key=key, name=name, allowed=", ".join(allowed)))
    return tuple(value)
