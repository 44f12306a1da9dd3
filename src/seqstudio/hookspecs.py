"""The seqstudio plugin contract: every hook a plugin may implement.

A plugin is a module registered under the ``seqstudio`` entry-point group. It implements any of the
hooks below with :data:`hookimpl` and may declare the contract version it was written for::

    from seqstudio.hookspecs import hookimpl

    SEQSTUDIO_CONTRACT = "1.1"

    @hookimpl
    def seqstudio_cell_types():
        return [CellType(...)]

Contract versions are ``MAJOR.MINOR``. A plugin is accepted when its major version equals the host's
and its minor version is not newer than the host's; otherwise it is refused with a message naming
the plugin and both versions. A plugin without ``SEQSTUDIO_CONTRACT`` is assumed to match the host.

Versions: 1.0, cell types with one state and data formats. 1.1 (this host,
:data:`seqstudio.CONTRACT_VERSION`) adds to :class:`~seqstudio.spec.CellType` named states
(``state_names``), a numpy reference over every state (``reference_call``), a cost per step for
the execution planner (``cost_per_step``), weights keyed by their path inside the cell, and
stacking by the host (``stackable``, the ``layers`` parameter). Every 1.0 plugin is accepted as
it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:  # pragma: no cover
    from seqstudio.spec import CellType, DataFormat

PROJECT = "seqstudio"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def seqstudio_cell_types() -> list[CellType]:
    """Contribute recurrent cell types.

    Called once when the plugin manager is built; not ``firstresult``: every plugin's list is
    collected.

    :return: a list of :class:`seqstudio.spec.CellType`. Names must be unique across plugins; a
        duplicate name is recorded as an error of the later plugin and skipped.
    """


@hookspec
def seqstudio_data_formats() -> list[DataFormat]:
    """Contribute readers for more file types.

    Called once when the plugin manager is built; not ``firstresult``.

    :return: a list of :class:`seqstudio.spec.DataFormat`. Each reads a file into text or a
        pandas DataFrame, which seqstudio then encodes as it does ``.txt`` and ``.csv`` files.
    """
