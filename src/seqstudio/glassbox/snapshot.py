"""Weights, health and influence of the model that trains now, in one compiled call.

:class:`GlassBox` is built once per run in the training process, beside the hidden-state probe.
At every hidden-state snapshot the Trainer asks it for a
:class:`~seqstudio.engine.events.WeightsSnapshot` and an
:class:`~seqstudio.engine.events.InfluenceSnapshot` of the same epoch and batch. One
``tf.function`` call, on the probe and a fixed validation batch side by side, returns:

- the probe's input as the first recurrent layer sees it (one-hot, embedded or scaled);
- the influence ``‖∂(Σ_j h_T,j)/∂x_t‖₂`` for every step ``t`` and sample: ``h_T`` is the last
  recurrent layer's final output state, **summed over its units** (one backward pass; a norm of
  the whole Jacobian would take one pass per unit), ``x_t`` the first recurrent layer's input at
  step ``t``, the norm taken over its features. Samples do not interact, so the gradient of the
  sum over the batch gives each sample's own;
- every layer's weights.

The eigenvalues of every layer's recurrent matrix (:mod:`seqstudio.glassbox.health`) are taken
from those weights with ``numpy.linalg.eigvals``, one LAPACK call: measured on the shared CPU,
``tf.linalg.eigvals`` inside the compiled call cost about 1.3 ms more per snapshot than numpy's
0.5 ms for a 32×32 matrix.

The saturated and dead shares come from the hidden-state snapshot itself (the probe's ``h`` at
every step), and each layer above the first sees the layer below's ``h`` as its input.
"""

from __future__ import annotations

import logging
from typing import Any

import numpy as np

from seqstudio.engine.events import HiddenSnapshot, InfluenceSnapshot, LayerWeights, WeightsSnapshot
from seqstudio.glassbox.health import (
    dead_share,
    recurrent_block,
    recurrent_matrix,
    saturated_share,
)
from seqstudio.glassbox.influence import memory_length

log = logging.getLogger(__name__)

#: samples of the validation part whose mean influence is recorded
BATCH = 32


def glass_box(built: Any, dataset: Any) -> GlassBox | None:
    """The run's :class:`GlassBox`, or ``None`` (logged) when this model's layers cannot be
    taken apart for it (a plugin cell that refuses a gradient, say): training goes on."""
    try:
        glass = GlassBox.for_dataset(built, dataset)
        glass.check()
    except Exception:  # noqa: BLE001 - the glass box must never stop a run
        log.warning("glass-box snapshots are off for this run", exc_info=True)
        return None
    return glass


class GlassBox:
    """Takes the glass-box snapshots of ``built`` (a :class:`~seqstudio.model.BuiltModel`).

    :param probe_x: ``(1, T)`` token ids or ``(1, T, F)`` values, the dataset's probe.
    :param batch_x: ``(B, T...)``, the samples whose mean influence is recorded.
    """

    def __init__(self, built: Any, probe_x: np.ndarray, batch_x: np.ndarray) -> None:
        import keras
        import tensorflow as tf

        from seqstudio.reference import weight_path

        model = built.model
        self.layers = list(built.recurrent_layers)
        self.cell_type = built.cell_type.name
        self.params = dict(built.params)
        spec = model.inputs[0]
        self._dtype = np.dtype(spec.dtype)
        self.x = np.concatenate([np.asarray(probe_x, dtype=self._dtype),
                                 np.asarray(batch_x, dtype=self._dtype)])
        self.paths = [[weight_path(layer, w) for w in layer.weights] for layer in self.layers]
        self.blocks = [recurrent_block(self.cell_type, dict(zip(paths, layer.weights,
                                                                strict=True)))
                       for paths, layer in zip(self.paths, self.layers, strict=True)]
        first = self.layers[0].input
        first = first[0] if isinstance(first, list | tuple) else first
        encoder = None if first is spec else keras.Model(spec, first, name="glassbox_input")
        masked = bool(built.input_spec.mask_padding)
        layers = self.layers

        @tf.function(input_signature=[tf.TensorSpec((None, *spec.shape[1:]), spec.dtype)])
        def run(x):
            encoded = x if encoder is None else encoder(x, training=False)
            encoded = tf.cast(encoded, tf.float32)
            mask = tf.not_equal(x, 0) if masked else None
            with tf.GradientTape() as tape:
                tape.watch(encoded)
                h = encoded
                for layer in layers:
                    h = layer(h, mask=mask, training=False)
                final = h[:, -1, :] if len(h.shape) == 3 else h
                total = tf.reduce_sum(tf.cast(final, tf.float32))
            grad = tape.gradient(total, encoded,
                                 unconnected_gradients=tf.UnconnectedGradients.ZERO)
            influence = tf.norm(tf.cast(grad, tf.float64), axis=-1)
            weights = [tf.convert_to_tensor(w) for layer in layers for w in layer.weights]
            return encoded[0], influence, weights

        self._run = run
        self._failed = False

    @classmethod
    def for_dataset(cls, built: Any, dataset: Any) -> GlassBox:
        """The probe, and the first :data:`BATCH` validation samples (training samples when the
        dataset has no validation part)."""
        source = dataset.x_val if dataset.n_val > 0 else dataset.x_train
        return cls(built, np.asarray(dataset.probe.x), np.asarray(source[:BATCH]))

    def check(self) -> None:
        """Trace the compiled call now (with the model, before the first epoch)."""
        self._run(self.x)

    def take(self, hidden: HiddenSnapshot) -> tuple[WeightsSnapshot, InfluenceSnapshot] | None:
        """Both snapshots for the moment of ``hidden`` (same epoch and batch); ``None`` (logged
        once, and off from then on) when the call fails."""
        if self._failed:
            return None
        try:
            return self._take(hidden)
        except Exception:  # noqa: BLE001 - the glass box must never stop a run
            self._failed = True
            log.warning("glass-box snapshots failed and are off from here on", exc_info=True)
            return None

    def _take(self, hidden: HiddenSnapshot) -> tuple[WeightsSnapshot, InfluenceSnapshot]:
        encoded, influence, flat = self._run(self.x)
        influence = np.asarray(influence)
        flat = [np.asarray(w) for w in flat]
        layers = []
        for i, (layer, paths) in enumerate(zip(self.layers, self.paths, strict=True)):
            weights = dict(zip(paths, flat[:len(paths)], strict=True))
            flat = flat[len(paths):]
            matrix = recurrent_matrix(self.cell_type, weights)
            eig = np.zeros(0, np.complex128) if matrix is None else np.linalg.eigvals(
                matrix.astype(np.float64)).astype(np.complex128)
            h = np.asarray(hidden.states[i])
            layers.append(LayerWeights(
                name=layer.name, cell_type=self.cell_type, weights=weights,
                inputs=np.asarray(encoded) if i == 0 else np.asarray(hidden.states[i - 1]),
                eigvals=eig, spectral_radius=float(np.abs(eig).max()) if eig.size else np.nan,
                saturated=saturated_share(h), dead=dead_share(h),
                recurrent=self.blocks[i].label if self.blocks[i] is not None else "",
                params=dict(self.params)))
        probe = influence[0]
        rest = influence[1:]
        return (WeightsSnapshot(epoch=hidden.epoch, batch=hidden.batch, layers=tuple(layers)),
                InfluenceSnapshot(epoch=hidden.epoch, batch=hidden.batch,
                                  step_labels=tuple(hidden.step_labels), probe=probe,
                                  batch_mean=rest.mean(axis=0) if len(rest) else probe.copy(),
                                  memory=memory_length(probe)))
