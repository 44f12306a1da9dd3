"""What the loss plot marks on top of the curves: each honest baseline's validation loss as a
labelled horizontal line, where a run diverged, and which moment the other views show."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from seqstudio.gui.i18n import translate
from seqstudio.gui.paint_costs import cache_static

BASELINE_COLOURS = ((46, 139, 87), (128, 0, 128), (160, 110, 0), (0, 128, 128))


class LossMarks:
    def __init__(self, item: pg.PlotItem) -> None:
        self.item = item
        self.log = False
        self.baselines: list[tuple[str, float]] = []
        self._baseline_lines: list[pg.InfiniteLine] = []
        self.divergence_x: float | None = None
        self.divergence_text = ""
        self._divergence = pg.ScatterPlotItem(size=14, symbol="x", pen=pg.mkPen((200, 0, 0), width=3),
                                              brush=(200, 0, 0))
        self._divergence.setZValue(20)
        self._divergence_label = pg.TextItem("", color=(180, 0, 0), anchor=(1, 1),
                                             fill=pg.mkBrush(255, 255, 255, 210))
        self._divergence_label.setZValue(20)
        self._divergence_point: tuple[float, float] | None = None
        item.addItem(self._divergence, ignoreBounds=True)
        item.addItem(self._divergence_label, ignoreBounds=True)
        self.shown_x: float | None = None
        self._shown = pg.InfiniteLine(angle=90, movable=False,
                                      pen=pg.mkPen((90, 90, 90), width=1, style=Qt.PenStyle.DashLine),
                                      label="", labelOpts={"position": 0.95, "color": (60, 60, 60),
                                                           "anchors": [(0, 0), (0, 0)]})
        self._shown.setVisible(False)
        item.addItem(self._shown, ignoreBounds=True)
        cache_static(self._shown)  # moved by scrubbing: a translation keeps its pixmap

    # -- baselines ---------------------------------------------------------------------------
    def set_baselines(self, baselines: list[tuple[str, float]]) -> None:
        """``(label, validation loss)`` pairs; each becomes a labelled horizontal line."""
        for line in self._baseline_lines:
            self.item.removeItem(line)
        self._baseline_lines = []
        self.baselines = [(label, float(v)) for label, v in baselines
                          if v is not None and np.isfinite(v) and (v > 0 or not self.log)]
        for i, (label, value) in enumerate(self.baselines):
            colour = BASELINE_COLOURS[i % len(BASELINE_COLOURS)]
            line = pg.InfiniteLine(pos=self._y(value), angle=0, movable=False,
                                   pen=pg.mkPen(colour, width=1.5, style=Qt.PenStyle.DashLine),
                                   label=f"{label} {value:.3g}",
                                   labelOpts={"position": 0.02 + 0.22 * (i % 4), "color": colour,
                                              "anchors": [(0, 1), (0, 1)],
                                              "fill": pg.mkBrush(255, 255, 255, 200)})
            line.setToolTip(translate("LossMarks", "Baseline: {0}, validation loss {1}. The "
                                      "model should get below this line.")
                            .format(label, f"{value:.4g}"))
            line.setZValue(5)
            self.item.addItem(line, ignoreBounds=True)
            cache_static(line)  # under the batch curves, repainted with them at every redraw
            self._baseline_lines.append(line)

    @property
    def baseline_lines(self) -> list[pg.InfiniteLine]:
        """The baselines' lines as drawn, in the order of :attr:`baselines`."""
        return list(self._baseline_lines)

    def room_for_labels(self, bottom: float, top: float, height_px: float,
                        label_px: float) -> float:
        """``top``, raised where needed so that the label written above each baseline in view
        (``label_px`` tall, in a plot ``height_px`` tall) stays inside the plot instead of
        touching or passing its top edge."""
        inside = [self._y(v) for v in self.baseline_values() if bottom <= self._y(v) <= top]
        if not inside:
            return top
        share = min(0.4, label_px / max(height_px, 1.0))
        return max(top, bottom + (max(inside) - bottom) / (1.0 - share))

    def baseline_values(self) -> list[float]:
        return [v for _, v in self.baselines]

    # -- divergence and the shown moment -----------------------------------------------------
    def mark_divergence(self, x: float, y: float, text: str, log: bool) -> None:
        self.log = log
        self.divergence_x, self.divergence_text = x, text
        self._divergence_point = (x, y)
        self._place_divergence()

    def _place_divergence(self) -> None:
        if self._divergence_point is None:
            self._divergence.setData([], [])
            self._divergence_label.setText("")
            return
        x, y = self._divergence_point
        self._divergence.setData([x], [self._y(y)])
        self._divergence_label.setText(self.divergence_text)
        (x0, x1), _ = self.item.getViewBox().viewRange()
        # The text runs away from the nearer side of the plot, so it is never cut off.
        self._divergence_label.setAnchor((0, 0) if x < (x0 + x1) / 2 else (1, 0))
        self._divergence_label.setPos(x, self._y(y))

    def mark_shown(self, x: float | None, text: str = "") -> None:
        self.shown_x = x
        self._shown.setVisible(x is not None)
        if x is not None:
            self._shown.setPos(x)
            self._shown.label.setFormat(text)

    def clear_run(self) -> None:
        """Forget the run's marks (the baselines belong to the dataset and stay)."""
        self.divergence_x, self.divergence_text, self._divergence_point = None, "", None
        self._place_divergence()
        self.mark_shown(None)

    def set_log(self, log: bool) -> None:
        self.log = log
        self.set_baselines(self.baselines)
        self._place_divergence()

    def _y(self, value: float) -> float:
        return float(np.log10(max(value, 1e-12))) if self.log else float(value)
