"""Claims to tests: every option of every ``seqstudio`` command names the test that exercises it
through the public path (the CLI, in a subprocess or through ``seqstudio.cli.main``; the app
through its widgets). ``tests/core/test_claims.py`` walks the argparse parsers and fails when an
option is missing here or a named test does not exist.

Keys: ``"<command> <option>"`` with the option's first long name (``"train --lr"``), positionals by
their metavar (``"train DATA"``), the command alone for commands without options, and
``"seqstudio <option>"`` for the top level. Cell parameters come from every registered cell's
schema, so a plugin that adds a parameter adds a row here.
"""

from __future__ import annotations

CLI = "tests/core/test_cli_engine.py"
OPTS = "tests/core/test_cli_options.py"

CLAIMS: dict[str, str] = {
    # top level
    "seqstudio --version": f"{OPTS}::test_version_and_plugin_tracebacks",
    "seqstudio --debug": f"{CLI}::test_debug_shows_the_traceback",
    # plugins and cells
    "plugins --traceback": f"{OPTS}::test_a_plugin_that_fails_shows_its_traceback_on_request",
    "cells": "tests/plugins/test_isolation.py::test_cli_reports_broken_plugins_and_exits_zero",
    # train
    "train DATA": f"{CLI}::test_default_options_just_work",
    "train --cell": f"{CLI}::test_train_writes_a_run_and_prints_progress",
    "train --out": f"{CLI}::test_train_writes_a_run_and_prints_progress",
    "train --units": f"{CLI}::test_train_writes_a_run_and_prints_progress",
    "train --layers": f"{CLI}::test_train_writes_a_run_and_prints_progress",
    "train --use-bias": f"{OPTS}::test_train_options_reach_the_run",
    "train --activation": f"{OPTS}::test_forecast_column_options",
    "train --epochs": f"{CLI}::test_train_writes_a_run_and_prints_progress",
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
    "train --level": f"{CLI}::test_a_text_file_this_project_did_not_write",
    "train --vocab": f"{CLI}::test_a_text_file_this_project_did_not_write",
    "train --seq-len": f"{CLI}::test_a_text_file_this_project_did_not_write",
    "train --window": f"{CLI}::test_forecast_evaluate_and_predict",
    "train --horizon": f"{CLI}::test_forecast_evaluate_and_predict",
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
    "resume RUN_DIR": f"{CLI}::test_killed_run_is_readable_and_resumes",
    "resume --epochs": f"{CLI}::test_killed_run_is_readable_and_resumes",
    "resume --force": f"{OPTS}::test_resume_and_evaluate_force_after_the_data_changed",
    "resume --quiet": f"{OPTS}::test_resume_and_evaluate_force_after_the_data_changed",
    # predict
    "predict RUN_DIR": f"{CLI}::test_lm_evaluate_predict_inspect",
    "predict --prompt": f"{CLI}::test_lm_evaluate_predict_inspect",
    "predict --tokens": f"{OPTS}::test_resume_and_evaluate_force_after_the_data_changed",
    "predict --temperature": f"{CLI}::test_lm_evaluate_predict_inspect",
    "predict --top-k": f"{CLI}::test_lm_evaluate_predict_inspect",
    "predict --seed": f"{CLI}::test_lm_evaluate_predict_inspect",
    "predict --text": f"{CLI}::test_train_writes_a_run_and_prints_progress",
    "predict --steps": f"{CLI}::test_forecast_evaluate_and_predict",
    "predict --values": f"{CLI}::test_forecast_evaluate_and_predict",
    "predict --json": f"{CLI}::test_lm_evaluate_predict_inspect",
    # evaluate
    "evaluate RUN_DIR": f"{CLI}::test_lm_evaluate_predict_inspect",
    "evaluate --json": f"{CLI}::test_lm_evaluate_predict_inspect",
    "evaluate --force": f"{OPTS}::test_resume_and_evaluate_force_after_the_data_changed",
    # inspect
    "inspect RUN_DIR": f"{CLI}::test_lm_evaluate_predict_inspect",
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
    "lesson FILE": "tests/core/test_lessons.py::test_a_minimal_lesson_with_embedded_data",
    "lesson --list": "tests/core/test_lessons.py::"
                     "test_every_bundled_lesson_loads_and_ends_with_a_question",
    "lesson --json": "tests/core/test_lessons.py::"
                     "test_every_bundled_lesson_loads_and_ends_with_a_question",
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
