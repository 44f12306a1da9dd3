"""The contract every task meets: :class:`TaskSpec`.

A task (lm, classify, forecast; later e.g. sequence labelling) is one module with one TaskSpec
subclass. The spec is the single place that decides, for its task: the head and the loss, the
honest baselines and the headline metric they are compared on, the model's own figures in
``evaluate``, the per-epoch sample prediction (a typed record of
:mod:`seqstudio.tasks.records`), how ``seqstudio predict`` answers, the training defaults that
depend on the task, and the name of the GUI view that shows its sample.

No TensorFlow or Qt here; a spec imports what it delegates to (the loaders' helpers, the
baselines, prediction) inside its methods, so importing :mod:`seqstudio.tasks` stays cheap.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, ClassVar

from seqstudio.errors import SeqstudioError

if TYPE_CHECKING:  # pragma: no cover
    from seqstudio.data.dataset import Dataset, HeadSpec
    from seqstudio.engine.baselines import Baseline, Comparison
    from seqstudio.tasks.records import TaskSample


class UnknownTaskError(SeqstudioError, ValueError):
    """No task has the requested name."""


@dataclass(frozen=True)
class PredictRequest:
    """What ``seqstudio predict`` was asked; each task reads the options that concern it."""

    prompt: str | None = None
    tokens: int = 100
    temperature: float = 1.0
    top_k: int | None = None
    seed: int | None = None
    text: str | None = None
    values: str | None = None
    steps: int = 0


@dataclass(frozen=True)
class OutputBlock:
    """One part of a prediction's printout: a line of text, then a table when ``header``."""

    title: str = ""
    header: tuple[str, ...] = ()
    rows: tuple[tuple[Any, ...], ...] = ()


@dataclass(frozen=True)
class PredictOutput:
    """A prediction for a person (``blocks``) and for a program (``result``, JSON-able)."""

    result: dict[str, Any]
    blocks: tuple[OutputBlock, ...] = field(default_factory=tuple)


class TaskSpec(ABC):
    """One task's decisions. Subclasses set the class attributes and implement the methods."""

    #: the stable name stored in datasets and run folders (``lm``)
    name: ClassVar[str]
    #: a person's name for it (``language model (next token)``)
    label: ClassVar[str]
    #: the GUI prediction view that shows this task's sample (``text``, ``classes``, ``forecast``)
    view: ClassVar[str]
    #: the metric the headline comparison with the baselines uses, and whether higher is better
    primary_metric: ClassVar[tuple[str, bool]]
    #: the baselines the task gets, in the order they are printed
    baseline_names: ClassVar[tuple[str, ...]]
    #: the fewest batches the suggested batch size cuts an epoch into
    batches_per_epoch: ClassVar[int] = 20
    #: the per-epoch sample is generated text, drawn by the compiled sampler when it can be
    generates_text: ClassVar[bool] = False
    #: the model may predict the change from the last observed target (a residual head)
    change_head: ClassVar[bool] = False
    #: ``evaluate`` reports the model's and the baselines' figures in the data's original units
    original_units: ClassVar[bool] = False
    #: the window (seq_len) when the user names none; None: the loader measures the data
    default_window: ClassVar[int | None] = None
    #: the stride between samples when the user names none; None: the loader decides
    default_stride: ClassVar[int | None] = 1

    def __repr__(self) -> str:
        return f"<TaskSpec {self.name}>"

    # -- the model -------------------------------------------------------------------------
    @abstractmethod
    def head(self, units: int, *, per_step: bool = False) -> HeadSpec:
        """The output layer for ``units`` classes, tokens or outputs (forecast: H × K)."""

    def loss_and_metrics(self, head: HeadSpec) -> tuple[str, list[str]]:
        """The Keras loss and metrics the model trains with."""
        from seqstudio.model import loss_and_metrics

        return loss_and_metrics(head)

    # -- training defaults -----------------------------------------------------------------
    def suggested_units(self, dataset: Any) -> int:
        """The cell's ``units`` when the user names none."""
        return 32

    def learning_rate(self, full_batches: bool) -> float:
        """Adam's learning rate when the user names none; ``full_batches``: the suggested batch
        is the largest one (large data)."""
        return 0.003 if full_batches else 0.01

    # -- baselines and evaluation ----------------------------------------------------------
    @abstractmethod
    def baselines(self, dataset: Dataset) -> list[Baseline]:
        """Every baseline of the task on the validation part (which is not empty)."""

    @abstractmethod
    def model_metrics(self, model: Any, dataset: Dataset,
                      batch_size: int) -> tuple[dict[str, float], float | None]:
        """The model's figures on the validation part, named as the baselines' are, and its
        validation loss in the units of the Keras ``val_loss`` (None if unknown)."""

    def compare(self, metrics: Mapping[str, float], baselines: Sequence[Baseline]) -> Comparison:
        """The model's ``metrics`` against the baselines on :attr:`primary_metric`."""
        from seqstudio.engine.baselines import compare_on

        metric, higher = self.primary_metric
        return compare_on(metric, higher, metrics, baselines)

    def epoch_comparison(self, metrics: Mapping[str, float],
                         baselines: Sequence[Baseline]) -> Comparison | None:
        """An epoch's Keras metrics (``val_loss``, ``val_accuracy``...) against the baselines,
        or None when the epoch has nothing comparable. This default compares the validation
        loss, which every baseline also gives in the units of the Keras loss."""
        from seqstudio.engine.baselines import compare_on

        if "val_loss" not in metrics:
            return None
        on_loss = [replace(b, metrics={"loss": b.val_loss}) for b in baselines
                   if b.val_loss is not None]
        return compare_on("loss", False, {"loss": metrics["val_loss"]}, on_loss)

    # -- the sample prediction -------------------------------------------------------------
    def probe_facts(self, dataset: Dataset) -> dict[str, Any]:
        """What the sample prediction needs to know about the probe beyond its input, added to
        ``dataset.json``'s ``probe`` (JSON-able)."""
        return {}

    @abstractmethod
    def sample(self, predict: Any, info: dict[str, Any], epoch: int, *, seed: int = 0,
               sampler: Any = None) -> TaskSample:
        """What the model predicts for the probe now, as the task's record."""

    @abstractmethod
    def sample_from_json(self, d: Mapping[str, Any]) -> TaskSample:
        """The record of one stored ``predictions.jsonl`` line (older runs' lines included)."""

    # -- seqstudio predict -----------------------------------------------------------------
    @abstractmethod
    def predict(self, predictor: Any, info: dict[str, Any], request: PredictRequest,
                run: Any) -> PredictOutput:
        """Answer ``seqstudio predict`` for the run ``run`` (a :class:`~seqstudio.engine.
        rundir.RunDir`); raise :class:`~seqstudio.engine.predict.PredictError` for a request
        that does not fit."""
