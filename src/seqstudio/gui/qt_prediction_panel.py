"""What the model predicts now, updated each epoch: generated text, forecast against actual, or
class probabilities.

Each task's :class:`~seqstudio.tasks.TaskSpec` names its view (``view``); this panel has one page
per view and draws the task's typed record (:mod:`seqstudio.tasks.records`) as the engine made
it: the true class and the true values come from the record, never from the GUI's own guess.
"""

from __future__ import annotations

import html
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from seqstudio import tasks
from seqstudio.engine.events import SamplePrediction
from seqstudio.gui.i18n import translate
from seqstudio.gui.legends import fit_to_width, legend_below
from seqstudio.i18n import QT_TRANSLATE_NOOP
from seqstudio.tasks.records import ClassSample, ForecastSample, TextSample

MAX_BARS = 12
PLACEHOLDER = QT_TRANSLATE_NOOP("PredictionPanel", "The model's prediction on a validation "
                                "sample appears here after each epoch.")


class QtPredictionPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("predictionPanel")
        self.caption = QLabel(translate("PredictionPanel", "Prediction"))
        self.caption.setObjectName("predictionCaption")
        self.caption.setStyleSheet("font-weight: 600")
        # A long caption wraps; it never widens the panel and squeezes the loss plot.
        self.caption.setWordWrap(True)
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self.stack = QStackedWidget()
        self.placeholder = QLabel(translate("PredictionPanel", PLACEHOLDER))
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
        self.forecast_legend = legend_below(fitem, columns=3)
        fit_to_width(self.forecast, self.forecast_legend, 3)
        fitem.setLabel("bottom", translate("PredictionPanel", "step (0 = first forecast step)"))
        self.history_curve = fitem.plot(pen=pg.mkPen((120, 120, 120), width=1.5),
                                        name=translate("PredictionPanel", "input"))
        self.actual_curve = fitem.plot(pen=pg.mkPen((20, 20, 20), width=2), symbol="o",
                                       symbolSize=5, name=translate("PredictionPanel", "actual"))
        self.forecast_curve = fitem.plot(pen=pg.mkPen((220, 90, 20), width=2), symbol="t",
                                         symbolSize=6, symbolBrush=(220, 90, 20),
                                         name=translate("PredictionPanel", "forecast"))
        # The whole validation part (once a run has stopped): actual, model, persistence.
        self.val_actual = fitem.plot(pen=pg.mkPen((20, 20, 20), width=1.5),
                                     name=translate("PredictionPanel", "actual"))
        self.val_model = fitem.plot(pen=pg.mkPen((220, 90, 20), width=1.5),
                                    name=translate("PredictionPanel", "model"))
        self.val_persistence = fitem.plot(pen=pg.mkPen((46, 139, 87), width=1,
                                                       style=Qt.PenStyle.DashLine),
                                          name=translate("PredictionPanel",
                                                         "persistence (last value)"))
        self.validation: Any = None
        self._probe_curves = (self.history_curve, self.actual_curve, self.forecast_curve)
        self._val_curves = (self.val_actual, self.val_model, self.val_persistence)
        self._show_curves(validation=False)
        self.sentence = QLabel()
        self.sentence.setObjectName("predictionSentence")
        self.sentence.setWordWrap(True)
        self.sentence.setTextFormat(Qt.TextFormat.RichText)
        self.probs = pg.PlotWidget()
        self.probs.setObjectName("classProbPlot")
        self.probs.setBackground("w")
        self.probs.getPlotItem().setLabel("left", translate("PredictionPanel",
                                                                     "probability"))
        self.probs.getPlotItem().setYRange(0, 1)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush=(30, 90, 200))
        self.probs.getPlotItem().addItem(self.bars)
        classify = QWidget()
        classify_layout = QVBoxLayout(classify)
        classify_layout.setContentsMargins(0, 0, 0, 0)
        classify_layout.addWidget(self.sentence)
        classify_layout.addWidget(self.probs, 1)
        self.classify_page = classify
        for w in (self.placeholder, self.text, self.forecast, classify):
            self.stack.addWidget(w)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.stack, 1)
        self.last: SamplePrediction | None = None
        self.probe_tokens: list[str] = []
        #: the page that draws each TaskSpec's ``view``; a new task adds its view here
        self.views = {"text": self._show_text, "classes": self._show_probs,
                      "forecast": self._show_forecast}

    def clear(self) -> None:
        """No prediction (the probe's text stays: it belongs to the dataset)."""
        self.last = None
        self.caption.setText(translate("PredictionPanel", "Prediction"))
        self.placeholder.setText(translate("PredictionPanel", PLACEHOLDER))
        self.stack.setCurrentWidget(self.placeholder)

    def clear_to(self, message: str) -> None:
        """No prediction to show, and why."""
        self.last = None
        self.caption.setText(translate("PredictionPanel", "Prediction"))
        self.placeholder.setText(message)
        self.stack.setCurrentWidget(self.placeholder)

    def set_probe(self, step_labels: list[str] | tuple[str, ...]) -> None:
        """The probe sample's tokens as the data layer labels them (the text classified)."""
        self.probe_tokens = [str(t) for t in step_labels]

    def probe_text(self) -> str:
        tokens = [t for t in self.probe_tokens if t]
        if any(len(t) > 1 for t in tokens):  # words
            return " ".join(tokens)
        return "".join(tokens).replace("␣", " ").replace("↵", "\n")

    def show_prediction(self, pred: SamplePrediction, newest: int | None = None) -> None:
        """``newest``: the newest epoch there is, when ``pred`` is an older one (scrubbing)."""
        self.last = pred
        caption = translate("PredictionPanel", "Prediction after epoch {0}").format(pred.epoch + 1)
        if newest is not None and newest != pred.epoch:
            caption = translate("PredictionPanel", "Prediction after epoch {0} (scrubbed back; "
                                "newest: epoch {1})").format(pred.epoch + 1, newest + 1)
        self.caption.setText(caption)
        try:
            view = tasks.get(pred.task).view
        except tasks.UnknownTaskError:
            view = ""
        show = self.views.get(view)
        if show is None:
            self.placeholder.setText(translate("PredictionPanel", "No view shows the predictions "
                                               "of task {0}.").format(repr(pred.task)))
            self.stack.setCurrentWidget(self.placeholder)
            return
        show(pred.sample)

    def _show_text(self, sample: TextSample) -> None:
        body = f"{sample.prompt}⟶{sample.text}" if sample.prompt else sample.text
        self.text.setPlainText(body)
        self.stack.setCurrentWidget(self.text)

    def _show_probs(self, sample: ClassSample) -> None:
        items = sorted(sample.probs.items(), key=lambda kv: -kv[1])[:MAX_BARS]
        x = np.arange(len(items))
        self.bars.setOpts(x=x, height=[p for _, p in items], width=0.7)
        truth = sample.target  # the engine's record of the true class
        brushes = [pg.mkBrush(26, 127, 55) if k == truth else pg.mkBrush(30, 90, 200)
                   for k, _ in items]
        self.bars.setOpts(brushes=brushes)
        guess = sample.predicted
        verdict = {True: " — <b style='color:#1a7f37'>" + translate("PredictionPanel", "right")
                   + "</b>",
                   False: " — <b style='color:#cf222e'>" + translate("PredictionPanel", "wrong")
                   + "</b>", None: ""}[sample.correct]
        # the text the engine classified; predictions stored before it was recorded have none
        text = html.escape(sample.text or self.probe_text()) or \
            translate("PredictionPanel", "<i>(the validation sample)</i>")
        sentence = translate("PredictionPanel", "“{0}”<br>true class: <b>{1}</b> · predicted: "
                             "<b>{2}</b> ({3} sure)").format(
            text, html.escape(truth or "?"), html.escape(str(guess)), f"{sample.confidence:.0%}")
        self.sentence.setText(sentence + verdict if items else text)
        self.probs.getPlotItem().getAxis("bottom").setTicks([[(i, str(k)[:12]) for i, (k, _) in
                                                              enumerate(items)], []])
        self.probs.getPlotItem().setXRange(-0.6, max(len(items) - 0.4, 0.6))
        self.stack.setCurrentWidget(self.classify_page)

    def _show_curves(self, validation: bool) -> None:
        legend = self.forecast_legend
        legend.clear()
        for curve in self._probe_curves + self._val_curves:
            curve.setVisible((curve in self._val_curves) == validation)
        for curve in self._val_curves if validation else self._probe_curves:
            legend.addItem(curve, curve.name())
        self.forecast.getPlotItem().setLabel(
            "bottom", translate("PredictionPanel", "validation window (first forecast step)")
            if validation else translate("PredictionPanel", "step (0 = first forecast step)"))

    def show_validation(self, vf: Any) -> None:
        """The whole validation part (a :class:`~seqstudio.gui.forecast_validation.
        ValidationForecast`), predicted against actual, with persistence."""
        self.validation = vf
        x = np.arange(len(vf.actual))
        self.val_actual.setData(x, vf.actual)
        self.val_model.setData(x, vf.predicted)
        if vf.persistence is not None:
            self.val_persistence.setData(x, vf.persistence)
        else:
            self.val_persistence.setData([], [])
        self._show_curves(validation=True)
        self.forecast.getPlotItem().enableAutoRange()
        model, base = vf.mae(vf.predicted), vf.mae(vf.persistence)
        words = f"MAE {model:.3g}" + (translate("PredictionPanel", " · persistence {0}").format(
            f"{base:.3g}") if base is not None else "")
        self.caption.setText(translate("PredictionPanel", "Whole validation part, {0}: {1} "
                                       "windows of {2} · {3}").format(
            vf.label, f"{len(x):,}", vf.column, words))
        self.caption.setToolTip(translate("PredictionPanel", "Every validation window's first "
                                          "forecast step against the actual value; persistence "
                                          "repeats the last value seen.")
                                + (translate("PredictionPanel", "\nAll forecast steps: {0}.")
                                   .format(vf.comparison) if vf.comparison else ""))
        self.stack.setCurrentWidget(self.forecast)

    def _show_forecast(self, sample: ForecastSample) -> None:
        self.validation = None
        self._show_curves(validation=False)
        self.caption.setText(translate("PredictionPanel", "{0}: one validation window (the whole "
                                       "validation part is shown once training stops)")
                             .format(self.caption.text()))
        self.forecast.getPlotItem().enableAutoRange()
        forecast = np.atleast_2d(np.asarray(sample.forecast, dtype=float))
        horizon = forecast.shape[0]
        steps = np.arange(horizon)
        self.forecast_curve.setData(steps, forecast[:, 0] if forecast.size else [])
        if sample.actual is not None:
            actual = np.atleast_2d(np.asarray(sample.actual, dtype=float))
            self.actual_curve.setData(steps[: actual.shape[0]], actual[:, 0])
        else:
            self.actual_curve.setData([], [])
        if sample.history is not None:
            hist = np.asarray(sample.history, dtype=float)
            hist = hist[:, 0] if hist.ndim > 1 else hist
            self.history_curve.setData(np.arange(-len(hist), 0), hist)
        else:
            self.history_curve.setData([], [])
        if sample.targets:
            self.forecast.getPlotItem().setLabel("left", sample.targets[0])
        self.stack.setCurrentWidget(self.forecast)
