"""GUI benchmark: four figures measured in one run, printed beside their targets.

Each figure is printed beside a baseline measured in the same run:

1. GUI-driven training throughput against the headless engine on the same settings (>= 0.97):
   batches per second after the first epoch. Both train in a fresh child process and send their
   events over the same socket; the app's side also draws them live.
2. UI event-loop latency while training with live plots, p50 and p99 (p99 <= 20 ms) over the
   same steady span as the throughput (after the first epoch), beside the
   same probe on the same window with nothing training.
3. Time from launching ``seqstudio`` to a visible window (<= 1.5 s), beside a bare PySide6 window
   launched the same way.
4. Loss-plot redraw time with 10^6 points (<= 16 ms), beside a stock pyqtgraph ``PlotWidget``
   given the same points with its default settings.

The last line is the benchmark's own elapsed time.

Run from a checkout: ``QT_QPA_PLATFORM=offscreen python bench/gui.py`` (or under Xvfb with
``DISPLAY`` set). ``--quick`` uses fewer repeats.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402

import seqstudio.gui  # noqa: E402,F401 - applies the PySide6 workaround before any Qt call

CELL = "simple-rnn-tanh"


def percentile(values, q):
    return float(np.percentile(np.asarray(values, dtype=float), q)) if len(values) else float("nan")


# -- 3. launch ---------------------------------------------------------------------------------
#: a bare PySide6 window, timed the way the app's launch is (the first expose or paint)
BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
class Watch(QObject):
    done = False
    def eventFilter(self, obj, event):
        if not self.done and event.type() in (QEvent.Type.Expose, QEvent.Type.Paint):
            self.done = True
            print(f"window-exposed {time.time():.6f}", flush=True)
            QTimer.singleShot(100, QApplication.closeAllWindows)
        return False
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1366, 768)
watch = Watch()
window.installEventFilter(watch)
window.show()
app.exec()
"""


def launch_time(repeats: int, bare: bool = False) -> list[float]:
    """Seconds from starting the process to its window on screen: ``seqstudio``, or with
    ``bare`` a PySide6 window with nothing in it (what Python and Qt cost on their own)."""
    env = dict(os.environ, SEQSTUDIO_GUI_EXIT_AFTER_SHOW="0.1")
    argv = [sys.executable, "-c", BARE_WINDOW] if bare else [sys.executable, "-m", "seqstudio"]
    times = []
    for _ in range(repeats):
        start = time.time()
        proc = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=120)
        line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("window-exposed")),
                    None)
        if line is None:
            raise RuntimeError(f"the app did not report a visible window:\n{proc.stderr[-2000:]}")
        times.append(float(line.split()[1]) - start)
    return times


# -- 4. redraw with 10^6 points -----------------------------------------------------------------
def redraw_times(app, repeats: int) -> list[float]:
    from seqstudio.gui.qt_loss_plot import QtLossPlot

    plot = QtLossPlot()
    plot.resize(900, 420)
    plot.show()
    n = 1_000_000
    rng = np.random.default_rng(0)
    x = np.arange(n) / 1000.0
    y = np.exp(-x / 300) * 3 + rng.normal(0, 0.05, n) ** 2
    plot.clear(steps_per_epoch=1000)
    plot.set_batches(x, y)
    plot.redraw()
    plot.plot.repaint()
    app.processEvents()
    times = []
    for i in range(repeats):
        # A live update: a few more batches arrive, then the timer redraws and Qt paints.
        from seqstudio.engine.events import BatchEnd

        plot.add_batches([BatchEnd(1000 + i, b, n + i * 10 + b, 0.5) for b in range(10)])
        t0 = time.perf_counter()
        plot.redraw()
        plot.plot.viewport().repaint()
        times.append(time.perf_counter() - t0)
    plot.close()
    return times


def stock_redraw_times(app, repeats: int) -> list[float]:
    """The baseline of figure 4: a stock pyqtgraph curve (no downsampling, no clipping) with the
    same 10^6 points, growing by the same 10 points before each repaint."""
    import pyqtgraph as pg

    widget = pg.PlotWidget()
    widget.resize(900, 420)
    widget.show()
    n = 1_000_000
    rng = np.random.default_rng(0)
    x = np.arange(n) / 1000.0
    y = np.exp(-x / 300) * 3 + rng.normal(0, 0.05, n) ** 2
    curve = widget.plot(x, y)
    widget.repaint()
    app.processEvents()
    times = []
    for i in range(repeats):
        x = np.append(x, (n + i * 10 + np.arange(10)) / 1000.0)
        y = np.append(y, np.full(10, 0.5))
        t0 = time.perf_counter()
        curve.setData(x, y)
        widget.viewport().repaint()
        times.append(time.perf_counter() - t0)
    widget.close()
    return times


def wait_until_ready(app, window, timeout_s: float = 180) -> None:
    """Process events until the window has TensorFlow and its dataset."""
    deadline = time.monotonic() + timeout_s
    while not (window.tf.is_ready and window.data.dataset is not None):
        app.processEvents()
        time.sleep(0.01)
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get ready")


def lateness_probe(interval: float = 0.010, stamps: list[float] | None = None):
    """A precise timer of ``interval`` seconds (not started) and the list it fills with how late
    each of its ticks came, in seconds: the event loop's latency; ``stamps``, if given, gets the
    time of each of them."""
    from PySide6.QtCore import Qt, QTimer

    lateness: list[float] = []
    last = [0.0]

    def tick():
        now = time.perf_counter()
        if last[0]:
            lateness.append(max(0.0, now - last[0] - interval))
            if stamps is not None:
                stamps.append(now)
        last[0] = now

    probe = QTimer()
    probe.setTimerType(Qt.TimerType.PreciseTimer)
    probe.setInterval(int(interval * 1000))
    probe.timeout.connect(tick)
    return probe, lateness


def idle_lateness(app, path: Path, seconds: float) -> list[float]:
    """The baseline of figure 2: the same 10 ms probe on the same window, ready and idle."""
    from PySide6.QtCore import QEventLoop, QTimer

    from seqstudio.gui.main_window import MainWindow

    window = MainWindow(path)
    window.resize(1366, 768)
    window.show()
    wait_until_ready(app, window)
    quiet_machine()
    probe, lateness = lateness_probe()
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    probe.start()
    loop.exec()
    probe.stop()
    window.close()
    return lateness


# -- 1 and 2. training ---------------------------------------------------------------------------
def settings_for(dataset, epochs: int, batch_size: int) -> dict:
    """The window's settings (its snapshot cadence too), for both the window and headless."""
    from seqstudio.gui.views import SNAPSHOT_SECONDS

    steps = max(1, -(-dataset.n_train // batch_size))
    return {"epochs": epochs, "batch_size": batch_size, "optimizer": "adam",
            "learning_rate": 1e-3, "seed": 0,
            "snapshot_every": max(1, steps // 4) if steps >= 8 else None,
            "snapshot_seconds": SNAPSHOT_SECONDS}


class Clock:
    """Batches per second in the steady state: from the end of the first epoch (whose first call
    traces the training function) to the Finished event, epoch-end work included."""

    def __init__(self) -> None:
        self.start: float | None = None
        self.end: float | None = None
        self.batches = 0
        self.cpu: dict[str, float] = {}

    def __call__(self, ev) -> None:
        from seqstudio.engine.events import BatchEnd, EpochEnd, Finished

        if isinstance(ev, BatchEnd) and self.start is not None:
            self.batches += 1
        elif isinstance(ev, EpochEnd) and self.start is None:
            self.start = time.perf_counter()
            self.cpu["start"] = time.process_time()
        elif isinstance(ev, Finished):
            self.end = time.perf_counter()
            self.cpu["end"] = time.process_time()

    @property
    def cpu_share(self) -> float:
        """CPU time of this process (all its threads) over the steady part, per wall second."""
        return (self.cpu["end"] - self.cpu["start"]) / (self.end - self.start)

    @property
    def rate(self) -> float:
        return self.batches / (self.end - self.start)


def quiet_machine() -> None:
    """Let a training process started ahead of time finish importing TensorFlow first: it must
    not take CPU time from whatever is timed next."""
    from seqstudio.engine import remote

    remote.wait_warm()


def headless_rate(dataset, values: dict, run_dir: Path) -> float:
    """The headless engine in a fresh process, as ``seqstudio train`` runs it, its events read
    over the same channel as the app's: the only difference left is the window."""
    from seqstudio.engine import remote
    from seqstudio.engine.events import Finished

    quiet_machine()
    clock = Clock()
    proc = remote.TrainingProcess()
    try:
        proc.submit(remote.TrainJob(dataset, CELL, {}, dict(values), run_dir=str(run_dir)))
        for ev in proc.stream():
            clock(ev)
            if isinstance(ev, Finished):
                assert ev.status == "finished", ev
        if clock.end is None:
            raise RuntimeError(f"the headless run died (exit code {proc.exit_code()})")
    finally:
        proc.close()
    return clock.rate


def gui_rate(app, path: Path, values: dict, probe_loop: bool) -> tuple[float, list[float]]:
    """Train from the window with live plots; with ``probe_loop``, a 10 ms timer measures how
    late the event loop runs (a separate run, so the probe does not slow the throughput run)."""
    from PySide6.QtCore import QEventLoop

    from seqstudio.gui import worker
    from seqstudio.gui.main_window import MainWindow

    clock = Clock()
    original = worker.TrainingThread._on_event

    def timed(self, ev):
        clock(ev)
        original(self, ev)

    worker.TrainingThread._on_event = timed
    window = MainWindow(path)
    ticks: list[float] = []
    window.redraw_timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    window.resize(1366, 768)
    window.show()
    wait_until_ready(app, window)
    quiet_machine()
    window.model_panel.select_cell(CELL)
    window.controls.set_values(values)
    window.train_settings = lambda: dict(values)  # exactly the headless settings
    stamps: list[float] = []
    probe, lateness = lateness_probe(stamps=stamps)
    done = []
    loop = QEventLoop()
    window.trainingFinished.connect(done.append)
    window.trainingFinished.connect(loop.quit)
    window.start_training()
    if probe_loop:
        probe.start()
    loop.exec()  # a real event loop, as in the app: no polling
    probe.stop()
    worker.TrainingThread._on_event = original
    assert done[0].status == "finished", done[0]
    window.close()
    steady = [t for t in ticks if clock.start <= t <= clock.end]
    # the latency of the same steady span as the throughput: before it the training process builds
    # and traces the model, and the window has nothing to draw
    lateness = [late for t, late in zip(stamps, lateness, strict=True)
                if clock.start <= t <= clock.end]
    gui_rate.last = {"redraws_per_s": len(steady) / (clock.end - clock.start),
                     "cpu_share": clock.cpu_share}
    return clock.rate, lateness


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    started = time.perf_counter()
    repeats = 1 if args.quick else 5
    # The benchmark's windows (and the launched processes) must not read or change the user's
    # remembered settings: Qt keeps them under XDG_CONFIG_HOME on Linux.
    settings_home = tempfile.mkdtemp(prefix="seqstudio-bench-settings-")
    os.environ["XDG_CONFIG_HOME"] = settings_home

    from seqstudio.gui.app import make_application

    app = make_application([sys.argv[0]])
    from seqstudio.data.samples import SAMPLES

    path = Path(SAMPLES["toy_grammar"])
    from seqstudio.gui import worker
    from seqstudio.plugins import get_registry

    where = "a child process" if worker.uses_process(get_registry()) else "a thread of the app"
    print(f"seqstudio GUI benchmark · {path.name} · {CELL} · {args.epochs} epochs · batch "
          f"{args.batch_size} · Qt platform {app.platformName()} · {os.cpu_count()} CPUs · the "
          f"GUI trains in {where}",
          flush=True)

    launches = launch_time(3)
    bare_launches = launch_time(3, bare=True)
    redraws = redraw_times(app, 30)
    stock_redraws = stock_redraw_times(app, 30)

    from seqstudio.data import load_dataset

    dataset = load_dataset(path)
    values = settings_for(dataset, args.epochs, args.batch_size)
    headless, gui, lateness, drawing = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)
        headless_rate(dataset, {**values, "epochs": 1}, Path(tmp) / "warmup")
        for i in range(repeats):  # alternate, so drift on a shared machine hits both
            headless.append(headless_rate(dataset, values, Path(tmp) / f"headless-{i}"))
            gui.append(gui_rate(app, path, values, probe_loop=False)[0])
            drawing.append(gui_rate.last)
        lateness = gui_rate(app, path, values, probe_loop=True)[1]
        idle = idle_lateness(app, path, seconds=5 if args.quick else 10)

    def ms(values, q):
        return f"{percentile(values, q) * 1000:.1f} ms"

    ratio = statistics.median(gui) / statistics.median(headless)
    p99 = percentile(lateness, 99) * 1000
    launch = statistics.median(launches)
    redraw = statistics.median(redraws)
    # figure, seqstudio, baseline (measured in this run), target, met
    rows = [
        ("training throughput", f"GUI {statistics.median(gui):.1f} batches/s ({ratio:.3f}x)",
         f"headless {statistics.median(headless):.1f} batches/s", ">= 0.97x", ratio >= 0.97),
        ("live redraws while training",
         f"{statistics.median(d['redraws_per_s'] for d in drawing):.1f}/s, app CPU "
         f"{statistics.median(d['cpu_share'] for d in drawing):.0%} of a core", "", "", None),
        ("event-loop latency p50", ms(lateness, 50), f"idle window {ms(idle, 50)}", "", None),
        ("event-loop latency p99", f"{p99:.1f} ms ({len(lateness)} samples)",
         f"idle window {ms(idle, 99)} ({len(idle)})", "<= 20 ms", p99 <= 20),
        ("launch to visible window", f"{launch:.2f} s (" + ", ".join(f"{t:.2f}" for t in launches)
         + ")", f"bare PySide6 window {statistics.median(bare_launches):.2f} s", "<= 1.5 s",
         launch <= 1.5),
        ("loss redraw, 10^6 points", f"{redraw * 1000:.1f} ms median, {max(redraws) * 1000:.1f} max",
         f"stock pyqtgraph {statistics.median(stock_redraws) * 1000:.1f} ms median", "<= 16 ms",
         redraw <= 0.016),
    ]
    header = ("figure", "seqstudio", "baseline (this run)", "target")
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(4)]
    for row in [header, *rows]:
        mark = "" if len(row) < 5 or row[4] is None else ("  ok" if row[4] else "  MISSED")
        cells = zip(row[:4], widths, strict=True)
        print("  ".join(f"{str(cell):<{w}}" for cell, w in cells).rstrip() + mark)
    print(f"elapsed: {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
