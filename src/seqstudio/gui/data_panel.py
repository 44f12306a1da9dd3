"""The data panel: a preview of the file, the settings that turn it into a dataset, and the
dataset summary. Loading runs on a pool thread; a bad file gives a readable dialog. A file large
enough to stream from disk shows a progress bar while it is read, with a Cancel button."""

from __future__ import annotations

import html
import threading
from pathlib import Path
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from seqstudio.gui.data_options_form import DataOptionsForm
from seqstudio.gui.dataset_words import note_words, summary_key, summary_word
from seqstudio.gui.errors import error_text, unreadable_reason
from seqstudio.gui.i18n import translate
from seqstudio.gui.legends import fit_to_width, legend_below
from seqstudio.gui.preview import FilePreview, read_preview
from seqstudio.gui.tasks import ErrorRecord, run_task

MAX_PLOT_COLUMNS = 6


def load(path: Path, options: dict[str, Any], registry: Any, progress: Any = None) -> Any:
    """Runs on a pool thread. ``progress(fraction, what)`` is called while a file that streams
    from disk is read; it raises to cancel, and then the result is None."""
    from seqstudio.data import load_dataset
    from seqstudio.data.stream import LoadCancelled

    try:
        return load_dataset(path, registry=registry, progress=progress, **options)
    except LoadCancelled:
        return None


class DataPanel(QWidget):
    datasetLoaded = Signal(object)
    loadFailed = Signal(str, str, bool)  # message, details, is_a_new_file
    loading = Signal(str)
    #: the settings were edited: the dataset is gone until they are valid and it is rebuilt
    invalidated = Signal()
    #: a large file is being read: (fraction done, what is being done), on the GUI thread
    loadProgress = Signal(float, str)

    def __init__(self, registry: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.registry = registry
        self.file_label = QLabel(
            translate("DataPanel", "No file open. Use File ▸ Open (Ctrl+O) or drop a file here."))
        self.file_label.setObjectName("dataFileLabel")
        self.file_label.setWordWrap(True)
        self.file_label.setStyleSheet("font-weight: 600")
        self.form = DataOptionsForm()
        self.form.edited.connect(self._invalidate)
        self.form.changed.connect(self._options_changed)
        self.summary = QLabel("")
        self.summary.setObjectName("datasetSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.treat_button = QPushButton()
        self.treat_button.setObjectName("treatAsMissingButton")
        self.treat_button.setVisible(False)
        self.treat_button.clicked.connect(self._treat_as_missing)
        self._treatable: list[str] = []
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("dataLoadProgress")
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setFormat("%p %")
        self.cancel_button = QPushButton(translate("DataPanel", "Cancel"))
        self.cancel_button.setObjectName("cancelLoadButton")
        self.cancel_button.setToolTip(
            translate("DataPanel", "Stop reading this file; the settings stay as they are"))
        self.cancel_button.clicked.connect(self.cancel_load)
        self.progress_row = QWidget()
        row = QHBoxLayout(self.progress_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.progress_bar, 1)
        row.addWidget(self.cancel_button)
        self.progress_row.setVisible(False)
        self._cancel = threading.Event()
        # The loading thread only writes (fraction, what) here; a timer on the GUI thread shows
        # it. No Qt call crosses threads (emitting from the pool thread crashed PySide6 6.12).
        self._reported: list[tuple[float, str]] = []
        self._reported_lock = threading.Lock()
        self._progress_timer = QTimer(self)
        self._progress_timer.setInterval(100)
        self._progress_timer.timeout.connect(self._show_progress)
        self.lines = QPlainTextEdit()
        self.lines.setObjectName("previewLines")
        self.lines.setReadOnly(True)
        self.lines.setFont(QFont("monospace", 9))
        self.lines.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.table = QTableWidget()
        self.table.setObjectName("previewTable")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.series = pg.PlotWidget()
        self.series.setObjectName("previewPlot")
        self.series.setBackground("w")
        self.series_legend = legend_below(self.series.getPlotItem(), columns=3)
        fit_to_width(self.series, self.series_legend, 3)
        self.series.getPlotItem().setDownsampling(auto=True, mode="peak")
        self.series.getPlotItem().setClipToView(True)
        self.preview_tabs = QTabWidget()
        self.preview_tabs.setObjectName("previewTabs")
        self.preview_tabs.addTab(self.lines, translate("DataPanel", "First lines"))
        self.preview_tabs.addTab(self.table, translate("DataPanel", "Table"))
        self.preview_tabs.addTab(self.series, translate("DataPanel", "Plot"))

        settings = QWidget()
        settings_layout = QVBoxLayout(settings)
        settings_layout.setContentsMargins(0, 0, 0, 0)
        settings_layout.addWidget(self.form)
        settings_layout.addWidget(self.summary)
        settings_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(settings)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(scroll)
        splitter.addWidget(self.preview_tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([330, 200])
        self.preview_tabs.setMinimumHeight(110)  # a plot still readable on a 600 px screen
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.file_label)
        layout.addWidget(self.treat_button)  # in view however far the settings are scrolled
        layout.addWidget(self.progress_row)
        layout.addWidget(splitter, 1)

        self.path: Path | None = None
        self.preview: FilePreview | None = None
        self.dataset: Any = None
        self.load_error = ""
        self.tf_ready = False
        self._generation = 0
        self._new_file = False
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(400)
        self._debounce.timeout.connect(self._load)

    # -- opening -----------------------------------------------------------------------------
    def open_file(self, path: str | Path, options: dict[str, Any] | None = None) -> bool:
        """Preview ``path`` now and load it as soon as TensorFlow is ready. ``False`` and a
        ``loadFailed`` signal when it cannot be read at all."""
        path = Path(path)
        try:
            preview = read_preview(path)
        except OSError as exc:
            reason = unreadable_reason(path, exc)
            self.loadFailed.emit(translate("DataPanel", "Cannot open {0}: {1}").format(path.name, reason),
                                 str(exc), True)
            return False
        self.path, self.preview, self.dataset, self.load_error = path, preview, None, ""
        self._offer_treatment([])
        self._generation += 1  # a load of the previous file still running is ignored
        self._cancel.set()  # and stops reading, if it is a large file
        self._debounce.stop()
        from seqstudio.data.files import human_size

        self.file_label.setText(f"{path.name}  ·  {human_size(preview.size)}")
        self.file_label.setToolTip(str(path))
        self.form.reset_for_new_file()
        self.form.set_preview(preview)
        if options:
            self.form.set_options(options)
        self._show_preview(preview)
        self.summary.setText("<i>" + (
            translate("DataPanel", "Loading…") if self.tf_ready else
            translate("DataPanel", "Loading TensorFlow… the dataset is built when it is ready."))
            + "</i>")
        self._new_file = True
        if self.tf_ready:
            self._load()
        return True

    def set_tf_ready(self, ready: bool) -> None:
        self.tf_ready = ready
        if ready and self.path is not None and self.dataset is None:
            self._load()

    def set_editable(self, editable: bool) -> None:
        """Lock the settings (while training); the preview stays usable."""
        self.form.setEnabled(editable)

    def error(self) -> str:
        """Why the file cannot be used with these settings now, or ``""``: the form's own check,
        or what the data layer said when it last tried."""
        return self.form.error() or self.load_error

    def cancel_load(self) -> None:
        """Stop a load that is reading a large file; its thread stops at the next block."""
        self._cancel.set()
        self.progress_bar.setFormat(translate("DataPanel", "cancelling…"))
        self.cancel_button.setEnabled(False)

    def _show_progress(self) -> None:
        with self._reported_lock:
            latest = self._reported[-1] if self._reported else None
            self._reported.clear()
        if latest is None or self._cancel.is_set():
            return
        fraction, what = latest
        self.progress_row.setVisible(True)
        self.progress_bar.setValue(int(round(fraction * 1000)))
        self.progress_bar.setFormat(f"{what}: %p %")
        self.loadProgress.emit(fraction, what)

    def _end_progress(self) -> None:
        self._progress_timer.stop()
        with self._reported_lock:
            self._reported.clear()
        self.progress_row.setVisible(False)
        self.progress_bar.setValue(0)
        self.cancel_button.setEnabled(True)

    def _invalidate(self) -> None:
        self._generation += 1
        self._cancel.set()  # a large file still being read for the old settings stops
        self._debounce.stop()
        self.dataset, self.load_error = None, ""
        self._offer_treatment([])
        self.invalidated.emit()

    def _offer_treatment(self, issues: list[Any]) -> None:
        """Offer "treat as missing" for the columns the data layer found a few bad cells in."""
        treatable = [i for i in issues if getattr(i, "treatable", False)]
        self._treatable = [i.column for i in treatable]
        if treatable:
            cells = sum(i.total_bad for i in treatable)
            names = ", ".join(repr(i.column) for i in treatable)
            self.treat_button.setText(
                (translate("DataPanel", "Treat the bad cell of {1} as a missing value") if cells == 1
                 else translate("DataPanel", "Treat the {0} bad cells of {1} as missing values"))
                .format(cells, names))
            self.treat_button.setToolTip(translate(
                "DataPanel", "They are then filled like any missing value (see Missing values); "
                "the rows named above stay in the file."))
        self.treat_button.setVisible(bool(treatable))

    def _treat_as_missing(self) -> None:
        for column in self._treatable:
            self.form.treat_as_missing(column)

    def _options_changed(self) -> None:
        if self.path is not None and self.tf_ready:
            self._debounce.start()

    def _load(self) -> None:
        if self.path is None:
            return
        error = self.form.validate()
        if error:
            self.summary.setText("")
            return
        self._generation += 1
        generation = self._generation
        self._cancel.set()  # the load of the previous settings or file, if still reading
        self._cancel = cancel = threading.Event()
        self._end_progress()
        self.summary.setText("<i>" + translate("DataPanel", "Loading…") + "</i>")
        self.loading.emit(str(self.path))

        reported, lock = self._reported, self._reported_lock

        def progress(fraction: float, what: str) -> None:  # on the loading thread
            from seqstudio.data.stream import LoadCancelled

            if cancel.is_set():
                raise LoadCancelled("loading was cancelled")
            with lock:
                reported.append((fraction, what))

        self._progress_timer.start()
        run_task(load, self.path, self.form.options(), self.registry, progress,
                 on_result=lambda ds: self._loaded(generation, ds),
                 on_error=lambda exc, tb: self._failed(generation, exc, tb), owner=self)

    def _loaded(self, generation: int, dataset: Any) -> None:
        if generation != self._generation:
            return
        self._show_progress()  # what a quick load reported before the timer's first tick
        self._end_progress()
        self._new_file = False
        if dataset is None:  # cancelled by the user: no error dialog
            self.dataset = None
            self.load_error = translate(
                "DataPanel", "loading was cancelled; change a setting or open the file again")
            self.summary.setText("<i>" + translate("DataPanel", "Loading cancelled.") + "</i>")
            return
        self.dataset = dataset
        self.summary.setText(summary_html(dataset))
        self.datasetLoaded.emit(dataset)

    def _failed(self, generation: int, exc: ErrorRecord, tb: str) -> None:
        if generation != self._generation:
            return
        self._end_progress()
        self.dataset = None
        message = error_text(exc)
        self.load_error = message
        self._offer_treatment(list(exc.issues))
        self.summary.setText(f"<span style='color:#cf222e'>{html.escape(message)}</span>")
        self.loadFailed.emit(message, tb, self._new_file)
        self._new_file = False

    # -- preview -----------------------------------------------------------------------------
    def _show_preview(self, preview: FilePreview) -> None:
        self.lines.setPlainText("\n".join(preview.lines))
        self.table.clear()
        self.table.setColumnCount(len(preview.header))
        self.table.setHorizontalHeaderLabels(preview.header)
        self.table.setRowCount(len(preview.rows))
        for r, row in enumerate(preview.rows):
            for c, value in enumerate(row[: len(preview.header)]):
                self.table.setItem(r, c, QTableWidgetItem(value))
        item = self.series.getPlotItem()
        item.clear()
        self.series_legend.clear()
        for i, (name, values) in enumerate(list(preview.numeric.items())[:MAX_PLOT_COLUMNS]):
            curve = item.plot(np.asarray(values), name=name,
                              pen=pg.mkPen(pg.intColor(i, MAX_PLOT_COLUMNS), width=1))
            if len(preview.numeric) > 1:  # one series needs no legend (the tab says which)
                self.series_legend.addItem(curve, name)
        self.preview_tabs.setTabEnabled(1, preview.kind == "table")
        self.preview_tabs.setTabEnabled(2, bool(preview.numeric))
        self.preview_tabs.setCurrentIndex(2 if preview.numeric and not preview.text_columns
                                          else 1 if preview.kind == "table" else 0)


def summary_html(dataset: Any) -> str:
    spec = dataset.input_spec
    rows = [(summary_word("task"), summary_word(dataset.task)),
            (translate("DataPanel", "train / validation"),
             translate("DataPanel", "{0:,} / {1:,} samples").format(dataset.n_train, dataset.n_val)),
            (translate("DataPanel", "input per sample"),
             translate("DataPanel", "{0} steps × {1} features ({2})")
             .format(spec.seq_len, spec.step_dim, summary_word(spec.kind)))]
    for key, value in (dataset.summary or {}).items():
        if key in ("task",):
            continue
        if isinstance(value, float):
            value = f"{value:,.4g}"
        elif isinstance(value, int):
            value = f"{value:,}"
        text = summary_word(value) if isinstance(value, str) else str(value)
        rows.append((summary_key(key), text if len(text) < 120 else text[:117] + "…"))
    body = "".join(f"<tr><td style='color:#555;padding-right:8px'>{html.escape(k)}</td>"
                   f"<td>{html.escape(str(v))}</td></tr>" for k, v in rows)
    notes = "".join(f"<li>{html.escape(note_words(n))}</li>" for n in dataset.notes)
    title = translate("DataPanel", "Dataset")
    return (f"<b>{title}</b><table>{body}</table>" + (f"<ul>{notes}</ul>" if notes else ""))
