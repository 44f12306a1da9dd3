"""Nothing of a view's words is cut: the heatmap's detail line wraps in a narrow panel (in Korean,
where it is longest), and a baseline's label above its line stays inside the loss plot before
any run has drawn a curve."""

from __future__ import annotations

import numpy as np
from gui_helpers import hangul

from seqstudio.engine.events import HiddenSnapshot
from seqstudio.gui import i18n
from seqstudio.gui.qt_hidden_state_plot import QtHiddenStatePlot
from seqstudio.gui.qt_loss_plot import QtLossPlot


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
