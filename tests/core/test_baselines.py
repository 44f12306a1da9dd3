"""Each baseline on a case small enough to work out by hand (no TensorFlow)."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from seqstudio.data import load_dataset
from seqstudio.data.dataset import Dataset, HeadSpec, InputSpec, Probe
from seqstudio.engine.baselines import (
    DISCOUNTS,
    BagOfWords,
    Baseline,
    Bigram,
    compare,
    compute_baselines,
    fit_softmax_regression,
    softmax,
)
from seqstudio.engine.baselines_forecast import detect_period, seasonal_period

TOKENS = ["", "[UNK]", "a", "b"]


def _text_dataset(task, x_train, y_train, x_val, y_val, classes=None):
    V = len(TOKENS)
    x_train, x_val = np.asarray(x_train, np.uint8), np.asarray(x_val, np.uint8)
    T = x_train.shape[1]
    return Dataset(
        task=task, input_spec=InputSpec("onehot", T, vocab_size=V),
        head=HeadSpec("softmax", len(classes) if classes else V),
        x_train=x_train, y_train=np.asarray(y_train), x_val=x_val, y_val=np.asarray(y_val),
        probe=Probe(x_val[:1].astype(np.int32), [""] * T), tokens=TOKENS,
        class_names=classes or [],
    )


def _by_name(baselines: list[Baseline]) -> dict[str, Baseline]:
    return {b.name: b for b in baselines}


def test_unigram_by_hand():
    # training targets a a b over 4 tokens: add-one frequencies (0+1, 0+1, 2+1, 1+1) / (3 + 4)
    # = 1/7, 1/7, 3/7, 2/7. Validation targets a, b: loss -(log 3/7 + log 2/7) / 2; the
    # unigram always guesses "a", right once in two.
    ds = _text_dataset("lm", [[3], [2], [2]], [2, 2, 3], [[2], [2]], [2, 3])
    unigram = _by_name(compute_baselines(ds))["unigram"]
    expected = -(np.log(3 / 7) + np.log(2 / 7)) / 2
    assert unigram.metrics == pytest.approx({"loss": expected, "accuracy": 0.5})
    assert unigram.val_loss == pytest.approx(expected)
    assert unigram.details == {"most_common": "a"}


def test_interpolated_bigram_by_hand():
    # pairs a->b, a->b, a->a, b->a. c(a,.) = {b: 2, a: 1}, c(a) = 3 with 2 distinct followers;
    # the add-one unigram of the targets (b b a a) is (1, 1, 3, 3) / 8. With d = 0.5:
    # p(b|a) = (2 - .5)/3 + .5 * 2/3 * 3/8 = 0.625;  p(a|a) = .5/3 + 1/3 * 3/8 = 7/24;
    # p(pad|a) = p(unk|a) = 1/3 * 1/8 = 1/24 (the four sum to 1); a context never seen
    # (unk) falls back to the unigram.
    context, target = np.array([2, 2, 2, 3]), np.array([3, 3, 2, 2])
    prior = (np.bincount(target, minlength=4) + 1) / 8
    bigram = Bigram(context, target, 4, prior)
    p = bigram.probability(np.array([2, 2, 2, 2, 1]), np.array([3, 2, 0, 1, 3]), 0.5)
    np.testing.assert_allclose(p, [0.625, 7 / 24, 1 / 24, 1 / 24, 3 / 8])
    # after a: b (0.625); after b: a, its only follower; unseen contexts: the unigram's
    # favourite, a (tied with b, the lower id)
    assert bigram.best_next(0.5).tolist() == [2, 2, 3, 2]


def test_bigram_is_the_same_for_last_step_and_every_step_targets():
    # one token sequence cut two ways: (N,) targets after windows of 1, or (N, T) targets
    # after every step of windows of 3. Both score the same 12 (token, next token) pairs,
    # so every baseline must agree; a padding target (0) is not scored.
    rng = np.random.default_rng(1)
    ids = rng.integers(2, 4, size=40)
    train, val = ids[:28], ids[27:]
    last = _text_dataset("lm", train[:-1, None], train[1:], val[:-1, None], val[1:])
    every = _text_dataset("lm", train[:27].reshape(9, 3), train[1:28].reshape(9, 3),
                          val[:12].reshape(4, 3), val[1:13].reshape(4, 3))
    a, b = _by_name(compute_baselines(last)), _by_name(compute_baselines(every))
    for name in ("unigram", "bigram"):
        assert a[name].metrics == pytest.approx(b[name].metrics)
    assert a["bigram"].details["discount"] in DISCOUNTS
    padded_y = np.concatenate([every.y_val, [[0, 0, 0]]])
    padded = _text_dataset("lm", every.x_train, every.y_train,
                           np.concatenate([every.x_val, [[2, 3, 2]]]), padded_y)
    assert _by_name(compute_baselines(padded))["bigram"].metrics == pytest.approx(
        b["bigram"].metrics)


def test_bigram_beats_unigram_on_a_predictable_text():
    # "a b a b ...": after a always b. The bigram gets every validation token right.
    ids = np.array([2, 3] * 60)
    ds = _text_dataset("lm", ids[:79, None], ids[1:80], ids[80:-2, None], ids[81:-1])
    got = _by_name(compute_baselines(ds))
    assert got["bigram"].metrics["accuracy"] == 1.0 and got["unigram"].metrics["accuracy"] == 0.5
    assert got["bigram"].metrics["loss"] < 0.1 < np.log(2) - 0.01 < got["unigram"].metrics["loss"]


def test_majority_by_hand():
    # classes 0 0 1 in training: add-one (2+1, 1+1) / (3+2) = 3/5, 2/5; validation 0, 1:
    # loss -(log .6 + log .4)/2; always "neg", right once in two.
    ds = _text_dataset("classify", [[2], [2], [3]], [0, 0, 1], [[2], [3]], [0, 1],
                       classes=["neg", "pos"])
    majority = _by_name(compute_baselines(ds))["majority"]
    assert majority.metrics == pytest.approx(
        {"loss": -(np.log(0.6) + np.log(0.4)) / 2, "accuracy": 0.5})
    assert majority.details == {"predicts": "neg"}


def test_bag_of_words_features_and_fit_by_hand():
    # "a a <pad>" has log(1+2) of token a; "b <pad> <pad>" log(1+1) of b; padding is not counted
    X = BagOfWords(np.array([[2, 2, 0], [3, 0, 0]]), 4)
    np.testing.assert_allclose(X.toarray(), [[0, 0, np.log(3), 0], [0, 0, 0, np.log(2)]])
    # its products are the dense matrix's: [log 3 * 1, log 2 * 2] and X.T @ [1, 1]
    W = np.arange(4.0)[:, None]
    np.testing.assert_allclose(X.dot(W), [[2 * np.log(3)], [3 * np.log(2)]])
    np.testing.assert_allclose(X.tdot(np.ones((2, 1))), [[0], [0], [np.log(3)], [np.log(2)]])
    # a penalty so strong that the weights stay ~0: the unpenalised bias alone must give the
    # training class frequencies 2/3, 1/3
    W, b = fit_softmax_regression(np.array([[1.0], [0.0], [1.0]]), np.array([0, 0, 1]), 2, 1e4)
    assert np.abs(W).max() < 1e-3
    np.testing.assert_allclose(softmax(b), [2 / 3, 1 / 3], atol=1e-3)
    # the sparse matrix gives the dense fit
    sparse = fit_softmax_regression(X, np.array([0, 1]), 2, 0.1)
    dense = fit_softmax_regression(X.toarray(), np.array([0, 1]), 2, 0.1)
    np.testing.assert_allclose(sparse[0], dense[0], atol=1e-12)
    # a mild penalty converges: the gradient of the penalised loss vanishes
    rng = np.random.default_rng(0)
    X, y = rng.random((30, 3)), rng.integers(0, 3, 30)
    W, b = fit_softmax_regression(X, y, 3, 0.1)
    P = softmax(X @ W + b) - np.eye(3)[y]
    np.testing.assert_allclose(X.T @ P / 30 + 0.1 * W, 0, atol=1e-4)
    np.testing.assert_allclose(P.mean(axis=0), 0, atol=1e-4)


def test_bag_of_words_separates_texts_by_their_words():
    # class 0 texts hold "a", class 1 texts "b", in any order: the linear model on counts is
    # right on every validation text, where the majority class is right on half.
    rng = np.random.default_rng(0)
    y = np.tile([0, 1], 30)
    x = np.where(rng.random((60, 5)) < 0.6, (y + 2)[:, None], 1)
    ds = _text_dataset("classify", x[:40], y[:40], x[40:], y[40:], classes=["A", "B"])
    got = _by_name(compute_baselines(ds))
    assert got["bag-of-words"].metrics["accuracy"] == 1.0
    assert got["majority"].metrics["accuracy"] == 0.5
    assert got["bag-of-words"].details["l2_chosen_on"] == "a stratified fifth of the training texts"


def _quarterly(tmp_path):
    # 22 quarters of 10 20 30 40 10 ...; the last 6 rows are validation (val_fraction 6/22).
    # Windows of T=4 rows, horizon 1: validation samples start at rows 16 and 17, so their
    # targets are rows 20 and 21 (10 and 20) and their origins rows 19 and 20 (40 and 10).
    dates = np.arange("2000-01", "2005-07", 3, dtype="datetime64[M]").astype("datetime64[D]")
    values = np.tile([10.0, 20.0, 30.0, 40.0], 6)[:22]
    path = tmp_path / "quarters.csv"
    path.write_text("date,value\n" + "".join(f"{d},{v:g}\n" for d, v in zip(dates, values,
                                                                           strict=True)))
    return load_dataset(path, seq_len=4, horizon=1, stride=1, val_fraction=6 / 22)


def test_forecast_baselines_by_hand(tmp_path):
    ds = _quarterly(tmp_path)
    assert ds.n_val == 2
    got = _by_name(compute_baselines(ds))
    # mean of the 16 training rows is 25: errors 15 and 5, MAE 10, RMSE sqrt(125); the
    # training std is sqrt(125) too, so the scaled MSE (the model's val_loss) is 1
    assert got["mean"].metrics == pytest.approx({"mae": 10, "rmse": np.sqrt(125)}, rel=1e-5)
    assert got["mean"].val_loss == pytest.approx(1.0, rel=1e-5)
    # persistence repeats the origins: 40 for 10, 10 for 20: MAE 20, RMSE sqrt(500)
    assert got["persistence"].metrics == pytest.approx({"mae": 20, "rmse": np.sqrt(500)},
                                                       rel=1e-5)
    # quarterly dates give period 4: one year back is rows 16 and 17, 10 and 20, exact
    assert got["seasonal-naive"].details == {"period": 4, "period_from": "the dates (quarterly)"}
    assert got["seasonal-naive"].label == "seasonal naive (period 4)"
    assert got["seasonal-naive"].metrics["mae"] == pytest.approx(0, abs=1e-4)
    # every 4 rows sum to 100, so x[t] = 100 - x[t-1] - x[t-2] - x[t-3] exactly: AR(3) is the
    # only order up to 3 (the most that 12 fitting rows allow) with no error on the hold-out
    assert got["ar"].details["p"] == 3 and got["ar"].label == "AR(3)"
    assert got["ar"].metrics["mae"] == pytest.approx(0, abs=1e-3)


def test_seasonal_period_from_dates_or_autocorrelation():
    def dates(step):
        return np.datetime64("2020-01-01") + np.arange(50) * np.timedelta64(step, "h")

    flat = np.zeros((50, 1))
    assert seasonal_period(dates(1), flat) == (24, "the dates (hourly)")
    assert seasonal_period(dates(24), flat) == (7, "the dates (daily)")
    assert seasonal_period(dates(24 * 7), flat)[0] == 52
    months = np.arange("2000-01", "2010-01", dtype="datetime64[M]").astype("datetime64[s]")
    assert seasonal_period(months, flat)[0] == 12
    # yearly rows have no calendar season; a cycle of 11 rows on a trend is found, and not its
    # multiple 22; white noise has none
    t = np.arange(300)
    assert detect_period(0.05 * t + np.sin(2 * np.pi * t / 11)) == 11
    years = np.arange(1700, 2000).astype("datetime64[Y]")
    period, how = seasonal_period(years, np.sin(2 * np.pi * t / 11)[:, None])
    assert (period, how) == (11, "the autocorrelation of the training part")
    noise = np.random.default_rng(0).standard_normal(300)
    assert detect_period(noise) is None


def test_compare_names_the_strongest_baseline():
    def base(name, label, **metrics):
        return Baseline(name, label, metrics, None, {})

    forecast = [base("mean", "training mean", mae=2.0), base("persistence", "persistence",
                                                           mae=1.0)]
    got = compare("forecast", {"mae": 0.88}, forecast)
    # (1.0 - 0.88) / 1.0 = 12 %
    assert got.phrase == "beats persistence by 12 % (MAE 0.88 against 1)"
    assert got.beats == ["mean", "persistence"] and got.loses_to == []
    lm = [base("unigram", "unigram", loss=3.3), base("bigram", "interpolated bigram", loss=2.65)]
    got = compare("lm", {"loss": 2.71}, lm)
    assert got.phrase == "not yet better than interpolated bigram (val loss 2.71 against 2.65)"
    assert got.beats == ["unigram"] and got.loses_to == ["bigram"]
    classify = [base("majority", "majority class", accuracy=0.6),
                base("bag-of-words", "bag-of-words", accuracy=0.5)]
    # accuracy is higher-is-better, and the margin is in points: 0.72 - 0.60 = 12 points
    assert compare("classify", {"accuracy": 0.72}, classify).phrase == (
        "beats majority class by 12.0 points (accuracy 0.72 against 0.6)")
    skipped = [Baseline("ar", "AR(p)", {}, None, {"skipped": "too short"})]
    assert compare("forecast", {"mae": 1.0}, skipped).phrase == "no baseline to compare with"


def test_no_validation_part_no_baselines():
    ds = _text_dataset("lm", [[3], [2], [2]], [2, 2, 3], np.zeros((0, 1)), np.zeros(0))
    assert compute_baselines(ds) == []


def test_baselines_do_not_import_tensorflow():
    code = ("import sys, numpy as np\n"
            "from seqstudio.engine.baselines import compute_baselines\n"
            "from seqstudio.data.dataset import Dataset, HeadSpec, InputSpec, Probe\n"
            "x = np.array([[2], [3], [2]], np.uint8)\n"
            "ds = Dataset('lm', InputSpec('onehot', 1, vocab_size=4), HeadSpec('softmax', 4), x,"
            " np.array([3, 2, 3]), x, np.array([3, 2, 3]), Probe(x[:1], ['a']))\n"
            "assert len(compute_baselines(ds)) == 2\n"
            "assert 'tensorflow' not in sys.modules and 'keras' not in sys.modules\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
