"""Sequence classification: one class per text, read from the last state (padding masked).

Head: a softmax over the classes on the last state. Loss: sparse categorical cross-entropy.
Baselines: ``majority`` and ``bag-of-words`` (:mod:`seqstudio.engine.baselines`). Sample: the
probe text's class probabilities with its true class
(:class:`~seqstudio.tasks.records.ClassSample`), shown by the GUI's ``classes`` view.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from seqstudio.tasks.base import OutputBlock, PredictOutput, PredictRequest, TaskSpec
from seqstudio.tasks.records import ClassSample


class ClassifyTask(TaskSpec):
    name = "classify"
    label = "classify sequences"
    view = "classes"
    primary_metric = ("accuracy", True)
    baseline_names = ("majority", "bag-of-words")

    def head(self, units: int, *, per_step: bool = False):
        from seqstudio.data.dataset import HeadSpec

        if per_step:
            raise ValueError("a classifier reads the last state only (per_step=False)")
        return HeadSpec("softmax", int(units))

    def learning_rate(self, full_batches: bool) -> float:
        """0.003 always: a classifier memorises its few texts within a few epochs at 0.01."""
        return 0.003

    def baselines(self, dataset):
        from seqstudio.engine.baselines import classify_baselines

        return classify_baselines(dataset)

    def model_metrics(self, model, dataset, batch_size):
        from seqstudio.engine.evaluate import categorical_metrics

        metrics = categorical_metrics(model, dataset, batch_size, skip_padding=False)
        return metrics, metrics["loss"]

    def epoch_comparison(self, metrics, baselines):
        """On ``val_accuracy`` when the epoch has it, else on the validation loss."""
        if "val_accuracy" in metrics:
            return self.compare({"accuracy": metrics["val_accuracy"]}, baselines)
        return super().epoch_comparison(metrics, baselines)

    def sample(self, predict, info, epoch, *, seed=0, sampler=None) -> ClassSample:
        import numpy as np

        from seqstudio.engine import predict as P

        probe = info["probe"]
        x = np.asarray(probe["x"])
        return ClassSample(text=P.decode_ids(info, x[0].tolist()),
                           target=str(probe.get("target_label", "")),
                           probs=P.class_probs(info, predict(x)[0]))

    def sample_from_json(self, d: Mapping[str, Any]) -> ClassSample:
        return ClassSample.from_json(dict(d))

    def predict(self, predictor, info, request: PredictRequest, run) -> PredictOutput:
        from seqstudio.engine import predict as P

        if not request.text:
            raise P.PredictError("a classify run needs --text TEXT")
        P.check_known_tokens(info, request.text, "--text")
        probs = P.classify_text(predictor, info, request.text)
        rows = tuple((k, f"{v:.4f}") for k, v in sorted(probs.items(), key=lambda kv: -kv[1]))
        return PredictOutput({"task": self.name, "class_probs": probs},
                             (OutputBlock("", ("class", "probability"), rows),))


SPEC = ClassifyTask()
