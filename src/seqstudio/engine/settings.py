"""Training settings: everything about *how* to train, apart from the data and the cell."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, Literal

from seqstudio import tasks
from seqstudio.errors import ParamError, Phrase, TrainingError
from seqstudio.execution import parse_mode
from seqstudio.i18n import QT_TRANSLATE_NOOP

Strategy = Literal["default", "mirrored", "multi-worker"]
STRATEGIES = ("default", "mirrored", "multi-worker")


@dataclass
class TrainSettings:
    """How to train. Every field is recorded in the run's ``config.json``.

    :param epochs: total number of epochs (a resumed run continues up to this number).
    :param batch_size: samples per step (the global batch under a distribution strategy).
    :param optimizer: any ``keras.optimizers`` name (``adam``, ``sgd``, ``rmsprop``...).
    :param learning_rate: the optimizer's learning rate.
    :param seed: seeds weights, shuffling and dropout; the same seed gives the same history.
    :param early_stopping: patience in epochs on ``val_loss``; ``None`` trains every epoch.
    :param snapshot_every: also snapshot the hidden states every K batches (always once per epoch).
    :param snapshot_seconds: also snapshot after the first batch that ends this many seconds after
        the last snapshot (a time-based cadence for a window that shows them live: a fast run
        gets a few a second, a slow one at most one a batch); ``None``: no time-based ones.
    :param tensorboard: write TensorBoard logs under ``tensorboard/`` in the run directory.
    :param strategy: ``default``, ``mirrored`` (all local devices) or ``multi-worker`` (TF_CONFIG).
    :param execution_mode: passed to the model builder (see the speed work); recorded as given.
    """

    epochs: int = 5
    batch_size: int = 64
    optimizer: str = "adam"
    learning_rate: float = 1e-3
    seed: int = 0
    early_stopping: int | None = None
    snapshot_every: int | None = None
    snapshot_seconds: float | None = None
    tensorboard: bool = False
    strategy: Strategy = "default"
    execution_mode: str = "auto"

    def __post_init__(self) -> None:
        self.validate()

    def validate(self) -> None:
        """Raise :class:`TrainingError` naming the first bad setting."""
        at_least_1 = Phrase(QT_TRANSLATE_NOOP("Errors", "an integer >= 1"))
        none_or_1 = Phrase(QT_TRANSLATE_NOOP("Errors", "None or an integer >= 1"))
        checks = [
            ("epochs", isinstance(self.epochs, int) and self.epochs >= 1, at_least_1),
            ("batch_size", isinstance(self.batch_size, int) and self.batch_size >= 1, at_least_1),
            ("learning_rate", isinstance(self.learning_rate, int | float)
             and self.learning_rate > 0, Phrase(QT_TRANSLATE_NOOP("Errors", "a number > 0"))),
            ("seed", isinstance(self.seed, int) and self.seed >= 0,
             Phrase(QT_TRANSLATE_NOOP("Errors", "an integer >= 0"))),
            ("early_stopping", self.early_stopping is None
             or (isinstance(self.early_stopping, int) and self.early_stopping >= 1), none_or_1),
            ("snapshot_every", self.snapshot_every is None
             or (isinstance(self.snapshot_every, int) and self.snapshot_every >= 1), none_or_1),
            ("snapshot_seconds", self.snapshot_seconds is None
             or (isinstance(self.snapshot_seconds, int | float)
                 and not isinstance(self.snapshot_seconds, bool) and self.snapshot_seconds > 0),
             Phrase(QT_TRANSLATE_NOOP("Errors", "None or a number of seconds > 0"))),
            ("strategy", self.strategy in STRATEGIES,
             Phrase(QT_TRANSLATE_NOOP("Errors", "one of {choices}"), choices=list(STRATEGIES))),
            ("optimizer", isinstance(self.optimizer, str) and bool(self.optimizer),
             Phrase(QT_TRANSLATE_NOOP("Errors", "a name"))),
        ]
        for name, ok, expected in checks:
            if not ok:
                raise TrainingError(Phrase(
                    QT_TRANSLATE_NOOP("Errors", "training setting {name!r} must be {expected}, "
                                      "got {value!r}"),
                    name=name, expected=expected, value=getattr(self, name)))
        try:
            parse_mode(self.execution_mode)
        except ParamError as exc:
            raise TrainingError(f"training setting 'execution_mode': {exc}") from None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> TrainSettings:
        """Build from a ``config.json`` section, ignoring keys this version does not know."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in known})


#: the number of gradient steps the suggested epochs aim at (fewer epochs never than MIN_EPOCHS)
TARGET_STEPS = 1200
MIN_EPOCHS, MAX_EPOCHS = 3, 60
#: the fewest batches an epoch is cut into, where the data allows a batch of MIN_BATCH, by task
#: (each task's :attr:`~seqstudio.tasks.TaskSpec.batches_per_epoch`)
BATCHES_PER_EPOCH = {name: tasks.get(name).batches_per_epoch for name in tasks.names()}
MIN_BATCH, MAX_BATCH = 4, 64


@dataclass(frozen=True)
class TrainingDefaults:
    """What to train with when the user names nothing: one source for the CLI and the app.

    ``units`` is the cell's ``units`` hyperparameter (cells without one ignore it). ``reason``
    says in words how the numbers were chosen, for a tooltip or the CLI's start line.
    """

    epochs: int
    batch_size: int
    learning_rate: float
    units: int
    reason: str

    def settings(self, **overrides: Any) -> TrainSettings:
        """:class:`TrainSettings` with these values, ``overrides`` (any field) winning."""
        values = {"epochs": self.epochs, "batch_size": self.batch_size,
                  "learning_rate": self.learning_rate, **overrides}
        return TrainSettings(**values)


def suggest_training(dataset: Any) -> TrainingDefaults:
    """Defaults by task and data size, measured on real files (see docs/engine.md).

    The batch is small enough that an epoch has at least :data:`BATCHES_PER_EPOCH` steps (a
    language model with a target at every step has few, long samples), the epochs bring the run
    to about :data:`TARGET_STEPS` steps, and the learning rate is Adam's 0.01, which small
    recurrent layers take well (0.003 with batches of 64 on large data, and for classification,
    which memorises its few texts within a few epochs at 0.01). Language models get 64 units
    (128 for a character model of a text above a million characters), classifiers and
    forecasters 32. The task's :class:`~seqstudio.tasks.TaskSpec` gives the batches per epoch,
    the learning rate and the units.
    """
    spec = tasks.get(dataset.task)
    n = max(int(dataset.n_train), 1)
    batch = _power_of_two(n // spec.batches_per_epoch, MIN_BATCH, MAX_BATCH)
    batches = -(-n // batch)
    epochs = int(min(MAX_EPOCHS, max(MIN_EPOCHS, round(TARGET_STEPS / batches))))
    learning_rate = spec.learning_rate(full_batches=batch >= MAX_BATCH)
    units = spec.suggested_units(dataset)
    reason = (f"{spec.name}: {n:,} training samples in batches of {batch} ({batches} per epoch), "
              f"{epochs} epochs (about {epochs * batches:,} steps), learning rate "
              f"{learning_rate:g}, {units} units")
    return TrainingDefaults(epochs, batch, learning_rate, units, reason)


def _power_of_two(value: int, low: int, high: int) -> int:
    value = max(low, min(high, int(value)))
    return 1 << (value.bit_length() - 1)
