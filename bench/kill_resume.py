"""Kill training at random moments and resume it: does every run directory survive?

    python bench/kill_resume.py              # 20 kills, half of the CLI, half of the app's child
    python bench/kill_resume.py --kills 4 --seed 1

Two kinds of kill, alternating:

* cli: ``seqstudio train`` (the first time) or ``seqstudio resume`` on one long run;
* app: a fresh run trained by the app's training process (``seqstudio.engine.remote``, what the
  GUI starts).

Each is SIGKILLed a random 0-3 s after training started or, for a random half of the kills, after
its first epoch of the session ended (so kills fall in the first epoch, in later ones, and in the
writes between them).

After each kill the directory is checked before anything repairs it: config, history, batches and
every checkpoint read back; the history runs 1..N with no gap and no duplicate; the newest
checkpoint is no later than the history. Then ``seqstudio resume`` continues it (the app's runs for
one more epoch, the CLI run at the next kill). At the end the CLI run is resumed to completion and
its history and batch rows checked for gaps and duplicates. It prints "K of K" when every kill was
recovered from, and its elapsed time. Each kill costs a fresh process (TensorFlow's import), so 20
kills take a few minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

TEXT = ("the cat sat on the mat . a dog ran to the log . the bird sang in the tree . "
        "a fish swam by the rock . ") * 6
TRAIN = ["--epochs", "400", "--seq-len", "8", "--units", "8", "--batch-size", "32"]


def seqstudio(*args: object) -> list[str]:
    return [sys.executable, "-m", "seqstudio", *map(str, args)]


def check(path: Path) -> tuple[int, list[str]]:
    """(epochs in the history, problems) of a run directory as a kill left it."""
    from seqstudio.engine.checkpoints import check_checkpoint
    from seqstudio.engine.rundir import RunDir, RunDirError

    problems: list[str] = []
    try:
        run = RunDir(path)
    except RunDirError as exc:
        return 0, [f"unreadable: {exc}"]
    epochs = [int(r["epoch"]) for r in run.history()]
    if epochs != list(range(1, len(epochs) + 1)):
        problems.append(f"history epochs {epochs}")
    for _, file in run.checkpoints():
        try:
            check_checkpoint(file)
        except RunDirError as exc:
            problems.append(str(exc))
    latest = run.latest_checkpoint()
    if latest is None:
        problems.append("no checkpoint")
    elif latest[0] > len(epochs):
        problems.append(f"checkpoint {latest[0]} ahead of the history ({len(epochs)} rows)")
    run.batch_rows(), run.snapshots(), run.predictions(), run.status()
    return len(epochs), problems


def kill_cli(command: list[str], rng: random.Random, after_epoch: bool) -> None:
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    started, epoch_ended = threading.Event(), threading.Event()

    def watch() -> None:
        for line in proc.stdout:
            if line.startswith("training ->"):
                started.set()
            elif line.startswith("epoch "):
                epoch_ended.set()

    threading.Thread(target=watch, daemon=True).start()
    (epoch_ended if after_epoch else started).wait(180)
    time.sleep(rng.uniform(0, 3))
    proc.send_signal(signal.SIGKILL)
    proc.wait()


def kill_app_child(data: Path, run_dir: Path, rng: random.Random, after_epoch: bool) -> None:
    from seqstudio.data import DataOptions, load_dataset
    from seqstudio.engine.events import EpochEnd, Started
    from seqstudio.engine.remote import TrainingProcess, TrainJob

    dataset = load_dataset(data, DataOptions(seq_len=8))
    child = TrainingProcess()
    child.submit(TrainJob(dataset=dataset, cell="simple-rnn-tanh", params={"units": 8},
                          settings={"epochs": 400, "batch_size": 32}, run_dir=str(run_dir)))
    deadline = time.time() + 180
    for event in child.stream():
        if isinstance(event, EpochEnd if after_epoch else Started) or time.time() > deadline:
            break
    time.sleep(rng.uniform(0, 3))
    os.kill(child.pid, signal.SIGKILL)
    child.exit_code(wait=10)
    child.close(wait=1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", type=Path, help="work in this folder (default: a temporary one)")
    args = parser.parse_args()
    started = time.perf_counter()
    import tempfile

    folder = args.keep or Path(tempfile.mkdtemp(prefix="seqstudio-kill-"))
    folder.mkdir(parents=True, exist_ok=True)
    data = folder / "tiny.txt"
    data.write_text(TEXT)
    rng = random.Random(args.seed)
    cli_run = folder / "cli-run"
    recovered, temporaries = 0, 0
    for k in range(args.kills):
        kind = "cli" if k % 2 == 0 else "app"
        if kind == "cli":
            command = (seqstudio("train", data, *TRAIN, "--out", cli_run) if not cli_run.exists()
                       else seqstudio("resume", cli_run))
            kill_cli(command, rng, rng.random() < 0.5)
            path = cli_run
        else:
            path = folder / f"app-run-{k:02d}"
            kill_app_child(data, path, rng, rng.random() < 0.5)
        from seqstudio.engine.runwriter import RunWriter

        temporaries += len(RunWriter(path).stray_temporaries())
        epochs, problems = check(path)
        ok = not problems
        if ok and kind == "app":  # the GUI's run, continued on the command line
            out = subprocess.run(seqstudio("resume", path, "--epochs", epochs + 1, "--quiet"),
                                 capture_output=True, text=True)
            after, more = check(path)
            ok = out.returncode == 0 and after == epochs + 1 and not more
            problems += more + ([out.stderr.strip()[-300:]] if out.returncode else [])
        recovered += ok
        print(f"kill {k + 1:2d} ({kind}): {epochs} epoch(s) on disk, "
              + ("recovered" if ok else "PROBLEM: " + "; ".join(problems)), flush=True)
    final, problems = check(cli_run)
    out = subprocess.run(seqstudio("resume", cli_run, "--epochs", final + 1, "--quiet"),
                         capture_output=True, text=True)
    from seqstudio.engine.rundir import RunDir

    run = RunDir(cli_run)
    epochs = [int(r["epoch"]) for r in run.history()]
    rows = run.batch_rows()
    per_epoch: dict[int, list[int]] = {}
    for epoch, batch, _, _ in rows:
        per_epoch.setdefault(epoch, []).append(batch)
    steps = len(per_epoch.get(1, []))
    gapless = (out.returncode == 0 and epochs == list(range(1, final + 2))
               and sorted(per_epoch) == epochs
               and all(b == list(range(steps)) for b in per_epoch.values()))
    print(f"\n{recovered} of {args.kills} kills recovered from (resumed with no corrupt file)")
    print(f"the CLI run after its kills and a last resume: epochs 1..{epochs[-1] if epochs else 0}"
          f", {len(rows)} batch rows, {steps} per epoch: "
          + ("no gap, no duplicate" if gapless else f"PROBLEM ({out.stderr.strip()[-300:]})"))
    print(f"temporary files left by killed writes (ignored by readers, removed by resume): "
          f"{temporaries}")
    print(f"elapsed: {time.perf_counter() - started:.0f} s; work folder {folder}")
    return 0 if recovered == args.kills and gapless else 1


if __name__ == "__main__":
    raise SystemExit(main())
