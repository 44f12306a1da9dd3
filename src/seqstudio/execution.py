"""How a model is executed: unrolled or looped recurrence, XLA or not, batches per compiled call.

The right choice depends on the configuration. Short sequences of small layers are dominated by
per-step and per-batch overhead: unrolling the time loop and running many batches per compiled
call (Keras' ``steps_per_execution``) pays. Long sequences of wide layers are dominated by FLOPs: a
compact loop is as fast and compiles quicker. ``auto`` picks per configuration; a user can name a
mode, optionally with ``:K`` batches per call (``unrolled:8``). ``bench/cells.py`` measures them.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from seqstudio.errors import ParamError

#: TensorFlow's switch for its oneDNN CPU kernels. The pip build leaves them off on this
#: platform, and its own matmul ran a recurrent step's (64×128)·(128×512) product at about half
#: oneDNN's speed (``dz·Uᵀ`` at 0.45×) on 2 cores; LSTM/GRU training on the large configuration
#: went from ~320/~430 to ~570/~590 samples per CPU-second with it (bench/cells.py's model).
ONEDNN_SWITCH = "TF_ENABLE_ONEDNN_OPTS"


def prefer_onednn() -> bool:
    """Turn TensorFlow's oneDNN kernels on unless the environment already says either way.

    TensorFlow reads the switch once, when it is imported, so this acts only before that (it runs
    when this module is imported); returns whether the switch is on for this process's
    TensorFlow, as far as can be known."""
    if "tensorflow" not in sys.modules:
        os.environ.setdefault(ONEDNN_SWITCH, "1")
    return os.environ.get(ONEDNN_SWITCH, "") not in ("", "0", "false", "False")


prefer_onednn()

_FORWARD_ONLY: contextvars.ContextVar[bool] = contextvars.ContextVar("seqstudio_forward_only",
                                                                     default=False)


@contextlib.contextmanager
def forward_only() -> Iterator[None]:
    """While a model is traced inside this block, no gradient will ever be taken of the traced
    graph (the :class:`~seqstudio.engine.predict.Predictor`'s calls), so a layer may leave out
    what only its gradient needs: the built-in layers then read one-hot steps from their token
    ids alone, and the one-hot tensor is never made. Read with :func:`is_forward_only`."""
    token = _FORWARD_ONLY.set(True)
    try:
        yield
    finally:
        _FORWARD_ONLY.reset(token)


def is_forward_only() -> bool:
    """Whether the code running now is traced for a forward pass only (:func:`forward_only`)."""
    return _FORWARD_ONLY.get()


MODES = ("auto", "loop", "unrolled", "loop-xla", "unrolled-xla")
#: sequences up to this many steps are unrolled by ``auto``
UNROLL_MAX_STEPS = 32
#: ``auto`` groups batches so that one compiled call lasts about this long (seconds): the engine
#: still reports every batch's loss, live plots get ~20 updates a second, and Stop acts within it
TARGET_CALL_SECONDS = 0.05
MAX_STEPS_PER_EXECUTION = 32
#: rough cost model for ``auto`` (fitted to bench/cells.py on 2 CPU cores): a fixed cost per
#: batch, a fixed cost per time step of each layer (forward and backward; a cell with k gate
#: groups runs about k times a SimpleRNN's ops per step, which its ``cost_per_step`` says), and
#: the sustained FLOP/s of recurrent training
BATCH_OVERHEAD_SECONDS = 4e-4
STEP_OVERHEAD_SECONDS = 2.5e-5
SUSTAINED_FLOPS = 8e10


@dataclass(frozen=True)
class ExecutionPlan:
    mode: str
    unroll: bool
    jit_compile: bool
    steps_per_execution: int
    reason: str = ""

    @property
    def text(self) -> str:
        per_call = self.steps_per_execution
        return f"{self.mode}, {per_call} batch{'es' if per_call != 1 else ''} per call"


def plain_step_cost(d: int, n: int) -> float:
    """Multiply-adds of one sample's time step in a plain recurrent layer: ``d·n + n·n``."""
    return float(d * n + n * n)


def training_flops(seq_len: int, step_dim: int, units: Sequence[int], head_units: int,
                   batch_size: int, step_cost: Callable[[int, int], float] | None = None
                   ) -> float:
    """Forward + backward FLOPs of one batch, about 3× the forward multiply-adds × 2.

    :param step_cost: ``step_cost(d, n)``, the multiply-adds of one sample's time step in a layer
        of ``n`` units on ``d`` inputs (the cell type's ``cost_per_step``, contract 1.1); default
        :func:`plain_step_cost`. An LSTM costs about 4× that, a GRU 3×.
    """
    cost = step_cost or plain_step_cost
    flops, d = 0.0, step_dim
    for n in units:
        flops += 2 * batch_size * seq_len * cost(d, n)
        d = n
    flops += 2 * batch_size * d * head_units
    return 3 * flops


def batch_seconds(seq_len: int, step_dim: int, units: Sequence[int], head_units: int,
                  batch_size: int, step_cost: Callable[[int, int], float] | None = None
                  ) -> float:
    """The cost model's seconds for one training batch: :data:`BATCH_OVERHEAD_SECONDS`, plus
    :data:`STEP_OVERHEAD_SECONDS` per step of each layer scaled by the cell's cost per step
    relative to a plain cell's (its gate groups), plus the FLOPs at :data:`SUSTAINED_FLOPS`.

    The per-step term is what a short sequence of small layers spends: without it an LSTM or a
    GRU on the seed configuration packed as many batches into one call as a SimpleRNN, and
    its live loss arrived in fewer, later updates."""
    cost = step_cost or plain_step_cost
    steps, d = 0.0, step_dim
    for n in units:
        steps += seq_len * cost(d, n) / max(plain_step_cost(d, n), 1.0)
        d = n
    flops = training_flops(seq_len, step_dim, units, head_units, batch_size, step_cost)
    return BATCH_OVERHEAD_SECONDS + steps * STEP_OVERHEAD_SECONDS + flops / SUSTAINED_FLOPS


def parse_mode(mode: str) -> tuple[str, int | None]:
    """``"unrolled:8"`` -> ``("unrolled", 8)``; ``"auto"`` -> ``("auto", None)``."""
    name, _, per_call = (mode or "auto").partition(":")
    if name not in MODES:
        raise ParamError(f"execution mode {mode!r} is not one of {', '.join(MODES)} "
                         "(optionally followed by ':K' batches per call)")
    if not per_call:
        return name, None
    try:
        spe = int(per_call)
    except ValueError:
        spe = 0
    if spe < 1:
        raise ParamError(f"execution mode {mode!r}: batches per call must be a positive "
                         f"integer, got {per_call!r}")
    return name, spe


def plan_execution(
    mode: str = "auto",
    *,
    seq_len: int,
    step_dim: int,
    units: Sequence[int],
    head_units: int,
    batch_size: int = 64,
    step_cost: Callable[[int, int], float] | None = None,
) -> ExecutionPlan:
    """Resolve ``mode`` (``auto``, ``loop``, ``unrolled``, ``loop-xla``, ``unrolled-xla``, each
    optionally ``:K``) into a concrete plan for this configuration. ``step_cost`` is the cell
    type's cost per step (see :func:`training_flops`)."""
    name, spe = parse_mode(mode)
    flops = training_flops(seq_len, step_dim, units, head_units, batch_size, step_cost)
    seconds = batch_seconds(seq_len, step_dim, units, head_units, batch_size, step_cost)
    auto_spe = max(1, min(MAX_STEPS_PER_EXECUTION, int(TARGET_CALL_SECONDS / seconds)))
    reason = ""
    if name == "auto":
        unrolled = seq_len <= UNROLL_MAX_STEPS
        name = "unrolled" if unrolled else "loop"
        reason = (f"{seq_len} steps {'≤' if unrolled else '>'} {UNROLL_MAX_STEPS}: "
                  f"{'unroll the time loop' if unrolled else 'keep a compact loop'}; "
                  f"~{flops / 1e6:.0f} MFLOP per batch")
    return ExecutionPlan(
        mode=name,
        unroll=name.startswith("unrolled"),
        jit_compile=name.endswith("-xla"),
        steps_per_execution=spe or auto_spe,
        reason=reason,
    )
