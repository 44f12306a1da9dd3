"""The About box: what this is and every version that matters for a bug report."""

from __future__ import annotations

import platform
import sys

import pyqtgraph
import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

import seqstudio
from seqstudio.gui.i18n import translate


def versions(tf_versions: dict | None = None) -> dict[str, str]:
    tf_versions = tf_versions or {}
    return {
        "seqstudio": seqstudio.__version__,
        "plugin contract": seqstudio.CONTRACT_VERSION,
        "Python": platform.python_version(),
        "Qt": qVersion(),
        "PySide6": PySide6.__version__,
        "pyqtgraph": pyqtgraph.__version__,
        "TensorFlow": tf_versions.get("tensorflow", translate("About", "loading…")),
        "Keras": tf_versions.get("keras", translate("About", "loading…")),
        "platform": f"{platform.system()} {platform.machine()}",
    }


def about_text(tf_versions: dict | None = None) -> str:
    names = {"plugin contract": translate("About", "plugin contract"),
             "platform": translate("About", "platform")}
    rows = "".join(f"<tr><td>{names.get(k, k)}</td><td><b>{v}</b></td></tr>"
                   for k, v in versions(tf_versions).items())
    intro = translate("About", "A studio for recurrent sequence models: open a file, pick a "
                      "cell, and watch it learn.")
    return (f"<h3>seqstudio</h3><p>{intro}</p><table cellspacing='4'>" + rows + "</table>"
            f"<p style='color:#666'>{sys.executable}</p>")


def show_about(parent: QWidget | None, tf_versions: dict | None = None) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setWindowTitle(translate("About", "About seqstudio"))
    box.setText(about_text(tf_versions))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return box
