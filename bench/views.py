"""The lower-area views' cost while a run trains from the window (issue #14, point 5).

One training run from a real window (1366×768) with a snapshot at every batch, so the views have
something new to draw at every turn. Every ~1.5 s the next tab is brought to the front, so each
view is on screen for part of the run (only the tab in front is ever drawn). Printed beside the
targets:

- redraw ticks per second, and the share of ticks that drew something (>= 5 per second);
- per view: its draws per second while its tab was in front, and its draw time p50/p99/max
  (``RunView.render``, without Qt's paint that follows; <= 3 ms);
- the event loop's lateness p50/p99, from a 10 ms timer, over the whole run (p99 <= 20 ms).

Run from a checkout: ``QT_QPA_PLATFORM=offscreen python bench/views.py`` (or under Xvfb with
``DISPLAY`` set). Figures on a shared machine vary with its load; say so when quoting them.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402

import seqstudio.gui  # noqa: E402,F401 - applies the PySide6 workaround before any Qt call

SWITCH_MS = 1500


def pct(values, q) -> float:
    return float(np.percentile(np.asarray(values, dtype=float), q)) if len(values) else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--cell", default="stacked-rnn")
    args = parser.parse_args()
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="seqstudio-bench-settings-")
    from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: TID251 - a GUI benchmark

    from seqstudio.gui.app import make_application

    app = make_application([sys.argv[0]])
    from seqstudio.data.samples import SAMPLES
    from seqstudio.gui.main_window import MainWindow

    path = Path(SAMPLES["toy_grammar"])
    tmp = tempfile.mkdtemp(prefix="seqstudio-bench-views-")
    os.chdir(tmp)
    window = MainWindow(path)
    window.settings.set_runs_folder(Path(tmp) / "runs")
    window.resize(1366, 768)
    window.show()
    deadline = time.monotonic() + 180
    while not (window.tf.is_ready and window.data.dataset is not None):
        app.processEvents()
        time.sleep(0.01)
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get ready")
    window.model_panel.select_cell(args.cell)
    values = {**window.controls.values(), "epochs": args.epochs, "batch_size": args.batch_size,
              "snapshot_every": 1}
    window.controls.set_values(values)
    window.train_settings = lambda: dict(values)
    live = window.live
    ticks: list[float] = []
    drew: list[bool] = []

    def on_tick() -> None:
        ticks.append(time.perf_counter())

    counts_before: dict[str, int] = {}

    def snapshot_counts() -> dict[str, int]:
        return {name: len(v.draw_times) for name, v in live.views.items()}

    window.redraw_timer.timeout.connect(on_tick)
    original_redraw = live.redraw

    def redraw(flush: bool = False) -> None:
        before = snapshot_counts()
        loss = live.loss.pending
        original_redraw(flush)
        drew.append(snapshot_counts() != before or (loss and not live.loss.pending))

    live.redraw = redraw
    front: dict[int, float] = {}  # tab index -> seconds in front
    draws: dict[str, int] = {}
    state = {"tab": 0, "since": time.perf_counter()}

    def switch() -> None:
        now = time.perf_counter()
        front[state["tab"]] = front.get(state["tab"], 0.0) + now - state["since"]
        state["tab"] = (state["tab"] + 1) % live.tabs.count()
        state["since"] = now
        live.tabs.setCurrentIndex(state["tab"])

    switcher = QTimer()
    switcher.setInterval(SWITCH_MS)
    switcher.timeout.connect(switch)
    lateness: list[float] = []
    last = [0.0]

    def probe_tick() -> None:
        now = time.perf_counter()
        if last[0]:
            lateness.append(max(0.0, now - last[0] - 0.010))
        last[0] = now

    probe = QTimer()
    probe.setTimerType(Qt.TimerType.PreciseTimer)
    probe.setInterval(10)
    probe.timeout.connect(probe_tick)
    loop = QEventLoop()
    done = []
    window.trainingFinished.connect(done.append)
    window.trainingFinished.connect(loop.quit)
    for v in live.views.values():
        v.draw_times.clear()
    counts_before = snapshot_counts()
    live.tabs.setCurrentIndex(0)
    start = time.perf_counter()
    window.start_training()
    probe.start()
    switcher.start()
    loop.exec()
    end = time.perf_counter()
    probe.stop()
    switcher.stop()
    front[state["tab"]] = front.get(state["tab"], 0.0) + end - state["since"]
    assert done and done[0].status == "finished", done
    for name, v in live.views.items():
        draws[name] = len(v.draw_times) - counts_before.get(name, 0)
    seconds = end - start
    print(f"seqstudio views benchmark · {path.name} · {args.cell} · {args.epochs} epochs · batch "
          f"{args.batch_size} · a snapshot every batch ({len(live.model.snapshots)} snapshots, "
          f"{len(live.model.weights)} with weights) · Qt {app.platformName()} · "
          f"{os.cpu_count()} CPUs · {seconds:.1f} s")
    ticked = [t for t in ticks if start <= t <= end]
    rate = len(ticked) / seconds
    share = sum(drew) / max(1, len(drew))
    print(f"redraw ticks          {rate:5.1f} per second, {share:.0%} of them drew something"
          f"   target >= 5  {'ok' if rate >= 5 else 'MISSED'}")
    worst = 0.0
    for name, v in live.views.items():
        times = np.asarray(v.draw_times) * 1000
        tab = live._tab_of[name]
        on = front.get(tab, 0.0)
        per_s = draws[name] / on if on else float("nan")
        p99 = pct(times, 99)
        worst = max(worst, p99 if np.isfinite(p99) else 0.0)
        print(f"  {name:<13} {per_s:5.1f} draws/s while in front ({on:4.1f} s) · draw "
              f"p50 {pct(times, 50):5.2f} ms  p99 {p99:5.2f} ms  max "
              f"{times.max() if len(times) else float('nan'):5.2f} ms ({len(times)} draws)"
              f"   target <= 3 ms  {'ok' if p99 <= 3 else 'MISSED'}")
    p50, p99 = pct(lateness, 50) * 1000, pct(lateness, 99) * 1000
    print(f"event-loop lateness   p50 {p50:.1f} ms  p99 {p99:.1f} ms ({len(lateness)} samples)"
          f"   target <= 20 ms  {'ok' if p99 <= 20 else 'MISSED'}")
    scrub_costs(app, live)
    window.close()
    return 0


def scrub_costs(app, live, rounds: int = 3) -> None:
    """After the run: each view in front, scrubbed over every snapshot ``rounds`` times; per
    draw, its ``render`` and then Qt's repaint of its tab (what a user waits for), warm (the
    first draw of each view, which creates its items, is left out)."""
    model = live.model
    count = len(model.snapshots)
    print(f"scrubbing the finished run ({count} snapshots, {rounds} rounds), warm draws:")
    for name, view in live.views.items():
        live.show_view(name)
        app.processEvents()
        model.select(0)
        app.processEvents()
        render, paint = [], []
        for _ in range(rounds):
            for i in range(count):
                before = len(view.draw_times)
                model.select(i if model.index != i else (i + 1) % count)
                if len(view.draw_times) > before:
                    render.append(view.draw_times[-1] * 1000)
                t0 = time.perf_counter()
                live.tabs.currentWidget().repaint()
                paint.append((time.perf_counter() - t0) * 1000)
        total = [r + p for r, p in zip(render, paint, strict=False)]
        print(f"  {name:<13} render p50 {pct(render, 50):5.2f} ms  p99 {pct(render, 99):5.2f} ms"
              f" · with the tab's repaint p50 {pct(total, 50):5.2f} ms  p99 "
              f"{pct(total, 99):5.2f} ms ({len(render)} draws)   target <= 3 ms  "
              f"{'ok' if pct(total, 99) <= 3 else 'MISSED'}")


if __name__ == "__main__":
    raise SystemExit(main())
