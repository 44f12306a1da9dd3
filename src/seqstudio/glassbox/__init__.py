"""The glass box: what the cell does inside, in numbers computed from the model that trains now.

Qt-free; TensorFlow is imported only when a :class:`~seqstudio.glassbox.snapshot.GlassBox` is
built (in the training process). The GUI and the CLI only read what it produced:

- :mod:`.snapshot`: per snapshot, every recurrent layer's weights and health
  (:class:`~seqstudio.engine.events.WeightsSnapshot`) and how far back the cell remembers
  (:class:`~seqstudio.engine.events.InfluenceSnapshot`), in one compiled call;
- :mod:`.influence`: the memory read-out from an influence curve;
- :mod:`.health`: the recurrent matrix whose eigenvalues are shown, saturated and dead shares,
  and :func:`health_warning`;
- :mod:`.arithmetic`: one step's arithmetic with the real numbers, for the cell inspector;
- :mod:`.store`: the run directory's ``glassbox/`` files; :mod:`.export`: NPZ/CSV columns.

See ``docs/glassbox.md`` for what each number means.
"""

from __future__ import annotations

from seqstudio.glassbox.health import health_warning, recurrent_matrix
from seqstudio.glassbox.influence import MEMORY_SHARE, memory_length

__all__ = ["MEMORY_SHARE", "health_warning", "memory_length", "recurrent_matrix"]
