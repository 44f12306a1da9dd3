"""What a newcomer hit in a real window (issue #11), each driven through the widgets."""

from __future__ import annotations

import pytest
from gui_helpers import bundled_samples
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

SAMPLES = bundled_samples()


def wheel(widget, steps: int = 1) -> None:
    """One notch of the mouse wheel over ``widget``, as Qt delivers it (to the widget, then to
    its parents while it is ignored)."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


@pytest.mark.skipif("sine" not in SAMPLES, reason="bundled samples not found")
def test_the_wheel_scrolls_the_panel_and_changes_only_a_clicked_box(qtbot, make_window):
    window = make_window(SAMPLES["sine"], start_tf=False)
    window.resize(1024, 600)
    window.show()
    qtbot.waitExposed(window)
    form = window.data.form
    horizon, window_spin, missing = form.horizon, form.window, form.missing
    assert form.series_box.isVisible()
    before = (horizon.value(), window_spin.value(), missing.currentIndex())
    for box in (horizon, window_spin, missing):
        wheel(box, -1)
    assert (horizon.value(), window_spin.value(), missing.currentIndex()) == before
    assert window.model_panel.form.editor("units").focusPolicy() != Qt.FocusPolicy.WheelFocus
    # Once clicked (focused), the wheel is the box's again.
    window.activateWindow()
    qtbot.mouseClick(horizon, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(horizon.hasFocus, timeout=3_000)
    wheel(horizon, 1)
    assert horizon.value() == before[0] + 1
