"""The training settings follow the loaded file (the core's suggest_training), the user's own
values are kept, and the first Start on the bundled sample learns: below the bigram."""

from __future__ import annotations

import pytest
from gui_helpers import bundled_samples, wait_ready
from PySide6.QtCore import Qt

from seqstudio.engine.baselines import compute_baselines
from seqstudio.engine.rundir import RunDir
from seqstudio.engine.settings import suggest_training

SAMPLES = bundled_samples()
pytestmark = pytest.mark.skipif(not SAMPLES, reason="bundled samples not found")


def shown(window):
    values = window.controls.values()
    return {"epochs": values["epochs"], "batch_size": values["batch_size"],
            "learning_rate": values["learning_rate"],
            "units": window.model_panel.params().get("units")}


def test_settings_follow_the_file_and_keep_what_the_user_typed(qtbot, make_window):
    window = make_window(SAMPLES["toy_grammar"])
    wait_ready(qtbot, window)
    wanted = suggest_training(window.data.dataset)
    assert shown(window) == {"epochs": wanted.epochs, "batch_size": wanted.batch_size,
                             "learning_rate": wanted.learning_rate, "units": wanted.units}
    assert wanted.reason in window.controls.epochs.toolTip()

    window.controls.epochs.setValue(wanted.epochs + 3)  # the user's own choice
    toy = window.data.dataset
    window.open_file(SAMPLES["sine"])
    qtbot.waitUntil(lambda: window.data.dataset is not None and window.data.dataset is not toy,
                    timeout=60_000)
    sine = suggest_training(window.data.dataset)
    now = shown(window)
    assert now["epochs"] == wanted.epochs + 3
    assert (now["batch_size"], now["learning_rate"], now["units"]) == (
        sine.batch_size, sine.learning_rate, sine.units)


@pytest.mark.slow
def test_first_start_on_the_bundled_sample_beats_the_bigram(qtbot, make_window):
    """Issue 10: the app's first Start, with every default, learns the bundled sample."""
    window = make_window(load_sample=True)
    wait_ready(qtbot, window)
    dataset = window.data.dataset
    with qtbot.waitSignal(window.trainingFinished, timeout=300_000) as blocker:
        qtbot.mouseClick(window.start_button, Qt.MouseButton.LeftButton)
    result = blocker.args[0]
    assert result.status == "finished", result
    bigram = {b.name: b for b in compute_baselines(dataset)}["bigram"]
    val_losses = [row["val_loss"] for row in RunDir(result.run_dir).history()]
    assert min(val_losses) < bigram.val_loss, (val_losses, bigram.val_loss)
    # generated text with real words: most of its words occur in the sample itself
    known = set(SAMPLES["toy_grammar"].read_text(encoding="utf-8").split())
    generated = window.live.prediction.last.text.split()
    real = [w for w in generated if w in known]
    assert len(real) >= max(2, len(generated) // 2), generated
