"""The main window: data, model and plugins on the left, training controls below them, and the
live plots on the right. Training runs on a :class:`~seqstudio.gui.worker.TrainingThread`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMainWindow

from seqstudio.engine.events import Finished
from seqstudio.gui import i18n, remembered, run_opener, wheel_guard, worker
from seqstudio.gui.about import show_about
from seqstudio.gui.baseline_tracker import BaselineTracker
from seqstudio.gui.data_panel import DataPanel
from seqstudio.gui.dataset_words import summary_word
from seqstudio.gui.errors import show_error
from seqstudio.gui.i18n import translate
from seqstudio.gui.lesson_panel import LessonDock, is_lesson_file
from seqstudio.gui.live_view import LiveView
from seqstudio.gui.menus import build_menus, fill_recent_menu
from seqstudio.gui.model_panel import ModelPanel
from seqstudio.gui.pacer import RedrawPacer
from seqstudio.gui.plugins_panel import PluginsPanel
from seqstudio.gui.run_summary import show_failure, summary_details, summary_text
from seqstudio.gui.samples import default_sample
from seqstudio.gui.settings import AppSettings
from seqstudio.gui.small_screens import first_split
from seqstudio.gui.start_reason import start_reason
from seqstudio.gui.suggested import SuggestedDefaults
from seqstudio.gui.tf_loader import TensorFlowLoader
from seqstudio.gui.training_controls import TrainingControls
from seqstudio.gui.views import SNAPSHOT_SECONDS
from seqstudio.gui.window_layout import lay_out
from seqstudio.gui.worker import TrainingThread
from seqstudio.i18n import QT_TRANSLATE_NOOP

FILE_FILTER = QT_TRANSLATE_NOOP("MainWindow", "Data files (*.txt *.csv *.tsv *.md);;All files (*)")


class MainWindow(QMainWindow):
    """:param data_path: a file to open; ``None`` opens the bundled sample (unless
    ``load_sample=False``). :param registry: a plugin registry (default: the process-wide one)."""

    trainingFinished = Signal(object)  # Finished
    tfReady = Signal()

    def __init__(self, data_path: str | Path | None = None, *, registry: Any = None,
                 load_sample: bool = True, start_tf: bool = True) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("seqstudio")
        self.setAcceptDrops(True)
        if registry is None:
            from seqstudio.plugins import get_registry

            registry = get_registry()
        self.registry = registry
        self.settings = AppSettings()
        i18n.install(i18n.chosen_language(self.settings.language()))
        self.thread: TrainingThread | None = None
        self.state = "idle"
        self.last_result: Finished | None = None
        self._closing = False
        wheel_guard.install()

        self.data = DataPanel(registry)
        self.model_panel = ModelPanel(registry)
        self.plugins = PluginsPanel()
        self.plugins.set_registry(registry)
        self.controls = TrainingControls()
        self.live = LiveView()
        self.live.model.subscribe(self._run_changed, ("epoch",))
        self.baselines = BaselineTracker(self)
        self.suggested = SuggestedDefaults(self.controls, self.model_panel)
        self.baselines.ready.connect(lambda *_: self.live.loss.set_baselines(self.baselines.lines()))
        self.tabs, self.splitter = lay_out(self, registry)
        self._split_fitted = False  # sized again to the window's width when first shown
        self.actions_ = build_menus(self)
        self.start_button = self.controls.start_button
        self.statusBar().showMessage(translate("MainWindow", "Loading TensorFlow in the background…"))

        self.data.datasetLoaded.connect(self._dataset_loaded)
        self.data.loadFailed.connect(self._data_failed)
        self.data.invalidated.connect(self._refresh_controls)
        self.data.form.presetApplied.connect(self._preset_applied)
        self.model_panel.changed.connect(self._refresh_controls)
        self.controls.startRequested.connect(self.start_training)
        self.controls.pauseToggled.connect(self.toggle_pause)
        self.controls.stopRequested.connect(self.stop_training)
        self.controls.learning_rate.textChanged.connect(self._refresh_controls)
        self.controls.execution.currentIndexChanged.connect(self._execution_changed)
        self.controls.batch_size.valueChanged.connect(self._execution_changed)

        self.redraw_timer = QTimer(self)
        self.pacer = RedrawPacer(self.redraw_timer)  # 12.5 Hz at most, within a CPU budget
        self.redraw_timer.timeout.connect(self._tick)

        self.tf = TensorFlowLoader(self)
        self.tf.ready.connect(self._tf_ready)
        self.tf.failed.connect(self._tf_failed)
        remembered.restore(self)
        self.lesson_dock = LessonDock(self)  # after restore: it opens with a lesson only
        self._refresh_controls()
        path = data_path if data_path is not None else (default_sample() if load_sample else None)
        if path is not None:
            self.open_file(path)
        self._tf_wanted = start_tf  # False: a window that never trains (tests) never imports it
        if start_tf:
            # Import TensorFlow once the window is on screen (it would compete with the first
            # paint for the GIL), or after a moment if the window is never shown.
            QTimer.singleShot(800, self._start_tf)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._split_fitted:
            self._split_fitted = True
            self.splitter.setSizes(first_split(self.splitter.width()))
        if self._tf_wanted and not self.tf.is_ready:
            QTimer.singleShot(200, self._start_tf)

    def _start_tf(self) -> None:
        if not self._closing:  # a window closed before its timer fired imports nothing
            self.tf.start()

    # -- files -------------------------------------------------------------------------------
    def open_file_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, translate("MainWindow", "Open data file"),
                                              self.settings.last_folder(),
                                              translate("MainWindow", FILE_FILTER))
        if path:
            self.open_file(path)

    def open_file(self, path: str | Path, options: dict[str, Any] | None = None) -> bool:
        """Open a data file (with data ``options``), or a lesson file (``.toml``)."""
        if is_lesson_file(path) and options is None:
            return self.open_lesson(path)
        if self.state != "idle":
            show_error(self, translate("MainWindow", "Training in progress"),
                       translate("MainWindow", "Stop training before opening another file."))
            return False
        ok = self.data.open_file(path, options)
        if ok:  # a new file starts clean: nothing of the previous file's run stays on screen
            self.live.clear()
            self.controls.finish(translate("MainWindow", "idle"))
            self.last_result = None
            self.model_panel.set_dataset(None)
            self.baselines.set_dataset(None)
            self.settings.add_recent_file(path)
            self.setWindowTitle(f"{Path(path).name} — seqstudio")
            self.statusBar().showMessage(translate("MainWindow", "Opened {0}").format(path))
            self.tabs.setCurrentWidget(self.data)
        self._refresh_controls()
        return ok

    def fill_recent_menu(self) -> None:
        fill_recent_menu(self)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            (self.open_run if (paths[0] / "config.json").is_file() else self.open_file)(paths[0])

    def _dataset_loaded(self, dataset: Any) -> None:
        self.suggested.apply(dataset)
        self.model_panel.set_dataset(dataset)
        self.live.show_dataset(dataset)
        self.baselines.set_dataset(dataset)
        self.statusBar().showMessage(
            translate("MainWindow", "Dataset ready: {0}, {1:,} training samples of {2} steps.")
            .format(summary_word(dataset.task), dataset.n_train, dataset.input_spec.seq_len)
            + " " + self.suggested.reason)
        self._refresh_controls()

    def _preset_applied(self, units: int) -> None:
        self.model_panel.select_cell("simple-rnn-tanh", {"units": units})
        self.suggested.keep("units")

    def _data_failed(self, message: str, details: str, new_file: bool) -> None:
        self.model_panel.set_dataset(None)
        self._refresh_controls()
        self.statusBar().showMessage(message)
        if new_file:
            show_error(self, translate("MainWindow", "Cannot use this file"), message, details)

    # -- TensorFlow --------------------------------------------------------------------------
    def _tf_ready(self, versions: dict) -> None:
        self.statusBar().showMessage(translate("MainWindow", "TensorFlow {0} ready ({1} s).")
                                     .format(versions.get("tensorflow"), versions.get("seconds")),
                                     5000)
        self.data.set_tf_ready(True)
        self.model_panel.set_tf_ready(True)
        from seqstudio.engine import tensorboard

        self.controls.set_tensorboard_available(tensorboard.available(), tensorboard.INSTALL)
        self._refresh_controls()
        worker.warm_up(self.registry)
        self.tfReady.emit()

    def _tf_failed(self, message: str, tb: str) -> None:
        self._refresh_controls()
        show_error(self, translate("MainWindow", "TensorFlow could not be loaded"),
                   translate("MainWindow", "Training is unavailable: {0}").format(message), tb)

    # -- training ----------------------------------------------------------------------------
    def start_reason(self) -> str:
        """Why Start is disabled, or ``""`` (:func:`~seqstudio.gui.start_reason.start_reason`)."""
        return start_reason(self)

    def refresh_controls(self) -> None:
        """Enable Start and the actions as the window's state (and the compare window's) allow."""
        self._refresh_controls()

    def _refresh_controls(self) -> None:
        reason = "" if self.state != "idle" else self.start_reason()
        self.controls.set_state(self.state, reason=reason)
        idle = self.state == "idle"
        self.actions_.start.setEnabled(idle and not reason)
        self.actions_.pause.setEnabled(not idle)
        self.actions_.stop.setEnabled(not idle)
        self.actions_.open.setEnabled(idle)
        self.actions_.open_run.setEnabled(idle)
        self.model_panel.set_editable(idle)
        self.data.set_editable(idle)  # the preview stays usable while training
        self.live.set_activation(self.model_panel.activation())

    def _execution_changed(self, *_: Any) -> None:
        values = self.controls.values()
        self.model_panel.set_execution(values["execution_mode"], values["batch_size"])

    def train_settings(self) -> dict[str, Any]:
        values = self.controls.values()
        dataset = self.data.dataset
        steps = max(1, -(-dataset.n_train // values["batch_size"])) if dataset is not None else 1
        # A few snapshots per epoch make the scrubber worth dragging on short runs.
        values["snapshot_every"] = max(1, steps // 4) if steps >= 8 else None
        # and a few a second while it trains, so the views shown live get fresh states to draw
        values["snapshot_seconds"] = SNAPSHOT_SECONDS
        return values

    def start_training(self) -> None:
        if self.state != "idle":
            return
        reason = self.start_reason()
        if reason:
            self.statusBar().showMessage(reason)
            return
        cell = self.model_panel.cell()
        remembered.save(self)
        self.live.clear()
        self.live.set_activation(self.model_panel.activation())
        from seqstudio.engine.rundir import default_run_dir

        run_dir = str(default_run_dir(cell.name, root=self.settings.runs_folder()))
        self.thread = worker.training_thread(self.data.dataset, cell, self.model_panel.params(),
                                             self.train_settings(), self.registry, self, run_dir)
        self.thread.event.connect(self._on_event)
        self.thread.ended.connect(self._on_ended)
        self.state = "training"
        self._refresh_controls()
        self.statusBar().showMessage(translate("MainWindow", "Training {0}…").format(
            translate("cells", cell.label)))
        self.controls.progress.setFormat(translate("MainWindow", "building the model…"))
        self.thread.start()
        self.pacer.reset()
        self.redraw_timer.start()

    def toggle_pause(self) -> None:
        if self.thread is None or self.state == "idle":
            return
        if self.state == "paused":
            self.thread.resume()
            self.state = "training"
            self.statusBar().showMessage(translate("MainWindow", "Resumed."))
        else:
            self.thread.pause()
            self.state = "paused"
            self.statusBar().showMessage(translate("MainWindow", "Paused. Resume with Ctrl+P, or Stop."))
        self._refresh_controls()

    def stop_training(self) -> None:
        if self.thread is None or self.state == "idle":
            return
        self.thread.stop()
        self.statusBar().showMessage(translate("MainWindow", "Stopping after the current batch…"))
        self.controls.stop_button.setEnabled(False)

    def _on_event(self, ev: Any) -> None:
        # The batches before this event are already queued: take them first, so the progress
        # bar, the loss plot and the heatmap or prediction all speak of the same epoch.
        self._take_batches()
        self.live.add_event(ev)  # to the run model: the views and _run_changed follow it

    def _run_changed(self, topic: str, ev: Any) -> None:
        """The window's own part of a run's events: the controls and the status bar."""
        if topic == "run" and self.live.model.started is not None:
            ev = self.live.model.started
            self.live.set_run_context(ev.run_dir, self.data.dataset)
            self.controls.begin(ev.epochs, ev.steps_per_epoch, ev.initial_epoch)
            self.controls.tensorboard_hint.setVisible(False)
            if self.controls.values()["tensorboard"]:
                from seqstudio.engine.tensorboard import open_command

                folder, command = open_command(ev.run_dir)
                self.controls.show_tensorboard(str(folder), command)
            self.statusBar().showMessage(
                translate("MainWindow", "Training {0:,} parameters; run directory {1}")
                .format(ev.total_params, ev.run_dir))
        elif topic == "epoch":
            metrics = ", ".join(f"{k} {v:.4g}" for k, v in ev.metrics.items())
            phrase = self.baselines.phrase(ev.metrics)
            self.statusBar().showMessage(translate("MainWindow", "Epoch {0}: {1}")
                                         .format(ev.epoch + 1, metrics)
                                         + (f" · {phrase}" if phrase else ""))

    def _take_batches(self) -> None:
        batches = self.thread.take_batches() if self.thread is not None else []
        if batches:
            self.live.add_batches(batches)
            self.controls.update_progress(batches[-1].epoch, batches[-1].batch)

    def _tick(self) -> None:
        self.pacer.tick()
        self._redraw(flush=False)  # staggered: the loss or the heatmap, not both

    def _redraw(self, flush: bool = True) -> None:
        self._take_batches()
        self.live.redraw(flush)

    def _on_ended(self, result: Finished) -> None:
        self._redraw()
        self.redraw_timer.stop()
        thread, self.thread = self.thread, None
        if thread is not None:
            thread.wait()
            thread.deleteLater()
        if not self._closing:
            worker.warm_up(self.registry)
        self.state = "idle"
        self.last_result = result
        self._refresh_controls()
        text = summary_text(result)
        details = summary_details(result, self.baselines.comparison(self.live.last_metrics))
        self.controls.finish(text, details)
        self.statusBar().showMessage(f"{text}. {details} "
                                     + translate("MainWindow", "Run directory: {0}").format(result.run_dir))
        if result.divergence is not None:
            self.live.loss.mark_divergence(result.divergence)
        if result.epochs_done and not self._closing:
            self.live.run_stopped(result.best_epoch)
        if result.status == "failed" and not self._closing:
            show_failure(self, result)
        self.trainingFinished.emit(result)

    # -- runs and help ---------------------------------------------------------------------
    def open_run_dialog(self) -> None:
        run_opener.open_run_dialog(self)

    def open_run(self, folder: str | Path) -> None:
        run_opener.open_run(self, folder)

    def open_lesson_dialog(self) -> None:
        from seqstudio.gui.lesson_panel import open_lesson_dialog

        open_lesson_dialog(self)

    def open_lesson(self, path: str | Path) -> bool:
        return self.lesson_dock.open(path)

    def save_lesson_dialog(self) -> None:
        from seqstudio.gui.lesson_panel import save_lesson_dialog

        save_lesson_dialog(self)

    def open_compare(self) -> None:
        from seqstudio.gui.compare_window import open_compare

        open_compare(self)

    def show_about(self) -> None:
        show_about(self, self.tf.versions)

    # -- closing -----------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop training and wait for every background thread; safe to call twice."""
        self._closing = True
        self.redraw_timer.stop()
        self.live.validator.cancel()  # no prediction of the validation part starts now
        if self.thread is not None:
            self.thread.stop()
            self.thread.wait()
        self.tf.wait()
        from seqstudio.gui.tasks import wait_for_tasks

        wait_for_tasks()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self._closing:
            remembered.save(self)
        self.hide()  # the user sees the window go at once, even while threads wind down
        self.shutdown()
        event.accept()
