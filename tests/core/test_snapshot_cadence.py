"""The time-based snapshot cadence (``snapshot_seconds``): a snapshot after the first batch that
ends that long after the last one, so a window shows fresh states a few times a second."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

from seqstudio.engine import Trainer, TrainSettings
from seqstudio.engine import trainer as trainer_module
from seqstudio.engine.events import BatchEnd, HiddenSnapshot, WeightsSnapshot

sys.path.insert(0, str(Path(__file__).parent))
import engine_fixtures as F  # noqa: E402


def test_a_snapshot_is_taken_when_the_interval_has_passed(tmp_path, monkeypatch):
    """A clock that moves 0.1 s a batch and a 0.25 s cadence: the first batch, then every third
    (0.3 s after the last), with the glass box's snapshots of the same moments; not the epoch's
    last batch, whose weights the epoch's own snapshot shows a moment later."""
    clock = [0.0]
    monkeypatch.setattr(trainer_module, "time", SimpleNamespace(monotonic=lambda: clock[0]))
    settings = TrainSettings(epochs=1, batch_size=16, execution_mode="unrolled:1",
                             snapshot_seconds=0.25)
    trainer = Trainer(F.lm_dataset(), "simple-rnn-tanh", {"units": 4}, settings,
                      run_dir=tmp_path / "run")
    events: list = []

    def on_event(ev) -> None:
        if isinstance(ev, BatchEnd):
            clock[0] += 0.1
        events.append(ev)

    trainer.subscribe(on_event)
    assert trainer.run().status == "finished"
    steps = events[0].steps_per_epoch
    assert steps >= 4
    mid = [e.batch for e in events if isinstance(e, HiddenSnapshot) and e.batch >= 0]
    assert mid == list(range(0, steps - 1, 3))
    assert [e.batch for e in events if isinstance(e, HiddenSnapshot)][-1] == -1
    weights = [e.batch for e in events if isinstance(e, WeightsSnapshot) and e.batch >= 0]
    assert weights == mid
