"""The network unrolled over the probe sequence (lecture notes §2, §3, §7, §8).

One box per time step, labelled with the step's token, for each recurrent layer (one row per
layer, the first at the bottom); ``h_0 = 0`` at the left of each row and the arrow
``h_{t-1} → h_t`` between boxes. Every layer but the last passes its state up at every step
(``return_sequences``); the last passes only its final state to the head. The arrows carry the
shapes, computed from the selected snapshot: the input ``(T, d)``, ``(d,)`` per step, the state
``(n,)``, and a layer's whole output ``(T, n)``. A strip in each box shows that step's ``h``,
one cell per unit, on the heatmap's colours. Clicking a box opens the inspector at that step.

Long sequences do not fit: the first steps, the steps around the selected one and the last ones
are drawn, the others stand behind a "…".
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from seqstudio import tasks
from seqstudio.gui.i18n import translate
from seqstudio.gui.qt_hidden_state_plot import readable_token
from seqstudio.gui.run_model import RunModel
from seqstudio.gui.unrolled_picture import Picture, shown_steps
from seqstudio.gui.views import RunView, ViewSpec

BOX_MIN_W = 36
LEFT = 64  # room for "h_0 = 0"
RIGHT = 96  # room for the head
class UnrolledCanvas(QWidget):
    """Paints a :class:`Picture`; ``boxClicked(layer, step)`` when a box is clicked."""

    boxClicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unrolledCanvas")
        self.setMinimumSize(300, 150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.picture: Picture | None = None
        self.boxes: dict[tuple[int, int], QRectF] = {}  # (layer, step) -> where it is drawn
        self.arrow_labels: list[str] = []  # every shape written on an arrow (for tests)
        self._cached: QPixmap | None = None
        self._cached_key: tuple | None = None
        self._frame: QPixmap | None = None
        self._frame_key: tuple | None = None
        self._strip_rects: dict[tuple[int, int], QRectF] = {}

    def set_picture(self, picture: Picture | None) -> None:
        self.picture = picture
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        point = event.position()
        for (layer, step), rect in self.boxes.items():
            if rect.contains(point):
                self.boxClicked.emit(layer, step)
                return
        super().mousePressEvent(event)

    # -- painting ----------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        # Two caches: the drawing without the units' colours (boxes, arrows, shapes, tokens:
        # the same for every snapshot of a run), and that drawing with the strips. A new
        # snapshot repaints only the strips; an expose of an unchanged one is one blit.
        pic, ratio = self.picture, self.devicePixelRatioF()
        size = (self.width(), self.height(), ratio)
        frame = None if pic is None else (tuple(pic.labels), tuple(s.shape for s in pic.states),
                                          tuple(pic.names), pic.input_dim, pic.head,
                                          pic.per_step, pic.selected)
        if (frame, size) != self._frame_key or self._frame is None:
            self._frame = QPixmap(self.size() * ratio)
            self._frame.setDevicePixelRatio(ratio)
            self._paint_into(self._frame)
            self._frame_key = (frame, size)
            self._cached_key = None
        key = (id(pic), size)
        if key != self._cached_key or self._cached is None:
            self._cached = QPixmap(self._frame)
            if pic is not None:
                strips = QPainter(self._cached)
                for (layer, step), rect in self._strip_rects.items():
                    strips.drawImage(rect, pic.images[layer],
                                     QRectF(0, step, pic.states[layer].shape[1], 1))
                strips.end()
            self._cached_key = key
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._cached)
        painter.end()

    def _paint_into(self, device: QPixmap) -> None:
        painter = QPainter(device)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        self.boxes, self.arrow_labels, self._strip_rects = {}, [], {}
        pic = self.picture
        if pic is None or not pic.steps:
            painter.setPen(QColor("#555"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             translate("UnrolledView", "Train a model to see it unrolled over "
                                       "the probe sequence."))
            painter.end()
            return
        try:
            self._paint(painter, pic)
        finally:
            painter.end()

    def _paint(self, p: QPainter, pic: Picture) -> None:
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1.5))
        width, height = self.width(), self.height()
        fit = max(3, int((width - LEFT - RIGHT) // BOX_MIN_W))
        cols = shown_steps(pic.steps, fit, pic.selected[1] if pic.selected else None)
        cw = (width - LEFT - RIGHT) / max(1, len(cols))
        layers = len(pic.states)
        rows = layers + 1 + (1 if pic.per_step else 0)  # inputs, layers, a per-step head
        rh = min(96.0, (height - 20) / rows)
        bw, bh = min(cw * 0.72, 80.0), rh * 0.55
        x_of = {step: LEFT + (i + 0.5) * cw for i, step in enumerate(cols) if step is not None}
        # the rows, centred: the inputs x_t at the bottom, the last layer at the top
        y_input = (height + rows * rh) / 2 - rh * 0.5

        def y_of(layer: int) -> float:
            return y_input - (layer + 1) * rh

        n_last = pic.states[-1].shape[1]
        d = pic.input_dim
        # inputs: the tokens, and an arrow up into the first layer, (d,) on the first one
        p.setFont(small)
        p.setPen(QColor("#333"))
        p.drawText(QRectF(2, y_input - 12, LEFT - 6, 24),
                   Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                   f"x {self._shape(pic.steps, d)}")
        for i, step in enumerate(cols):
            cx = LEFT + (i + 0.5) * cw
            if step is None:
                for layer in range(-1, layers):
                    y = y_input if layer < 0 else y_of(layer)
                    p.drawText(QRectF(cx - cw / 2, y - 10, cw, 20), Qt.AlignmentFlag.AlignCenter,
                               "…")
                continue
            token = readable_token(pic.labels[step])
            p.setPen(QColor("#222"))
            p.drawText(QRectF(cx - cw / 2, y_input - 4, cw, 18), Qt.AlignmentFlag.AlignCenter,
                       self._elide(token, cw))
            p.setPen(QColor("#888"))
            p.drawText(QRectF(cx - cw / 2, y_input - 20, cw, 16), Qt.AlignmentFlag.AlignCenter,
                       f"t={step + 1}")
            label = f"({d},)" if (d is not None and i == 0) else ""
            self._arrow(p, QPointF(cx, y_input - 20), QPointF(cx, y_of(0) + bh / 2), label)
        for layer in range(layers):
            y = y_of(layer)
            n = pic.states[layer].shape[1]
            last_layer = layer == layers - 1
            p.setPen(QColor("#333"))
            p.drawText(QRectF(2, y - 22, LEFT - 6, 16),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       self._elide(pic.names[layer], LEFT - 6))
            p.drawText(QRectF(2, y - 6, LEFT - 6, 16),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, "h₀ = 0")
            prev_right = LEFT - 4.0
            for i, step in enumerate(cols):
                if step is None:
                    prev_right = LEFT + (i + 0.75) * cw
                    continue
                cx = x_of[step]
                rect = QRectF(cx - bw / 2, y - bh / 2, bw, bh)
                label = f"({n},)" if i == 1 else ""  # on h_1 -> h_2: h_0's arrow is short
                self._arrow(p, QPointF(prev_right, y), QPointF(rect.left(), y), label,
                            lift=bh / 2)
                self._box(p, rect, pic, layer, step)
                prev_right = rect.right()
                if not last_layer or pic.per_step:  # return_sequences: every step goes up
                    label = f"({n},)" if i == len(cols) - 1 else ""  # clear of the h_1 -> h_2 one
                    self._arrow(p, QPointF(cx, rect.top()), QPointF(cx, y_of(layer + 1) + bh / 2),
                                label)
            if not last_layer or pic.per_step:
                p.setPen(QColor("#555"))
                p.drawText(QRectF(width - RIGHT + 4, y - 30, RIGHT - 6, 16),
                           Qt.AlignmentFlag.AlignLeft, f"↑ {self._shape(pic.steps, n)}")
                self.arrow_labels.append(self._shape(pic.steps, n))
        if pic.per_step:
            self._step_head(p, pic, y_of(layers), x_of, bw, bh)
            return
        # the last layer's final state goes to the head: only h_T (§7)
        y = y_of(layers - 1)
        head = QRectF(width - RIGHT + 30, y - bh / 2, RIGHT - 36, bh)
        last_step = pic.steps - 1
        if last_step in x_of:
            start = QPointF(x_of[last_step] + bw / 2, y)
            self._arrow(p, start, QPointF(head.left(), y), f"({n_last},)")
        p.setPen(QPen(QColor("#444"), 1.2))
        p.setBrush(QColor("#eef3e6"))
        p.drawRoundedRect(head, 4, 4)
        p.setPen(QColor("#222"))
        kind, _, shape = pic.head.partition(" → ")
        p.drawText(head, Qt.AlignmentFlag.AlignCenter, self._elide(kind, head.width() - 4))
        if shape:
            p.setPen(QColor("#555"))
            p.drawText(QRectF(head.left() - 10, head.bottom() + 2, head.width() + 20, 16),
                       Qt.AlignmentFlag.AlignCenter, self._elide(shape, head.width() + 20))

    def _box(self, p: QPainter, rect: QRectF, pic: Picture, layer: int, step: int) -> None:
        selected = pic.selected == (layer, step)
        p.setPen(QPen(QColor("#111") if selected else QColor("#666"), 2.6 if selected else 1.0))
        p.setBrush(QColor("#fff7d6") if selected else QColor("#f4f6fa"))
        p.drawRoundedRect(rect, 4, 4)
        p.setPen(QColor("#222"))
        p.drawText(QRectF(rect.left(), rect.top() + 1, rect.width(), rect.height() * 0.55),
                   Qt.AlignmentFlag.AlignCenter, f"h{_sub(step + 1)}")
        # the units' colours are painted over the frame per snapshot (paintEvent)
        self._strip_rects[(layer, step)] = QRectF(rect.left() + 3,
                                                  rect.bottom() - rect.height() * 0.36,
                                                  rect.width() - 6, rect.height() * 0.26)
        self.boxes[(layer, step)] = rect

    def _step_head(self, p: QPainter, pic: Picture, y: float, x_of: dict[int, float],
                   bw: float, bh: float) -> None:
        """A head that reads every step (a language model predicting each next token): one bar
        over the last layer's boxes."""
        if not x_of:
            return
        left, right = min(x_of.values()) - bw / 2, max(x_of.values()) + bw / 2
        bar = QRectF(left, y - bh / 2, right - left, bh)
        p.setPen(QPen(QColor("#444"), 1.2))
        p.setBrush(QColor("#eef3e6"))
        p.drawRoundedRect(bar, 4, 4)
        p.setPen(QColor("#222"))
        kind, _, shape = pic.head.partition(" → ")
        text = translate("UnrolledView", "{0} at every step → {1}").format(kind, shape) \
            if shape else translate("UnrolledView", "{0} at every step").format(kind)
        p.drawText(bar, Qt.AlignmentFlag.AlignCenter, self._elide(text, bar.width() - 8))

    def _arrow(self, p: QPainter, a: QPointF, b: QPointF, label: str = "",
               lift: float = 0.0) -> None:
        """An arrow from ``a`` to ``b``; ``label`` beside it (``lift`` px higher for a
        horizontal one, to clear the boxes it joins)."""
        if (b - a).manhattanLength() < 4:
            return
        p.setPen(QPen(QColor("#555"), 1.2))
        p.drawLine(a, b)
        direction = b - a
        length = max(1e-6, (direction.x() ** 2 + direction.y() ** 2) ** 0.5)
        ux, uy = direction.x() / length, direction.y() / length
        size = 5.0
        left = QPointF(b.x() - size * ux + size * 0.6 * uy, b.y() - size * uy - size * 0.6 * ux)
        right = QPointF(b.x() - size * ux - size * 0.6 * uy, b.y() - size * uy + size * 0.6 * ux)
        p.setBrush(QColor("#555"))
        p.drawPolygon(QPolygonF([b, left, right]))
        if label:
            self.arrow_labels.append(label)
            p.setPen(QColor("#1a5fb4"))
            mid = (a + b) / 2
            horizontal = abs(ux) > abs(uy)
            where = QRectF(mid.x() - 40, mid.y() - lift - 15, 80, 14) if horizontal else \
                QRectF(mid.x() + 3, mid.y() - 7, 60, 14)
            align = Qt.AlignmentFlag.AlignCenter if horizontal else Qt.AlignmentFlag.AlignLeft
            p.drawText(where, align, label)

    @staticmethod
    def _shape(steps: int, width: int | None) -> str:
        return f"({steps}, {width if width is not None else 'd'})"

    def _elide(self, text: str, width: float) -> str:
        return self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(width))


_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def _sub(k: int) -> str:
    return str(k).translate(_SUBSCRIPTS)


class UnrolledView(RunView):
    def __init__(self, model: RunModel, view: ViewSpec, parent: QWidget | None = None) -> None:
        super().__init__(model, view, parent)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.canvas = UnrolledCanvas(self)
        self.canvas.boxClicked.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.canvas, 1)
        self.caption.setText(translate("UnrolledView", "The network unrolled over the probe "
                                       "sequence: one box per time step. Train a model or open a "
                                       "run."))

    def _clicked(self, layer: int, step: int) -> None:
        self.model.set_layer(layer)
        self.model.set_step(step)
        self.model.focus("inspector")

    def picture(self) -> Picture | None:
        snap = self.model.snapshot
        if snap is None:
            return None
        states = [np.asarray(s) for s in snap.states]
        names = list(snap.layer_names) or [translate("UnrolledView", "layer {0}").format(i + 1)
                                            for i in range(len(states))]
        weights = self.model.weights_at(snap)
        d = None
        if weights is not None and weights.layers:
            d = int(np.asarray(weights.layers[0].inputs).shape[-1])
        head, per_step = self.head()
        finite = np.concatenate([s[np.isfinite(s)].ravel() for s in states]) if states else []
        peak = float(np.max(np.abs(finite))) if len(finite) else 1.0
        selected = None if self.model.step is None else (self.model.layer, self.model.step)
        return Picture(list(snap.step_labels), states, names, d, head, per_step, selected,
                       max(peak, 1e-6))

    def head(self) -> tuple[str, bool]:
        """The head's label, and whether it reads every step of the last layer. From the
        architecture table of a run trained here; for a replayed run, from its config (a
        language model learns the next token at every step unless told ``lm_targets: last``)."""
        started = self.model.started
        if started is not None and started.layers:
            last = started.layers[-1]
            return f"{last.kind} → {last.output_shape}", last.output_shape.count(",") >= 2
        data = self.model.config.get("data", {})
        targets = data.get("options", {}).get("lm_targets", "every")
        task = data.get("task")
        text = task in tasks.names() and tasks.get(task).generates_text
        return translate("UnrolledView", "head"), bool(text) and targets == "every"

    def render(self) -> None:
        pic = self.picture()
        self.canvas.set_picture(pic)
        if pic is None:
            return
        n = [s.shape[1] for s in pic.states]
        t = pic.steps
        epoch = self.model.snapshot.epoch + 1
        inputs = translate("UnrolledView", "input x: {0} steps of {1} features ({0}, {1})").format(
            t, pic.input_dim) if pic.input_dim is not None else \
            translate("UnrolledView", "input x: {0} steps").format(t)
        click = translate("UnrolledView", "epoch {0}. Click a box to see its arithmetic.").format(
            epoch)
        if pic.per_step:
            layers = translate("UnrolledView", "one layer") if len(n) == 1 else \
                translate("UnrolledView", "{0} stacked layers, each passing its h up at every "
                          "step,").format(len(n))
            text = translate("UnrolledView", "{0}; {1} from h₀ = 0. This language model predicts "
                             "the next token at every step, so the head reads every h_t ({2}, "
                             "{3}), not only the last one as in the notes' §7. {4}").format(
                inputs, layers, t, n[-1], click)
        elif len(n) == 1:
            text = translate("UnrolledView", "{0}; one layer of {1} units carries h from step to "
                             "step, starting from h₀ = 0, and only its last state h_{2} ({1},) "
                             "goes to the head (§7). {3}").format(inputs, n[0], t, click)
        else:
            text = translate("UnrolledView", "{0}; {1} stacked layers: each layer but the last "
                             "passes its h up at every step ({2}, {3}); the last passes only "
                             "h_{2} ({4},) to the head (§8). {5}").format(
                inputs, len(n), t, n[0], n[-1], click)
        self.caption.setText(text)
