"""Nothing of a view's words is cut: the heatmap's detail line wraps in a narrow panel (in Korean,
where it is longest), a baseline's label above its line stays inside the loss plot before any run
has drawn a curve, and so do the heatmap's unit labels. A label that changes at every draw never
moves the plots around it."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from gui_helpers import hangul
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QSizePolicy, QVBoxLayout, QWidget

from seqstudio.engine.events import HiddenSnapshot
from seqstudio.gui import i18n
from seqstudio.gui.qt_hidden_state_plot import QtHiddenStatePlot
from seqstudio.gui.qt_loss_plot import QtLossPlot
from seqstudio.gui.steady_labels import SteadyLabel


def test_the_heatmaps_detail_wraps_instead_of_being_cut(qtbot, english_after):
    i18n.install("ko")
    panel = QtHiddenStatePlot()
    qtbot.addWidget(panel)
    panel.resize(330, 300)
    panel.show()
    states = (np.tanh(np.linspace(-2, 2, 20 * 10, dtype=np.float32).reshape(20, 10)),)
    panel.show_snapshot(HiddenSnapshot(9, -1, states, ("rnn",), tuple("abcdefghijklmnopqrst")))
    detail = panel.detail
    qtbot.waitUntil(lambda: detail.height() >= detail.heightForWidth(detail.width()), timeout=3000)
    assert hangul(detail.text())
    line = detail.fontMetrics().lineSpacing()
    assert detail.fontMetrics().horizontalAdvance(detail.text()) > detail.width()  # too long...
    assert detail.height() >= 2 * line  # ...so it takes two lines, all of it shown
    assert "−1\u00a0…\u00a01\u00a0(tanh)" in detail.text()  # the scale is never split


def test_a_baselines_label_has_room_under_the_top_edge_before_training(qtbot):
    plot = QtLossPlot()
    qtbot.addWidget(plot)
    plot.resize(620, 300)
    plot.show()
    qtbot.waitExposed(plot)
    plot.clear(steps_per_epoch=10, total_epochs=6)
    plot.set_baselines([("unigram", 2.99), ("bigram", 1.66)])
    view = plot.plot.getPlotItem().getViewBox()
    (_, _), (bottom, top) = view.viewRange()
    assert bottom <= 1.66 and top > 2.99
    labels = [line.label for line in plot.marks.baseline_lines]
    assert [label.toPlainText() for label in labels] == ["unigram 2.99", "bigram 1.66"]

    def inside() -> bool:  # the labels are placed once the plot has been laid out and painted
        edge = view.sceneBoundingRect().top()
        return all(label.sceneBoundingRect().top() >= edge for label in labels)

    qtbot.waitUntil(inside, timeout=3000)


def tick_label_rects(axis) -> list[tuple[str, object]]:
    """The axis's tick labels as it lays them out to paint: (text, rectangle in the scene)."""
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _, _, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [(text, axis.mapRectToScene(rect)) for rect, _, text in texts]


def test_the_heatmaps_unit_labels_stay_inside_the_plot_before_and_after_training(qtbot):
    panel = QtHiddenStatePlot()
    qtbot.addWidget(panel)
    panel.resize(600, 330)
    panel.show()
    qtbot.waitExposed(panel)
    axis = panel.plot.getPlotItem().getAxis("left")
    view = panel.plot.getPlotItem().getViewBox()

    def inside(labels) -> bool:
        box = view.sceneBoundingRect()
        return all(box.top() <= rect.top() and rect.bottom() <= box.bottom() for _, rect in labels)

    # Before training: the time axis of the probe, and no unit numbers (there are no units yet;
    # the old axis said 0 ... 1.0, its "1.0" half above the plot's top edge).
    panel.show_step_labels(list("abcdefghijklmnopqrst"))
    qtbot.waitUntil(lambda: view.sceneBoundingRect().height() > 100, timeout=3000)
    before = tick_label_rects(axis)
    assert inside(before), before
    assert all(text.isdigit() for text, _ in before), before
    # A snapshot of 10 units: each labelled unit is inside the plot, the top one included.
    states = (np.tanh(np.linspace(-2, 2, 20 * 10, dtype=np.float32).reshape(20, 10)),)
    panel.show_snapshot(HiddenSnapshot(0, -1, states, ("rnn",), tuple("abcdefghijklmnopqrst")))
    after = tick_label_rects(axis)
    assert [text for text, _ in after] == [str(u) for u in range(10)]
    assert inside(after), after


def test_a_label_that_changes_at_every_draw_never_moves_the_plot_under_it(qtbot):
    """The weights' health line wraps to one line for one snapshot and two for the next: each
    change resized the plots under it, which then laid out and painted every axis anew."""
    panel = QWidget()
    qtbot.addWidget(panel)
    label = SteadyLabel("")
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    plot = pg.PlotWidget()
    layout = QVBoxLayout(panel)
    layout.addWidget(plot, 1)
    layout.addWidget(label)
    panel.resize(300, 300)
    panel.show()
    qtbot.waitExposed(panel)
    short, long = "saturated 3 %", "saturated (|h| > 0.95): 31 % · dead 0 % · spectral radius 1.07"
    assert label.fontMetrics().horizontalAdvance(long) > 300  # it wraps
    heights = []
    for text in (short, long, short, long, short):
        label.setText(text)
        QApplication.processEvents()
        heights.append(plot.height())
    assert heights[0] > heights[1]  # the long text took room once...
    assert heights[1:] == [heights[1]] * 4  # ...and kept it: the plot stays put
    assert label.height() >= 2 * label.fontMetrics().lineSpacing()
    label.release()  # a new run: it may shrink to its text again
    QApplication.processEvents()
    assert plot.height() == heights[0]
