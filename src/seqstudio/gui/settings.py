"""What the app remembers between sessions, on top of QSettings.

Keys: ``window/geometry``, ``window/state``, ``paths/last_folder``, ``paths/recent``,
``paths/runs`` (where runs go; default :func:`default_runs_folder`), ``ui/language`` (``en``,
``ko``, or empty for the system's) and ``last/<group>`` dicts of
the last data, model and training settings.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

ORGANIZATION = "seqstudio"
APPLICATION = "seqstudio"
MAX_RECENT = 8


def default_runs_folder() -> Path:
    """The per-user folder runs go to: ``~/.local/share/seqstudio/runs`` on Linux,
    ``~/Library/Application Support/seqstudio/runs`` on macOS, ``%LOCALAPPDATA%\\seqstudio\\runs``
    on Windows (Qt's generic data location)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    return Path(base or Path.home()) / "seqstudio" / "runs"


class AppSettings:
    def __init__(self) -> None:
        self._qs = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                             ORGANIZATION, APPLICATION)

    @property
    def path(self) -> str:
        return self._qs.fileName()

    def sync(self) -> None:
        self._qs.sync()

    def clear(self) -> None:
        """Forget everything remembered (the screenshots start from the defaults)."""
        self._qs.clear()

    # -- window ------------------------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        value = self._qs.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def window_state(self) -> QByteArray | None:
        value = self._qs.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._qs.setValue("window/geometry", geometry)
        self._qs.setValue("window/state", state)

    # -- paths -------------------------------------------------------------------------------
    def last_folder(self) -> str:
        return str(self._qs.value("paths/last_folder", "") or "")

    def set_last_folder(self, folder: str | Path) -> None:
        self._qs.setValue("paths/last_folder", str(folder))

    def runs_folder(self) -> Path:
        value = str(self._qs.value("paths/runs", "") or "")
        return Path(value) if value else default_runs_folder()

    def set_runs_folder(self, folder: str | Path | None) -> None:
        """``None`` or ``""``: back to the default."""
        self._qs.setValue("paths/runs", str(folder) if folder else "")

    def recent_files(self) -> list[str]:
        raw = self._qs.value("paths/recent", "[]")
        try:
            items = json.loads(raw) if isinstance(raw, str) else list(raw or [])
        except (TypeError, ValueError):
            items = []
        return [str(p) for p in items if isinstance(p, str)][:MAX_RECENT]

    def add_recent_file(self, path: str | Path) -> list[str]:
        path = str(Path(path).resolve())
        items = [p for p in self.recent_files() if p != path]
        items.insert(0, path)
        items = items[:MAX_RECENT]
        self._qs.setValue("paths/recent", json.dumps(items))
        self.set_last_folder(Path(path).parent)
        return items

    def clear_recent_files(self) -> None:
        self._qs.setValue("paths/recent", "[]")

    # -- language ----------------------------------------------------------------------------
    def language(self) -> str:
        """The language the user picked in View ▸ Language, or ``""`` (follow the system)."""
        return str(self._qs.value("ui/language", "") or "")

    def set_language(self, code: str) -> None:
        self._qs.setValue("ui/language", code)

    # -- last used settings ------------------------------------------------------------------
    def last(self, group: str) -> dict[str, Any]:
        raw = self._qs.value(f"last/{group}", "{}")
        try:
            value = json.loads(raw) if isinstance(raw, str) else {}
        except ValueError:
            value = {}
        return value if isinstance(value, dict) else {}

    def set_last(self, group: str, values: dict[str, Any]) -> None:
        self._qs.setValue(f"last/{group}", json.dumps(values, default=str))
