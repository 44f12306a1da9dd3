"""The main window at 800×560: every control of the Data, Model and Training panels can be
reached (on screen, or in a scroll area that scrolls to it) and no label's text is cut off."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QWidget,
)

from tests.gui.gui_helpers import bundled_samples

CONTROLS = (QAbstractButton, QComboBox, QAbstractSpinBox, QLineEdit)


def _scroll_area(widget: QWidget, stop: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and parent is not stop:
        if isinstance(parent, QScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def _scroll_to(area: QScrollArea, widget: QWidget) -> None:
    """Scroll ``area`` as the user would to see the whole of ``widget`` (ensureWidgetVisible
    only brings a spin box's text cursor into view)."""
    top = widget.mapTo(area.widget(), QPoint(0, 0)).y()
    bar = area.verticalScrollBar()
    if top < bar.value():
        bar.setValue(top)
    elif top + widget.height() > bar.value() + area.viewport().height():
        bar.setValue(top + widget.height() - area.viewport().height())


def _on_screen(widget: QWidget, window: QWidget) -> bool:
    """The whole of ``widget`` inside the window and inside every ancestor's visible rectangle."""
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None:
        shown = QRect(parent.mapTo(window, QPoint(0, 0)), parent.size())
        if not shown.contains(rect):
            return False
        if parent is window:
            break
        parent = parent.parentWidget()
    return True


def _unreachable(panel: QWidget, window: QWidget, qapp) -> list[str]:
    missing = []
    for widget in panel.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisible():
            continue
        if isinstance(widget, QAbstractButton) and widget.parentWidget() is not None and \
                type(widget.parentWidget()).__name__ in ("QTabBar", "QScrollBar"):
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parentWidget(), CONTROLS):
            continue  # a spin box's or combo box's own edit
        area = _scroll_area(widget, window)
        if area is not None:
            _scroll_to(area, widget)
            qapp.processEvents()
        if not _on_screen(widget, window) or widget.height() < widget.minimumSizeHint().height() - 2:
            missing.append(f"{type(widget).__name__} {widget.objectName() or widget.toolTip()[:40]!r}")
    return missing


def _clipped_labels(panel: QWidget) -> list[str]:
    clipped = []
    for label in panel.findChildren(QLabel) + panel.findChildren(QCheckBox):
        if not label.isVisible() or not label.text() or getattr(label, "wordWrap", bool)():
            continue
        if label.width() < label.sizeHint().width():
            clipped.append(f"{label.text()!r}: {label.width()} < {label.sizeHint().width()} px")
    return clipped


@pytest.mark.slow  # ~3 s, and ~7 s more to close the window and its loader threads
@pytest.mark.skipif("toy_grammar" not in bundled_samples(), reason="the toy_grammar sample is missing")
def test_every_control_reachable_at_800x560(make_window, qtbot, qapp):
    window = make_window(bundled_samples()["toy_grammar"], start_tf=False)
    window.resize(800, 560)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.data.preview is not None, timeout=20_000)
    assert window.height() <= 560 and window.width() <= 800, window.size()
    problems = []
    for index in range(2):  # Data, Model
        window.tabs.setCurrentIndex(index)
        qapp.processEvents()
        panel = window.tabs.currentWidget()
        problems += _unreachable(panel, window, qapp) + _clipped_labels(panel)
    problems += _unreachable(window.controls, window, qapp) + _clipped_labels(window.controls)
    # the three buttons must be on screen without scrolling
    for button in (window.start_button, window.controls.pause_button, window.controls.stop_button):
        assert _on_screen(button, window), button.text()
    assert not problems, "\n".join(problems)

