"""The app's language: Qt's own translation machinery, English and Korean.

Every user-visible string in ``seqstudio.gui`` is written as ``translate("Context", "English
text")`` (Qt's ``QCoreApplication.translate``), with ``{0}``-style placeholders filled by
``.format`` after translating, never an f-string inside the call. ``pyside6-lupdate`` collects
them into ``translations/*.ts``; translators fill those in (Qt Linguist, or
``python tools/translations.py fill``); ``pyside6-lrelease`` compiles them into the shipped
``seqstudio_<lang>.qm`` that :func:`install` loads. ``tools/translations.py`` runs both steps, and
``tests/gui/test_translations.py`` fails when a string has no translation or the ``.qm`` is stale.

The language follows the system locale unless the user picked one (View ▸ Language, remembered in
the settings) or ``SEQSTUDIO_LANGUAGE`` is set (``en`` or ``ko``; screenshots and tests use it).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

#: language code -> the language's own name, as the menu shows it
LANGUAGES: dict[str, str] = {"en": "English", "ko": "한국어"}
DEFAULT = "en"
LANGUAGE_ENV = "SEQSTUDIO_LANGUAGE"
TRANSLATIONS_DIR = Path(__file__).with_name("translations")


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``QCoreApplication.translate``: ``text`` in the installed language, else as written.

    Write ``context`` and ``text`` as string literals at the call, so that ``lupdate`` sees them."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def system_language() -> str:
    """The system locale's language if the app has it, else English."""
    for name in QLocale.system().uiLanguages() or [QLocale.system().name()]:
        code = name.replace("-", "_").split("_")[0].lower()
        if code in LANGUAGES:
            return code
    return DEFAULT


def chosen_language(remembered: str | None) -> str:
    """``SEQSTUDIO_LANGUAGE``, else the language the user picked (``remembered``), else the
    system's."""
    for code in (os.environ.get(LANGUAGE_ENV, ""), remembered or ""):
        code = code.strip().lower()
        if code in LANGUAGES:
            return code
    return system_language()


def qm_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"seqstudio_{language}.qm"


_installed: list[QTranslator] = []
_data: list[bytes] = []
_current = DEFAULT


def current_language() -> str:
    """The language :func:`install` put in place last (``en`` before any)."""
    return _current


def install(language: str) -> str:
    """Put ``language`` in place for every ``translate`` call from now on: seqstudio's own
    ``.qm`` and Qt's (the standard dialogs' buttons). Returns the language in place, which is
    English when ``language`` is unknown or its file is missing. Needs a QCoreApplication."""
    global _current
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install() needs a QApplication")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current = DEFAULT
    if language == DEFAULT or language not in LANGUAGES:
        return _current
    ours = QTranslator(app)
    try:  # read into memory: Qt would map the file, and a rewrite of it (tools/translations.py
        data = qm_path(language).read_bytes()  # release) would turn later strings English
    except OSError:
        return _current
    if not ours.load(data):
        return _current
    _data.clear()
    _data.append(data)  # Qt does not copy it: it must live as long as the translator
    app.installTranslator(ours)
    _installed.append(ours)
    qt_own = QTranslator(app)
    if qt_own.load(QLocale(language), "qtbase", "_",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    _current = language
    return _current
