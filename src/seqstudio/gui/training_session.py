"""The main window's training run: Start (a run directory and a
:class:`~seqstudio.gui.worker.TrainingThread`), Pause/Resume and Stop, the run's events to the
live view, the training controls and the status bar, the redraw timer and its pacer, and the end
of the run (its summary, a failure dialog, ``trainingFinished``).

A :class:`TrainingSession` holds the run's state (``idle``, ``training`` or ``paused``), its
thread and its last result. It knows the window only through the window's public widgets and
methods (``live``, ``controls``, ``data``, ``model_panel``, ``baselines``, ``start_reason()``,
``train_settings()``, ``refresh_controls()``), so the window's own Start, Pause and Stop (which
the menus and shortcuts call) only hand over to it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer

from seqstudio.engine.events import Finished
from seqstudio.gui import remembered, worker
from seqstudio.gui.i18n import translate
from seqstudio.gui.pacer import RedrawPacer
from seqstudio.gui.run_summary import show_failure, summary_details, summary_text
from seqstudio.gui.worker import TrainingThread


class TrainingSession(QObject):
    """Runs one training at a time for ``window`` (a :class:`~seqstudio.gui.main_window.MainWindow`)."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.state = "idle"
        self.thread: TrainingThread | None = None
        self.last_result: Finished | None = None
        self.closing = False  # set by shutdown(): nothing new starts, no dialog opens
        self.redraw_timer = QTimer(self)
        # 12.5 Hz at most, within a CPU budget that counts the window's paints too
        self.pacer = RedrawPacer(self.redraw_timer, window=window)
        self.redraw_timer.timeout.connect(self._tick)
        # a tab brought forward paints its view afresh, once: not what the next ticks will cost
        window.live.tabs.currentChanged.connect(lambda _i: self.pacer.one_off())
        window.live.model.subscribe(self._run_changed, ("epoch",))

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message)

    # -- start, pause, stop ------------------------------------------------------------------
    def start(self) -> None:
        """Train the window's cell on its dataset with its settings, unless something is not
        ready (the status bar then says what)."""
        w = self.window
        if self.state != "idle":
            return
        reason = w.start_reason()
        if reason:
            self._say(reason)
            return
        cell = w.model_panel.cell()
        remembered.save(w)
        w.live.clear()
        w.live.set_activation(w.model_panel.activation())
        from seqstudio.engine.rundir import default_run_dir

        run_dir = str(default_run_dir(cell.name, root=w.settings.runs_folder()))
        self.thread = worker.training_thread(w.data.dataset, cell, w.model_panel.params(),
                                             w.train_settings(), w.registry, w, run_dir)
        self.thread.event.connect(self._on_event)
        self.thread.ended.connect(self._on_ended)
        self.state = "training"
        w.refresh_controls()
        self._say(translate("MainWindow", "Training {0}…").format(translate("cells", cell.label)))
        w.controls.progress.setFormat(translate("MainWindow", "building the model…"))
        self.thread.start()
        self.pacer.reset()
        self.redraw_timer.start()

    def toggle_pause(self) -> None:
        if self.thread is None or self.state == "idle":
            return
        if self.state == "paused":
            self.thread.resume()
            self.state = "training"
            self._say(translate("MainWindow", "Resumed."))
        else:
            self.thread.pause()
            self.state = "paused"
            self._say(translate("MainWindow", "Paused. Resume with Ctrl+P, or Stop."))
        self.window.refresh_controls()

    def stop(self) -> None:
        if self.thread is None or self.state == "idle":
            return
        self.thread.stop()
        self._say(translate("MainWindow", "Stopping after the current batch…"))
        self.window.controls.stop_button.setEnabled(False)

    def shutdown(self) -> None:
        """Stop redrawing and training, and wait for the training thread; safe to call twice."""
        self.closing = True
        self.redraw_timer.stop()
        self.window.live.validator.cancel()  # no prediction of the validation part starts now
        if self.thread is not None:
            self.thread.stop()
            self.thread.wait()

    # -- the run's events --------------------------------------------------------------------
    def _on_event(self, ev: Any) -> None:
        # The batches before this event are already queued: take them first, so the progress
        # bar, the loss plot and the heatmap or prediction all speak of the same epoch.
        self._take_batches()
        self.window.live.add_event(ev)  # to the run model: the views and _run_changed follow it

    def _run_changed(self, topic: str, ev: Any) -> None:
        """The window's own part of a run's events: the controls and the status bar."""
        w = self.window
        if topic == "run" and w.live.model.started is not None:
            ev = w.live.model.started
            w.live.set_run_context(ev.run_dir, w.data.dataset)
            w.controls.begin(ev.epochs, ev.steps_per_epoch, ev.initial_epoch)
            w.controls.tensorboard_hint.setVisible(False)
            if w.controls.values()["tensorboard"]:
                from seqstudio.engine.tensorboard import open_command

                folder, command = open_command(ev.run_dir)
                w.controls.show_tensorboard(str(folder), command)
            self._say(translate("MainWindow", "Training {0:,} parameters; run directory {1}")
                      .format(ev.total_params, ev.run_dir))
        elif topic == "epoch":
            metrics = ", ".join(f"{k} {v:.4g}" for k, v in ev.metrics.items())
            phrase = w.baselines.phrase(ev.metrics)
            self._say(translate("MainWindow", "Epoch {0}: {1}").format(ev.epoch + 1, metrics)
                      + (f" · {phrase}" if phrase else ""))

    def _take_batches(self) -> None:
        batches = self.thread.take_batches() if self.thread is not None else []
        if batches:
            self.window.live.add_batches(batches)
            self.window.controls.update_progress(batches[-1].epoch, batches[-1].batch)

    def _tick(self) -> None:
        self.pacer.tick()
        self.redraw(flush=False)  # the loss plot and the tab in front, each when it is due

    def redraw(self, flush: bool = True) -> None:
        """Take the batches that came and redraw the live view (all of it with ``flush``)."""
        self._take_batches()
        self.window.live.redraw(flush)

    def _on_ended(self, result: Finished) -> None:
        w = self.window
        self.redraw()
        self.redraw_timer.stop()
        thread, self.thread = self.thread, None
        if thread is not None:
            thread.wait()
            thread.deleteLater()
        if not self.closing:
            worker.warm_up(w.registry)
        self.state = "idle"
        self.last_result = result
        w.refresh_controls()
        text = summary_text(result)
        details = summary_details(result, w.baselines.comparison(w.live.last_metrics))
        w.controls.finish(text, details)
        self._say(f"{text}. {details} "
                  + translate("MainWindow", "Run directory: {0}").format(result.run_dir))
        if result.divergence is not None:
            w.live.loss.mark_divergence(result.divergence)
        if result.epochs_done and not self.closing:
            w.live.run_stopped(result.best_epoch)
        if result.status == "failed" and not self.closing:
            show_failure(w, result)
        w.trainingFinished.emit(result)
