"""The main window: data, model and plugins on the left, training controls below them, and the
live plots on the right. Opening files (by dialog, drop or the recent list), the window's state
and its closing are here; a training run (Start, Pause, Stop, its events and its end) is the
window's :class:`~seqstudio.gui.training_session.TrainingSession`, on a
:class:`~seqstudio.gui.worker.TrainingThread`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMainWindow

from seqstudio.engine.events import Finished
from seqstudio.gui import collector, i18n, remembered, run_opener, wheel_guard, worker
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
from seqstudio.gui.plugins_panel import PluginsPanel
from seqstudio.gui.samples import default_sample
from seqstudio.gui.settings import AppSettings
from seqstudio.gui.small_screens import first_split
from seqstudio.gui.start_reason import start_reason
from seqstudio.gui.suggested import SuggestedDefaults
from seqstudio.gui.tf_loader import TensorFlowLoader
from seqstudio.gui.training_controls import TrainingControls
from seqstudio.gui.training_session import TrainingSession
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
        wheel_guard.install()
        collector.install()  # widgets are freed on this thread only (collector.py says why)

        self.data = DataPanel(registry)
        self.model_panel = ModelPanel(registry)
        self.plugins = PluginsPanel()
        self.plugins.set_registry(registry)
        self.controls = TrainingControls()
        self.live = LiveView()
        self.session = TrainingSession(self)
        # the run's redraw timer and pacer, under the names benchmarks and tests use
        self.redraw_timer, self.pacer = self.session.redraw_timer, self.session.pacer
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

    @property
    def state(self) -> str:
        """``idle``, ``training`` or ``paused``: the session's."""
        return self.session.state

    @state.setter
    def state(self, value: str) -> None:
        self.session.state = value

    @property
    def thread(self) -> TrainingThread | None:
        """The run's training thread while it trains."""
        return self.session.thread

    @property
    def last_result(self) -> Finished | None:
        """How the last run in this window ended (``None`` after opening another file)."""
        return self.session.last_result

    def _start_tf(self) -> None:
        if not self.session.closing:  # a window closed before its timer fired imports nothing
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
            self.session.last_result = None
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
        self.session.start()

    def toggle_pause(self) -> None:
        self.session.toggle_pause()

    def stop_training(self) -> None:
        self.session.stop()

    def _redraw(self, flush: bool = True) -> None:
        self.session.redraw(flush)

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
        self.session.shutdown()
        self.tf.wait()
        from seqstudio.gui.tasks import wait_for_tasks

        wait_for_tasks()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.session.closing:
            remembered.save(self)
        self.hide()  # the user sees the window go at once, even while threads wind down
        self.shutdown()
        event.accept()
