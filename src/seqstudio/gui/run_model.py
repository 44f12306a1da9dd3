"""The run the window shows, as plain data: its events, its snapshots, and what the user selected.

No Qt here. The main window hands every Trainer event to :meth:`RunModel.add`; the views (each a
``qt_*.py`` module listed in :mod:`seqstudio.gui.views`) subscribe to the changes they draw and
read the model back when the redraw pacer gives them their turn.

A change is a *topic* and an optional payload:

=============  ==========================================================================
``run``        the run was cleared, started or replayed: everything may have changed
``batches``    new per-batch losses (payload: the list of :class:`BatchEnd`; the model
               keeps only their count and the last one, the loss plot keeps the curve)
``epoch``      an epoch ended (payload: :class:`EpochEnd`)
``snapshot``   a hidden-state snapshot arrived (payload: it)
``weights``    a :class:`WeightsSnapshot` arrived (payload: it)
``influence``  an :class:`InfluenceSnapshot` arrived (payload: it)
``prediction`` a sample prediction arrived (payload: it)
``finished``   the run ended (payload: :class:`Finished`)
``selection``  another snapshot (moment of training) is selected
``layer`` ``state`` ``step`` ``unit``   the selected layer, state name, time step, unit
``focus``      a view asked to be brought forward (payload: the view's name)
=============  ==========================================================================
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from seqstudio.engine.events import (
    BatchEnd,
    EpochEnd,
    Finished,
    HiddenSnapshot,
    InfluenceSnapshot,
    SamplePrediction,
    Started,
    WeightsSnapshot,
)

TOPICS = ("run", "batches", "epoch", "snapshot", "weights", "influence", "prediction",
          "finished", "selection", "layer", "state", "step", "unit", "focus")

Listener = Callable[[str, Any], None]


def moment(ev: Any) -> tuple[int, int]:
    """The moment of training a snapshot was taken at: ``(epoch, batch)``, batch -1 at the end."""
    return int(ev.epoch), int(ev.batch)


def _in_order(key: tuple[int, int]) -> tuple[int, float]:
    """Training order: an epoch's end (batch -1) comes after its batches."""
    return key[0], float("inf") if key[1] < 0 else key[1]


@dataclass
class Subscription:
    """What :meth:`RunModel.subscribe` returns; :meth:`cancel` stops the notifications."""

    model: RunModel
    listener: Listener
    topics: frozenset[str]

    def cancel(self) -> None:
        self.model.unsubscribe(self)


class RunModel:
    """The state of one run, live or replayed, and the user's selection in it."""

    def __init__(self) -> None:
        self._subscriptions: list[Subscription] = []
        self._reset()

    # -- subscribing -------------------------------------------------------------------------
    def subscribe(self, listener: Listener, topics: Iterable[str]) -> Subscription:
        """Call ``listener(topic, payload)`` after each change of one of ``topics`` (``run`` is
        always included: after it, everything is new)."""
        wanted = frozenset(topics) | {"run"}
        unknown = wanted - set(TOPICS)
        if unknown:
            raise ValueError(f"unknown run-model topics {sorted(unknown)}; known: {TOPICS}")
        sub = Subscription(self, listener, wanted)
        self._subscriptions.append(sub)
        return sub

    def unsubscribe(self, sub: Subscription) -> None:
        if sub in self._subscriptions:
            self._subscriptions.remove(sub)

    def notify(self, topic: str, payload: Any = None) -> None:
        for sub in list(self._subscriptions):
            if topic in sub.topics:
                sub.listener(topic, payload)

    # -- the run -----------------------------------------------------------------------------
    def _reset(self) -> None:
        self.started: Started | None = None
        self.config: dict[str, Any] = {}  # a replayed run's config.json
        self.run_dir = ""
        self.steps_per_epoch = 0
        self.total_epochs = 0
        self.batch_count = 0
        self.last_batch: BatchEnd | None = None
        self.epochs: list[EpochEnd] = []
        self.snapshots: list[HiddenSnapshot] = []
        self.weights: dict[tuple[int, int], WeightsSnapshot] = {}
        self.influence: dict[tuple[int, int], InfluenceSnapshot] = {}
        self.predictions: list[SamplePrediction] = []
        self.finished: Finished | None = None
        self.replayed = False
        self._index = -1  # the selected snapshot; -1 while there is none
        self.following = True  # the selection moves to each new snapshot
        self.layer = 0
        self.state = "h"
        self.step: int | None = None  # 0-based time step of the probe, None: none chosen
        self.unit: int | None = None
        self._series: dict[str, tuple[int, list[Any], dict[int, int]]] = {}

    def clear(self, steps_per_epoch: int = 0, total_epochs: int = 0) -> None:
        """Forget the run (the selected layer and state stay: the user chose them)."""
        self._forget(steps_per_epoch, total_epochs)
        self.notify("run")

    def _forget(self, steps_per_epoch: int = 0, total_epochs: int = 0) -> None:
        layer, state = self.layer, self.state
        self._reset()
        self.layer, self.state = layer, state
        self.steps_per_epoch, self.total_epochs = steps_per_epoch, total_epochs

    def add(self, ev: Any) -> None:
        """Take one Trainer event (on the GUI thread). Unknown kinds are ignored, so an engine
        that sends a new kind of event does not break an older window."""
        if isinstance(ev, BatchEnd):
            self.add_batches([ev])
        elif isinstance(ev, Started):
            self._forget(ev.steps_per_epoch, ev.epochs)
            self.started, self.run_dir = ev, ev.run_dir
            self.notify("run")
        elif isinstance(ev, EpochEnd):
            self.epochs.append(ev)
            self.notify("epoch", ev)
        elif isinstance(ev, HiddenSnapshot):
            self._add_snapshot(ev)
        elif isinstance(ev, WeightsSnapshot):
            self.weights[moment(ev)] = ev
            self._series.pop("weights", None)
            self.notify("weights", ev)
        elif isinstance(ev, InfluenceSnapshot):
            self.influence[moment(ev)] = ev
            self._series.pop("influence", None)
            self.notify("influence", ev)
        elif isinstance(ev, SamplePrediction):
            self.predictions.append(ev)
            self.notify("prediction", ev)
        elif isinstance(ev, Finished):
            self.finished = ev
            self.notify("finished", ev)

    def add_batches(self, events: list[BatchEnd]) -> None:
        if events:
            self.batch_count += len(events)
            self.last_batch = events[-1]
            self.notify("batches", list(events))

    def _add_snapshot(self, snap: HiddenSnapshot) -> None:
        self.snapshots.append(snap)
        self.notify("snapshot", snap)
        if self.following:
            self._index = len(self.snapshots) - 1
            self._fit_layer()
            self.notify("selection", snap)

    def replay(self, run: dict[str, Any]) -> None:
        """A past run, as :func:`seqstudio.gui.run_files.read_run` read it; ends on its newest
        snapshot. One ``run`` notification: views redraw once, not once per stored event."""
        self._forget()
        self.replayed = True
        self.run_dir = str(run.get("path", ""))
        self.config = dict(run.get("config", {}))
        self.steps_per_epoch = int(run.get("steps_per_epoch", 0))
        self.total_epochs = len(run.get("epochs", []))
        self.batch_count = len(run.get("batches", []))
        self.epochs = list(run.get("epochs", []))
        self.snapshots = list(run.get("snapshots", []))
        self.weights = {moment(w): w for w in run.get("weights", [])}
        self.influence = {moment(i): i for i in run.get("influence", [])}
        self.predictions = list(run.get("predictions", []))
        self._index = len(self.snapshots) - 1
        self._fit_layer()
        self.notify("run")

    # -- what is selected --------------------------------------------------------------------
    @property
    def index(self) -> int:
        return self._index

    @property
    def snapshot(self) -> HiddenSnapshot | None:
        """The selected hidden-state snapshot (the newest while following)."""
        return self.snapshots[self._index] if 0 <= self._index < len(self.snapshots) else None

    def select(self, index: int) -> None:
        """Select the snapshot at ``index``; the last one follows new snapshots again."""
        if not self.snapshots:
            return
        index = max(0, min(int(index), len(self.snapshots) - 1))
        self.following = index == len(self.snapshots) - 1
        if index != self._index:
            self._index = index
            self._fit_layer()
            self.notify("selection", self.snapshot)

    def set_layer(self, layer: int) -> None:
        snap = self.snapshot
        if snap is not None:
            layer = max(0, min(int(layer), len(snap.states) - 1))
        if layer != self.layer:
            self.layer = layer
            if snap is not None and self.state not in snap.states_of(layer):
                self.state = "h"
            self.notify("layer", layer)

    def set_state(self, state: str) -> None:
        if state and state != self.state:
            self.state = state
            self.notify("state", state)

    def set_step(self, step: int | None) -> None:
        """The time step (0-based) the inspector and the unrolled view point at."""
        if step is not None:
            snap = self.snapshot
            steps = len(snap.step_labels) if snap is not None else None
            step = max(0, int(step)) if steps is None else max(0, min(int(step), steps - 1))
        if step != self.step:
            self.step = step
            self.notify("step", step)

    def set_unit(self, unit: int | None) -> None:
        if unit != self.unit:
            self.unit = unit
            self.notify("unit", unit)

    def focus(self, view: str) -> None:
        """Ask the window to bring the view named ``view`` forward (e.g. the inspector after a
        click on a time step)."""
        self.notify("focus", view)

    def _fit_layer(self) -> None:
        snap = self.snapshot
        if snap is not None and self.layer >= len(snap.states):
            self.layer = 0

    # -- reading -----------------------------------------------------------------------------
    def weights_at(self, snap: HiddenSnapshot | None = None) -> WeightsSnapshot | None:
        """The weights taken with ``snap`` (default: the selected snapshot), if the run has them."""
        snap = snap if snap is not None else self.snapshot
        return None if snap is None else self.weights.get(moment(snap))

    def influence_at(self, snap: HiddenSnapshot | None = None) -> InfluenceSnapshot | None:
        snap = snap if snap is not None else self.snapshot
        return None if snap is None else self.influence.get(moment(snap))

    def influence_series(self) -> list[InfluenceSnapshot]:
        """Every influence snapshot in training order (the same list until another arrives: a
        view reads it at every draw, so it is sorted once, not at each; do not change it)."""
        return self._ordered("influence")[0]

    def weights_series(self) -> list[WeightsSnapshot]:
        """Every weights snapshot in training order (kept like :meth:`influence_series`)."""
        return self._ordered("weights")[0]

    def series_index(self, ev: WeightsSnapshot | InfluenceSnapshot) -> int | None:
        """Where ``ev`` stands in :meth:`weights_series` or :meth:`influence_series` (a lookup,
        not a search), or ``None`` when it is not one of the run's."""
        kind = "weights" if isinstance(ev, WeightsSnapshot) else "influence"
        series, where = self._ordered(kind)
        index = where.get(id(ev))
        return index if index is not None and series[index] is ev else None

    def _ordered(self, kind: str) -> tuple[list[Any], dict[int, int]]:
        table = self.weights if kind == "weights" else self.influence
        cached = self._series.get(kind)
        if cached is None or cached[0] != len(table):
            series = [table[k] for k in sorted(table, key=_in_order)]
            cached = (len(table), series, {id(ev): i for i, ev in enumerate(series)})
            self._series[kind] = cached
        return cached[1], cached[2]

    def prediction_at(self, snap: HiddenSnapshot) -> SamplePrediction | None:
        """The newest prediction made by the weights of ``snap`` or earlier ones: after the
        snapshot's epoch for an end-of-epoch snapshot, after the one before for a mid-epoch one."""
        last_epoch = snap.epoch if snap.batch < 0 else snap.epoch - 1
        earlier = [p for p in self.predictions if p.epoch <= last_epoch]
        return earlier[-1] if earlier else None

    @property
    def last_metrics(self) -> dict[str, float]:
        return dict(self.epochs[-1].metrics) if self.epochs else {}
