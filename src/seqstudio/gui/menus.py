"""The window's actions, menus and toolbar, with the standard shortcuts."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStyle, QToolBar

from seqstudio.gui import export_dialogs, help_dialogs, i18n
from seqstudio.gui.i18n import translate
from seqstudio.gui.preferences import PreferencesDialog
from seqstudio.gui.samples import sample_paths


def _action(window: QMainWindow, text: str, slot: Any, shortcuts: list[Any] | None = None,
            tip: str = "", name: str = "", icon: Any = None) -> QAction:
    action = QAction(text, window)
    if icon is not None:
        action.setIcon(window.style().standardIcon(icon))
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    if tip or shortcuts:
        names = (QKeySequence(s).toString(QKeySequence.SequenceFormat.NativeText)
                 for s in shortcuts or [])
        keys = ", ".join(name for name in names if name)  # a standard key may have none here
        action.setToolTip(f"{tip or text.replace('…', '').replace('&', '')}"
                          + (f" ({keys})" if keys else ""))
        action.setStatusTip(tip or text)
    if name:
        action.setObjectName(name)
    action.triggered.connect(lambda *_: slot())
    window.addAction(action)
    return action


def build_menus(w: Any) -> SimpleNamespace:
    sp = QStyle.StandardPixmap
    a = SimpleNamespace()
    a.open = _action(w, translate("Menus", "&Open…"), w.open_file_dialog, [QKeySequence.StandardKey.Open],
                     translate("Menus", "Open a text file or a time-series CSV"), "openFileAction", sp.SP_DialogOpenButton)
    a.open_run = _action(w, translate("Menus", "Open &Run…"), w.open_run_dialog, ["Ctrl+Shift+O"],
                         translate("Menus", "Open a past run directory and replay its plots"), "openRunAction",
                         sp.SP_DirOpenIcon)
    a.open_lesson = _action(w, translate("Menus", "Open &Lesson…"), w.open_lesson_dialog, ["Ctrl+Shift+L"],
                            translate("Menus", "Open a lesson file: its data, settings and steps"), "openLessonAction")
    a.save_lesson = _action(w, translate("Menus", "Save Settings as Lesso&n…"), w.save_lesson_dialog, [],
                            translate("Menus", "Save the data, model and training settings as a lesson file"),
                            "saveLessonAction")
    a.export_plot = _action(w, translate("Menus", "Export Loss &Plot…"), lambda: export_dialogs.export_loss_plot(w), ["Ctrl+E"],
                            translate("Menus", "Save the loss plot as PNG or SVG"), "exportPlotAction")
    a.export_heatmap = _action(w, translate("Menus", "Export &Heatmap Image…"), lambda: export_dialogs.export_heatmap(w), [],
                               translate("Menus", "Save the hidden-state heatmap as PNG or SVG"), "exportHeatmapAction")
    a.export_states = _action(w, translate("Menus", "Export Hidden &States…"), lambda: export_dialogs.export_hidden_states(w), ["Ctrl+Shift+E"],
                              translate("Menus", "Save hidden states as CSV (shown snapshot) or NPZ (all snapshots)"),
                              "exportStatesAction")
    a.quit = _action(w, translate("Menus", "&Quit"), w.close, ["Ctrl+Q"], translate("Menus", "Quit seqstudio"),
                     "quitAction")
    a.start = _action(w, translate("Menus", "&Start"), w.start_training, ["F5", "Ctrl+Return"], translate("Menus", "Start training"),
                      "startAction", sp.SP_MediaPlay)
    a.pause = _action(w, translate("Menus", "&Pause / Resume"), w.toggle_pause, ["Ctrl+P", "Pause"],
                      translate("Menus", "Pause or resume training"), "pauseAction", sp.SP_MediaPause)
    a.stop = _action(w, translate("Menus", "S&top"), w.stop_training, ["Esc", "Ctrl+."],
                     translate("Menus", "Stop after the current batch, keeping what was learned"), "stopAction",
                     sp.SP_MediaStop)
    a.compare = _action(w, translate("Menus", "&Compare Runs…"), w.open_compare, ["Ctrl+Shift+C"],
                        translate("Menus", "Train 2-4 cells one after another on the same data and seed, and "
                        "compare them side by side"), "compareAction")
    a.log_scale = _action(w, translate("Menus", "&Log-scale Loss"), w.live.loss.log_scale.toggle, ["Ctrl+L"],
                          translate("Menus", "Toggle a logarithmic loss axis"), "logScaleAction")
    a.about = _action(w, translate("Menus", "&About seqstudio"), w.show_about, [], translate("Menus", "Versions of seqstudio and its "
                      "libraries"), "aboutAction")
    a.guide = _action(w, translate("Menus", "User &Guide"), lambda: help_dialogs.show_guide(w),
                      [QKeySequence.StandardKey.HelpContents], translate("Menus", "What each part of the window "
                      "shows, and how to use it"), "guideAction")
    a.shortcuts = _action(w, translate("Menus", "&Keyboard Shortcuts"), lambda: help_dialogs.show_shortcuts(w),
                          ["Ctrl+/"], translate("Menus", "Every keyboard shortcut"), "shortcutsAction")
    a.preferences = _action(w, translate("Menus", "&Preferences…"), lambda: PreferencesDialog(w.settings, w).open(),
                            [QKeySequence.StandardKey.Preferences, "Ctrl+,"],
                            translate("Menus", "Where runs are written"), "preferencesAction")

    bar = w.menuBar()
    file_menu = bar.addMenu(translate("Menus", "&File"))
    file_menu.addAction(a.open)
    a.samples_menu = file_menu.addMenu(translate("Menus", "Open &Sample"))
    for path in sample_paths():
        sample = a.samples_menu.addAction(path.name)
        sample.triggered.connect(lambda *_, p=path: w.open_file(p))
    a.recent_menu = file_menu.addMenu(translate("Menus", "Open &Recent"))
    a.recent_menu.setObjectName("recentMenu")
    a.recent_menu.aboutToShow.connect(w.fill_recent_menu)
    file_menu.addAction(a.open_run)
    file_menu.addAction(a.open_lesson)
    file_menu.addAction(a.save_lesson)
    file_menu.addSeparator()
    for action in (a.export_plot, a.export_heatmap, a.export_states):
        file_menu.addAction(action)
    file_menu.addSeparator()
    file_menu.addAction(a.quit)
    edit_menu = bar.addMenu(translate("Menus", "&Edit"))
    edit_menu.addAction(a.preferences)
    train_menu = bar.addMenu(translate("Menus", "&Train"))
    for action in (a.start, a.pause, a.stop):
        train_menu.addAction(action)
    train_menu.addSeparator()
    train_menu.addAction(a.compare)
    view_menu = bar.addMenu(translate("Menus", "&View"))
    view_menu.addAction(a.log_scale)
    a.language_menu = _language_menu(w, view_menu)
    a.view_menu = view_menu
    help_menu = bar.addMenu(translate("Menus", "&Help"))
    for action in (a.guide, a.shortcuts):
        help_menu.addAction(action)
    help_menu.addSeparator()
    help_menu.addAction(a.about)

    tools = QToolBar(translate("Menus", "Main"))
    tools.setObjectName("mainToolBar")
    tools.setMovable(False)
    for action in (a.open, a.open_run):
        tools.addAction(action)
    tools.addSeparator()
    for action in (a.start, a.pause, a.stop):
        tools.addAction(action)
    w.addToolBar(tools)
    a.toolbar = tools
    return a


def _language_menu(w: Any, view_menu: Any) -> Any:
    """View ▸ Language: follow the system, or one of :data:`i18n.LANGUAGES`, remembered."""
    menu = view_menu.addMenu(translate("Menus", "&Language"))
    menu.setObjectName("languageMenu")
    group = QActionGroup(menu)
    picked = w.settings.language()
    choices = [("", translate("Menus", "Follow the System"))] + list(i18n.LANGUAGES.items())
    for code, label in choices:
        action = menu.addAction(label)
        action.setObjectName(f"language_{code or 'system'}")
        action.setCheckable(True)
        action.setChecked(code == picked)
        action.setData(code)
        group.addAction(action)
        action.triggered.connect(lambda *_, c=code: choose_language(w, c))
    return menu


def choose_language(w: Any, code: str) -> QMessageBox | None:
    """Remember ``code`` (``""``: the system's) for the next start, and say so."""
    w.settings.set_language(code)
    w.settings.sync()
    wanted = i18n.chosen_language(code)
    if wanted == i18n.current_language():
        return None
    box = QMessageBox(QMessageBox.Icon.Information, translate("Menus", "Language"),
                      translate("Menus", "seqstudio will show in {0} the next time it starts.")
                      .format(i18n.LANGUAGES[wanted]), QMessageBox.StandardButton.Ok, w)
    box.setObjectName("languageChangedBox")
    box.open()
    return box


def fill_recent_menu(w: Any) -> None:
    """File ▸ Open Recent, filled when it is about to show."""
    menu = w.actions_.recent_menu
    menu.clear()
    recent = w.settings.recent_files()
    for path in recent:
        action = menu.addAction(path)
        action.triggered.connect(lambda *_, p=path: w.open_file(p))
    if not recent:
        menu.addAction(translate("Menus", "(none)")).setEnabled(False)
    else:
        menu.addSeparator()
        menu.addAction(translate("Menus", "Clear List"), w.settings.clear_recent_files)
