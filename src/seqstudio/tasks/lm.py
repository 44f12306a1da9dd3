"""Language modelling: the next token, at every step of a window (or after it).

Head: a softmax over the vocabulary, on every step's state when the targets are per step.
Loss: sparse categorical cross-entropy, padding targets not scored. Baselines: ``unigram`` and an
interpolated ``bigram`` (:mod:`seqstudio.engine.baselines`). Sample: text generated after the
probe (:class:`~seqstudio.tasks.records.TextSample`), shown by the GUI's ``text`` view.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from seqstudio.tasks.base import OutputBlock, PredictOutput, PredictRequest, TaskSpec
from seqstudio.tasks.records import TextSample


class LanguageModelTask(TaskSpec):
    name = "lm"
    label = "language model (next token)"
    view = "text"
    primary_metric = ("loss", False)
    baseline_names = ("unigram", "bigram")
    batches_per_epoch = 40  # few, long samples when every step has a target
    generates_text = True
    default_stride = None  # the loader picks it: seq_len for every-step targets, else 1

    def head(self, units: int, *, per_step: bool = False):
        from seqstudio.data.dataset import HeadSpec

        return HeadSpec("softmax", int(units), per_step=per_step)

    def suggested_units(self, dataset: Any) -> int:
        """64; 128 for a character model of a text above a million characters."""
        tokens = max(int(dataset.n_train), 1) * int(dataset.input_spec.seq_len)
        return 128 if dataset.level == "char" and tokens > 1_000_000 else 64

    def baselines(self, dataset):
        from seqstudio.engine.baselines import lm_baselines

        return lm_baselines(dataset)

    def model_metrics(self, model, dataset, batch_size):
        from seqstudio.engine.evaluate import categorical_metrics

        metrics = categorical_metrics(model, dataset, batch_size, skip_padding=True)
        return metrics, metrics["loss"]

    def epoch_comparison(self, metrics, baselines):
        """The epoch's ``val_loss`` is the cross-entropy the baselines report as ``loss``."""
        if "val_loss" not in metrics:
            return None
        return self.compare({"loss": metrics["val_loss"]}, baselines)

    def sample(self, predict, info, epoch, *, seed=0, sampler=None) -> TextSample:
        """Text generated after the probe: by ``sampler`` (the compiled one) in one call seeded
        by ``(seed, epoch)``, else one prediction per token."""
        import numpy as np

        from seqstudio.engine import predict as P

        prompt = np.asarray(info["probe"]["x"])[0].tolist()
        n = P.sample_length(info)
        if sampler is not None:
            ids = sampler(prompt, n, P.SAMPLE_TEMPERATURE, P.SAMPLE_TOP_K, seed=(seed, epoch))
        else:
            ids = P.generate_ids(predict, info["input_spec"]["seq_len"], prompt, n,
                                 temperature=P.SAMPLE_TEMPERATURE, top_k=P.SAMPLE_TOP_K,
                                 seed=seed + epoch)
        return TextSample(prompt=P.decode_ids(info, prompt), text=P.decode_ids(info, ids))

    def sample_from_json(self, d: Mapping[str, Any]) -> TextSample:
        return TextSample.from_json(dict(d))

    def predict(self, predictor, info, request: PredictRequest, run) -> PredictOutput:
        from seqstudio.engine import predict as P

        if request.tokens < 1:
            raise P.PredictError(f"--tokens must be >= 1, got {request.tokens}")
        prompt = request.prompt
        if prompt is None:
            prompt = P.decode_ids(info, info["probe"]["x"][0])
        P.check_known_tokens(info, prompt, "--prompt")
        text = P.generate_text(predictor, info, prompt, request.tokens, request.temperature,
                               request.top_k, request.seed)
        sep = "" if (info.get("level") or "char") == "char" else " "
        return PredictOutput({"task": self.name, "prompt": prompt, "text": text},
                             (OutputBlock(prompt + sep + text),))


SPEC = LanguageModelTask()
