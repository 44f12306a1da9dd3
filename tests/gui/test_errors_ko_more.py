"""A broken lesson opened in a Korean window: the dialog is Korean, names the file, and carries
the core's values (a bad cell hyperparameter inside the lesson too); the English window's dialog,
the core's message as it is, is checked in tests/gui/test_lesson_panel.py. The GRU's gate names
read in Korean as the inspector shows them. No TensorFlow: these lessons are refused before it is
needed."""

from __future__ import annotations

import numpy as np
import pytest
from gui_helpers import hangul
from PySide6.QtWidgets import QFileDialog, QMessageBox

from seqstudio.data import SAMPLES
from seqstudio.glassbox.arithmetic import Strip
from seqstudio.gui import i18n
from seqstudio.gui.errors import reporter
from seqstudio.gui.qt_inspector import gate_label
from seqstudio.plugins import get_registry

HEAD = 'format = 1\ntitle = "t"\n[data]\nsample = "{sample}"\n[model]\ncell = "gru"\n'


def broken_lessons(folder):
    head = HEAD.format(sample=sorted(SAMPLES)[0])
    texts = {"not toml": "format = = 1\n",
             "bad units": head + 'units = 0\n[[steps]]\ntext = "a"\n',
             "unknown step key": head + '[[steps]]\ntext = "a"\ncolour = 1\n',
             "no steps": head}
    paths = {}
    for name, text in texts.items():
        paths[name] = folder / f"{name.replace(' ', '-')}.toml"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def refusal(qtbot, window, monkeypatch, path) -> tuple[str, str]:
    """``(title, text)`` of the dialog File ▸ Open Lesson… gives for ``path``; it is closed."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    with qtbot.waitSignal(reporter.shown, timeout=10_000):
        window.findChild(type(window.actions_.open_lesson), "openLessonAction").trigger()
    (box,) = [b for b in window.findChildren(QMessageBox, "errorDialog") if b.isVisible()]
    title, text = box.windowTitle(), box.text()
    box.close()
    return title, text


def test_a_broken_lesson_is_refused_in_korean(qtbot, make_window, monkeypatch, tmp_path,
                                              english_after):
    lessons = broken_lessons(tmp_path)
    monkeypatch.setenv(i18n.LANGUAGE_ENV, "ko")
    window = make_window(start_tf=False)
    assert i18n.current_language() == "ko"
    texts = {}
    for name, path in lessons.items():
        title, text = refusal(qtbot, window, monkeypatch, path)
        assert title == "수업을 열 수 없음", title
        assert path.name in text and hangul(text), (name, text)
        texts[name] = text
    assert "올바른 TOML이 아닙니다" in texts["not toml"]
    # the cell's own check, nested in the lesson's message, in Korean with its values
    assert texts["bad units"].endswith(
        ": [model]: 매개변수 'units'은(는) 1 이상이어야 하는데 0이(가) 주어졌습니다.")
    assert "1단계에 알 수 없는 키 'colour'이(가) 있습니다" in texts["unknown step key"]
    assert "[[steps]] 항목이 적어도 하나" in texts["no steps"]
    assert window.lesson_dock.lesson is None


def test_gru_gate_names_in_korean(english_after):
    """The names come from the plugin's reference step (its gates, as the core's step arithmetic
    keeps them), and the inspector labels each strip "gate <name> (n,)"."""
    gru = get_registry().cell_type("gru")
    n, d = 2, 3
    rng = np.random.default_rng(0)
    weights = {"kernel": rng.normal(size=(d, 3 * n)), "recurrent_kernel": rng.normal(size=(n, 3 * n)),
               "bias": rng.normal(size=(2, 3 * n))}
    found = gru.reference_gates(np.ones((1, d)), (np.zeros((1, n)),), weights, gru.defaults())
    gates = [Strip(k, f"{k} ({n},)", np.asarray(v)[0]) for k, v in found.items()]
    i18n.install("en")
    assert [gate_label(g) for g in gates] == ["gate update z (2,)", "gate reset r (2,)",
                                              "gate candidate ĥ (2,)"]
    assert i18n.install("ko") == "ko"
    assert [gate_label(g) for g in gates] == ["게이트 업데이트 z (2,)", "게이트 리셋 r (2,)",
                                              "게이트 후보 ĥ (2,)"]


def failure_texts(qtbot, result) -> dict[str, str]:
    """``{language: text}`` of the dialog ``run_summary.show_failure`` shows for ``result``, in
    English and in Korean."""
    from PySide6.QtWidgets import QWidget

    from seqstudio.gui.run_summary import show_failure

    parent = QWidget()
    qtbot.addWidget(parent)
    texts = {}
    for language in ("en", "ko"):
        assert i18n.install(language) == language
        with qtbot.waitSignal(reporter.shown, timeout=5_000) as shown:
            show_failure(parent, result)
        texts[language] = shown.args[1]
    return texts


def test_a_run_that_cannot_start_is_said_in_korean(qtbot, english_after, tmp_path):
    """The engine's refusal (a run folder that already holds a run) as the window's "Training
    failed" dialog shows it: Korean in a Korean window, the same English in an English one."""

    from seqstudio.data import load_dataset
    from seqstudio.engine.events import Finished
    from seqstudio.engine.trainer import Trainer
    from seqstudio.errors import TrainingError

    (tmp_path / "config.json").write_text("{}", encoding="utf-8")
    with pytest.raises(TrainingError) as refused:
        Trainer(load_dataset(SAMPLES["sine"]), "gru", run_dir=tmp_path)  # no TensorFlow
    result = Finished.could_not_start(refused.value)
    texts = failure_texts(qtbot, result)
    assert f"TrainingError: {refused.value}" in texts["en"]
    assert f"{tmp_path}에는 이미 실행이 있습니다. 'seqstudio resume {tmp_path}'" in texts["ko"]
    assert hangul(texts["ko"].split("\n")[0])


def test_a_divergence_is_said_in_korean(qtbot, english_after):
    """The engine's divergence (what went non-finite, where, and what to try) as the window's
    "Training diverged" dialog shows it: the same English as the engine's words, and Korean with
    the same numbers in a Korean window."""

    from seqstudio.engine.controls import Diverged
    from seqstudio.engine.events import Finished

    divergence = Diverged(0, 3, float("nan"), step=3).describe(0.3, "simple-rnn-relu")
    result = Finished(status="failed", reason=f"diverged: {divergence.what}; {divergence.advice}",
                      epochs_done=0, run_dir="", divergence=divergence)
    texts = failure_texts(qtbot, result)
    assert divergence.what in texts["en"] and divergence.advice in texts["en"]
    assert divergence.advice == ("try a lower learning rate than 0.3 (for example 0.03), or the "
                                 "tanh cell (simple-rnn-tanh), whose states stay within -1..1")
    korean = texts["ko"]
    assert "loss became" not in korean and "try a lower" not in korean
    assert "에포크 1, 배치 4" in korean and "0.3" in korean and "0.03" in korean
    assert "simple-rnn-tanh" in korean and hangul(korean.split("\n")[-1])
