"""Text options chosen from the file when the user gives none (``None`` in DataOptions).

* **Vocabulary** (``vocab=None``): the fewest most-frequent tokens that cover
  :data:`WORD_COVERAGE` of the words, or :data:`CHAR_COVERAGE` of the characters, capped at
  :data:`MAX_VOCAB`. Ids 0 (padding) and 1 (``[UNK]``) count in the vocabulary size. For
  classification also only tokens seen :data:`CLASSIFY_MIN_COUNT` times in the training texts: a
  word seen once cannot teach a class, and one-off words made the classifier memorise (licence
  sentences, 7 classes: validation accuracy 0.39 -> 0.45 with the vocabulary cut this way).
* **Sequence length** (``seq_len=None``): for classification, the 90th-percentile text length
  within :data:`CLASSIFY_SEQ_LEN`; for a language model :data:`LM_SEQ_LEN` by level.
* **Input encoding** (``input_kind=None``): one-hot up to :data:`ONEHOT_MAX_VOCAB` tokens, an
  embedding above (a one-hot input of thousands of features makes the first layer huge).

The vocabulary is chosen after encoding with the cap: TextVectorization orders it by frequency,
so keeping its first ``V`` tokens and mapping the other ids to ``[UNK]`` is what a vocabulary of
``V`` would have given.
"""

from __future__ import annotations

import numpy as np

WORD_COVERAGE, CHAR_COVERAGE = 0.95, 0.999
MAX_VOCAB = {"word": 5000, "char": 256}
LM_SEQ_LEN = {"char": 40, "word": 20}
CLASSIFY_SEQ_LEN = (4, 200)
ONEHOT_MAX_VOCAB = 128
CLASSIFY_MIN_COUNT = 2
PAD, OOV = 0, 1


def cap_for(level: str, vocab: int | None) -> int:
    """The vocabulary to encode with: the user's, or the cap the choice is made under."""
    return int(vocab) if vocab is not None else MAX_VOCAB[level]


def covering_size(counts: np.ndarray, level: str, min_count: int = 1) -> int:
    """The vocabulary size (padding and ``[UNK]`` included) whose tokens cover the level's share
    of the text; ``counts[i]`` is how often id ``i`` occurs, ids ordered by frequency. With
    ``min_count``, tokens seen fewer times are left out even below that share."""
    counts = np.asarray(counts, np.int64)
    total = int(counts[PAD + 1:].sum())
    if total == 0 or len(counts) <= OOV + 1:
        return max(len(counts), OOV + 2)
    share = WORD_COVERAGE if level == "word" else CHAR_COVERAGE
    covered = np.cumsum(counts[OOV + 1:])
    need = int(np.searchsorted(covered, share * total - 1e-9)) + 1  # tokens beyond pad and OOV
    if min_count > 1:
        need = min(need, max(int(np.count_nonzero(counts[OOV + 1:] >= min_count)), 1))
    return int(min(len(counts), OOV + 1 + need))


def shrink(ids: np.ndarray, tokens: list[str], size: int,
           block: int = 1 << 18) -> tuple[np.ndarray, list[str]]:
    """Keep the first ``size`` tokens; ids beyond become ``[UNK]``. A new array in the dtype of
    the smaller vocabulary, filled block by block (no full-length mask)."""
    if size >= len(tokens):
        return ids, tokens
    from seqstudio.data.dataset import token_dtype

    out = np.empty(ids.shape, token_dtype(size))
    for i in range(0, len(ids), block):
        part = ids[i : i + block]
        out[i : i + block] = np.where(part >= size, OOV, part)
    return out, tokens[:size]


def classify_seq_len(lengths: np.ndarray) -> int:
    """Near the 90th-percentile text length, within :data:`CLASSIFY_SEQ_LEN`."""
    low, high = CLASSIFY_SEQ_LEN
    if len(lengths) == 0:
        return low
    return int(np.clip(int(np.ceil(np.percentile(lengths, 90))), low, high))


def input_kind(chosen: str | None, vocab_size: int) -> str:
    if chosen is not None:
        return chosen
    return "onehot" if vocab_size <= ONEHOT_MAX_VOCAB else "embedding"
