"""Claims to tests: every option of every ``seqstudio`` command (``CLAIMS``) and every feature the
README names (``FEATURES``) names the tests that exercise it through the public path: the CLI in a
subprocess, or the app through its main window. ``tests/core/test_claims.py`` walks the argparse
parsers and the README, and fails when an option or a feature is missing here, when a named test
does not exist, or when a named test does not go through the public path (it calls the CLI's
``main()`` in-process, or neither starts ``seqstudio`` nor drives a window).

The README's features are the bold names of the bullets under its ``## Features`` heading and the
first cells of the table under ``## What you can see in it`` (the lecture points), spelled here
exactly as there.

Keys: ``"<command> <option>"`` with the option's first long name (``"train --lr"``), positionals by
their metavar (``"train DATA"``), the command alone for commands without options, and
``"seqstudio <option>"`` for the top level. Cell parameters come from every registered cell's
schema, so a plugin that adds a parameter adds a row here.
"""

from __future__ import annotations

OPTS = "tests/core/test_cli_options.py"
CL = "tests/core/test_claims_cli.py"
FAULTS = "tests/core/test_faults.py"
LESSONS = "tests/core/test_lessons.py"
APP = "tests/gui/test_claims_app.py"
FLOW = "tests/gui/test_flow.py"
NEW = "tests/gui/test_newcomer.py"
RUNS = "tests/gui/test_plugins_runs.py"

CLAIMS: dict[str, str] = {
    # top level
    "seqstudio --version": f"{OPTS}::test_version_and_plugin_tracebacks",
    "seqstudio --debug": f"{CL}::test_debug_and_the_lesson_commands",
    # plugins and cells
    "plugins --traceback": f"{OPTS}::test_a_plugin_that_fails_shows_its_traceback_on_request",
    "cells": "tests/plugins/test_isolation.py::test_cli_reports_broken_plugins_and_exits_zero",
    # train
    "train DATA": f"{CL}::test_a_word_level_language_model_end_to_end",
    "train --cell": f"{CL}::test_a_word_level_language_model_end_to_end",
    "train --out": f"{CL}::test_a_word_level_language_model_end_to_end",
    "train --units": f"{CL}::test_a_word_level_language_model_end_to_end",
    "train --layers": f"{OPTS}::test_forecast_column_options",
    "train --use-bias": f"{OPTS}::test_train_options_reach_the_run",
    "train --activation": f"{OPTS}::test_forecast_column_options",
    "train --epochs": f"{CL}::test_a_word_level_language_model_end_to_end",
    "train --batch-size": f"{OPTS}::test_train_options_reach_the_run",
    "train --lr": f"{OPTS}::test_train_options_reach_the_run",
    "train --optimizer": f"{OPTS}::test_train_options_reach_the_run",
    "train --seed": f"{OPTS}::test_train_options_reach_the_run",
    "train --early-stopping": f"{OPTS}::test_train_options_reach_the_run",
    "train --snapshot-every": f"{OPTS}::test_train_options_reach_the_run",
    "train --tensorboard": "tests/core/test_tensorboard.py::"
                           "test_train_tensorboard_logs_every_batch_and_epoch",
    "train --strategy": "tests/core/test_distribute.py::"
                        "test_cli_multi_worker_two_processes_on_loopback",
    "train --execution-mode": f"{OPTS}::test_train_options_reach_the_run",
    "train --task": f"{OPTS}::test_train_options_reach_the_run",
    "train --level": f"{CL}::test_a_word_level_language_model_end_to_end",
    "train --vocab": f"{CL}::test_a_word_level_language_model_end_to_end",
    "train --seq-len": f"{CL}::test_a_word_level_language_model_end_to_end",
    "train --window": f"{CL}::test_a_forecast_with_a_horizon_then_steps_and_given_values",
    "train --horizon": f"{CL}::test_a_forecast_with_a_horizon_then_steps_and_given_values",
    "train --target": f"{OPTS}::test_forecast_column_options",
    "train --columns": f"{OPTS}::test_forecast_column_options",
    "train --date-column": f"{OPTS}::test_forecast_column_options",
    "train --text-column": f"{OPTS}::test_train_options_reach_the_run",
    "train --label-column": f"{OPTS}::test_train_options_reach_the_run",
    "train --input-kind": f"{OPTS}::test_train_options_reach_the_run",
    "train --embed-dim": f"{OPTS}::test_train_options_reach_the_run",
    "train --stride": f"{OPTS}::test_forecast_column_options",
    "train --val-fraction": f"{OPTS}::test_train_options_reach_the_run",
    "train --missing": f"{OPTS}::test_forecast_column_options",
    "train --treat-as-missing": f"{OPTS}::test_forecast_column_options",
    "train --encoding": f"{OPTS}::test_train_options_reach_the_run",
    "train --quiet": f"{OPTS}::test_resume_and_evaluate_force_after_the_data_changed",
    # resume
    "resume RUN_DIR": f"{OPTS}::test_resume_and_evaluate_force_after_the_data_changed",
    "resume --epochs": f"{OPTS}::test_resume_and_evaluate_force_after_the_data_changed",
    "resume --force": f"{OPTS}::test_resume_and_evaluate_force_after_the_data_changed",
    "resume --quiet": f"{OPTS}::test_resume_and_evaluate_force_after_the_data_changed",
    # predict
    "predict RUN_DIR": f"{CL}::test_a_word_level_language_model_end_to_end",
    "predict --prompt": f"{CL}::test_a_word_level_language_model_end_to_end",
    "predict --tokens": f"{OPTS}::test_resume_and_evaluate_force_after_the_data_changed",
    "predict --temperature": f"{CL}::test_a_word_level_language_model_end_to_end",
    "predict --top-k": f"{CL}::test_a_word_level_language_model_end_to_end",
    "predict --seed": f"{CL}::test_a_word_level_language_model_end_to_end",
    "predict --text": f"{CL}::test_a_classifier_predicts_a_text",
    "predict --steps": f"{CL}::test_a_forecast_with_a_horizon_then_steps_and_given_values",
    "predict --values": f"{CL}::test_a_forecast_with_a_horizon_then_steps_and_given_values",
    "predict --json": f"{CL}::test_a_word_level_language_model_end_to_end",
    # evaluate
    "evaluate RUN_DIR": "tests/core/test_evaluate_baselines.py::"
                        "test_classify_evaluate_names_the_majority_class",
    "evaluate --json": "tests/core/test_evaluate_baselines.py::"
                       "test_forecast_evaluate_prints_every_baseline",
    "evaluate --force": f"{OPTS}::test_resume_and_evaluate_force_after_the_data_changed",
    # inspect
    "inspect RUN_DIR": f"{CL}::test_a_word_level_language_model_end_to_end",
    "inspect --step": "tests/core/test_glassbox_cli.py::test_inspect_step_and_memory_print_the_recorded_numbers",
    "inspect --epoch": "tests/core/test_glassbox_cli.py::test_inspect_step_and_memory_print_the_recorded_numbers",
    "inspect --layer": "tests/core/test_glassbox_cli.py::test_inspect_step_and_memory_print_the_recorded_numbers",
    "inspect --memory": "tests/core/test_glassbox_cli.py::test_inspect_step_and_memory_print_the_recorded_numbers",
    # compare
    "compare RUN": "tests/core/test_compare.py::test_compare_two_runs_table_json_and_diff_only",
    "compare --diff-only": "tests/core/test_compare.py::"
                           "test_compare_two_runs_table_json_and_diff_only",
    "compare --json": "tests/core/test_compare.py::test_compare_two_runs_table_json_and_diff_only",
    # lesson
    "lesson FILE": f"{CL}::test_debug_and_the_lesson_commands",
    "lesson --list": f"{CL}::test_debug_and_the_lesson_commands",
    "lesson --json": f"{CL}::test_debug_and_the_lesson_commands",
    "lesson --language": f"{LESSONS}::"
                         "test_every_bundled_lesson_has_a_korean_twin_with_the_same_settings",
    "lesson --train": "tests/core/test_lessons.py::"
                      "test_the_notes_example_lesson_trains_and_has_1110_parameters",
    "lesson --epochs": "tests/core/test_lessons.py::"
                       "test_the_notes_example_lesson_trains_and_has_1110_parameters",
    "lesson --out": "tests/core/test_lessons.py::"
                    "test_the_notes_example_lesson_trains_and_has_1110_parameters",
    # gui
    "gui FILE": f"{OPTS}::test_gui_opens_a_file_and_a_run_and_refuses_a_missing_file",
    "gui --run": f"{OPTS}::test_gui_opens_a_file_and_a_run_and_refuses_a_missing_file",
}

#: README feature -> the tests that show it (one or more), through the CLI in a subprocess or the
#: app's window (``check_cell`` is the plugin author's own public entry point)
FEATURES: dict[str, tuple[str, ...]] = {
    # ## Features
    "Live training view": (f"{FLOW}::test_full_flow", f"{FLOW}::test_pause_resume_and_stop_mid_epoch"),
    "Pause, resume and stop": (f"{FLOW}::test_pause_resume_and_stop_mid_epoch",
                               f"{FLOW}::test_stop_while_paused"),
    "Three tasks": (f"{FLOW}::test_full_flow", f"{CL}::test_a_word_level_language_model_end_to_end",
                    f"{CL}::test_a_classifier_predicts_a_text",
                    f"{CL}::test_a_forecast_with_a_horizon_then_steps_and_given_values"),
    "Settings chosen for the file": (
        "tests/gui/test_suggested.py::test_settings_follow_the_file_and_keep_what_the_user_typed",
        f"{NEW}::test_text_settings_default_to_the_file_and_the_notes_preset_is_one_click"),
    "Architecture table": (f"{FLOW}::test_architecture_shows_the_execution_mode",
                           f"{APP}::test_the_lecture_points_in_the_window"),
    "Honest baselines": ("tests/core/test_evaluate_baselines.py::"
                         "test_forecast_evaluate_prints_every_baseline",
                         "tests/core/test_evaluate_baselines.py::"
                         "test_lm_evaluate_on_a_text_this_project_did_not_write",
                         "tests/core/test_evaluate_baselines.py::"
                         "test_classify_evaluate_names_the_majority_class",
                         "tests/gui/test_suggested.py::"
                         "test_first_start_on_the_bundled_sample_beats_the_bigram"),
    "Cells are plugins": ("tests/plugins/test_isolation.py::"
                          "test_cli_reports_broken_plugins_and_exits_zero",
                          f"{RUNS}::test_example_third_party_cell_trains_and_run_reopens",
                          f"{RUNS}::test_broken_plugin_is_shown_in_the_plugins_panel"),
    "Cells with several states": ("tests/gui/test_states.py::"
                                  "test_an_lstm_shows_its_c_state_with_its_own_scale",),
    "Stacked layers": (f"{OPTS}::test_forecast_column_options",
                       f"{APP}::test_stacked_layers_in_the_window"),
    "Past runs": (f"{RUNS}::test_example_third_party_cell_trains_and_run_reopens",
                  "tests/gui/test_fault_dialogs.py::"
                  "test_damaged_model_history_and_snapshot_still_replay"),
    "Exports": (f"{RUNS}::test_export_menu_actions_write_the_chosen_files",),
    "Runs that survive": (f"{FAULTS}::test_a_full_disk_while_writing",
                          f"{OPTS}::test_resume_and_evaluate_force_after_the_data_changed",
                          f"{CL}::test_a_word_level_language_model_end_to_end"),
    "Readable errors": (f"{FAULTS}::test_run_from_a_newer_seqstudio",
                        f"{CL}::test_debug_and_the_lesson_commands",
                        "tests/gui/test_fault_dialogs.py::test_training_into_a_read_only_folder",
                        f"{RUNS}::test_divergence_shows_a_dialog"),
    "TensorBoard logs": ("tests/core/test_tensorboard.py::"
                         "test_train_tensorboard_logs_every_batch_and_epoch",
                         f"{NEW}::test_tensorboard_switch_says_where_the_logs_are"),
    "Distributed training": ("tests/core/test_distribute.py::test_mirrored_over_two_logical_cpus",
                             "tests/core/test_distribute.py::"
                             "test_cli_multi_worker_two_processes_on_loopback"),
    "Lessons and comparison": (
        f"{LESSONS}::test_the_notes_example_lesson_trains_and_has_1110_parameters",
        "tests/gui/test_lesson_panel.py::"
        "test_the_notes_lesson_walks_its_steps_and_keeps_its_settings",
        "tests/core/test_compare.py::test_compare_two_runs_table_json_and_diff_only"),
    "Small screens": (f"{NEW}::test_the_window_works_at_1024_by_600",),
    "Korean and English": ("tests/gui/test_translations.py::test_korean_window_has_no_english_left",
                           "tests/gui/test_translations.py::test_language_menu_switches_and_is_remembered"),
    # ## What you can see in it (the lecture points)
    "`h_t = act(Wx·x_t + Wh·h_{t-1} + b)`, `h_0 = 0`": (
        f"{FLOW}::test_full_flow",
        "tests/plugins/test_gated.py::test_they_pass_the_checker_in_every_execution_mode"),
    "time steps = sequence length": (f"{APP}::test_the_lecture_points_in_the_window",),
    "`n·d + n·n + n` parameters": (f"{APP}::test_the_lecture_points_in_the_window",
                                   f"{CL}::test_a_word_level_language_model_end_to_end"),
    "the last hidden state is the output": (f"{APP}::test_the_lecture_points_in_the_window",),
    "stacked layers, the first returns every step": (
        f"{APP}::test_stacked_layers_in_the_window",
        "tests/gui/test_glass_views.py::test_unrolled_and_inspector_train_click_scrub_and_replay"),
    "100 words × 20 steps × 10 units": (
        f"{APP}::test_the_lecture_points_in_the_window",
        f"{LESSONS}::test_the_notes_example_lesson_trains_and_has_1110_parameters"),
    "tanh or ReLU": (f"{APP}::test_the_lecture_points_in_the_window",
                     f"{RUNS}::test_divergence_shows_a_dialog"),
}
