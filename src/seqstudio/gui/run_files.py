"""Opening a past run directory, and exporting plots and hidden states."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import numpy as np

from seqstudio.engine.events import EpochEnd, HiddenSnapshot


def read_run(path: str | Path) -> dict[str, Any]:
    """Everything the live view needs from a run directory (raises SeqstudioError if it is not)."""
    from seqstudio.engine.rundir import RunDir

    run = RunDir(path)
    config = run.config
    settings = config.get("settings", {})
    n_train = int(config.get("data", {}).get("n_train", 0) or 0)
    batch_size = int(settings.get("batch_size", 0) or 0)
    steps = -(-n_train // batch_size) if n_train and batch_size else 0
    batches = run.batch_losses()
    if batches and not steps:
        steps = max(b for _, b, _ in batches) + 1
    history = run.history()
    epochs = [EpochEnd(epoch=int(row["epoch"]) - 1,
                       metrics={k: float(v) for k, v in row.items() if k != "epoch"})
              for row in history]
    status: dict[str, Any] = {}
    try:
        status = run.status()
    except Exception:  # noqa: BLE001 - an unreadable status only loses the caption
        status = {}
    return {"path": str(path), "config": config, "steps_per_epoch": steps, "batches": batches,
            "epochs": epochs, "snapshots": run.snapshots(), "predictions": run.predictions(),
            "weights": _stored(run, "weights_snapshots"),
            "influence": _stored(run, "influence_snapshots"), "status": status}


def _stored(run: Any, reader: str) -> list[Any]:
    """The glass-box snapshots a run directory holds; runs written before they existed (or a
    RunDir without the reader) have none."""
    read = getattr(run, reader, None)
    return list(read()) if callable(read) else []


def export_plot(plot_item: Any, path: str | Path) -> Path:
    """PNG or SVG by the file's suffix."""
    import pyqtgraph.exporters as exporters

    path = Path(path)
    if path.suffix.lower() == ".svg":
        return _export_svg(plot_item, path)
    else:
        if path.suffix.lower() != ".png":
            path = path.with_suffix(".png")
        exporter = exporters.ImageExporter(plot_item)
        exporter.parameters()["width"] = max(800, int(plot_item.sceneBoundingRect().width()) * 2)
    exporter.export(str(path))
    return path


def _export_svg(plot_item: Any, path: Path) -> Path:
    """Render the item's part of the scene with QSvgGenerator.

    pyqtgraph 0.14's SVGExporter cannot parse the path syntax Qt 6.12 writes, so the scene is
    painted straight into an SVG generator instead.
    """
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgGenerator

    source = plot_item.sceneBoundingRect()
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(source.size().toSize())
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle("seqstudio plot")
    painter = QPainter(generator)
    try:
        plot_item.scene().render(painter, QRectF(0, 0, source.width(), source.height()), source)
    finally:
        painter.end()
    return path


def export_snapshots(snapshots: list[HiddenSnapshot], current: HiddenSnapshot | None,
                     path: str | Path, layer: int = 0, *, weights: Any = (),
                     influence: Any = ()) -> Path:
    """NPZ: every snapshot (``epoch``, ``batch`` and ``layer<i>`` arrays of shape (S, T, n_i),
    the output state ``h``; a cell with more states adds ``layer<i>_<state>``, e.g.
    ``layer0_c`` for an LSTM). CSV: the shown snapshot and layer, one row per time step, one
    column per unit (``unit_<j>``; with several states ``<state>_unit_<j>`` for each).
    ``weights`` and ``influence`` (the glass box's snapshots) add their arrays to the NPZ and
    the shown moment's influence to the CSV (:mod:`seqstudio.glassbox.export`)."""
    from seqstudio.glassbox.export import csv_columns, npz_arrays

    path = Path(path)
    if path.suffix.lower() == ".csv":
        snap = current or (snapshots[-1] if snapshots else None)
        if snap is None:
            raise ValueError("there are no hidden states to export yet")
        by_name = snap.states_of(min(layer, len(snap.states) - 1))
        prefix = len(by_name) > 1  # one state keeps the plain unit_<j> columns
        header, columns = ["step", "token"], []
        for name, values in by_name.items():
            values = np.asarray(values)
            header += [f"{name}_unit_{j}" if prefix else f"unit_{j}"
                       for j in range(values.shape[1])]
            columns.append(values)
        states = np.concatenate(columns, axis=1)
        shown = next((i for i in influence if (i.epoch, i.batch) == (snap.epoch, snap.batch)),
                     None)
        extra_header, extra = csv_columns(shown, len(states))
        with path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(header + extra_header)
            for t, row in enumerate(states):
                label = snap.step_labels[t] if t < len(snap.step_labels) else ""
                writer.writerow([t, label, *[f"{v:.6g}" for v in row], *extra[t]])
        return path
    if not snapshots:
        raise ValueError("there are no hidden states to export yet")
    if path.suffix.lower() != ".npz":
        path = path.with_suffix(".npz")
    arrays: dict[str, np.ndarray] = {
        "epoch": np.array([s.epoch for s in snapshots]),
        "batch": np.array([s.batch for s in snapshots]),
        "step_labels": np.array(snapshots[-1].step_labels, dtype=str),
        "layer_names": np.array(snapshots[-1].layer_names, dtype=str),
    }
    for i in range(len(snapshots[-1].states)):
        arrays[f"layer{i}"] = np.stack([np.asarray(s.states[i]) for s in snapshots])
        for name in snapshots[-1].state_names(i)[1:]:  # h is layer<i> itself
            arrays[f"layer{i}_{name}"] = np.stack([np.asarray(s.states_of(i)[name])
                                                   for s in snapshots])
    arrays.update(npz_arrays(list(weights), list(influence)))
    np.savez_compressed(path, **arrays)
    return path
