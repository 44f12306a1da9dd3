"""Build a compiled Keras model from an input spec, a cell type and a head; probe its hidden states.

No Flatten is needed: the last recurrent layer already outputs a 1-D vector per sample (seed §9).
Keras is imported lazily, when a model is first built.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from seqstudio.data.dataset import HeadSpec, InputSpec
from seqstudio.engine.events import LayerInfo
from seqstudio.errors import PluginError
from seqstudio.execution import ExecutionPlan, plan_execution
from seqstudio.spec import CellType, ParamFormula

if TYPE_CHECKING:  # pragma: no cover
    import keras


@dataclass
class BuiltModel:
    """A compiled model plus what the studio needs to show it."""

    model: keras.Model
    cell_type: CellType
    params: dict[str, Any]
    input_spec: InputSpec
    head: HeadSpec
    recurrent_layers: list[Any]
    formulas: list[ParamFormula]
    execution: ExecutionPlan
    _probe_model: Any = None
    _twins: list[tuple[Any, Any]] | None = None  # (trained layer, its probe twin)
    _probe_layout: Any = None

    def state_names(self) -> list[tuple[str, ...]]:
        """The names of every recurrent layer's states (``[("h", "c"), ...]`` for an LSTM)."""
        return [tuple(self.cell_type.state_names)] * len(self.recurrent_layers)

    def probe(self, x: np.ndarray) -> list[np.ndarray]:
        """The output state ``h`` of every recurrent layer at every time step:
        ``[(B, T, n_i), ...]``. :meth:`probe_states` gives every state."""
        return [next(iter(states.values())) for states in self.probe_states(x)]

    def probe_states(self, x: np.ndarray) -> list[dict[str, np.ndarray]]:
        """Every state of every recurrent layer at every time step: one dict per layer,
        ``{"h": (B, T, n), "c": (B, T, n)}`` in the order of the cell type's ``state_names``.

        Layers that return every step and have one state are read as they are; the others run
        in a twin with the trained weights copied in (:mod:`seqstudio.state_probe`).
        """
        probe_model, twins = self.probe_parts()
        for layer, twin in twins:
            twin.set_weights(layer.get_weights())
        outputs = probe_model(np.asarray(x), training=False)
        return self.split_probe_outputs(outputs)

    def split_probe_outputs(self, outputs: Any) -> list[dict[str, np.ndarray]]:
        """The probe model's raw outputs as :meth:`probe_states` returns them."""
        from seqstudio.state_probe import split_states

        if not isinstance(outputs, list | tuple):
            outputs = [outputs]
        return split_states([np.asarray(o) for o in outputs], self._probe_layout)

    def probe_parts(self) -> tuple[Any, list[tuple[Any, Any]]]:
        """The probe model and its ``(trained layer, twin)`` pairs, whose weights must be copied
        from the first to the second before each probe (the engine does it in a compiled call).
        :meth:`split_probe_outputs` reads the probe model's outputs."""
        if self._probe_model is None:
            from seqstudio.reference import check_state_names
            from seqstudio.state_probe import build_probe

            for layer in self.recurrent_layers:
                check_state_names(self.cell_type, layer)
            self._probe_model, self._twins, self._probe_layout = build_probe(
                self.model, self.recurrent_layers, self.state_names())
        assert self._twins is not None
        return self._probe_model, self._twins

    def architecture(self) -> list[LayerInfo]:
        """Layer, output shape, parameters and formula for every layer of the model."""
        formulas = {id(layer): f for layer, f in zip(self.recurrent_layers, self.formulas,
                                                      strict=False)}
        rows = []
        for layer in self.model.layers:
            if layer.__class__.__name__ == "InputLayer":
                continue
            shape = _shape_text(layer)
            formula = formulas.get(id(layer))
            rows.append(LayerInfo(
                name=layer.name,
                kind=layer.__class__.__name__,
                output_shape=shape,
                params=int(layer.count_params()),
                formula=formula.text if formula else _dense_formula(layer),
            ))
        return rows


def _shape_text(layer: Any) -> str:
    try:
        shape = layer.output.shape
    except (AttributeError, ValueError):
        return "?"
    return "(" + ", ".join("None" if s is None else str(s) for s in shape) + ")"


def _dense_formula(layer: Any) -> str:
    if layer.__class__.__name__ != "Dense" or not layer.built:
        return ""
    d, k = layer.kernel.shape
    return f"{d}·{k} + {k} = {d * k + k:,}" if layer.use_bias else f"{d}·{k} = {d * k:,}"


def _encode_inputs(inputs: Any, spec: InputSpec) -> Any:
    """One-hot, embedded or numeric steps. With ``spec.mask_padding`` the encoding also masks
    the padding id 0, and the recurrent layers carry their state across padded steps unchanged."""
    import keras

    if spec.kind == "onehot":
        if spec.mask_padding:
            from seqstudio.keras_objects import OneHotTokens

            return OneHotTokens(spec.vocab_size, mask_zero=True, name="one_hot")(inputs)
        return keras.layers.CategoryEncoding(
            num_tokens=spec.vocab_size, output_mode="one_hot", name="one_hot"
        )(inputs)
    if spec.kind == "embedding":
        return keras.layers.Embedding(spec.vocab_size, spec.embed_dim, mask_zero=spec.mask_padding,
                                      name="embedding")(inputs)
    if spec.differenced:
        from seqstudio.keras_objects import Differenced

        return Differenced(list(spec.differenced), list(spec.difference_scale),
                           name="differenced")(inputs)
    return inputs


def _head(inputs: Any, h: Any, head: HeadSpec) -> Any:
    """The output layer on the last state (or on every step's state, ``head.per_step``); a
    residual forecaster adds the last observed value of each target to it."""
    import keras

    activation = "softmax" if head.kind == "softmax" else None
    outputs = keras.layers.Dense(head.units, activation=activation, name="head")(h)
    if head.residual_columns:
        from seqstudio.keras_objects import LastObserved

        columns = list(head.residual_columns)
        last = LastObserved(columns, repeats=head.units // len(columns), name="last_observed")(
            inputs)
        outputs = keras.layers.Add(name="change_plus_last")([outputs, last])
    return outputs


def input_layer(spec: InputSpec) -> Any:
    import keras

    if spec.kind == "numeric":
        return keras.Input(shape=(spec.seq_len, spec.features), dtype="float32", name="series")
    return keras.Input(shape=(spec.seq_len,), dtype="int32", name="tokens")


def build_model(
    input_spec: InputSpec,
    head: HeadSpec,
    cell_type: CellType,
    params: Mapping[str, Any] | None = None,
    *,
    optimizer: str = "adam",
    learning_rate: float = 1e-3,
    compile: bool = True,
    execution_mode: str = "auto",
    batch_size: int = 64,
    loss: tuple[str, list[str]] | None = None,
) -> BuiltModel:
    """Build (and by default compile) a Keras model.

    :param input_spec: one-hot, embedding or numeric input of ``seq_len`` steps.
    :param head: softmax over classes/tokens, or linear with k outputs.
    :param cell_type: a registered :class:`~seqstudio.spec.CellType`.
    :param params: the cell's hyperparameters; defaults fill the gaps.
    :param execution_mode: see :mod:`seqstudio.execution`; ``auto`` picks per configuration.
    :param batch_size: the training batch size, which ``auto`` takes into account.
    :param loss: ``(loss, metrics)`` to compile with, as the task's
        :meth:`~seqstudio.tasks.TaskSpec.loss_and_metrics` decides; default: by the head's kind.
    """
    import keras

    from seqstudio.stacking import build_recurrent_layers, stacked_formulas

    resolved = cell_type.resolve(params)
    layers = build_recurrent_layers(cell_type, resolved)  # stacked when params say layers > 1
    if not layers or not all(isinstance(layer, keras.layers.RNN) for layer in layers):
        raise PluginError(
            f"cell type {cell_type.name!r}: build_layers must return a non-empty list of "
            f"keras.layers.RNN, got {[type(layer).__name__ for layer in layers]}"
        )
    if head.per_step:  # the head reads every step: the last layer returns them all
        layers[-1].return_sequences = True
    inputs = input_layer(input_spec)
    h = _encode_inputs(inputs, input_spec)
    for layer in layers:
        h = layer(h)
    rank = 3 if head.per_step else 2
    if len(h.shape) != rank:
        raise PluginError(
            f"cell type {cell_type.name!r}: the last recurrent layer must return "
            + ("every step (rank 3)" if head.per_step else "only its final state (rank 2)")
            + f", got shape {tuple(h.shape)}"
        )
    outputs = _head(inputs, h, head)
    model = keras.Model(inputs, outputs, name=cell_type.name.replace("-", "_"))
    formulas = stacked_formulas(cell_type, input_spec.step_dim, resolved, layers)
    plan = plan_execution(
        execution_mode, seq_len=input_spec.seq_len, step_dim=input_spec.step_dim,
        units=[state_units(layer) for layer in layers],
        head_units=head.units * (input_spec.seq_len if head.per_step else 1), batch_size=batch_size,
        step_cost=cell_type.step_cost,
    )
    for layer in layers:
        layer.unroll = plan.unroll
    built = BuiltModel(model, cell_type, resolved, input_spec, head, layers, list(formulas),
                       execution=plan)
    if compile:
        compile_model(built, optimizer=optimizer, learning_rate=learning_rate, loss=loss)
    return built


def state_units(layer: Any) -> int:
    """The size of a recurrent layer's hidden state ``h`` (the first state of its cell)."""
    size = layer.cell.state_size
    return int(size[0] if isinstance(size, list | tuple) else size)


def loss_and_metrics(head: HeadSpec) -> tuple[str, list[str]]:
    if head.kind == "softmax":
        return "sparse_categorical_crossentropy", ["accuracy"]
    return "mse", ["mae"]


def compile_model(built: BuiltModel, *, optimizer: str = "adam", learning_rate: float = 1e-3,
                  loss: tuple[str, list[str]] | None = None) -> None:
    """Compile with ``loss`` (``(loss, metrics)``; default: those of the head's kind), executed
    as ``built.execution`` says."""
    import keras

    opt = keras.optimizers.get({"class_name": optimizer, "config": {"learning_rate": learning_rate}})
    loss_fn, metrics = loss or loss_and_metrics(built.head)
    metrics = list(metrics)
    plan = built.execution
    if plan.steps_per_execution > 1:  # keep every batch's loss for the live plot
        from seqstudio.keras_objects import BatchLosses

        metrics = [*metrics, BatchLosses(loss_fn, capacity=plan.steps_per_execution)]
    built.model.compile(optimizer=opt, loss=loss_fn, metrics=metrics, jit_compile=plan.jit_compile,
                        steps_per_execution=plan.steps_per_execution)


def weights_by_name(layer: Any) -> Mapping[str, np.ndarray]:
    """A recurrent layer's weights keyed by their path inside its cell (``kernel``,
    ``gate/kernel``); a unique short name finds its weight too (:mod:`seqstudio.reference`)."""
    from seqstudio.reference import weights_by_path

    return weights_by_path(layer)


def reference_states(
    cell_type: CellType, built: BuiltModel, x_encoded: np.ndarray
) -> list[np.ndarray]:
    """Run the cell type's numpy reference over every layer and time step from zero states.

    :param x_encoded: ``(B, T, d)``, the input as the first recurrent layer sees it.
    :return: ``[(B, T, n_i), ...]``: each layer's first state ``h``;
        :func:`seqstudio.reference.reference_states` gives every state.
    """
    from seqstudio.reference import reference_states as all_states

    return [next(iter(states.values()))
            for states in all_states(cell_type, built.recurrent_layers, built.params, x_encoded)]


def encode_for_reference(spec: InputSpec, x: np.ndarray, built: BuiltModel | None = None) -> np.ndarray:
    """The input as the first recurrent layer sees it: one-hot, embedded, or as is (the
    ``spec.differenced`` columns as their scaled changes)."""
    if spec.kind == "numeric" and spec.differenced:
        x = np.array(x, dtype=np.float64)
        cols = list(spec.differenced)
        part = x[..., cols]
        changes = np.concatenate([np.zeros_like(part[..., :1, :]), np.diff(part, axis=-2)], -2)
        x[..., cols] = changes * np.asarray(spec.difference_scale)
        return x
    if spec.kind == "onehot":
        return np.eye(spec.vocab_size, dtype=np.float64)[np.asarray(x)]
    if spec.kind == "embedding":
        assert built is not None
        table = built.model.get_layer("embedding").get_weights()[0]
        return table[np.asarray(x)].astype(np.float64)
    return np.asarray(x, dtype=np.float64)
