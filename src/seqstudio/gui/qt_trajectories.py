"""Unit trajectories: chosen units' hidden states over the time steps of the probe sequence."""

from __future__ import annotations

import re

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from seqstudio.engine.events import HiddenSnapshot
from seqstudio.gui.i18n import translate
from seqstudio.gui.legends import fit_to_width, legend_below
from seqstudio.gui.paint_costs import cache_static, plain_axes, unindexed
from seqstudio.gui.qt_hidden_state_plot import readable_token, tick_stride
from seqstudio.gui.run_model import RunModel
from seqstudio.gui.views import RunView, ViewSpec

MAX_CURVES = 8
#: sequences up to this many steps get a marker at every step; longer ones are drawn as lines only
#: (markers are a scatter item per curve, costly to lay out and paint at each snapshot)
SYMBOL_STEPS = 12
_SPEC = re.compile(r"^\s*(\d+(\s*-\s*\d+)?)(\s*,\s*\d+(\s*-\s*\d+)?)*\s*$")


def parse_units(text: str, n_units: int) -> list[int] | None:
    """``"0-3, 7"`` -> ``[0, 1, 2, 3, 7]``; ``None`` when the text is malformed."""
    if not _SPEC.match(text or ""):
        return None
    units: list[int] = []
    for part in text.split(","):
        lo, _, hi = part.partition("-")
        a, b = int(lo), int(hi or lo)
        units.extend(range(min(a, b), max(a, b) + 1))
    return [u for u in dict.fromkeys(units) if u < n_units][:MAX_CURVES] if n_units else units


class QtTrajectories(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = pg.PlotWidget(self)
        self.plot.setObjectName("trajectoryPlot")
        unindexed(self.plot)
        self.plot.setBackground("w")
        item = self.plot.getPlotItem()
        item.showGrid(x=True, y=True, alpha=0.25)
        item.setLabel("left", "h")
        item.setLabel("bottom", translate("TrajectoriesView", "time step"))
        plain_axes(item)
        self.legend = legend_below(item, columns=4)
        fit_to_width(self.plot, self.legend, 4)
        # The ranges are set here, not by auto-range: fixed for tanh (like the heatmap's colour
        # scale), growing only for unbounded activations, so the axes are not re-laid out and
        # re-painted at every snapshot.
        item.getViewBox().disableAutoRange()
        self.units = QLineEdit("0-3")
        self.units.setObjectName("trajectoryUnits")
        self.units.setMaximumWidth(110)
        self.units.setToolTip(translate("TrajectoriesView", "Units to plot, e.g. '0-3, 7' (at "
                                        "most {0}).").format(MAX_CURVES))
        self.units.textChanged.connect(self._units_changed)
        caption = QLabel(translate("TrajectoriesView", "Unit trajectories"))
        caption.setStyleSheet("font-weight: 600")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(caption)
        top.addStretch(1)
        top.addWidget(QLabel(translate("TrajectoriesView", "units")))
        top.addWidget(self.units)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.plot, 1)
        # plain curve items (a PlotDataItem's setData costs ~0.4 ms a curve, most of it for
        # features not used here) and, for short sequences, one marker item beside each
        self._curves: list[pg.PlotCurveItem] = []
        self._markers: list[pg.ScatterPlotItem] = []
        self._states: np.ndarray | None = None
        self._labels: tuple[str, ...] = ()
        self._ticks_key: tuple | None = None
        self.activation = "tanh"
        self.state = "h"  # the output state; others (an LSTM's c) are not bounded by it
        self._y_range: tuple[float, float] | None = None
        self._x_range: tuple[float, float] | None = None
        self._symbols: bool | None = None

    def set_activation(self, activation: str) -> None:
        if activation != self.activation:
            self.activation = activation
            self._y_range = None
            self._redraw()

    def clear(self) -> None:
        self._states = None
        self._x_range = self._y_range = None
        self._ticks_key = None
        self.plot.getPlotItem().getAxis("bottom").setTicks(None)
        for curve, markers in zip(self._curves, self._markers, strict=True):
            curve.setData([], [])
            markers.setData([], [])

    def curves_data(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """The (step, value) arrays of each curve drawn now, one per chosen unit."""
        return [(np.asarray(c.xData), np.asarray(c.yData)) for c in self._curves
                if c.yData is not None and len(c.yData)]

    def markers_shown(self) -> bool:
        """Whether each step is marked on the curves (short sequences only)."""
        return bool(self._symbols)

    def show(self, snapshot: HiddenSnapshot, layer: int = 0, state: str = "h") -> None:  # noqa: A003
        layer = min(layer, len(snapshot.states) - 1)
        by_name = snapshot.states_of(layer)
        state = state if state in by_name else "h"
        if state != self.state:
            self.state = state
            self._y_range = None
            self.plot.getPlotItem().setLabel("left", state)
        self._states = np.asarray(by_name.get(state, snapshot.states[layer]))
        self._labels = tuple(snapshot.step_labels)
        self._redraw()

    def selected_units(self) -> list[int] | None:
        n = 0 if self._states is None else self._states.shape[1]
        return parse_units(self.units.text(), n)

    def _units_changed(self) -> None:
        ok = parse_units(self.units.text(), 0) is not None
        self.units.setStyleSheet("" if ok else "background: #fdd")
        if ok:
            self._redraw()

    def _ensure_curves(self, n: int) -> None:
        item = self.plot.getPlotItem()
        while len(self._curves) < n:
            i = len(self._curves)
            color = pg.intColor(i, hues=MAX_CURVES)
            curve = pg.PlotCurveItem(pen=pg.mkPen(color, width=2),
                                     name=translate("TrajectoriesView", "unit {0}").format(i))
            markers = pg.ScatterPlotItem(symbol="o", size=4, brush=color, pen=color)
            markers.setVisible(False)
            item.addItem(curve)
            item.addItem(markers)
            self.legend.addItem(curve, curve.name())
            self._curves.append(curve)
            self._markers.append(markers)
            self._symbols = None
            # the legend (under the curves, repainted with them) is copied from pixmaps
            cache_static(self.legend)

    def _set_symbols(self, steps: int) -> None:
        on = steps <= SYMBOL_STEPS
        if on == self._symbols:
            return
        self._symbols = on
        for markers in self._markers:
            markers.setVisible(on)
            if not on:
                markers.setData([], [])

    def _set_ranges(self, steps: int, values: np.ndarray) -> None:
        item = self.plot.getPlotItem()
        x_range = (0.0, float(max(steps, 1)))
        if x_range != self._x_range:
            self._x_range = x_range
            item.setXRange(*x_range, padding=0.02)
        scale = self.activation if self.state == "h" else "other"
        if scale == "tanh":
            y_range = (-1.0, 1.0)
        else:
            finite = values[np.isfinite(values)]
            peak = float(np.max(np.abs(finite))) if finite.size else 1.0
            lo = 0.0 if scale == "relu" else -peak
            if self._y_range is not None and self._y_range[0] <= lo and self._y_range[1] >= peak:
                return  # sticky: it only grows (until the next run)
            peak = max(peak * 1.25, 1e-6) if self._y_range is None else \
                max(peak * 1.25, self._y_range[1])
            y_range = (0.0 if scale == "relu" else -peak, peak)
        if y_range != self._y_range:
            self._y_range = y_range
            item.setYRange(*y_range, padding=0.05)

    def _redraw(self) -> None:
        if self._states is None:
            return
        units = self.selected_units() or []
        self._ensure_curves(len(units))
        t = np.arange(self._states.shape[0]) + 0.5
        self._set_symbols(len(t))
        self._set_ranges(len(t), self._states[:, units] if units else self._states[:, :0])
        legend = self.legend
        for i, (curve, markers) in enumerate(zip(self._curves, self._markers, strict=True)):
            if i < len(units):
                curve.setData(t, self._states[:, units[i]])
                if self._symbols:
                    markers.setData(t, self._states[:, units[i]])
                name = translate("TrajectoriesView", "unit {0}").format(units[i])
                if curve.opts.get("name") != name:  # legend text is laid out anew when set
                    curve.opts["name"] = name
                    if legend is not None:
                        for sample, label in legend.items:
                            if sample.item is curve:
                                label.setText(name)
            elif curve.yData is not None and len(curve.yData):
                curve.setData([], [])
                markers.setData([], [])
        steps = self._states.shape[0]
        labels = self._labels
        key = (labels, steps, self.plot.width())
        if key == self._ticks_key:
            return
        self._ticks_key = key
        every = tick_stride([readable_token(str(s)) for s in labels], steps, self.plot.width())
        ticks = [(i + 0.5, readable_token(labels[i]) if i < len(labels) else str(i))
                 for i in range(0, steps, every)]
        self.plot.getPlotItem().getAxis("bottom").setTicks([ticks, []])


class TrajectoriesView(RunView):
    """The trajectories as a view of the run model: the selected snapshot's layer and state."""

    def __init__(self, model: RunModel, view: ViewSpec, parent: QWidget | None = None) -> None:
        super().__init__(model, view, parent)
        self.plot_widget = QtTrajectories(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget)
        self._drawn: tuple | None = None

    def render(self) -> None:
        snap = self.model.snapshot
        if snap is None:
            self.plot_widget.clear()
            self._drawn = None
            return
        key = (id(snap), self.model.layer, self.model.state, self.plot_widget.activation)
        if key != self._drawn:
            self._drawn = key
            self.plot_widget.show(snap, self.model.layer, self.model.state)
