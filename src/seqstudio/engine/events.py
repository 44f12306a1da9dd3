"""Typed events the Trainer emits. The CLI prints them; the GUI plots them.

Subscribers are called on the training thread; a GUI must hop to its own thread (a Qt signal)
before touching widgets. Events are plain data, safe to keep and to send between threads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from seqstudio.tasks.records import TaskSample


@dataclass(frozen=True)
class LayerInfo:
    """One row of the architecture table."""

    name: str
    kind: str
    output_shape: str
    params: int
    formula: str = ""


@dataclass(frozen=True)
class Started:
    run_dir: str
    summary: str
    layers: tuple[LayerInfo, ...]
    total_params: int
    epochs: int
    steps_per_epoch: int
    execution_mode: str = ""
    initial_epoch: int = 0


@dataclass(frozen=True)
class BatchEnd:
    epoch: int  # 0-based
    batch: int  # 0-based, within the epoch
    step: int  # global, 0-based
    loss: float


@dataclass(frozen=True)
class EpochEnd:
    epoch: int  # 0-based
    metrics: dict[str, float]  # loss, val_loss, accuracy, val_accuracy, mae...


@dataclass(frozen=True)
class HiddenSnapshot:
    """Hidden states of every recurrent layer for the dataset's probe sample.

    ``states[i]`` has shape ``(T, units_i)``: every time step of layer ``i``'s output state
    ``h``. ``layer_states[i]`` holds every state of layer ``i`` by name (``{"h": ..., "c": ...}``
    for an LSTM, ``h`` first); it is empty in snapshots of runs from before contract 1.1, and
    :meth:`states_of` covers both.
    """

    epoch: int
    batch: int  # -1 for an end-of-epoch snapshot
    states: tuple[np.ndarray, ...]
    layer_names: tuple[str, ...]
    step_labels: tuple[str, ...]
    layer_states: tuple[dict[str, np.ndarray], ...] = ()

    def states_of(self, layer: int) -> dict[str, np.ndarray]:
        """Every state of layer ``layer`` by name, ``h`` first: ``{"h": (T, n), ...}``."""
        if self.layer_states:
            return dict(self.layer_states[layer])
        return {"h": self.states[layer]}

    def state_names(self, layer: int) -> tuple[str, ...]:
        return tuple(self.states_of(layer))


@dataclass(frozen=True)
class LayerWeights:
    """One recurrent layer's weights at a moment of training, with what the glass-box views
    read from them. Computed in the training process (the GUI only draws it).

    ``weights`` is keyed by the weight's path inside the layer, as the cell type's
    ``weights_by_path`` gives it (``kernel``, ``recurrent_kernel``, ``bias`` for a SimpleRNN).
    ``inputs`` is the probe sequence as this layer sees it, ``(T, d)``: one-hot, embedded or
    scaled for the first layer, the layer below's ``h`` for the others.

    Added by the glass box (defaults keep older code working): ``recurrent`` says which matrix
    ``eigvals`` are of (``"recurrent_kernel"``; ``"recurrent_kernel[:, 20:30] (candidate
    block)"`` for the built-in LSTM/GRU; ``"diag(recurrent_kernel)"`` for a vector; ``""`` when
    the layout is unknown, and then ``eigvals`` is empty and ``spectral_radius`` NaN).
    ``params`` are the cell type's resolved hyperparameters, which its reference step reads
    (the stacked RNN's activation; ``glassbox.arithmetic.step_arithmetic`` uses them). See
    ``docs/glassbox.md``.
    """

    name: str  # as in HiddenSnapshot.layer_names
    cell_type: str  # the plugin's cell-type name, whose reference step redoes one step
    weights: dict[str, np.ndarray]
    inputs: np.ndarray  # (T, d)
    eigvals: np.ndarray  # complex, the eigenvalues of the (square) recurrent matrix h -> h
    spectral_radius: float  # max |eigvals|
    saturated: float  # share of (step, unit) on the probe with |h| > 0.95
    dead: float  # share of units whose h is 0 at every probe step (ReLU)
    recurrent: str = ""  # which matrix eigvals are of (see above)
    params: dict[str, Any] = field(default_factory=dict)  # the cell's hyperparameters


@dataclass(frozen=True)
class WeightsSnapshot:
    """Every recurrent layer's weights and health, taken with a :class:`HiddenSnapshot`."""

    epoch: int
    batch: int  # -1 for an end-of-epoch snapshot
    layers: tuple[LayerWeights, ...]


@dataclass(frozen=True)
class InfluenceSnapshot:
    """How far back the cell remembers: per time step t, the norm of d h_T / d x_t, where h_T is
    the last recurrent layer's final state and x_t the first recurrent layer's input at step t.

    ``probe`` is for the probe sequence, ``batch_mean`` the mean over a validation batch (the
    training batch when there is no validation part). ``memory`` counts the steps back from T
    over which the probe's influence stays at or above 10 % of its peak.
    """

    epoch: int
    batch: int  # -1 for an end-of-epoch snapshot
    step_labels: tuple[str, ...]
    probe: np.ndarray  # (T,)
    batch_mean: np.ndarray  # (T,)
    memory: int


@dataclass(frozen=True, init=False)
class SamplePrediction:
    """What the model predicts now for the probe sample: ``sample`` is the task's typed record
    (:mod:`seqstudio.tasks.records`: ``TextSample``, ``ClassSample``, ``ForecastSample``), made
    by the task's :class:`~seqstudio.tasks.TaskSpec`. ``task`` is that task's name.

    ``SamplePrediction(epoch, task, text=..., class_probs=..., forecast=..., actual=...,
    history=..., extra=...)`` (the flat fields of the past, as ``predictions.jsonl`` stores them)
    still builds one: the task turns them into its record. ``text``, ``class_probs``,
    ``forecast``, ``actual``, ``history`` and ``extra`` are read-only views of the record in
    that old shape; new code reads ``sample``.
    """

    epoch: int
    task: str
    sample: TaskSample

    def __init__(self, epoch: int, task: str, sample: TaskSample | None = None,
                 **fields: Any) -> None:
        if sample is None:
            from seqstudio import tasks

            sample = tasks.get(task).sample_from_json(fields)
        elif fields:
            raise TypeError(f"SamplePrediction: give the record or the flat fields "
                            f"{sorted(fields)}, not both")
        object.__setattr__(self, "epoch", int(epoch))
        object.__setattr__(self, "task", str(task))
        object.__setattr__(self, "sample", sample)

    def to_json(self) -> dict[str, Any]:
        """The flat JSON object of one ``predictions.jsonl`` line."""
        return {"epoch": self.epoch, "task": self.task, "text": "", "class_probs": {},
                "forecast": None, "actual": None, "history": None, "extra": {},
                **self.sample.to_json()}

    @property
    def text(self) -> str:
        return str(self.sample.to_json().get("text", ""))

    @property
    def class_probs(self) -> dict[str, float]:
        return dict(self.sample.to_json().get("class_probs", {}))

    @property
    def forecast(self) -> np.ndarray | None:
        return getattr(self.sample, "forecast", None)

    @property
    def actual(self) -> np.ndarray | None:
        return getattr(self.sample, "actual", None)

    @property
    def history(self) -> np.ndarray | None:
        return getattr(self.sample, "history", None)

    @property
    def extra(self) -> dict[str, Any]:
        return dict(self.sample.to_json().get("extra", {}))


@dataclass(frozen=True)
class Divergence:
    """Where a loss stopped being finite. Batches before it were recorded and sent as events."""

    epoch: int  # 0-based
    batch: int  # 0-based within the epoch; -1 when it showed at the epoch's end (validation)
    step: int  # global, 0-based: the x position on a per-batch loss plot
    loss: float  # nan or inf
    what: str  # "loss became nan at epoch 1, batch 32"
    advice: str  # "try a lower learning rate than 0.5 (for example 0.05), or the tanh cell"


@dataclass(frozen=True)
class Finished:
    """The run ended. ``status``: ``finished``, ``stopped`` (by the user), ``failed``.

    ``reason`` is one sentence for a person: "completed", "early stopping", "stopped by user",
    the error, or for a divergence "diverged: <what>; <advice>" (the parts are in ``divergence``).
    ``best_epoch`` (from 1) is the epoch whose model ``model.keras`` holds.
    """

    status: Literal["finished", "stopped", "failed"]
    reason: str
    epochs_done: int
    run_dir: str
    traceback: str = ""
    divergence: Divergence | None = None
    best_epoch: int | None = None

    @classmethod
    def could_not_start(cls, exc: BaseException) -> Finished:
        """A failed run that never got going; call it in the ``except`` block that caught
        ``exc``, so the traceback is recorded."""
        import traceback

        from seqstudio.errors import Phrase, error_phrase

        # the same English; a window says a SeqstudioError's words in the user's language
        reason = Phrase("{kind}: {error}", kind=type(exc).__name__, error=error_phrase(exc))
        return cls(status="failed", reason=reason, epochs_done=0,
                   run_dir="", traceback=traceback.format_exc())


Event = (Started | BatchEnd | EpochEnd | HiddenSnapshot | WeightsSnapshot | InfluenceSnapshot
         | SamplePrediction | Finished)
