"""Do the models learn? ``seqstudio train`` with the defaults on real public data, against honest
baselines (``seqstudio evaluate``).

    python bench/quality.py            # every file, the table, the targets
    python bench/quality.py --quick    # four of the seven cases (the quickest), the same data
    python bench/quality.py --json     # also one JSON object as the last line

The data is nobody's here: it is picked from installed packages and written to a temporary folder
the way a user would have it.

* forecast: three series that ship inside ``statsmodels``: yearly sunspots (``YEAR``,
  ``SUNACTIVITY``), weekly Mauna Loa CO2 (``date``, ``co2``; trend and season, with gaps) and a
  monthly turnover index of electrical equipment (``DATE``, ``turnover``; seasonal).
* classify: sentences of the licence texts of installed distributions (``text``, ``label``),
  labelled with the licence: for each licence the longest licence file that is that licence (it
  names it first, near the top; cut where another licence begins), kept when it gives at least
  :data:`MIN_SENTENCES` distinct sentences; a sentence found under two licences is dropped; at
  least 3 classes.
* lm: the longest licence file of an installed distribution between 25,000 and 50,000
  characters; char level with all defaults, and word level with the notes' 100 words x 20 steps x
  10 units (one-hot) for 3 epochs.

Each file is trained in its own ``seqstudio train`` process (the path a user takes; defaults unless
the case names its settings) and scored by ``seqstudio evaluate --json``. The targets (issue 10):

* forecast: MAE below persistence and below seasonal naive;
* classify: accuracy at least 10 points above the majority class;
* lm, char level: validation loss clearly (at least 2 %) below the interpolated bigram;
* lm, word level, 100 x 20 x 10: validation loss below the unigram within 3 epochs.

Last, the bundled toy grammar with the defaults (what the app's first Start trains), against the
bigram (issue 10, point 3); it is not one of the real files.

It also counts how often the model beats AR(p) and the bag-of-words model. Timings are wall
clock on whatever else the machine is doing.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import importlib.metadata as md
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MIN_SENTENCES = 40
HEAD_CHARS = 3000
CLEARLY = 0.02  # "clearly below the bigram": at least 2 % lower validation loss
#: --quick trains only these (the same data as the full run, so the same figures)
QUICK = ("sunspots.csv", "elec_equip.csv", "licence_sentences.csv",
         "licence.txt (word 100x20x10)")
NOTES_WORD_LM = ["--level", "word", "--vocab", "100", "--seq-len", "20", "--units", "10",
                 "--epochs", "3", "--input-kind", "onehot"]
LICENCE_MARKERS = {
    "Apache-2.0": "apache license",
    "GPL": "gnu general public license",
    "LGPL": "gnu lesser general public license",
    "MPL-2.0": "mozilla public license",
    "CC-BY": "creative commons attribution",
    "PSF": "python software foundation license",
    "MIT": "permission is hereby granted, free of charge",
    "BSD": "redistribution and use in source and binary forms",
}


@dataclass
class Case:
    name: str
    task: str
    path: Path
    source: str
    args: list[str] = field(default_factory=list)
    kind: str = ""  # which target applies: forecast, classify, lm-char, lm-word

    @property
    def settings(self) -> str:
        return "defaults" if not self.args else " ".join(self.args)


# -- data ----------------------------------------------------------------------------------------
def forecast_cases(tmp: Path) -> list[Case]:
    import pandas as pd

    datasets = importlib.import_module("statsmodels.datasets")
    cases = []
    sun = datasets.sunspots.load_pandas().data.copy()
    sun["YEAR"] = sun["YEAR"].astype(int)
    co2 = datasets.co2.load_pandas().data.rename_axis("date").reset_index()
    elec = importlib.import_module("statsmodels.datasets.elec_equip").load_pandas().data
    elec = elec.set_axis(["turnover"], axis=1).rename_axis("DATE").reset_index()
    for name, frame, source in [
        ("sunspots.csv", sun, "statsmodels.datasets.sunspots (yearly)"),
        ("co2.csv", co2, "statsmodels.datasets.co2 (weekly, trend + season, gaps)"),
        ("elec_equip.csv", elec, "statsmodels.datasets.elec_equip (monthly, seasonal)"),
    ]:
        path = tmp / name
        pd.DataFrame(frame).to_csv(path, index=False)
        cases.append(Case(name, "forecast", path, f"{source}, {len(frame)} rows", kind="forecast"))
    return cases


def licence_files() -> list[tuple[int, str, str, str]]:
    """``(length, distribution, path, text)`` of every licence file of installed distributions."""
    seen, out = set(), []
    for dist in md.distributions():
        for f in dist.files or []:
            upper = f.name.upper()
            if not any(k in upper for k in ("LICENSE", "LICENCE", "COPYING")):
                continue
            if upper.endswith((".PY", ".PYC", ".HTML", ".RST", ".JSON")):
                continue
            try:
                text = f.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError, ValueError):
                continue
            if text and text not in seen:
                seen.add(text)
                out.append((len(text), dist.metadata["Name"] or "?", str(f), text))
    return sorted(out, key=lambda item: (-item[0], item[1], item[2]))


def sentences(text: str) -> list[str]:
    """Sentences (or clauses ending a paragraph) of at least 5 words, whitespace collapsed."""
    out = []
    for paragraph in re.split(r"\n\s*\n", text):
        flat = " ".join(paragraph.split())
        for piece in re.split(r"(?<=[.;!?])\s+", flat):
            piece = piece.strip()
            if len(piece.split()) >= 5 and re.search(r"[A-Za-z]{3}", piece):
                out.append(piece)
    return list(dict.fromkeys(out))


def licence_of(text: str) -> tuple[str, str] | None:
    """The licence a file is (the first marker, within its first :data:`HEAD_CHARS` characters)
    and its text up to where another licence begins: a line that starts with another marker
    (bundled notices often follow; a mention inside a sentence does not count)."""
    low = text.lower()
    found = sorted((low.find(m), n) for n, m in LICENCE_MARKERS.items() if m in low)
    if not found or found[0][0] > HEAD_CHARS:
        return None
    start, name = found[0]
    stops = [hit.start() for n, m in LICENCE_MARKERS.items() if n != name
             for hit in re.finditer(r"^[ \t]*" + re.escape(m), low, re.MULTILINE)
             if hit.start() > start]
    return name, text[: min(stops)] if stops else text


def classify_case(tmp: Path, files) -> tuple[Case | None, str]:
    chosen: dict[str, tuple[str, list[str]]] = {}
    for _, dist, path, text in files:
        licence = licence_of(text)
        if licence and licence[0] not in chosen:
            found = sentences(licence[1])
            if len(found) >= MIN_SENTENCES:
                chosen[licence[0]] = (f"{dist}:{path}", found)
    counts = {}
    for _, found in chosen.values():
        counts.update({s: counts.get(s, 0) + 1 for s in found})
    rows = [(s, label) for label, (_, found) in sorted(chosen.items()) for s in found
            if counts[s] == 1]
    if len(chosen) < 3:
        return None, f"only {len(chosen)} licences with {MIN_SENTENCES}+ sentences installed"
    path = tmp / "licence_sentences.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["text", "label"])
        writer.writerows(rows)
    source = "; ".join(f"{label} <- {where}" for label, (where, _) in sorted(chosen.items()))
    return Case(path.name, "classify", path, f"{len(rows)} sentences, {len(chosen)} classes: "
                f"{source}", kind="classify"), ""


def lm_cases(tmp: Path, files) -> list[Case]:
    fits = [item for item in files if 25_000 <= item[0] <= 50_000]
    if not fits:
        return []
    length, dist, where, text = fits[0]
    path = tmp / "licence.txt"
    path.write_text(text, encoding="utf-8")
    source = f"{dist}:{where}, {len(text):,} characters, {len(text.split()):,} words"
    return [Case("licence.txt (char)", "lm", path, source, kind="lm-char"),
            Case("licence.txt (word 100x20x10)", "lm", path, source, NOTES_WORD_LM,
                 kind="lm-word")]


def sample_case() -> Case:
    """The bundled toy grammar with the defaults: what the app's first Start trains."""
    from seqstudio.data import SAMPLES

    path = Path(SAMPLES["toy_grammar"])
    return Case("toy_grammar.txt (bundled)", "lm", path,
                f"the bundled sample, {path.stat().st_size:,} bytes", kind="lm-sample")


# -- training and judging --------------------------------------------------------------------------
def seqstudio(*argv: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3",
           "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([sys.executable, "-m", "seqstudio", *argv], capture_output=True,
                          text=True, env=env, timeout=1800)


def failure(done: subprocess.CompletedProcess) -> list[str]:
    """The CLI's ``error: ...`` line (at most 300 characters), else the last line it printed."""
    lines = (done.stderr or done.stdout or f"exit status {done.returncode}").strip().splitlines()
    errors = [line for line in lines if line.startswith("error:")]
    return [(errors[0] if errors else lines[-1])[:300]]


def run_case(case: Case, tmp: Path) -> dict:
    run = tmp / ("run-" + re.sub(r"\W+", "-", case.name))
    start = time.perf_counter()
    done = seqstudio("train", str(case.path), "--out", str(run), "--quiet", *case.args)
    train_s = time.perf_counter() - start
    if done.returncode != 0:
        return {"error": failure(done), "train_s": train_s}
    done = seqstudio("evaluate", str(run), "--json")
    if done.returncode != 0:
        return {"error": failure(done), "train_s": train_s}
    result = json.loads(done.stdout.strip().splitlines()[-1])
    with open(run / "history.csv", newline="") as f:
        result["epochs"] = sum(1 for _ in csv.DictReader(f))
    result["train_s"] = train_s
    return result


def targets(case: Case, r: dict) -> list[tuple[str, bool | None, str]]:
    """``(target, met or None when it cannot be judged, the numbers)``."""
    if "error" in r:
        return [(case.kind, False, "training or evaluation failed: " + " ".join(r["error"]))]
    m, b = r["model"], r["baselines"]
    if case.kind == "forecast":
        out = []
        for name in ("persistence", "seasonal-naive"):
            label = r["labels"].get(name, name)
            if name not in b:
                out.append((f"MAE < {label}", None, r["details"].get(name, {}).get("skipped", "")))
            else:
                out.append((f"MAE < {label}", m["mae"] < b[name]["mae"],
                            f"{m['mae']:.4g} vs {b[name]['mae']:.4g}"))
        return out
    if case.kind == "classify":
        need = b["majority"]["accuracy"] + 0.10
        return [("accuracy >= majority + 10 points", m["accuracy"] >= need,
                 f"{m['accuracy']:.3f} vs {need:.3f}")]
    if case.kind == "lm-char":
        need = b["bigram"]["loss"] * (1 - CLEARLY)
        return [("val loss >= 2 % below bigram", m["loss"] <= need,
                 f"{m['loss']:.4f} vs {b['bigram']['loss']:.4f}")]
    if case.kind == "lm-sample":
        return [("val loss < bigram", m["loss"] < b["bigram"]["loss"],
                 f"{m['loss']:.4f} vs {b['bigram']['loss']:.4f}")]
    return [("val loss < unigram in 3 epochs", m["loss"] < b["unigram"]["loss"],
             f"{m['loss']:.4f} vs {b['unigram']['loss']:.4f}")]


def print_case(case: Case, r: dict) -> None:
    print(f"\n== {case.name}  [{case.task}, {case.settings}]")
    print(f"   data: {case.source}")
    if "error" in r:
        print(f"   FAILED after {r['train_s']:.1f} s: {' '.join(r['error'])}")
        return
    metrics = list(r["model"])
    width = max(len(v) for v in [*r["labels"].values(), "model"]) + 2
    print("   " + " " * width + "".join(f"{m:>10}" for m in metrics) + f"{'as val_loss':>13}")
    rows = [("model", r["model"], r.get("model_val_loss"))]
    rows += [(r["labels"][n], v, r["val_loss"].get(n)) for n, v in r["baselines"].items()]
    for label, values, loss in rows:
        cells = "".join(f"{values[m]:>10.4g}" for m in metrics)
        print(f"   {label:<{width}}{cells}{'' if loss is None else format(loss, '>13.4g')}")
    for name, detail in r["details"].items():
        if "skipped" in detail:
            print(f"   {r['labels'].get(name, name)} skipped: {detail['skipped']}")
    held = f" (model.keras: epoch {r['model_epoch']})" if r.get("model_epoch") else ""
    print(f"   {r['epochs']} epoch(s){held}, train {r['train_s']:.1f} s; model: "
          f"{r['comparison']['phrase']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="only " + ", ".join(QUICK))
    ap.add_argument("--json", action="store_true", help="print a JSON object as the last line")
    args = ap.parse_args(argv)
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="seqstudio-quality-") as folder:
        tmp = Path(folder)
        files = licence_files()
        try:
            cases = forecast_cases(tmp)
        except ImportError as exc:  # the series come from statsmodels
            print(f"forecast: skipped, {exc} (pip install statsmodels)")
            cases = []
        classify, why = classify_case(tmp, files)
        cases += [classify] if classify else []
        cases += lm_cases(tmp, files)
        cases.append(sample_case())
        if args.quick:
            cases = [c for c in cases if c.name in QUICK]
        results = []
        for case in cases:
            r = run_case(case, tmp)
            print_case(case, r)
            results.append((case, r, targets(case, r)))
    print(f"\n{'file':<30}{'target':<36}{'met':<6}model vs baseline")
    for case, _, checks in results:
        for text, met, numbers in checks:
            shown = "n/a" if met is None else ("yes" if met else "NO")
            print(f"{case.name:<30}{text:<36}{shown:<6}{numbers}")
    if not classify:
        print(f"{'(classify)':<30}{'accuracy >= majority + 10 points':<36}{'n/a':<6}{why}")
    ar = [r["model"]["mae"] < r["baselines"]["ar"]["mae"] for c, r, _ in results
          if c.kind == "forecast" and "ar" in r.get("baselines", {})]
    bow = [r["model"]["accuracy"] > r["baselines"]["bag-of-words"]["accuracy"]
           for c, r, _ in results if c.kind == "classify" and "bag-of-words" in r.get(
               "baselines", {})]
    met = [m for _, _, checks in results for _, m, _ in checks if m is not None]
    elapsed = time.perf_counter() - began
    print(f"\nbeats AR(p) on {sum(ar)} of {len(ar)} series (MAE); beats bag-of-words on "
          f"{sum(bow)} of {len(bow)} classification files (accuracy)")
    print(f"targets met: {sum(met)} of {len(met)}{' (quick run)' if args.quick else ''}; "
          f"bench elapsed {elapsed:.0f} s")
    if args.json:
        print(json.dumps({"quick": args.quick, "elapsed_s": elapsed, "files": [
            {"name": c.name, "task": c.task, "settings": c.settings, "source": c.source,
             "result": r, "targets": [{"target": t, "met": m, "numbers": n} for t, m, n in chk]}
            for c, r, chk in results], "beats_ar": [sum(ar), len(ar)],
            "beats_bag_of_words": [sum(bow), len(bow)]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
