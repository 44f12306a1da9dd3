"""Prediction: generated text, class probabilities, forecasts in original units.

Everything here works from a model plus the *dataset info* (:func:`dataset_info`), the JSON-able
part of a :class:`~seqstudio.data.dataset.Dataset` saved as ``dataset.json`` in every run, so a
run directory predicts without its data file.
"""

from __future__ import annotations

import logging
import re
from dataclasses import asdict
from typing import Any

import numpy as np

from seqstudio import tasks
from seqstudio.data.dataset import Dataset
from seqstudio.engine.events import SamplePrediction
from seqstudio.errors import SeqstudioError

log = logging.getLogger(__name__)

PAD, OOV = 0, 1
#: the per-epoch language-model sample: at most this many tokens, drawn like this
SAMPLE_TOKENS, SAMPLE_TEMPERATURE, SAMPLE_TOP_K = 40, 0.8, 8
_PUNCTUATION = re.compile(r'[!"#$%&()\*\+,-\./:;<=>?@\[\\\]^_`{|}~\']')


class PredictError(SeqstudioError):
    """A prediction request does not fit the run (wrong task, empty prompt, bad window)."""


def dataset_info(ds: Dataset) -> dict[str, Any]:
    """The JSON-able facts about ``ds`` that prediction and evaluation need."""
    probe_x = np.asarray(ds.probe.x)
    info: dict[str, Any] = {
        "task": ds.task,
        "level": ds.level,
        "tokens": list(ds.tokens),
        "class_names": list(ds.class_names),
        "input_columns": list(ds.input_columns),
        "target_columns": list(ds.target_columns),
        "horizon": int(ds.horizon),
        "scaler": {k: [float(v[0]), float(v[1])] for k, v in ds.scaler.items()},
        "input_spec": asdict(ds.input_spec),
        "head": asdict(ds.head),
        "n_train": ds.n_train,
        "n_val": ds.n_val,
        "source": str(ds.source) if ds.source else None,
        "sha256": ds.source_sha256,
        "options": dict(ds.options),
        "summary": {k: v for k, v in ds.summary.items() if _jsonable(v)},
        "notes": list(ds.notes),
        "probe": {"x": probe_x.tolist(), "step_labels": list(ds.probe.step_labels),
                  "target_label": ds.probe.target_label, "index": int(ds.probe.index)},
    }
    info["probe"].update(tasks.get(ds.task).probe_facts(ds))
    return info


def _jsonable(value: Any) -> bool:
    return isinstance(value, str | int | float | bool | type(None) | list | dict)


class Predictor:
    """Forward passes of a model through compiled functions of a few fixed shapes.

    The path of ``seqstudio predict``, the probes and the per-epoch sample. Keras'
    ``model.predict`` builds a data pipeline and a callback list on every call, which costs more
    than a small batch's forward pass; here a call is one traced function per *bucket*: inputs are
    cut into chunks of at most :attr:`chunk` samples (large calls amortise the per-call cost; the
    chunk is 4,096 for small samples, fewer for large inputs or outputs, see
    :data:`MAX_CHUNK_INPUT_BYTES`) and the last chunk is padded up to the next power of two, so at
    most ``log2(chunk) + 1`` shapes are ever compiled.

    ``jit_compile`` (default on) compiles calls of at least :attr:`XLA_MIN_BATCH` samples with
    XLA, which fuses the per-step ops of the time loop, rolled or unrolled: on 2 cores, 1.2-2× on
    the large configuration and 1.6-1.8× on the seed one (``bench/cells.py``). A model XLA cannot compile (an op without an XLA kernel in a
    plugin's cell) falls back to the plain traced function on its first call. A layer may say
    that XLA does not pay for its forward pass with a false ``xla_inference`` attribute (the
    built-in lstm and gru do when unrolled: their sequence is already one fused op); with
    ``jit_compile`` left ``None`` such a model runs without XLA (:func:`xla_pays`).
    """

    #: at most this many samples per compiled call
    MAX_CHUNK = 4096
    #: ... and at most about this many bytes of output per call (a word-level language model
    #: with an output at every step is ``T × V`` floats a sample)
    MAX_CHUNK_BYTES = 64 << 20
    #: ... and of input: small samples share a call's fixed cost (µs per graph op) in large
    #: calls (seed gru, one core: 136k -> 172k/s); the large configuration's stay at 1,024
    MAX_CHUNK_INPUT_BYTES = 32 << 20
    #: smaller calls (one window of ``seqstudio predict``, the per-epoch sample) run without XLA:
    #: its compile would cost more than it saves
    XLA_MIN_BATCH = 64

    def __init__(self, model: Any, *, jit_compile: bool | None = None) -> None:
        import tensorflow as tf

        self.model = model
        spec = model.inputs[0]
        self._dtype = np.dtype(spec.dtype)
        self._sample_shape = tuple(int(s) for s in spec.shape[1:])
        out_shape = model.outputs[0].shape
        #: the model gives a distribution at every step ``(B, T, V)`` (a language model with a
        #: target at every step); generation reads the one after the last real token
        self.per_step = len(out_shape) == 3
        per_sample = 4 * int(np.prod([int(s or 1) for s in out_shape[1:]]))
        in_sample = self._dtype.itemsize * int(np.prod(self._sample_shape or (1,)))
        self.chunk = _floor_pow2(max(1, min(self.MAX_CHUNK, self.MAX_CHUNK_BYTES // per_sample,
                                            self.MAX_CHUNK_INPUT_BYTES // max(in_sample, 1))))
        self.jit_compile = xla_pays(model) if jit_compile is None else bool(jit_compile)
        signature = [tf.TensorSpec(shape=(None, *spec.shape[1:]), dtype=spec.dtype)]

        def forward(x):
            from seqstudio.execution import forward_only

            with forward_only():  # traced for outputs only: no gradient is taken of these calls
                return model(x, training=False)

        self._plain = tf.function(forward, input_signature=signature)
        self._fn = (tf.function(forward, input_signature=signature, jit_compile=True)
                    if self.jit_compile else self._plain)
        self._sampler: Any = None

    def __call__(self, x: np.ndarray) -> np.ndarray:
        """The model's outputs for ``x`` (a batch of samples), as one numpy array."""
        x = np.asarray(x, dtype=self._dtype)
        n = len(x)
        if n == 0:
            return np.asarray(self._run(np.zeros((1, *x.shape[1:]), self._dtype)))[:0]
        parts = []
        for start in range(0, n, self.chunk):
            part = x[start:start + self.chunk]
            size = len(part)
            bucket = min(self.chunk, 1 << (size - 1).bit_length())
            if bucket != size:
                pad = np.zeros((bucket - size, *part.shape[1:]), dtype=self._dtype)
                part = np.concatenate([part, pad])
            parts.append(np.asarray(self._run(part))[:size])
        return parts[0] if len(parts) == 1 else np.concatenate(parts)

    def _run(self, x: np.ndarray) -> Any:
        if self._fn is self._plain or len(x) < self.XLA_MIN_BATCH:
            return self._plain(x)
        try:
            return self._fn(x)
        except Exception:  # noqa: BLE001 - XLA refused this model: run it without
            log.info("XLA cannot compile %s; predicting without it", self.model.name,
                     exc_info=True)
            self._fn, self.jit_compile = self._plain, False
            return self._plain(x)

    def generate(self, prompt_ids: list[int], n: int, seq_len: int, temperature: float = 1.0,
                 top_k: int | None = None, seed: int | None = None) -> list[int]:
        """``n`` token ids after ``prompt_ids`` from a language model, in one compiled call
        that carries the recurrent state forward token by token
        (:class:`~seqstudio.engine.sampler.StateSampler`); a model it cannot step runs the
        compiled window sampler (:class:`~seqstudio.engine.sampler.LMSampler`). ``seed``
        ``None`` draws a fresh one."""
        if self._sampler is None:
            from seqstudio.engine.sampler import text_sampler

            self._sampler = text_sampler(self.model, int(seq_len))
        if seed is None:
            seed = int(np.random.default_rng().integers(0, 2**62))
        return self._sampler(list(prompt_ids), int(n), temperature, top_k, seed=int(seed))


def xla_pays(model: Any) -> bool:
    """Whether the :class:`Predictor` compiles ``model`` with XLA by default: unless one of its
    layers has a false ``xla_inference`` attribute."""
    return all(getattr(layer, "xla_inference", True) is not False
               for layer in getattr(model, "layers", []))


def _floor_pow2(n: int) -> int:
    return 1 << (int(n).bit_length() - 1)


# -- text -------------------------------------------------------------------------------------
def encode_text(info: dict[str, Any], text: str) -> list[int]:
    """Token ids of ``text`` with the run's vocabulary; unknown tokens become the OOV id."""
    tokens = info["tokens"]
    index = {t: i for i, t in enumerate(tokens) if i > OOV}
    if (info.get("level") or "char") == "char":
        return [index.get(c, OOV) for c in text]
    # keras TextVectorization's "lower_and_strip_punctuation", then whitespace split
    words = _PUNCTUATION.sub("", text.lower()).split()
    return [index.get(w, OOV) for w in words]


def decode_ids(info: dict[str, Any], ids: list[int]) -> str:
    tokens = info["tokens"]
    words = [tokens[i] if 0 <= i < len(tokens) and i != PAD else "" for i in ids]
    sep = "" if (info.get("level") or "char") == "char" else " "
    return sep.join(w for w in words if w or sep == "")


def fit_window(ids: list[int], seq_len: int) -> np.ndarray:
    """The last ``seq_len`` ids, padded on the left: ``(1, seq_len)``."""
    ids = list(ids)[-seq_len:]
    return np.array([[PAD] * (seq_len - len(ids)) + ids], dtype=np.int32)


def fit_window_start(ids: list[int], seq_len: int) -> tuple[np.ndarray, int]:
    """The last ``seq_len`` ids at the start of the window, padded on the right, and the
    position of the last of them: ``((1, seq_len), step)``. A recurrent model's output at that
    step has not seen the padding after it; classification pads the same way when it trains."""
    ids = list(ids)[-seq_len:]
    window = np.array([ids + [PAD] * (seq_len - len(ids))], dtype=np.int32)
    return window, max(len(ids) - 1, 0)


def next_token_probs(predict: Predictor, ids: list[int], seq_len: int) -> np.ndarray:
    """The model's distribution of the token after ``ids``: at the step of the last id for a
    model with a target at every step, else its one output after a left-padded window."""
    if getattr(predict, "per_step", False):
        window, step = fit_window_start(ids, seq_len)
        return predict(window)[0, step]
    return predict(fit_window(ids, seq_len))[0]


def first_drawable(vocab: int) -> int:
    """The lowest token id that generation may draw: never padding, and never OOV unless the
    vocabulary holds nothing else."""
    return OOV + 1 if vocab > OOV + 1 else OOV


def sample_token(probs: np.ndarray, temperature: float, top_k: int | None,
                 rng: np.random.Generator) -> int:
    """Draw one token id; ``temperature`` 0 is greedy; padding and OOV are never drawn."""
    p = np.asarray(probs, dtype=np.float64).copy()
    valid = np.arange(len(p)) >= first_drawable(len(p))
    p[~valid] = 0.0
    if temperature <= 0 or p.sum() <= 0:  # greedy; a valid id even when all of them are 0
        return int(np.argmax(np.where(valid, p, -1.0)))
    logits = np.log(np.maximum(p, 1e-300)) / temperature
    if top_k:
        cutoff = np.sort(logits)[-min(int(top_k), len(logits))]
        logits = np.where(logits >= cutoff, logits, -np.inf)
    logits -= logits.max()
    weights = np.exp(logits) * (p > 0)
    return int(rng.choice(len(p), p=weights / weights.sum()))


def generate_ids(predict: Predictor, seq_len: int, prompt_ids: list[int], n: int,
                 temperature: float = 1.0, top_k: int | None = None,
                 seed: int | None = None) -> list[int]:
    rng = np.random.default_rng(seed)
    ids = list(prompt_ids)
    out = []
    for _ in range(int(n)):
        probs = next_token_probs(predict, ids, seq_len)
        token = sample_token(probs, temperature, top_k, rng)
        ids.append(token)
        out.append(token)
    return out


def __getattr__(name: str) -> Any:
    """``LMSampler`` and ``lm_sampler`` live in :mod:`seqstudio.engine.sampler` (TensorFlow)."""
    if name in ("LMSampler", "lm_sampler"):
        from seqstudio.engine import sampler

        return getattr(sampler, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def sample_length(info: dict[str, Any]) -> int:
    return min(int(info["input_spec"]["seq_len"]), SAMPLE_TOKENS)


def generate_text(predict: Predictor, info: dict[str, Any], prompt: str, n: int = 100,
                  temperature: float = 1.0, top_k: int | None = None,
                  seed: int | None = None) -> str:
    """``n`` tokens generated after ``prompt`` (the prompt itself is not repeated)."""
    _require(info, "lm", "text generation needs a language-model run")
    if temperature < 0:
        raise PredictError(f"temperature must be >= 0, got {temperature}")
    ids = encode_text(info, prompt)
    seq_len = info["input_spec"]["seq_len"]
    if isinstance(predict, Predictor):  # compiled, the state carried forward (Predictor.generate)
        out = predict.generate(ids, n, seq_len, temperature, top_k, seed)
    else:
        out = generate_ids(predict, seq_len, ids, n, temperature, top_k, seed)
    return decode_ids(info, out)


def classify_text(predict: Predictor, info: dict[str, Any], text: str) -> dict[str, float]:
    _require(info, "classify", "classifying text needs a classify run")
    ids = encode_text(info, text)
    if not ids:
        raise PredictError("the text to classify is empty")
    window, _ = fit_window_start(ids, info["input_spec"]["seq_len"])  # padded as in training
    return class_probs(info, predict(window)[0])


def class_probs(info: dict[str, Any], probs: np.ndarray) -> dict[str, float]:
    names = info["class_names"] or [str(i) for i in range(len(probs))]
    return {str(name): float(p) for name, p in zip(names, probs, strict=False)}


def _require(info: dict[str, Any], task: str, what: str) -> None:
    """Refuse a request meant for the spec of ``task`` on a run of another task."""
    if tasks.of(info) is not tasks.get(task):
        raise PredictError(f"{what}, this one is {info.get('task')}")


def check_known_tokens(info: dict[str, Any], text: str, option: str) -> None:
    """Refuse a text of which the model would see only ``[UNK]``: it predicts nothing of it."""
    ids = encode_text(info, text)
    if text.strip() and ids and all(i == OOV for i in ids):
        unit = "character" if (info.get("level") or "char") == "char" else "word"
        known = [t for t in info["tokens"][OOV + 1:] if t.strip()][:12]
        raise PredictError(f"{option} {text!r} has no {unit} of the run's vocabulary (the "
                           f"model would read only [UNK]); the vocabulary has, for example: "
                           f"{' '.join(known)}")


# -- forecasting ------------------------------------------------------------------------------
def _scale(info: dict[str, Any], column: str) -> tuple[float, float]:
    mean, std = info["scaler"].get(column, (0.0, 1.0))
    return float(mean), float(std)


def unscale_targets(info: dict[str, Any], y: np.ndarray) -> np.ndarray:
    """Scaled ``(..., H*K)`` targets -> original units ``(..., H, K)``."""
    cols = info["target_columns"] or ["target"]
    y = np.asarray(y, dtype=np.float64)
    y = y.reshape(*y.shape[:-1], -1, len(cols))
    stats = np.array([_scale(info, c) for c in cols])
    return y * stats[:, 1] + stats[:, 0]


def window_targets(info: dict[str, Any], window: np.ndarray) -> np.ndarray | None:
    """The target columns of one scaled input window ``(T, F)`` in original units ``(T, K)``."""
    cols, inputs = info["target_columns"], info["input_columns"]
    if not cols or not all(c in inputs for c in cols):
        return None
    idx = [inputs.index(c) for c in cols]
    stats = np.array([_scale(info, c) for c in cols])
    return np.asarray(window, np.float64)[:, idx] * stats[:, 1] + stats[:, 0]


def scale_window(info: dict[str, Any], rows: np.ndarray) -> np.ndarray:
    """Rows of the input columns in original units ``(T, F)`` -> the model's scaled input."""
    stats = np.array([_scale(info, c) for c in info["input_columns"]])
    return ((np.asarray(rows, np.float64) - stats[:, 0]) / stats[:, 1]).astype(np.float32)


def forecast(predict: Predictor, info: dict[str, Any], window: np.ndarray) -> np.ndarray:
    """The next H values ``(H, K)`` in original units after one scaled window ``(T, F)``."""
    _require(info, "forecast", "forecasting needs a forecast run")
    window = np.asarray(window, np.float32)
    spec = info["input_spec"]
    if window.shape != (spec["seq_len"], spec["features"]):
        raise PredictError(f"a forecast window must have shape ({spec['seq_len']}, "
                           f"{spec['features']}), got {window.shape}")
    return unscale_targets(info, predict(window[None])[0])


def recursive_forecast(predict: Predictor, info: dict[str, Any], window: np.ndarray,
                       steps: int) -> np.ndarray:
    """``steps`` values ``(steps, K)`` by feeding each forecast back in as input.

    Possible when every input column is a target column (a univariate series, or all columns
    forecast together); otherwise the future inputs are unknown.
    """
    cols, inputs = info["target_columns"], info["input_columns"]
    if sorted(cols) != sorted(inputs):
        raise PredictError(
            "a recursive forecast needs every input column to be a target column; "
            f"inputs {inputs}, targets {cols}"
        )
    window = np.asarray(window, np.float32).copy()
    order = [cols.index(c) for c in inputs]
    out: list[np.ndarray] = []
    while sum(len(o) for o in out) < steps:
        values = forecast(predict, info, window)  # (H, K), original units
        out.append(values)
        scaled = scale_window(info, values[:, order])
        window = np.concatenate([window, scaled])[-len(window):]
    return np.concatenate(out)[:steps]


# -- the per-epoch sample ---------------------------------------------------------------------
def sample_prediction(predict: Predictor, info: dict[str, Any], epoch: int,
                      seed: int = 0, sampler: Any = None) -> SamplePrediction:
    """What the model predicts for the dataset's probe sample now, as the record of the run's
    task (:meth:`seqstudio.tasks.TaskSpec.sample`).

    A language model generates text after the probe: with ``sampler`` (:func:`lm_sampler`) in one
    compiled call seeded by ``(seed, epoch)``, without it one prediction per token.
    """
    spec = tasks.of(info)
    return SamplePrediction(epoch, spec.name,
                            spec.sample(predict, info, epoch, seed=seed, sampler=sampler))
