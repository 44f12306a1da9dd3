"""Train ▸ Compare…: 2-4 cells or settings trained one after another on the open data with the same
seed and split (past run directories can join them), then shown side by side: the loss curves
overlaid with the baselines, the table ``seqstudio compare`` prints, and two hidden-state
heatmaps on one scrubber."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from seqstudio.engine.events import BatchEnd, EpochEnd, Finished, HiddenSnapshot, Started
from seqstudio.errors import SeqstudioError
from seqstudio.gui.baseline_words import label_words
from seqstudio.gui.errors import error_text, say, show_error
from seqstudio.gui.i18n import translate
from seqstudio.gui.qt_compare_curves import QtCompareCurves
from seqstudio.gui.qt_compare_heatmaps import QtCompareHeatmaps
from seqstudio.gui.qt_compare_runner import CompareRunner, Job
from seqstudio.gui.qt_compare_setup import CompareEntry, QtCompareSetup
from seqstudio.gui.qt_compare_table import QtCompareTable
from seqstudio.gui.tasks import ErrorRecord, run_task

LETTERS = "ABCD"


def open_compare(main: Any) -> CompareWindow:
    """Show the main window's compare window, made on first use."""
    window = main.findChild(CompareWindow)
    if window is None:
        window = CompareWindow(main)
    elif window.isVisible():  # already open, perhaps behind the main window
        window.raise_()
        window.activateWindow()
    window.show()
    return window


def build_comparison(paths: list[str]) -> Any:
    """What ``seqstudio compare`` computes, on a pool thread."""
    from seqstudio.engine.compare import compare_runs, count_parameters, run_baselines

    return compare_runs(paths, count_params=count_parameters, baselines_for=run_baselines())


def run_activation(registry: Any, config: dict[str, Any]) -> str:
    cell = config.get("cell", {})
    try:
        return registry.cell_type(cell.get("name", "")).activation_for(cell.get("params") or {})
    except Exception:  # noqa: BLE001 - an unknown or broken plugin: a symmetric colour scale
        return "other"


class CompareWindow(QMainWindow):
    """objectName ``compareWindow``; ``compareStartButton``, ``compareStopButton``,
    ``compareProgress``. ``compared(Comparison)`` once the table is filled; ``runs`` holds
    each run's folder (``""`` until it starts)."""

    compared = Signal(object)

    def __init__(self, main: Any) -> None:
        super().__init__(main, Qt.WindowType.Window)
        self.setObjectName("compareWindow")
        self.setWindowTitle(translate("CompareWindow", "Compare runs — seqstudio"))
        self.main = main
        self.registry = main.registry
        self.runner: CompareRunner | None = None
        self.runs: list[str] = []
        self.entries: list[CompareEntry] = []
        self.curves_of: dict[int, Any] = {}
        self.comparing = False
        #: from Train and compare until the table is filled (or nothing is left to compare)
        self.running = False
        self._closing = False
        self.setup = QtCompareSetup(self.registry)
        cell = main.model_panel.cell()
        self.setup.start_with(cell.name if cell else "", main.model_panel.params()
                              if not main.model_panel.error() else {})
        self.start_button = QPushButton(translate("CompareWindow", "Train and compare"))
        self.start_button.setObjectName("compareStartButton")
        self.start_button.setToolTip(translate("CompareWindow", "Train the cells one after "
                                               "another, then compare (F5)"))
        self.start_button.clicked.connect(self.start)
        self.stop_button = QPushButton(translate("CompareWindow", "Stop"))
        self.stop_button.setObjectName("compareStopButton")
        self.stop_button.setToolTip(translate("CompareWindow", "Stop the run that trains and "
                                              "train no more (Esc)"))
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.stop)
        QShortcut(QKeySequence("F5"), self, self.start)
        QShortcut(QKeySequence("Esc"), self, self.stop)
        self.progress = QProgressBar()
        self.progress.setObjectName("compareProgress")
        self.progress.setTextVisible(True)
        self.progress.setFormat(translate("CompareWindow", "idle"))
        self.progress.setValue(0)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #555")
        self.table = QtCompareTable()
        self.curves = QtCompareCurves()
        self.heatmaps = QtCompareHeatmaps()

        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button, 1)
        buttons.addWidget(self.stop_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 6, 6)
        left_layout.addWidget(self.setup)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.progress)
        left_layout.addWidget(self.status)
        left_layout.addWidget(self.table, 1)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.curves)
        right.addWidget(self.heatmaps)
        right.setSizes([380, 420])
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([520, 760])
        self.setCentralWidget(splitter)
        self.resize(1280, 800)

        self.timer = QTimer(self)
        self.timer.setInterval(100)  # the curves redraw at 10 Hz at most
        self.timer.timeout.connect(self._tick)
        main.baselines.ready.connect(self._baselines_ready)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # -- starting ----------------------------------------------------------------------------
    def start_reason(self) -> str:
        """Why the runs cannot start now, or ``""``."""
        if self.busy:
            return translate("CompareWindow", "the runs are training")
        problem = self.setup.error()
        if problem:
            return problem
        if any(not e.is_past for e in self.setup.entries):
            if getattr(self.main, "state", "idle") != "idle":
                return translate("CompareWindow", "the main window is training; stop it first")
            if not self.main.tf.is_ready:
                return translate("CompareWindow", "TensorFlow is still loading")
            if self.main.data.dataset is None:
                return translate("CompareWindow", "open a data file in the main window first")
        return ""

    @property
    def busy(self) -> bool:
        return (self.runner is not None and self.runner.running) or self.comparing

    def start(self) -> None:
        if self.busy:
            return
        reason = self.start_reason()
        if reason:
            show_error(self, translate("CompareWindow", "Cannot compare yet"),
                       reason[0].upper() + reason[1:] + ".")
            return
        self._closing = False
        self.entries = list(self.setup.entries)
        self.runs = [e.path for e in self.entries]
        self.curves.clear_runs()
        self.heatmaps.clear()
        self.table.set_comparison(None, note=translate("CompareWindow", "The table appears when "
                                                       "the runs have trained."))
        self.curves_of = {}
        jobs = []
        values = dict(self.main.train_settings()) if any(not e.is_past for e in self.entries) \
            else {}
        dataset = self.main.data.dataset
        steps = -(-dataset.n_train // values["batch_size"]) if values else 0
        for i, entry in enumerate(self.entries):
            if entry.is_past:
                try:
                    self._add_past(i, entry)
                except SeqstudioError as exc:
                    show_error(self, translate("CompareWindow", "Cannot read a past run"),
                               error_text(exc))
                    return
                continue
            run_values = dict(values)
            if entry.learning_rate is not None:
                run_values["learning_rate"] = entry.learning_rate
            self.curves_of[i] = self.curves.add_run(self._header(i), steps)
            self.heatmaps.add_run(self._header(i), self._activation(entry))
            jobs.append(Job(i, self.registry.cell_type(entry.cell), dict(entry.params),
                            run_values, str(self.main.settings.runs_folder())))
        if jobs:  # the open data's baselines, once the main window has them
            self.curves.set_baselines(self.main.baselines.lines())
        self.total_steps = max(1, len(jobs) * steps * max(1, values.get("epochs", 1)))
        self.done_steps = 0
        self.steps = steps
        self.progress.setRange(0, self.total_steps)
        self.progress.setValue(0)
        self.runner = CompareRunner(dataset, self.registry, self)
        self.runner.runStarted.connect(self._run_started)
        self.runner.event.connect(self._on_event)
        self.runner.runEnded.connect(self._run_ended)
        self.runner.done.connect(self._all_trained)
        self._set_running(True)
        self.jobs_total = len(jobs)
        self.timer.start()
        self.runner.start(jobs)

    def _header(self, i: int) -> str:
        entry = self.entries[i]
        name = Path(entry.path).name if entry.is_past else entry.cell
        return f"{LETTERS[i]}: {name}"

    def _activation(self, entry: CompareEntry) -> str:
        try:
            return self.registry.cell_type(entry.cell).activation_for(entry.params)
        except Exception:  # noqa: BLE001 - a plugin's callable
            return "other"

    def _add_past(self, i: int, entry: CompareEntry) -> None:
        from seqstudio.gui.run_files import read_run

        run = read_run(entry.path)
        curves = self.curves_of[i] = self.curves.add_run(self._header(i), run["steps_per_epoch"])
        for epoch, batch, loss in run["batches"]:
            curves.add_batch(epoch, batch, loss)
        for ev in run["epochs"]:
            curves.add_epoch(ev.epoch, ev.metrics)
        self.heatmaps.add_run(self._header(i), run_activation(self.registry, run["config"]),
                              run["snapshots"])
        self.curves.redraw()

    def _baselines_ready(self, *_: Any) -> None:
        if self.runner is not None and self.runner.running and not self.curves.baseline_lines:
            self.curves.set_baselines(self.main.baselines.lines())

    def _set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.stop_button.setEnabled(running)
        self.setup.set_editable(not running)
        self.running = running
        self.main.refresh_controls()  # its Start waits while these runs train

    # -- while training ----------------------------------------------------------------------
    def _run_started(self, index: int, run_dir: str) -> None:
        self.runs[index] = run_dir
        self.status.setText(translate("CompareWindow", "Training {0} into {1}").format(
            self._header(index), run_dir))

    def _on_event(self, index: int, ev: Any) -> None:
        self._take_batches()
        curves = self.curves_of[index]
        if isinstance(ev, Started):
            curves.steps = max(1, ev.steps_per_epoch)
        elif isinstance(ev, EpochEnd):
            curves.add_epoch(ev.epoch, ev.metrics)
        elif isinstance(ev, HiddenSnapshot):
            self.heatmaps.add_snapshot(index, ev)

    def _take_batches(self) -> None:
        if self.runner is None or self.runner.current is None:
            return
        batches: list[BatchEnd] = self.runner.take_batches()
        if not batches:
            return
        job = self.runner.current
        curves = self.curves_of[job.index]
        for b in batches:
            curves.add_batch(b.epoch, b.batch, b.loss)
        last = batches[-1]
        finished_runs = self.jobs_total - len(self.runner.queue) - 1
        run_steps = self.steps * max(1, job.values.get("epochs", 1))
        self.progress.setValue(min(self.total_steps, finished_runs * run_steps
                                   + last.epoch * self.steps + last.batch + 1))
        self.progress.setFormat(translate("CompareWindow", "run {0} of {1} ({2}): epoch {3} of "
                                          "{4}").format(finished_runs + 1, self.jobs_total,
                                                        job.cell.name, last.epoch + 1,
                                                        job.values.get("epochs")))

    def _tick(self) -> None:
        self._take_batches()
        self.curves.redraw()

    def _run_ended(self, index: int, result: Finished) -> None:
        self._take_batches()
        self.curves.redraw()
        if result.run_dir:
            self.runs[index] = result.run_dir
        if result.status == "failed":
            show_error(self, translate("CompareWindow", "A run failed"),
                       f"{self._header(index)}: {say(result.reason)}",
                       result.traceback)

    def stop(self) -> None:
        if self.runner is not None and self.runner.running:
            self.runner.stop()
            self.status.setText(translate("CompareWindow", "Stopping after the current batch…"))
            self.stop_button.setEnabled(False)

    def _all_trained(self, stopped: bool) -> None:
        self.timer.stop()
        if self._closing:
            return
        self.curves.redraw()
        paths = [p for p in self.runs if p and (Path(p) / "config.json").is_file()]
        self.progress.setValue(self.progress.maximum() if not stopped else self.progress.value())
        self.progress.setFormat(translate("CompareWindow", "stopped") if stopped
                                else translate("CompareWindow", "trained"))
        if len(paths) < 2:
            self._set_running(False)
            self.status.setText(translate("CompareWindow", "Fewer than 2 runs have a run "
                                          "directory: nothing to compare."))
            return
        self.comparing = True
        self.status.setText(translate("CompareWindow", "Comparing: counting parameters and the "
                                      "baselines…"))
        headers = [self._header(i) for i, p in enumerate(self.runs)
                   if p and (Path(p) / "config.json").is_file()]
        run_task(build_comparison, paths, owner=self,
                 on_result=lambda c: self._compared(c, headers, stopped),
                 on_error=self._compare_failed)

    def _compared(self, comparison: Any, headers: list[str], stopped: bool) -> None:
        self.comparing = False
        self._set_running(False)
        note = translate("CompareWindow", "Stopped: the table compares what each run had "
                         "learned.") if stopped else ""
        self.table.set_comparison(comparison, headers, note)
        if not self.curves.baseline_lines:
            lines = [(label_words(r.name.replace(" (val_loss)", "")), r.values[0])
                     for r in comparison.section("baselines") if r.name.endswith("(val_loss)")]
            self.curves.set_baselines([(n, v) for n, v in lines if isinstance(v, float)])
        self.status.setText(translate("CompareWindow", "Compared {0}.").format(", ".join(headers)))
        self.compared.emit(comparison)

    def _compare_failed(self, exc: ErrorRecord, tb: str) -> None:
        self.comparing = False
        self._set_running(False)
        self.status.setText(translate("CompareWindow", "The comparison failed."))
        show_error(self, translate("CompareWindow", "Cannot compare the runs"), error_text(exc),
                   tb)

    # -- closing -----------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop training and wait for the run's thread; safe to call twice."""
        self._closing = True
        self.timer.stop()
        if self.runner is not None:
            self.runner.stop()
            self.runner.wait()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.shutdown()
        self._set_running(False)
        event.accept()
