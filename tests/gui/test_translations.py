"""The Korean translation: every string translated and compiled, every Qt text call wrapped in
translate(), a Korean window with no English left in it, Hangul glyphs in the fonts, and
View ▸ Language remembered."""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QFont, QFontDatabase, QKeySequence, QTextLayout
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QTextBrowser,
    QToolBar,
    QWidget,
)

from seqstudio.gui import help_dialogs, i18n
from seqstudio.gui.preferences import PreferencesDialog

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "src" / "seqstudio" / "gui"
TRANSLATIONS = GUI / "translations"
TOOL = ROOT / "tools" / "translations.py"


# -- the .ts files and the .qm ----------------------------------------------------------------
def test_every_string_is_translated_and_the_qm_is_fresh():
    """``tools/translations.py check``: no group's string lacks its Korean, and the shipped
    ``seqstudio_ko.qm`` is what the .ts files compile to."""
    done = subprocess.run([sys.executable, str(TOOL), "check"], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def _messages(ts: Path) -> dict[tuple[str, str], str]:
    """``(context, source) -> translation`` of a .ts file (``""`` when unfinished)."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") != "unfinished"
            found[(name, message.findtext("source", ""))] = (translation.text or "") if done else ""
    return found


@pytest.mark.slow  # measured 4-7 s on the shared 2 cores
def test_every_string_in_the_sources_is_in_a_ts_file(tmp_path):
    """What ``lupdate`` finds in the sources today is translated in the committed .ts files: a
    translate() call added without running ``tools/translations.py update`` fails here too."""
    spec = importlib.util.spec_from_file_location("translations_tool", TOOL)
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    lupdate = shutil.which("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed (it comes with PySide6-Essentials)")
    missing = []
    for group, sources in tool.group_sources().items():
        fresh = tmp_path / f"{group}.ts"
        subprocess.run([lupdate, "-no-obsolete", "-locations", "none", "-silent",
                        *map(str, sources), "-ts", str(fresh)], check=True, cwd=ROOT, timeout=120)
        committed = _messages(tool.ts_path(group, "ko"))
        missing += [f"{group}: {context}: {source!r}" for context, source in _messages(fresh)
                    if not committed.get((context, source))]
    assert not missing, "strings without a Korean translation:\n" + "\n".join(missing)


# -- every Qt text call goes through translate() --------------------------------------------
#: Qt calls whose string arguments the user reads
TEXT_CALLS = {
    "setText", "setToolTip", "setStatusTip", "setWindowTitle", "setPlaceholderText", "addTab",
    "insertTab", "setTabText", "setTabToolTip", "addMenu", "QLabel", "QPushButton", "QCheckBox",
    "QRadioButton", "QGroupBox", "QAction", "QToolBar", "QDockWidget", "setHorizontalHeaderLabels",
    "setVerticalHeaderLabels", "setHeaderLabels", "showMessage", "addRow", "setTitle",
    "information", "warning", "critical", "question", "QMessageBox", "setInformativeText",
    "setSpecialValueText", "setSuffix", "setPrefix", "setFormat", "setWhatsThis", "setHtml",
    "setMarkdown", "addItem", "addItems", "setItemText", "setLabelText", "setButtonText",
    "getOpenFileName", "getSaveFileName", "getExistingDirectory", "QTableWidgetItem",
}
#: (module, call, literal): literals with letters that are rightly not translated, and why
ALLOWED = {
    ("main_window.py", "setWindowTitle", "seqstudio"): "the app's name",
    ("main_window.py", "setWindowTitle", " — seqstudio"): "file name — app name",
    ("run_opener.py", "setWindowTitle", " — seqstudio"): "run folder — app name",
    ("run_files.py", "setTitle", "seqstudio plot"): "the title inside an exported SVG file",
}


def _name(func: ast.AST) -> str:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def _shown_literals(node: ast.AST):
    """The string constants that end up in the text itself: the argument, the parts of an
    f-string or a ``+``, either side of an ``if``; not the keys, names and indexes inside
    nested calls and subscripts (``versions.get("tensorflow")``)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node
    elif isinstance(node, ast.JoinedStr):
        for part in node.values:
            yield from _shown_literals(part)
    elif isinstance(node, ast.BinOp):
        yield from _shown_literals(node.left)
        yield from _shown_literals(node.right)
    elif isinstance(node, ast.IfExp):
        yield from _shown_literals(node.body)
        yield from _shown_literals(node.orelse)
    elif isinstance(node, ast.BoolOp):
        for value in node.values:
            yield from _shown_literals(value)
    elif isinstance(node, ast.Tuple | ast.List):
        for elt in node.elts:
            yield from _shown_literals(elt)


def _has_words(text: str) -> bool:
    """Letters a reader reads: not HTML tags, style attributes or entities."""
    text = re.sub(r"<[^>]*>", " ", text)
    text = re.sub(r"&\w+;", " ", text)
    return bool(re.search(r"[A-Za-z]{2}", text))


def untranslated_literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or _name(node.func) not in TEXT_CALLS:
            continue
        call = _name(node.func)
        texts = [k.value for k in node.keywords if k.arg in ("text", "title", "tip", "caption")]
        for arg in list(node.args) + texts:  # not size="8pt", objectName=...
            for literal in _shown_literals(arg):
                text = literal.value
                if _has_words(text) and (path.name, call, text) not in ALLOWED:
                    found.append(f"{path.name}:{literal.lineno}: {call}({text!r})")
    return found


def test_gui_text_calls_go_through_translate():
    modules = sorted(GUI.glob("*.py"))
    assert len(modules) > 30  # the gui package itself, not an empty glob
    found = [line for path in modules for line in untranslated_literals(path)]
    assert not found, "user-visible text outside translate():\n" + "\n".join(found)


def test_the_ast_check_finds_a_bare_literal(tmp_path):
    """The check above is not vacuous: a bare label and a bare f-string part are caught, a
    translated one and a dictionary key are not."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        'label = QLabel("Hidden state")\n'
        'label.setToolTip(f"Epoch {n} of {total}")\n'
        'label.setText(translate("Ctx", "Loss"))\n'
        'bar.showMessage(translate("Ctx", "TensorFlow {0}").format(v.get("tensorflow")))\n',
        encoding="utf-8")
    found = untranslated_literals(sample)
    assert [line.split(": ", 1)[1] for line in found] == ["QLabel('Hidden state')",
                                                          "setToolTip('Epoch ')",
                                                          "setToolTip(' of ')"]


# -- a Korean window ---------------------------------------------------------------------------
#: Latin words that stay as written in the Korean window: names of things, symbols, formats,
#: and the identifiers the CLI and the files use too (optimizers, execution modes)
LATIN_OK = {
    "seqstudio", "tensorflow", "tensorboard", "keras", "python", "pyside6", "qt", "pyqtgraph",
    "numpy", "xla", "csv", "npz", "png", "svg", "txt", "tsv", "toml", "json", "rnn", "lstm", "gru",
    "tanh", "relu", "sigmoid", "simplernn", "indrnn", "english", "adam", "sgd", "rmsprop",
    "adamw", "adagrad", "nadam", "auto", "loop", "unrolled", "loop-xla", "unrolled-xla",
    "one-hot", "etc", "pyside", "linux", "windows", "darwin", "macos",
}


def _visible_texts(window) -> list[tuple[str, str]]:
    """``(where, text)`` for every text of the window's widgets, actions and menus."""
    texts: list[tuple[str, str]] = [("window title", window.windowTitle())]
    widgets = [window, *window.findChildren(QWidget)]
    for w in widgets:
        where = f"{type(w).__name__} {w.objectName() or ''}".strip()
        texts += [(f"{where} tooltip", w.toolTip()), (f"{where} status tip", w.statusTip())]
        if w.isWindow() and w is not window:
            texts.append((f"{where} window title", w.windowTitle()))
        if isinstance(w, QLabel | QAbstractButton):
            texts.append((where, w.text()))
        if isinstance(w, QGroupBox):
            texts.append((where, w.title()))
        if isinstance(w, QLineEdit | QPlainTextEdit):
            texts.append((f"{where} placeholder", w.placeholderText()))
        if isinstance(w, QTextBrowser):
            texts.append((where, w.toPlainText()))
        if isinstance(w, QProgressBar):
            texts.append((f"{where} format", w.format()))
        if isinstance(w, QSpinBox):
            texts += [(where, w.specialValueText()), (where, w.suffix()), (where, w.prefix())]
        if isinstance(w, QComboBox):
            texts += [(f"{where} item", w.itemText(i)) for i in range(w.count())]
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                texts += [(f"{where} tab", w.tabText(i)), (f"{where} tab tip", w.tabToolTip(i))]
        if isinstance(w, QTableWidget):
            for i in range(w.columnCount()):
                item = w.horizontalHeaderItem(i)
                texts.append((f"{where} header", item.text() if item else ""))
        if isinstance(w, QMenu):
            texts.append((f"{where} menu", w.title()))
        if isinstance(w, QDockWidget | QToolBar):
            texts.append((f"{where} title", w.windowTitle()))
    actions = set(window.findChildren(QAction))
    for menu in window.findChildren(QMenu):
        actions.update(menu.actions())
    for action in actions:
        where = f"action {action.objectName() or action.text()!r}"
        texts += [(where, action.text()), (f"{where} tooltip", action.toolTip()),
                  (f"{where} status tip", action.statusTip())]
    return [(where, text) for where, text in texts if text]


def _key_names(window) -> set[str]:
    """The shortcuts' own names (``Ctrl+P``, ``Pause``), as Qt writes them in tooltips."""
    names = set()
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            names.add(key.toString(QKeySequence.SequenceFormat.NativeText))
    return {name for name in names if name}  # a standard key Linux has none for is ""


def english_words(text: str, keys: set[str] = frozenset()) -> list[str]:
    """The Latin words of 3+ letters in ``text`` that read as English, leaving out markup,
    paths and file names, placeholders, key names and :data:`LATIN_OK`."""
    text = re.sub(r"<[^>]*>", " ", text)
    for key in sorted(filter(None, keys), key=len, reverse=True):
        text = text.replace(key, " ")
    words = []
    for token in text.split():
        if "/" in token or "\\" in token or re.search(r"\w\.\w", token) or token.startswith("{"):
            continue  # a path, a file name, a module or a version: written as it is
        for word in re.findall(r"[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]", token):
            if len(word) >= 3 and word.lower() not in LATIN_OK:
                words.append(word)
    return words


def test_english_words_detector():
    assert english_words("학습 시작 (F5, Ctrl+Return)", {"F5", "Ctrl+Return"}) == []
    assert english_words("tanh RNN 10개, /tmp/run-1/model.keras") == []
    assert english_words("Hidden 상태", {""}) == ["Hidden"]


def _korean_window(monkeypatch, make_window):
    monkeypatch.setenv(i18n.LANGUAGE_ENV, "ko")
    window = make_window(start_tf=False)
    assert i18n.current_language() == "ko", "seqstudio_ko.qm did not load"
    return window


def test_korean_window_has_no_english_left(monkeypatch, make_window, english_after):
    """Every text of a fresh Korean window (no data, no TensorFlow: cheap) is Korean, except
    names, symbols and file names."""
    window = _korean_window(monkeypatch, make_window)
    window.fill_recent_menu()  # "(none)" is filled when the menu opens
    help_dialogs.show_shortcuts(window)  # the dialogs, as Help and Edit open them
    window.show_about()
    PreferencesDialog(window.settings, window).open()
    texts = _visible_texts(window)
    assert len(texts) > 100  # the walk reached the panels, the menus and the actions
    keys = _key_names(window)
    english = [f"{where}: {text!r} ({', '.join(words)})" for where, text in texts
               if (words := english_words(text, keys))]
    assert not english, "English left in the Korean window:\n" + "\n".join(sorted(set(english)))
    assert window.tabs.tabText(0) == "데이터"  # from the .qm, not a fallback


# -- Hangul glyphs -----------------------------------------------------------------------------
def korean_translations() -> list[str]:
    texts = []
    for ts in sorted(TRANSLATIONS.glob("*_ko.ts")):
        for message in ET.parse(ts).getroot().iter("message"):
            text = message.findtext("translation") or ""
            if re.search("[\uac00-\ud7a3]", text):
                texts.append(text)
    return texts


def _boxes(text: str, font: QFont) -> int:
    """How many glyphs of ``text`` Qt draws as a box (glyph 0, .notdef) in ``font``, after its
    font fallback."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    while layout.createLine().isValid():
        pass
    layout.endLayout()
    return sum(list(run.glyphIndexes()).count(0) for run in layout.glyphRuns())


def test_hangul_has_glyphs_in_the_window_fonts(monkeypatch, make_window, english_after):
    if not QFontDatabase.families(QFontDatabase.WritingSystem.Korean):
        pytest.skip("no font with Hangul is installed (Debian/Ubuntu: "
                    "apt-get install fonts-noto-cjk)")
    texts = korean_translations()
    assert len(texts) > 300
    window = _korean_window(monkeypatch, make_window)
    fonts = {QApplication.font().key(): QApplication.font()}
    for w in window.findChildren(QWidget):
        fonts.setdefault(w.font().key(), w.font())
    assert _boxes("\u0378", QApplication.font()) == 1  # an unassigned code point: a box
    for key, font in fonts.items():
        boxed = {c for text in texts if _boxes(text, font) for c in set(text)
                 if not c.isspace() and _boxes(c, font)}
        assert not boxed, f"characters drawn as boxes in {key}: {''.join(sorted(boxed))}"


# -- View ▸ Language ---------------------------------------------------------------------------
@pytest.mark.slow  # measured 4-7 s on the shared 2 cores
def test_language_menu_switches_and_is_remembered(monkeypatch, make_window, english_after):
    monkeypatch.delenv(i18n.LANGUAGE_ENV, raising=False)
    monkeypatch.setattr(i18n, "system_language", lambda: "en")
    first = make_window(start_tf=False)
    assert i18n.current_language() == "en"
    korean = first.findChild(QAction, "language_ko")
    korean.trigger()
    assert korean.isChecked()
    assert first.settings.language() == "ko"
    box = first.findChild(QWidget, "languageChangedBox")
    assert box is not None and "한국어" in box.text()
    box.close()
    first.close()

    second = make_window(start_tf=False)  # a new start reads the remembered choice
    assert i18n.current_language() == "ko"
    assert second.findChild(QAction, "language_ko").isChecked()
    assert second.tabs.tabText(0) == "데이터"
    assert second.menuBar().actions()[0].text() == "파일(&F)"
    second.findChild(QAction, "language_system").trigger()  # back to the system's: English
    assert second.settings.language() == ""
    third = make_window(start_tf=False)
    assert i18n.current_language() == "en" and third.tabs.tabText(0) == "Data"
