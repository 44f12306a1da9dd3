"""Build a fake installed distribution (a ``.dist-info`` plus modules) in a folder on sys.path."""

from __future__ import annotations

import textwrap
from pathlib import Path


def make_fake_distribution(
    root: Path, name: str, version: str, modules: dict[str, str], entry_points: dict[str, str],
    group: str = "seqstudio",
) -> Path:
    """Write ``modules`` (module name -> source) and a dist-info declaring ``entry_points``
    (entry-point name -> ``module``) in ``group``. Put ``root`` on ``sys.path`` to install it."""
    root.mkdir(parents=True, exist_ok=True)
    for module, source in modules.items():
        (root / f"{module}.py").write_text(textwrap.dedent(source))
    info = root / f"{name.replace('-', '_')}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")
    lines = [f"[{group}]"] + [f"{ep} = {target}" for ep, target in entry_points.items()]
    (info / "entry_points.txt").write_text("\n".join(lines) + "\n")
    return info
