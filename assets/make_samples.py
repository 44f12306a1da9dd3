"""Generate the bundled sample files, deterministically, from scratch (no copied text).

    python assets/make_samples.py

writes ``toy_grammar.txt``, ``sentences.csv`` and ``sine.csv`` into ``src/seqstudio/data/samples/``
(shipped with the package) and the same bytes into ``assets/samples/``. Running it twice gives
identical files; a test checks that the committed files match this script.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGETS = (ROOT / "src" / "seqstudio" / "data" / "samples", ROOT / "assets" / "samples")

# A small grammar in the spirit of the notes' "I am a boy" (seed §8): subject-verb agreement,
# articles and a few adjectives, so a character or word model has structure to learn.
BE = {"I": "am", "you": "are", "he": "is", "she": "is", "we": "are", "they": "are"}
# Word level has a little over 100 distinct words, so the default 100-token vocabulary (with
# padding and out-of-vocabulary) is full, as in the notes' 100-word example (seed §9).
NOUNS = ["boy", "girl", "student", "teacher", "cat", "dog", "bird", "friend", "doctor", "farmer",
         "baker", "singer", "painter", "pilot", "nurse", "driver", "writer", "player"]
ADJECTIVES = ["big", "small", "happy", "tired", "young", "old", "kind", "quiet", "brave",
              "clever", "busy", "calm", "funny", "proud", "shy", "strong"]
THINGS = ["apple", "ball", "book", "song", "river", "house", "tree", "letter", "garden", "boat",
          "poem", "map", "cake", "window", "picture", "story"]
SINGULAR = {"he", "she", "the cat", "the dog", "the boy", "the girl"}
SUBJECTS = ["I", "you", "he", "she", "we", "they", "the cat", "the dog", "the boy", "the girl"]
VERBS = ["see", "like", "want", "read", "find", "draw", "paint", "visit", "open", "keep"]


def article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


def sentence(rng: random.Random) -> str:
    form = rng.randrange(3)
    if form == 0:  # I am a boy.
        subject = rng.choice(list(BE))
        noun = rng.choice(NOUNS)
        if subject in ("we", "they"):
            return f"{subject} are {noun}s."
        return f"{subject} {BE[subject]} {article(noun)} {noun}."
    if form == 1:  # she is happy.
        subject = rng.choice(list(BE))
        return f"{subject} {BE[subject]} {rng.choice(ADJECTIVES)}."
    subject = rng.choice(SUBJECTS)  # the cat sees a big ball.
    verb = rng.choice(VERBS)
    if subject in SINGULAR:
        verb += "s"
    thing = rng.choice(THINGS)
    if rng.random() < 0.5:
        adjective = rng.choice(ADJECTIVES)
        return f"{subject} {verb} {article(adjective)} {adjective} {thing}."
    return f"{subject} {verb} the {thing}."


def toy_grammar(rng: random.Random, n_bytes: int = 8000) -> str:
    lines, size = [], 0
    while size < n_bytes:
        words = sentence(rng)
        line = words[0].upper() + words[1:]
        lines.append(line)
        size += len(line) + 1
    return "\n".join(lines) + "\n"


POSITIVE = ["love", "enjoy", "like", "admire"]
NEGATIVE = ["hate", "fear", "dislike", "avoid"]
GOOD = ["a lovely", "a wonderful", "a bright", "a friendly"]
BAD = ["a broken", "an awful", "a noisy", "a gloomy"]


def labelled_sentence(rng: random.Random) -> tuple[str, str]:
    subject = rng.choice(["I", "you", "we", "they"])
    thing = rng.choice(THINGS + NOUNS)
    kind = rng.randrange(3)
    if kind == 0:
        return f"{subject} {rng.choice(POSITIVE)} {rng.choice(GOOD)} {thing}", "positive"
    if kind == 1:
        return f"{subject} {rng.choice(NEGATIVE)} {rng.choice(BAD)} {thing}", "negative"
    return f"{subject} {rng.choice(['see', 'find', 'draw', 'read'])} the {thing}", "neutral"


def sentences_csv(rng: random.Random, rows: int = 150) -> str:
    out = ["text,label"]
    for _ in range(rows):
        text, label = labelled_sentence(rng)
        out.append(f"{text},{label}")
    return "\n".join(out) + "\n"


def sine_csv(rng: random.Random, rows: int = 400) -> str:
    """Hourly values with a daily (24 h) and a weekly (168 h) season plus Gaussian noise."""
    out = ["date,value"]
    for t in range(rows):
        day, hour = divmod(t, 24)
        date = f"2024-01-{day + 1:02d} {hour:02d}:00" if day < 31 else f"2024-02-{day - 30:02d} {hour:02d}:00"
        value = (
            10.0
            + 3.0 * math.sin(2 * math.pi * t / 24)
            + 1.5 * math.sin(2 * math.pi * t / 168)
            + rng.gauss(0.0, 0.3)
        )
        out.append(f"{date},{value:.3f}")
    return "\n".join(out) + "\n"


def generate() -> dict[str, str]:
    return {
        "toy_grammar.txt": toy_grammar(random.Random(1)),
        "sentences.csv": sentences_csv(random.Random(2)),
        "sine.csv": sine_csv(random.Random(3)),
    }


def main() -> None:
    for folder in TARGETS:
        folder.mkdir(parents=True, exist_ok=True)
        for name, content in generate().items():
            (folder / name).write_bytes(content.encode("utf-8"))
            print(f"wrote {folder / name} ({len(content)} bytes)")


if __name__ == "__main__":
    main()
