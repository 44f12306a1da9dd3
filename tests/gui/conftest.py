"""GUI test fixtures: isolated QSettings, no thread left running, sample files, helpers."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402

from seqstudio.gui import tasks, threads  # noqa: E402

_counter = itertools.count()


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/gui" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp):
    """Every test gets its own QSettings folder and organization name."""
    folder = tmp_path / "qsettings"
    folder.mkdir()
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    QCoreApplication.setOrganizationName(f"seqstudio-test-{next(_counter)}")
    QCoreApplication.setApplicationName("seqstudio")
    yield folder


@pytest.fixture(autouse=True)
def no_threads_left(qapp):
    """Fail a test that leaves a training/import thread or a pool task running."""
    yield
    deadline = time.monotonic() + 10
    while (threads.running() or tasks.pool().activeThreadCount()) and time.monotonic() < deadline:
        qapp.processEvents()
        time.sleep(0.02)
    alive = threads.running()
    busy = tasks.pool().activeThreadCount()
    assert not alive, f"test left threads running: {alive}"
    assert not busy, f"test left {busy} thread-pool tasks running"


@pytest.fixture(autouse=True)
def run_in_tmp(tmp_path, monkeypatch):
    """Run directories go under the test's tmp folder, not the repository."""
    monkeypatch.chdir(tmp_path)


def bundled_samples() -> dict[str, Path]:
    try:
        from seqstudio.data.samples import SAMPLES
    except ImportError:
        return {}
    return {name: path for name, path in SAMPLES.items() if Path(path).is_file()}


@pytest.fixture
def make_window(qtbot):
    """Build a MainWindow (no sample by default) and close it cleanly after the test."""
    from seqstudio.gui.main_window import MainWindow

    made = []

    def make(data_path=None, **kwargs):
        kwargs.setdefault("load_sample", False)
        window = MainWindow(data_path, **kwargs)
        qtbot.addWidget(window)
        made.append(window)
        return window

    yield make
    for window in made:
        window.shutdown()


def wait_ready(qtbot, window, timeout=120_000):
    """TensorFlow imported, dataset loaded, architecture built: Start is enabled."""
    qtbot.waitUntil(lambda: window.tf.is_ready, timeout=timeout)
    qtbot.waitUntil(lambda: window.data.dataset is not None, timeout=60_000)
    qtbot.waitUntil(lambda: window.start_button.isEnabled(), timeout=30_000)


def tiny_training(window, epochs=1, batch_size=256):
    window.controls.epochs.setValue(epochs)
    window.controls.batch_size.setValue(batch_size)
