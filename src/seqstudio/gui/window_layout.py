"""The main window's central area: the Data, Model and Plugins tabs above the training box, on
the left of a splitter whose right side holds the live views."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from seqstudio.gui.i18n import translate
from seqstudio.gui.small_screens import scrolled


def lay_out(window: Any, registry: Any) -> tuple[QTabWidget, QSplitter]:
    """Put ``window``'s panels (``data``, ``model_panel``, ``plugins``, ``controls``, ``live``)
    in place and make the splitter its central widget; returns the tabs and the splitter."""
    tabs = QTabWidget()
    tabs.setObjectName("leftTabs")
    tabs.addTab(window.data, translate("MainWindow", "Data"))
    tabs.addTab(scrolled(window.model_panel), translate("MainWindow", "Model"))
    failed = len(registry.failures())
    tabs.addTab(window.plugins,
                translate("MainWindow", "Plugins ({0} failed)").format(failed) if failed
                else translate("MainWindow", "Plugins"))
    left = QWidget()
    left_layout = QVBoxLayout(left)
    left_layout.setContentsMargins(0, 0, 0, 0)
    left_layout.addWidget(tabs, 1)
    left_layout.addWidget(window.controls)
    left.setMinimumWidth(330)  # as narrow as the training box; the live views keep 246 px+
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.setObjectName("mainSplitter")
    splitter.addWidget(left)
    splitter.addWidget(window.live)
    splitter.setStretchFactor(0, 0)
    splitter.setStretchFactor(1, 1)
    splitter.setSizes([430, 936])
    window.setCentralWidget(splitter)
    return tabs, splitter
