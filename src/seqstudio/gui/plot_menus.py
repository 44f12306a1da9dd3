"""The first level of pyqtgraph's right-click menu on every plot, in the user's language.

pyqtgraph writes these through ``QCoreApplication.translate`` with its own contexts, so our
``.qm`` can carry them: they are marked here for ``lupdate`` (this module is never called).
The deeper option panels (axis ranges, export settings) stay as pyqtgraph writes them.
"""

from __future__ import annotations

from seqstudio.i18n import QT_TRANSLATE_NOOP

PYQTGRAPH_MENU = (
    QT_TRANSLATE_NOOP("GraphicsScene", "Export..."),
    QT_TRANSLATE_NOOP("ViewBox", "ViewBox options"),
    QT_TRANSLATE_NOOP("ViewBox", "View All"),
    QT_TRANSLATE_NOOP("ViewBox", "axis"),
    QT_TRANSLATE_NOOP("ViewBox", "Mouse Mode"),
    QT_TRANSLATE_NOOP("ViewBox", "3 button"),
    QT_TRANSLATE_NOOP("ViewBox", "1 button"),
)
