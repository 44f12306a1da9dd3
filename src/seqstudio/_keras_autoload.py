"""Make plain ``keras.saving.load_model`` find the layers of installed seqstudio plugins.

Keras only deserialises custom classes that were registered, i.e. whose module was imported. The
``seqstudio_keras_autoload.pth`` file shipped with the distribution imports this module at
interpreter start. It installs a tiny import hook that waits for ``keras`` to be imported and then
imports every module named in the ``seqstudio.keras`` entry-point group. Nothing heavy happens at
start-up, and nothing happens at all in processes that never import Keras.

Any failure here is swallowed: a broken plugin must never break ``import keras``.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys

GROUP = "seqstudio.keras"
_done = False


def register_plugin_keras_objects() -> list[str]:
    """Import every module of the ``seqstudio.keras`` entry-point group; return their names."""
    global _done
    _done = True
    from importlib.metadata import entry_points

    loaded = []
    for ep in entry_points(group=GROUP):
        try:
            ep.load()
            loaded.append(ep.value)
        except Exception:  # noqa: BLE001 - a broken plugin must not break Keras
            pass
    return loaded


class _KerasFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        if fullname != "keras" or _done:
            return None
        sys.meta_path.remove(self)
        try:
            spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        finally:
            sys.meta_path.insert(0, self)
        if spec is None or spec.loader is None:
            return None
        original = spec.loader

        class _Loader(importlib.abc.Loader):
            def create_module(self, spec):
                return original.create_module(spec)

            def exec_module(self, module):
                original.exec_module(module)
                _uninstall()
                register_plugin_keras_objects()

        spec.loader = _Loader()
        return spec


_finder = _KerasFinder()


def _uninstall() -> None:
    if _finder in sys.meta_path:
        sys.meta_path.remove(_finder)


if "keras" in sys.modules:
    register_plugin_keras_objects()
else:
    sys.meta_path.insert(0, _finder)
