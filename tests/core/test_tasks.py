"""One TaskSpec per task: the registry, and each task's decisions as the engine uses them (head
and loss of the trained model, the baselines, the typed sample prediction stored in the run and
read back, also from a run folder written before the records existed)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from seqstudio import tasks
from seqstudio.data import load_dataset
from seqstudio.data.samples import SAMPLES
from seqstudio.engine import RunDir, Trainer, TrainSettings
from seqstudio.engine.baselines import compute_baselines
from seqstudio.engine.events import SamplePrediction

#: the bundled sample of each task, loaded small
SAMPLE_OF = {"lm": ("toy_grammar", {"seq_len": 12}), "classify": ("sentences", {}),
             "forecast": ("sine", {"seq_len": 12, "horizon": 2})}
RECORD_OF = {"lm": tasks.TextSample, "classify": tasks.ClassSample,
             "forecast": tasks.ForecastSample}


def test_the_registry_names_each_task_once_and_refuses_others():
    assert tasks.names() == ("lm", "classify", "forecast")
    specs = [tasks.get(n) for n in tasks.names()]
    assert [s.name for s in specs] == list(tasks.names())
    assert len({s.view for s in specs}) == 3  # one prediction view each
    assert all(tasks.get(s.name) is s for s in specs)
    with pytest.raises(tasks.UnknownTaskError, match="unknown task 'tagging'.*lm, classify"):
        tasks.get("tagging")


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """One short run per task on its bundled sample: ``{task: (dataset, RunDir, events)}``."""
    out = {}
    for task, (sample, options) in SAMPLE_OF.items():
        if sample not in SAMPLES:
            pytest.skip("the bundled samples are not installed")
        ds = load_dataset(SAMPLES[sample], task=task, **options)
        path = tmp_path_factory.mktemp(task) / "run"
        trainer = Trainer(ds, "simple-rnn-tanh", {"units": 4},
                          TrainSettings(epochs=2, batch_size=64), run_dir=path)
        events: list = []
        trainer.subscribe(events.append)
        assert trainer.run().status == "finished"
        out[task] = (ds, trainer, RunDir(path), events)
    return out


@pytest.mark.slow
def test_each_task_decides_its_head_loss_and_baselines(runs):
    for task, (ds, trainer, _run, _events) in runs.items():
        spec = tasks.of(ds)
        assert spec is tasks.get(task)
        assert ds.head.kind == spec.head(ds.head.units, per_step=ds.head.per_step).kind
        loss, metrics = spec.loss_and_metrics(ds.head)
        model = trainer.built.model
        assert model.loss == loss, task
        assert [b.name for b in compute_baselines(ds)] == list(spec.baseline_names)


@pytest.mark.slow
def test_each_run_stores_its_task_record_and_reads_it_back(runs):
    for task, (ds, _trainer, run, events) in runs.items():
        live = [e for e in events if isinstance(e, SamplePrediction)]
        stored = run.predictions()
        assert [p.epoch for p in stored] == [p.epoch for p in live] == [0, 1]
        for a, b in zip(live, stored, strict=True):
            assert a.task == b.task == task
            assert type(a.sample) is type(b.sample) is RECORD_OF[task]
            assert json.dumps(a.to_json()) == json.dumps(b.to_json())
        sample = stored[-1].sample
        if task == "classify":  # the true class and the text come from the engine's probe
            assert sample.target == ds.probe.target_label
            assert sample.text == " ".join(ds.probe.step_labels)
            assert set(sample.probs) == set(ds.class_names)
            assert sample.correct == (sample.predicted == ds.probe.target_label)
        elif task == "forecast":
            assert sample.forecast.shape == sample.actual.shape == (2, 1)
            want = ds.unscale(np.asarray(ds.y_val[ds.probe.index], float)).reshape(2, 1)
            np.testing.assert_allclose(sample.actual, want, rtol=1e-5)
            assert sample.history.shape == (12, 1) and sample.targets == tuple(ds.target_columns)
        else:
            assert sample.text and sample.prompt


@pytest.mark.slow
def test_predictions_of_an_older_run_folder_still_read(runs):
    """Lines as ``predictions.jsonl`` held them before the typed records (no probe text for a
    classifier) become the same records."""
    _ds, _trainer, run, _events = runs["classify"]
    first = run.predictions()[0]
    old = {"epoch": 5, "task": "classify", "text": "", "class_probs": first.sample.probs,
           "forecast": None, "actual": None, "history": None,
           "extra": {"target": first.sample.target}}
    with (run.path / "predictions.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(old) + "\n")
        fh.write(json.dumps({**old, "epoch": 6, "task": "tagging"}) + "\n")  # unknown: skipped
    got = run.predictions()
    assert [p.epoch for p in got] == [0, 1, 5]
    assert got[-1].sample == tasks.ClassSample(text="", target=first.sample.target,
                                               probs=first.sample.probs)
    assert got[-1].class_probs == first.sample.probs and got[-1].extra["target"]
