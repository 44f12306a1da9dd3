"""The weights view's health warning in the user's language: in English exactly the core's
``health_warning`` words, in Korean the same figures, for every kind of finding."""

from __future__ import annotations

import re

import pytest

from seqstudio.glassbox.health import HealthFinding
from seqstudio.gui import i18n
from seqstudio.gui.glass_words import health_words

FINDINGS = [HealthFinding("rnn", "diverged"), HealthFinding("rnn", "radius", 1.31, 1.12),
            HealthFinding("rnn", "radius", 1.2, 1.2), HealthFinding("rnn_1", "saturated", 0.62, 0.4),
            HealthFinding("rnn", "saturated", 0.55, 0.55), HealthFinding("rnn", "dead", 0.75)]


@pytest.mark.parametrize("finding", FINDINGS, ids=lambda f: f"{f.kind}-{f.value}")
def test_health_words_english_and_korean(qapp, finding):
    try:
        i18n.install("en")
        assert health_words([finding]) == finding.words()
        assert i18n.install("ko") == "ko"
        korean = health_words([finding])
        assert re.search("[\uac00-\ud7a3]", korean) and korean.startswith(finding.layer + ":")
        numbers = re.findall(r"\d+(?:\.\d+)?", finding.words().split(":", 1)[1])
        assert sorted(re.findall(r"\d+(?:\.\d+)?", korean.split(":", 1)[1])) == sorted(numbers)
    finally:
        i18n.install("en")
