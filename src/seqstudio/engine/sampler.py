"""Compiled text generation of a language model: one call per sample, seeded.

:class:`StateSampler` carries the recurrent state token by token (``seqstudio predict``, through
``Predictor.generate``, and the per-epoch sample); :class:`LMSampler` re-runs the sliding window
for every token, for models that cannot be stepped. Both draw the same way (:func:`_drawer`).
:mod:`seqstudio.engine.predict` re-exports :class:`LMSampler` and :func:`lm_sampler`; the Python
loop they are checked against is :func:`seqstudio.engine.predict.generate_ids`.
"""

from __future__ import annotations

import logging
from typing import Any

import numpy as np

from seqstudio import tasks
from seqstudio.engine.predict import (
    SAMPLE_TEMPERATURE,
    SAMPLE_TOP_K,
    PredictError,
    first_drawable,
    fit_window,
    fit_window_start,
    sample_length,
)

log = logging.getLogger(__name__)


class LMSampler:
    """Generates tokens in one compiled call: a ``tf.while_loop`` runs the model on the sliding
    window, masks padding and OOV, applies temperature and top-k, and draws with a stateless
    sampler seeded by a pair of ints (the run's seed and the epoch), so a seed gives the same
    tokens on every call.

    The per-epoch sample of a language-model run; :func:`generate_ids` is the same procedure as a
    Python loop of single-step predictions (one call each) with numpy's generator, so the two draw
    differently for the same seed. The function is traced once (every argument is a tensor of a
    fixed shape) and serves any ``n``, temperature and top-k. A model with a distribution at
    every step is read at the step of the last token, and a prompt shorter than the window is
    placed at its start (:func:`fit_window_start`), as :func:`next_token_probs` does.
    """

    def __init__(self, model: Any, seq_len: int) -> None:
        import tensorflow as tf

        spec = model.inputs[0]
        if tuple(spec.shape[1:]) != (seq_len,) or np.dtype(spec.dtype).kind not in "iu":
            raise PredictError(f"the sampler needs token ids of shape (batch, {seq_len}); the "
                               f"model takes {tuple(spec.shape)} {spec.dtype}")
        self.model = model
        self.seq_len = int(seq_len)
        vocab = int(model.outputs[0].shape[-1])
        self.per_step = per_step = len(model.outputs[0].shape) == 3
        last_step = self.seq_len - 1
        draw = _drawer(vocab)
        input_dtype = spec.dtype

        def step(i, window, at, out, temperature, top_k, seed):
            probs = model(tf.cast(window[None], input_dtype), training=False)[0]
            if per_step:
                probs = probs[at]
            token = draw(probs, i, temperature, top_k, seed)
            shifted = tf.concat([window[1:], tf.reshape(token, [1])], 0)
            if per_step:  # fill the window from the start, then slide it
                filled = tf.tensor_scatter_nd_update(
                    window, tf.reshape(tf.minimum(at + 1, last_step), [1, 1]),
                    tf.reshape(token, [1]))
                window = tf.where(at >= last_step, shifted, filled)
                at = tf.minimum(at + 1, last_step)
            else:
                window = shifted
            return i + 1, window, at, out.write(i, token)

        @tf.function(input_signature=[
            tf.TensorSpec((self.seq_len,), tf.int32), tf.TensorSpec((), tf.int32),
            tf.TensorSpec((), tf.int32), tf.TensorSpec((), tf.float32),
            tf.TensorSpec((), tf.int32), tf.TensorSpec((2,), tf.int64)])
        def generate(window, at, n, temperature, top_k, seed):
            out = tf.TensorArray(tf.int32, size=n)
            _, _, _, out = tf.while_loop(
                lambda i, *_: i < n,
                lambda i, w, a, o: step(i, w, a, o, temperature, top_k, seed),
                (tf.constant(0), window, at, out))
            return out.stack()

        self._function = generate
        # traced here, once; calling the concrete function skips the signature matching, and
        # TensorFlow's "frequent retracing" warning, which counts traces of this code over all
        # samplers (one per run) rather than per function
        self._generate = generate.get_concrete_function()

    def __call__(self, prompt_ids: list[int], n: int, temperature: float = 1.0,
                 top_k: int | None = None, seed: tuple[int, int] | int = 0) -> list[int]:
        """``n`` token ids after ``prompt_ids``; ``temperature`` 0 is greedy; ``seed`` an int or
        a pair (the run's seed and the epoch)."""
        seed64 = _seed_pair(seed)
        if self.per_step:
            window, at = fit_window_start(prompt_ids, self.seq_len)
        else:
            window, at = fit_window(prompt_ids, self.seq_len), self.seq_len - 1
        out = self._generate(window[0], np.int32(at), np.int32(n),
                             np.float32(max(temperature, 0.0)), np.int32(top_k or 0), seed64)
        return [int(t) for t in np.asarray(out)]


class StateSampler:
    """Generates tokens in one compiled call that carries the recurrent state forward: each
    token goes once through the encoding, each recurrent layer's cell (its states kept from the
    previous token) and the head, instead of the whole window being re-run for every token.

    For a language model with a distribution at every step (``Input -> encoding -> recurrent
    layers -> head``, each layer reading the one before). The prompt is fed from zero states, as
    training starts every window; tokens are drawn exactly as :class:`LMSampler` draws them (the
    same masking, temperature, top-k and stateless seeded draw), so for a prompt and text that
    fit in the window (prompt + ``n`` ≤ ``seq_len``) both give the same tokens for a seed. Past
    the window they differ on purpose: the window sampler restarts from ``h_0 = 0`` on the last
    ``seq_len`` tokens, this one keeps the whole history in the state (docs/engine.md,
    "Generation").
    """

    def __init__(self, model: Any, seq_len: int) -> None:
        import tensorflow as tf

        spec = model.inputs[0]
        if np.dtype(spec.dtype).kind not in "iu" or len(model.outputs[0].shape) != 3:
            raise PredictError("the state sampler needs a language model of token ids with a "
                               "distribution at every step")
        self.model = model
        self.seq_len = int(seq_len)
        self.per_step = True
        encoders, recurrent, heads = step_parts(model)
        vocab = int(model.outputs[0].shape[-1])
        draw = _drawer(vocab)
        input_dtype = spec.dtype
        initial = [[tf.convert_to_tensor(s) for s in tf.nest.flatten(layer.get_initial_state(1))]
                   for layer in recurrent]
        sizes = [len(states) for states in initial]

        def forward(token, flat):
            x = tf.reshape(tf.cast(token, input_dtype), [1, 1])
            for layer in encoders:
                x = layer(x, training=False)
            # (1, 1, d), or (1, d) from CategoryEncoding, which takes a (1, 1) input as one row
            x, new_flat, at = tf.reshape(x, [1, -1]), [], 0
            for layer, size in zip(recurrent, sizes, strict=True):
                x, states = layer.cell(x, list(flat[at:at + size]), training=False)
                new_flat += tf.nest.flatten(states)
                at += size
            for layer in heads:
                x = layer(x, training=False)
            return tf.cast(tf.reshape(x, [vocab]), tf.float32), new_flat

        # one step as one XLA cluster: the ops of a token are fused, which is most of the
        # per-token cost of a small model (the loop around it stays a plain while_loop)
        step = tf.function(forward, jit_compile=True)
        flat0 = [s for states in initial for s in states]

        def feed(prompt):
            def body(j, probs, *flat):
                probs, flat = step(prompt[j], list(flat))
                return (j + 1, probs, *flat)

            _, probs, *flat = tf.while_loop(lambda j, *_: j < tf.shape(prompt)[0], body,
                                            (tf.constant(0), tf.zeros([vocab]), *flat0))
            return probs, flat

        @tf.function(input_signature=[
            tf.TensorSpec((None,), tf.int32), tf.TensorSpec((), tf.int32),
            tf.TensorSpec((), tf.float32), tf.TensorSpec((), tf.int32),
            tf.TensorSpec((2,), tf.int64)])
        def generate(prompt, n, temperature, top_k, seed):
            probs, flat = feed(prompt)

            def body(i, probs, out, *flat):
                token = draw(probs, i, temperature, top_k, seed)
                probs, flat = step(token, list(flat))
                return (i + 1, probs, out.write(i, token), *flat)

            _, _, out, *_ = tf.while_loop(lambda i, *_: i < n, body,
                                          (tf.constant(0), probs, tf.TensorArray(tf.int32, n),
                                           *flat))
            return out.stack()

        @tf.function(input_signature=[tf.TensorSpec((None,), tf.int32)])
        def prompt_probs(prompt):
            """The distribution after every prompt token (for the self-check)."""
            def body(j, flat, out):
                probs, flat = step(prompt[j], list(flat))
                return j + 1, flat, out.write(j, probs)

            _, _, out = tf.while_loop(lambda j, *_: j < tf.shape(prompt)[0], body,
                                      (tf.constant(0), flat0,
                                       tf.TensorArray(tf.float32, tf.shape(prompt)[0])))
            return out.stack()

        self._function = generate
        self._generate = generate.get_concrete_function()
        self._prompt_probs = prompt_probs
        self._window: LMSampler | None = None

    def prompt_probs(self, prompt_ids: list[int]) -> np.ndarray:
        """``(len(prompt), V)``: the distribution after each prompt token, state carried."""
        return np.asarray(self._prompt_probs(np.asarray(prompt_ids, np.int32)))

    def __call__(self, prompt_ids: list[int], n: int, temperature: float = 1.0,
                 top_k: int | None = None, seed: tuple[int, int] | int = 0) -> list[int]:
        """``n`` token ids after ``prompt_ids`` (at least one); as :meth:`LMSampler.__call__`."""
        if not prompt_ids:  # nothing to carry: the window sampler's all-padding window
            if self._window is None:
                self._window = LMSampler(self.model, self.seq_len)
            return self._window(prompt_ids, n, temperature, top_k, seed)
        out = self._generate(np.asarray(prompt_ids, np.int32), np.int32(n),
                             np.float32(max(temperature, 0.0)), np.int32(top_k or 0),
                             _seed_pair(seed))
        return [int(t) for t in np.asarray(out)]


def step_parts(model: Any) -> tuple[list[Any], list[Any], list[Any]]:
    """A chain model's ``(encoders, recurrent layers, head layers)``: every layer reads the
    output of the one before, the recurrent ones are consecutive and run forwards. Raises
    :class:`PredictError` for any other graph."""
    import keras

    layers = [layer for layer in model.layers if not isinstance(layer, keras.layers.InputLayer)]
    previous = model.inputs[0]
    kinds: list[str] = []
    for layer in layers:
        try:
            reads = layer.input
        except (AttributeError, ValueError) as exc:  # called more than once, or not at all
            raise PredictError(f"layer {layer.name!r} is not a link of a chain") from exc
        if reads is not previous:
            raise PredictError(f"layer {layer.name!r} does not read the layer before it")
        previous = layer.output
        recurrent = isinstance(layer, keras.layers.RNN)
        if recurrent and (layer.go_backwards or not layer.return_sequences and layer is layers[-1]):
            raise PredictError(f"layer {layer.name!r} cannot be stepped forwards")
        kinds.append("r" if recurrent else "-")
    text = "".join(kinds)
    first, last = text.find("r"), text.rfind("r")
    if first < 0 or "-" in text[first:last + 1]:
        raise PredictError("the recurrent layers of this model are not one consecutive stack")
    return layers[:first], layers[first:last + 1], layers[last + 1:]


def _drawer(vocab: int):
    """``draw(probs, i, temperature, top_k, seed) -> token``: the i-th token of a sample, the
    same procedure for both samplers (so they agree for a seed). Padding and OOV are never drawn;
    temperature 0 (or nothing drawable) is greedy; top-k 0 keeps every token."""
    import tensorflow as tf

    valid = tf.range(vocab) >= first_drawable(vocab)  # as sample_token
    neg_inf = float("-inf")

    def draw(probs, i, temperature, top_k, seed):
        probs = tf.cast(tf.reshape(probs, [vocab]), tf.float32)
        greedy = tf.argmax(tf.where(valid, probs, -1.0), output_type=tf.int32)
        usable = valid & (probs > 0)

        def sample():
            logits = tf.where(usable, tf.math.log(tf.where(usable, probs, 1.0)), neg_inf)
            logits = (logits - tf.reduce_max(logits)) / temperature  # the best stays 0
            k = tf.where(top_k > 0, tf.minimum(top_k, vocab), vocab)
            cutoff = tf.math.top_k(logits, k).values[-1]
            logits = tf.where(logits >= cutoff, logits, neg_inf)
            step_seed = tf.random.experimental.stateless_fold_in(seed, i)
            return tf.random.stateless_categorical(logits[None], 1, seed=step_seed,
                                                   dtype=tf.int32)[0, 0]

        return tf.cond((temperature > 0) & tf.reduce_any(usable), sample, lambda: greedy)

    return draw


def _seed_pair(seed: tuple[int, int] | int) -> np.ndarray:
    pair = (seed, 0) if isinstance(seed, int | np.integer) else tuple(seed)
    return np.array([int(v) & 0x7FFF_FFFF_FFFF_FFFF for v in pair], dtype=np.int64)


def text_sampler(model: Any, seq_len: int) -> StateSampler | LMSampler:
    """The faster sampler this model allows, traced now: :class:`StateSampler` when the model
    is a chain it can step and the carried state gives the model's own distributions on a check
    prompt, else the window sampler :class:`LMSampler`."""
    try:
        sampler = StateSampler(model, seq_len)
        vocab = int(model.outputs[0].shape[-1])
        low = first_drawable(vocab)
        check = [low + (7 * i) % max(vocab - low, 1) for i in range(min(int(seq_len), 8))]
        window, _ = fit_window_start(check, int(seq_len))
        full = np.asarray(model(window, training=False))[0, :len(check)]
        carried = sampler.prompt_probs(check)
        if not np.allclose(carried, full, rtol=1e-3, atol=1e-5):
            raise PredictError("stepping the cells does not reproduce the model (largest "
                               f"difference {np.abs(carried - full).max():.3g})")
        return sampler
    except Exception:  # noqa: BLE001 - any model the window sampler runs still generates
        log.info("generation re-runs the window for %s: the state cannot be carried",
                 model.name, exc_info=True)
        return LMSampler(model, seq_len)


def lm_sampler(model: Any, info: dict[str, Any]) -> StateSampler | LMSampler | None:
    """The compiled per-epoch sampler of a language-model run, traced now; ``None`` for other
    tasks, or when it cannot be built for this model (the sample then uses the Python loop)."""
    if not tasks.of(info).generates_text:
        return None
    seq_len = int(info["input_spec"]["seq_len"])
    try:
        sampler = text_sampler(model, seq_len)
        prompt = np.asarray(info["probe"]["x"])[0].tolist()
        out = sampler(prompt, sample_length(info), SAMPLE_TEMPERATURE, SAMPLE_TOP_K, (0, 0))
        lowest = first_drawable(len(info["tokens"]))
        if len(out) != sample_length(info) or not all(
                lowest <= t < len(info["tokens"]) for t in out):
            raise PredictError(f"the compiled sampler drew invalid tokens {out}")
    except Exception:  # noqa: BLE001 - any model the loop can run must still get a sample
        log.warning("no compiled sampler for this model; the per-epoch sample runs one "
                    "prediction per token", exc_info=True)
        return None
    return sampler
