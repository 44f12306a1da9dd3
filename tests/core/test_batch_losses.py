"""Every batch gets its own loss event, even when Keras runs many batches per compiled call."""

from __future__ import annotations

import numpy as np
from engine_fixtures import lm_dataset

from seqstudio.engine import Trainer, TrainSettings
from seqstudio.engine.events import BatchEnd
from seqstudio.keras_objects import losses_of_last_batches


def _batch_losses(tmp_path, mode):
    events = []
    trainer = Trainer(lm_dataset(n=500), "simple-rnn-tanh", {"units": 6},
                      TrainSettings(epochs=2, batch_size=16, execution_mode=mode),
                      run_dir=tmp_path / mode.replace(":", "-"))
    trainer.subscribe(lambda e: events.append(e) if isinstance(e, BatchEnd) else None)
    assert trainer.run().status == "finished"
    return trainer, events


def test_one_event_per_batch_with_the_same_losses_as_one_batch_per_call(tmp_path):
    many, many_events = _batch_losses(tmp_path, "unrolled:8")
    one, one_events = _batch_losses(tmp_path, "unrolled:1")
    assert many.built.execution.steps_per_execution == 8
    steps = -(-many.dataset.n_train // 16)
    assert [(e.epoch, e.batch) for e in many_events] == [
        (epoch, batch) for epoch in range(2) for batch in range(steps)]
    assert [e.step for e in many_events] == list(range(2 * steps))
    np.testing.assert_allclose([e.loss for e in many_events], [e.loss for e in one_events],
                               rtol=1e-4)


def test_ring_readout():
    # count 5 in a ring of 4: batches 1..4 are in slots 1, 2, 3, 0
    result = [5.0, 40.0, 10.0, 20.0, 30.0]
    assert losses_of_last_batches(result, 3) == [20.0, 30.0, 40.0]
    assert losses_of_last_batches(result, 5) is None
