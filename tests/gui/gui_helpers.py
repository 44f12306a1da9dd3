"""Helpers shared by the GUI tests."""

from __future__ import annotations

from pathlib import Path


def bundled_samples() -> dict[str, Path]:
    try:
        from seqstudio.data.samples import SAMPLES
    except ImportError:
        return {}
    return {name: path for name, path in SAMPLES.items() if Path(path).is_file()}


def wait_ready(qtbot, window, timeout=120_000):
    """TensorFlow imported, dataset loaded, architecture built: Start is enabled."""
    qtbot.waitUntil(lambda: window.tf.is_ready, timeout=timeout)
    qtbot.waitUntil(lambda: window.data.dataset is not None, timeout=60_000)
    qtbot.waitUntil(lambda: window.start_button.isEnabled(), timeout=30_000)


def tiny_training(window, epochs=1, batch_size=256):
    window.controls.epochs.setValue(epochs)
    window.controls.batch_size.setValue(batch_size)


def hangul(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)
