"""What the model predicts now, updated each epoch: generated text, forecast against actual, or
class probabilities."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QStackedWidget, QVBoxLayout, QWidget

from seqstudio.engine.events import SamplePrediction

MAX_BARS = 12


class QtPredictionPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("predictionPanel")
        self.caption = QLabel("Prediction")
        self.caption.setStyleSheet("font-weight: 600")
        self.stack = QStackedWidget()
        self.placeholder = QLabel("The model's prediction on a validation sample appears here "
                                  "after each epoch.")
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: #555")
        self.text = QPlainTextEdit()
        self.text.setObjectName("predictionText")
        self.text.setReadOnly(True)
        font = self.text.font()
        font.setPointSize(font.pointSize() + 2)
        self.text.setFont(font)
        self.forecast = pg.PlotWidget()
        self.forecast.setObjectName("forecastPlot")
        self.forecast.setBackground("w")
        fitem = self.forecast.getPlotItem()
        fitem.showGrid(x=True, y=True, alpha=0.25)
        fitem.addLegend(offset=(5, 5), labelTextSize="7pt")
        fitem.setLabel("bottom", "step (0 = first forecast step)")
        self.history_curve = fitem.plot(pen=pg.mkPen((120, 120, 120), width=1.5), name="input")
        self.actual_curve = fitem.plot(pen=pg.mkPen((20, 20, 20), width=2), symbol="o",
                                       symbolSize=5, name="actual")
        self.forecast_curve = fitem.plot(pen=pg.mkPen((220, 90, 20), width=2), symbol="t",
                                         symbolSize=6, symbolBrush=(220, 90, 20), name="forecast")
        self.probs = pg.PlotWidget()
        self.probs.setObjectName("classProbPlot")
        self.probs.setBackground("w")
        self.probs.getPlotItem().setLabel("left", "probability")
        self.probs.getPlotItem().setYRange(0, 1)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush=(30, 90, 200))
        self.probs.getPlotItem().addItem(self.bars)
        for w in (self.placeholder, self.text, self.forecast, self.probs):
            self.stack.addWidget(w)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.stack, 1)
        self.last: SamplePrediction | None = None

    def clear(self) -> None:
        self.last = None
        self.caption.setText("Prediction")
        self.stack.setCurrentWidget(self.placeholder)

    def show_prediction(self, pred: SamplePrediction) -> None:
        self.last = pred
        self.caption.setText(f"Prediction after epoch {pred.epoch + 1}")
        if pred.task == "lm":
            prompt = str(pred.extra.get("prompt", ""))
            body = f"{prompt}⟶{pred.text}" if prompt else pred.text
            self.text.setPlainText(body)
            self.stack.setCurrentWidget(self.text)
        elif pred.task == "classify":
            self._show_probs(pred)
        elif pred.forecast is not None:
            self._show_forecast(pred)

    def _show_probs(self, pred: SamplePrediction) -> None:
        items = sorted(pred.class_probs.items(), key=lambda kv: -kv[1])[:MAX_BARS]
        x = np.arange(len(items))
        self.bars.setOpts(x=x, height=[p for _, p in items], width=0.7)
        truth = pred.extra.get("true_label") or pred.extra.get("actual")
        if truth is not None:
            self.caption.setText(f"{self.caption.text()} — true class: {truth}")
        self.probs.getPlotItem().getAxis("bottom").setTicks([[(i, str(k)[:12]) for i, (k, _) in
                                                              enumerate(items)], []])
        self.probs.getPlotItem().setXRange(-0.6, max(len(items) - 0.4, 0.6))
        self.stack.setCurrentWidget(self.probs)

    def _show_forecast(self, pred: SamplePrediction) -> None:
        forecast = np.atleast_2d(np.asarray(pred.forecast, dtype=float))
        horizon = forecast.shape[0]
        steps = np.arange(horizon)
        self.forecast_curve.setData(steps, forecast[:, 0])
        if pred.actual is not None:
            actual = np.atleast_2d(np.asarray(pred.actual, dtype=float))
            self.actual_curve.setData(steps[: actual.shape[0]], actual[:, 0])
        else:
            self.actual_curve.setData([], [])
        if pred.history is not None:
            hist = np.asarray(pred.history, dtype=float)
            hist = hist[:, 0] if hist.ndim > 1 else hist
            self.history_curve.setData(np.arange(-len(hist), 0), hist)
        else:
            self.history_curve.setData([], [])
        self.stack.setCurrentWidget(self.forecast)
