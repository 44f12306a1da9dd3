"""GUI test fixtures: isolated QSettings, no thread left running, sample files, helpers."""

from __future__ import annotations

import itertools
import time

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
            # The offscreen platform warns when a real window is shown; nothing to fix in the app.
            item.add_marker(pytest.mark.qt_log_ignore("does not support propagateSizeHints"))


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp):
    """Every test gets its own QSettings folder and organization name."""
    folder = tmp_path / "qsettings"
    folder.mkdir()
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    QCoreApplication.setOrganizationName(f"seqstudio-test-{next(_counter)}")
    QCoreApplication.setApplicationName("seqstudio")
    from seqstudio.gui.settings import AppSettings

    remembered = AppSettings()  # runs go under the test's folder, not the user's
    remembered.set_runs_folder(tmp_path / "runs")
    remembered.sync()
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


@pytest.fixture
def english_after(qapp):
    """Whatever language a test installs, the next test runs in English again."""
    from seqstudio.gui import i18n

    yield
    i18n.install("en")


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
    # this test's windows are freed here, on the GUI thread, not by a collection that a later
    # test's training or pool thread happens to start (see seqstudio.gui.collector)
    import gc

    from seqstudio.gui import collector

    for window in made:
        window.close()
        window.deleteLater()
    made.clear()
    qtbot.wait(0)
    gc.collect()
    collector.uninstall()
