"""What the main window restores at start and saves at close (through :class:`AppSettings`)."""

from __future__ import annotations

from typing import Any

#: the first window's size, shrunk to the screen's free area
DEFAULT_SIZE = (1360, 740)


def restore(window: Any) -> None:
    settings = window.settings
    geometry = settings.geometry()
    if geometry is not None:
        window.restoreGeometry(geometry)
    else:
        screen = window.screen().availableGeometry() if window.screen() is not None else None
        width, height = DEFAULT_SIZE
        if screen is not None:
            width, height = min(width, screen.width()), min(height, screen.height())
        window.resize(width, height)
    window.controls.set_values(settings.last("training"))
    model = settings.last("model")
    if model.get("cell"):
        window.model_panel.select_cell(model["cell"], model.get("params"))


def save(window: Any) -> None:
    settings = window.settings
    settings.save_window(window.saveGeometry(), window.saveState())
    controls = window.controls
    settings.set_last("training", controls.values() if not controls.error() else {})
    try:
        params = window.model_panel.params()
    except Exception:  # noqa: BLE001 - invalid params are not remembered
        params = {}
    settings.set_last("model", {"cell": window.model_panel.cell_name(), "params": params})
    settings.sync()
