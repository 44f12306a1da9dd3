"""The compiled per-epoch sampler of a language model (one ``tf.while_loop`` per sample).

:mod:`seqstudio.engine.predict` re-exports :class:`LMSampler` and :func:`lm_sampler`; the Python
loop they are checked against is :func:`seqstudio.engine.predict.generate_ids`.
"""

from __future__ import annotations

import logging
from typing import Any

import numpy as np

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
        ids = tf.range(vocab)
        valid = ids >= first_drawable(vocab)  # as sample_token
        input_dtype = spec.dtype
        neg_inf = float("-inf")

        def step(i, window, at, out, temperature, top_k, seed):
            probs = model(tf.cast(window[None], input_dtype), training=False)[0]
            if per_step:
                probs = probs[at]
            probs = tf.cast(tf.reshape(probs, [vocab]), tf.float32)
            greedy = tf.argmax(tf.where(valid, probs, -1.0), output_type=tf.int32)
            usable = valid & (probs > 0)

            def draw():
                logits = tf.where(usable, tf.math.log(tf.where(usable, probs, 1.0)), neg_inf)
                logits = (logits - tf.reduce_max(logits)) / temperature  # the best stays 0
                k = tf.where(top_k > 0, tf.minimum(top_k, vocab), vocab)
                cutoff = tf.math.top_k(logits, k).values[-1]
                logits = tf.where(logits >= cutoff, logits, neg_inf)
                step_seed = tf.random.experimental.stateless_fold_in(seed, i)
                return tf.random.stateless_categorical(logits[None], 1, seed=step_seed,
                                                       dtype=tf.int32)[0, 0]

            token = tf.cond((temperature > 0) & tf.reduce_any(usable), draw, lambda: greedy)
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
        pair = (seed, 0) if isinstance(seed, int | np.integer) else tuple(seed)
        seed64 = np.array([int(v) & 0x7FFF_FFFF_FFFF_FFFF for v in pair], dtype=np.int64)
        if self.per_step:
            window, at = fit_window_start(prompt_ids, self.seq_len)
        else:
            window, at = fit_window(prompt_ids, self.seq_len), self.seq_len - 1
        out = self._generate(window[0], np.int32(at), np.int32(n),
                             np.float32(max(temperature, 0.0)), np.int32(top_k or 0), seed64)
        return [int(t) for t in np.asarray(out)]


def lm_sampler(model: Any, info: dict[str, Any]) -> LMSampler | None:
    """The compiled per-epoch sampler of a language-model run, traced now; ``None`` for other
    tasks, or when it cannot be built for this model (the sample then uses the Python loop)."""
    if info.get("task") != "lm":
        return None
    seq_len = int(info["input_spec"]["seq_len"])
    try:
        sampler = LMSampler(model, seq_len)
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
