"""The views of the window's lower area, listed in one place, and the base class they share.

A view is one ``qt_*.py`` module with a :class:`RunView` subclass. It declares the run-model
topics it draws (:mod:`seqstudio.gui.run_model`); when one of them changes, the view is marked
*pending*, and the live view's redraw timer calls :meth:`RunView.draw` on its next tick, only while
the view is on screen. A view never draws from a notification itself: notifications come once per
event, drawing at most a few times a second.

To add a view: write the module, add one :class:`ViewSpec` line to :data:`VIEWS`, and a test
(see docs/gui.md).
"""

from __future__ import annotations

import importlib
import time
from collections import deque
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QWidget

from seqstudio.gui.run_model import RunModel
from seqstudio.i18n import QT_TRANSLATE_NOOP

#: while a run streams in, a view (and the loss plot) is redrawn at most this often, within half
#: a tick: at the redraw timer's fastest (12.5 Hz) every other tick, at 10 Hz or slower every tick
DRAW_INTERVAL_S = 0.15
#: the window asks the training for a snapshot at least this often (``snapshot_seconds``), so
#: the views have a fresh one to draw five times a second; each costs the training a few
#: milliseconds (``bench/engine.py`` prints what)
SNAPSHOT_SECONDS = 0.18


@dataclass(frozen=True)
class ViewSpec:
    """One view of the lower area.

    :param name: stable id (``"inspector"``); :meth:`RunModel.focus` takes it.
    :param title: what the view is called on screen (English, marked for translation: the
        window shows ``translate("Views", title)``).
    :param widget: ``"module:Class"`` of its :class:`RunView` subclass, imported when the
        window is built (so this list imports no view module).
    :param needs: the run-model topics whose change makes it redraw (``run`` is implied).
    :param tab: the tab it sits in; views sharing a tab sit side by side and are drawn in the
        same tick. Default: its own tab, named by ``title``.
    :param interval_s: the least time between two of its draws while a run streams in.
    """

    name: str
    title: str
    widget: str
    needs: tuple[str, ...]
    tab: str = ""
    interval_s: float = DRAW_INTERVAL_S

    @property
    def tab_title(self) -> str:
        return self.tab or self.title

    def load(self) -> type[RunView]:
        module, _, cls = self.widget.partition(":")
        return getattr(importlib.import_module(module), cls)


VIEWS: list[ViewSpec] = [
    ViewSpec("heatmap", QT_TRANSLATE_NOOP("Views", "Heatmap"), "seqstudio.gui.qt_hidden_state_plot:HeatmapView",
             ("selection", "layer", "state", "step"),
             tab=QT_TRANSLATE_NOOP("Views", "Hidden states")),
    ViewSpec("trajectories", QT_TRANSLATE_NOOP("Views", "Trajectories"), "seqstudio.gui.qt_trajectories:TrajectoriesView",
             ("selection", "layer", "state"), tab=QT_TRANSLATE_NOOP("Views", "Hidden states")),
    ViewSpec("unrolled", QT_TRANSLATE_NOOP("Views", "Unrolled"), "seqstudio.gui.qt_unrolled:UnrolledView",
             ("selection", "layer", "step", "weights")),
    ViewSpec("inspector", QT_TRANSLATE_NOOP("Views", "Inspector"), "seqstudio.gui.qt_inspector:InspectorView",
             ("selection", "layer", "step", "weights", "finished")),
    ViewSpec("memory", QT_TRANSLATE_NOOP("Views", "Memory"), "seqstudio.gui.qt_memory:MemoryView",
             ("selection", "influence", "finished")),
    ViewSpec("weights", QT_TRANSLATE_NOOP("Views", "Weights"), "seqstudio.gui.qt_weights:WeightsView",
             ("selection", "layer", "weights", "finished")),
]


def spec(name: str) -> ViewSpec:
    for s in VIEWS:
        if s.name == name:
            return s
    raise KeyError(f"no view named {name!r}; the views are {[s.name for s in VIEWS]}")


def still_coming(model: RunModel, table: dict) -> bool:
    """Whether what the selected snapshot lacks in ``table`` (``model.weights`` or
    ``model.influence``) is on its way: a run streams in, the selection follows it, and earlier
    snapshots came with theirs. The training process sends them right after the snapshot, so a
    view drawn in between keeps what it shows rather than emptying itself and filling again
    (such a view also needs ``finished``: a run that ends without them is drawn as it is)."""
    return (model.following and model.started is not None and model.finished is None
            and bool(table))


class RunView(QWidget):
    """Base of a lower-area view. Subclasses build their widgets in ``__init__`` (after calling
    this one) and implement :meth:`render`, which reads ``self.model`` and draws it.

    :meth:`changed` may be overridden for cheap bookkeeping at each notification (never drawing).
    """

    def __init__(self, model: RunModel, view: ViewSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.spec = view
        self.setObjectName(f"{view.name}View")
        self._dirty = True
        self.last_drawn = -float("inf")
        #: how long its last draws took (seconds; for the benchmark and the tests)
        self.draw_times: deque[float] = deque(maxlen=200)
        #: how many times it has drawn (``draw_times`` keeps only the last 200)
        self.draw_count = 0
        self._subscription = model.subscribe(self._notified, view.needs)

    def _notified(self, topic: str, payload: Any) -> None:
        self.changed(topic, payload)
        self._dirty = True

    def changed(self, topic: str, payload: Any) -> None:
        """A topic it needs changed (called on every notification; must not draw)."""

    @property
    def pending(self) -> bool:
        return self._dirty

    def mark_pending(self) -> None:
        """Something of its own (a control of the view) asks for a redraw."""
        self._dirty = True

    def draw(self, now: float | None = None) -> bool:
        """Draw what changed since the last draw; ``False`` when there was nothing."""
        if not self._dirty:
            return False
        self._dirty = False
        t0 = time.perf_counter()
        self.render()
        self.draw_times.append(time.perf_counter() - t0)
        self.draw_count += 1
        self.last_drawn = time.monotonic() if now is None else now
        return True

    def render(self) -> None:
        raise NotImplementedError

    def detach(self) -> None:
        self._subscription.cancel()
