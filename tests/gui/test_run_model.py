"""The run model: the run's state and selection, and who is told of which change (no Qt)."""

from __future__ import annotations

import numpy as np
import pytest

from seqstudio.engine.events import (
    BatchEnd,
    EpochEnd,
    HiddenSnapshot,
    InfluenceSnapshot,
    SamplePrediction,
    Started,
)
from seqstudio.gui.run_model import RunModel


def snap(epoch, batch=-1, layers=1, t=5, n=3):
    states = tuple(np.full((t, n), 0.1 * (i + 1), dtype=np.float32) for i in range(layers))
    return HiddenSnapshot(epoch, batch, states, tuple(f"rnn_{i}" for i in range(layers)),
                          tuple("abcde"[:t]))


def influence(epoch, batch=-1):
    return InfluenceSnapshot(epoch, batch, tuple("abcde"), np.linspace(0, 1, 5),
                             np.linspace(0, 1, 5), 2)


def test_topics_reach_only_their_subscribers_and_run_reaches_all():
    model = RunModel()
    seen: dict[str, list[str]] = {"batches": [], "selection": []}
    model.subscribe(lambda topic, _p: seen["batches"].append(topic), ["batches"])
    sub = model.subscribe(lambda topic, _p: seen["selection"].append(topic), ["selection"])
    model.add(Started("run", "", (), 10, 2, 4))
    model.add(BatchEnd(0, 0, 0, 1.5))
    model.add(snap(0, 1))
    assert seen == {"batches": ["run", "batches"], "selection": ["run", "selection"]}
    assert model.batch_count == 1 and model.last_batch.loss == 1.5
    assert model.steps_per_epoch == 4 and model.total_epochs == 2 and model.run_dir == "run"
    sub.cancel()
    model.add(snap(0))
    assert seen["selection"] == ["run", "selection"]
    with pytest.raises(ValueError, match="unknown run-model topics"):
        model.subscribe(lambda *_: None, ["snapshots"])


def test_selection_follows_new_snapshots_until_the_user_goes_back():
    model = RunModel()
    for e in range(3):
        model.add(snap(e))
    assert model.snapshot.epoch == 2 and model.following
    model.select(0)
    assert not model.following
    model.add(snap(3))
    assert model.snapshot.epoch == 0, "the user went back: stay there"
    model.select(99)  # clamped to the last: following again
    assert model.snapshot.epoch == 3 and model.following
    model.add(snap(4))
    assert model.snapshot.epoch == 4


def test_layer_state_step_are_kept_in_range_and_glass_box_snapshots_found_by_moment():
    model = RunModel()
    model.add(snap(0, layers=2))
    model.set_layer(5)
    assert model.layer == 1
    model.set_step(40)
    assert model.step == 4
    model.add(influence(0))
    model.add(influence(0, 3))
    assert model.influence_at().batch == -1  # the selected snapshot's moment: epoch 0, end
    assert [i.batch for i in model.influence_series()] == [3, -1]  # in training order
    assert model.weights_at() is None
    model.add(snap(1, layers=1))  # a model with fewer layers: back to the first
    assert model.layer == 0
    model.set_state("c")
    changed = []
    model.subscribe(lambda topic, p: changed.append((topic, p)), ["state", "step"])
    model.set_state("c")
    model.set_step(4)
    assert changed == [], "no notification when nothing changed"


def test_clear_keeps_the_chosen_layer_and_replay_notifies_once():
    model = RunModel()
    model.add(snap(0, layers=2))
    model.set_layer(1)
    model.add(EpochEnd(0, {"loss": 1.0}))
    model.add(SamplePrediction(0, "lm", text="x"))
    assert model.last_metrics == {"loss": 1.0} and model.prediction_at(model.snapshot) is not None
    model.clear()
    assert model.snapshot is None and not model.epochs and model.layer == 1
    topics = []
    model.subscribe(lambda topic, _p: topics.append(topic), ["selection", "influence"])
    model.replay({"path": "r", "steps_per_epoch": 3, "epochs": [EpochEnd(0, {"loss": 2.0})],
                  "batches": [(0, 0, 2.0)], "snapshots": [snap(0, layers=2), snap(1, layers=2)],
                  "predictions": [], "influence": [influence(1)]})
    assert topics == ["run"]
    assert model.replayed and model.snapshot.epoch == 1 and model.influence_at().epoch == 1


def test_the_influence_series_is_sorted_once_per_new_snapshot():
    """A view reads the series at every draw: until another snapshot arrives it is the same list
    (not sorted again), in training order (an epoch's end after its batches), indexed by
    ``series_index``; a new snapshot, or a snapshot of the same moment again, makes a new one."""
    model = RunModel()
    events = [influence(0, 3), influence(0), influence(0, 1), influence(1, 0)]
    for ev in events:
        model.add(ev)
    series = model.influence_series()
    assert series is model.influence_series()
    assert [(s.epoch, s.batch) for s in series] == [(0, 1), (0, 3), (0, -1), (1, 0)]
    assert [model.series_index(ev) for ev in events] == [1, 2, 0, 3]
    assert model.series_index(influence(0, 3)) is None  # not one of the run's
    again = influence(0, 3)
    model.add(again)  # the same moment, sent again: it replaces the first
    assert model.influence_series() is not series
    assert model.series_index(again) == 1 and model.series_index(events[0]) is None
