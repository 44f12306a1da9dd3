"""``load_dataset``: one entry point from a file to a :class:`Dataset`, whatever the format.

Every bad input ends as :class:`seqstudio.errors.DataError`. A format plugin's own exceptions are
wrapped too, naming the plugin, so a broken plugin reads as a message, not a traceback.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from seqstudio.data.columns import Columns, detect_columns, detect_task
from seqstudio.data.dataset import Dataset
from seqstudio.data.files import (
    check_file,
    check_not_binary,
    decode_text,
    read_bytes,
    read_head,
    sha256_of,
)
from seqstudio.data.formats import Resolved, resolve_format
from seqstudio.data.options import DataOptions, fill_task_defaults, resolve_options
from seqstudio.data.stream import Progress, stream_threshold
from seqstudio.data.tables import check_header, read_table
from seqstudio.errors import DataError, Phrase
from seqstudio.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # pragma: no cover
    from seqstudio.plugins import Registry


def load_dataset(
    path: str | Path,
    options: DataOptions | None = None,
    *,
    registry: Registry | None = None,
    progress: Progress | None = None,
    **overrides: Any,
) -> Dataset:
    """Turn a file into a :class:`Dataset`.

    :param path: a ``.txt`` text, a ``.csv``/``.tsv`` table, or a file a format plugin reads.
    :param options: how to load it; ``None`` for the defaults (detect the task, 100 tokens, T=20,
        characters for a language model and words for classification).
    :param registry: where plugin formats come from; default :func:`seqstudio.plugins.get_registry`,
        consulted only for extensions seqstudio does not read itself.
    :param progress: called as ``progress(fraction, what)`` while a file over the streaming
        threshold (:func:`seqstudio.data.stream.stream_threshold`) is read; raise from it (e.g.
        :class:`~seqstudio.data.stream.LoadCancelled`) to stop the load.
    :param overrides: option fields to change, e.g. ``seq_len=40``.
    :raises DataError: for every file or option that cannot be used; the message says what to do.
    """
    opts = resolve_options(options, overrides)
    p, size = check_file(path, opts.max_bytes)
    head = read_head(p)
    resolved = _resolve(p, head, registry)
    notes: list[str] = []
    threshold = stream_threshold(opts.stream_bytes)
    streamed = None
    if resolved.kind != "plugin" and size > threshold:
        check_not_binary(p, head, opts.encoding)
        streamed = _streamed(p, size, head, resolved, opts, threshold, progress)
    if streamed is not None:
        ds, encoding = streamed, opts.encoding or ""
    elif resolved.kind == "plugin":
        content = read_plugin(p, resolved)
        if isinstance(content, str):
            ds = _from_text(content, opts, p)
        else:
            check_header(p, content)
            ds = _from_table(content, opts, p)
        encoding = ""
    elif resolved.kind == "text":
        check_not_binary(p, head, opts.encoding)
        data = read_bytes(p)
        text, encoding, notes = decode_text(p, data, opts.encoding)
        del data
        ds = _from_text(text, opts, p)
        del text
    else:
        check_not_binary(p, head, opts.encoding)
        frame, encoding, notes = read_table(
            p, delimiter=resolved.delimiter, encoding=opts.encoding
        )
        ds = _from_table(frame, opts, p)
    if encoding:
        opts.encoding = opts.encoding or encoding.replace("utf-8-sig", "utf-8")
    ds.notes = notes + ds.notes
    ds.source = p.resolve()
    ds.source_sha256 = ds.source_sha256 or sha256_of(p)  # a stream hashed it while reading
    ds.options = dataclasses.asdict(opts)
    ds.summary = {"file": p.name, "format": resolved.fmt.label, **ds.summary}
    if encoding:
        ds.summary["encoding"] = encoding.replace("utf-8-sig", "utf-8")
    return ds


def _streamed(path: Path, size: int, head: bytes, resolved: Resolved, opts: DataOptions,
              threshold: int, progress: Progress | None) -> Dataset | None:
    """The Dataset of a file read from disk block by block, or None where the task does not
    stream (classification tables are read into memory, as small files are)."""
    if resolved.kind == "text":
        if opts.task not in (None, "lm"):
            _from_text("", opts, path)  # the message about tasks that need a table
        opts.task = "lm"
        from seqstudio.data.stream_text import stream_lm

        return stream_lm(path, size, head, opts, threshold, progress)
    from seqstudio.data.stream_table import HEAD_ROWS, stream_forecast

    frame, _, _ = read_table(path, delimiter=resolved.delimiter, encoding=opts.encoding,
                             nrows=HEAD_ROWS)
    if len(frame) == 0 or (opts.task or _table_task(frame, detect_columns(frame), opts, path)
                           ) != "forecast":
        return None
    opts.task = "forecast"
    return stream_forecast(path, size, frame, resolved.delimiter, opts, threshold, progress)


def _resolve(path: Path, head: bytes, registry: Registry | None) -> Resolved:
    try:
        head_text = head.decode("utf-8", errors="replace")
    except Exception:  # noqa: BLE001 # pragma: no cover
        head_text = None
    from seqstudio.data.formats import BUILTIN_FORMATS

    builtin = any(path.suffix.lower() in f.extensions for f in BUILTIN_FORMATS)
    if registry is None and not builtin:
        from seqstudio.plugins import get_registry

        registry = get_registry()
    return resolve_format(path, head, head_text, registry)


def read_plugin(path: Path, resolved: Resolved):
    fmt = resolved.fmt
    try:
        content = fmt.read(path)
    except DataError:
        raise
    except Exception as exc:  # noqa: BLE001 - a plugin bug must read as a message
        raise DataError(
            f"the {fmt.name!r} format (plugin {fmt.plugin!r}) could not read the file: "
            f"{type(exc).__name__}: {exc}",
            path=path,
        ) from exc
    if not isinstance(content, str | pd.DataFrame):
        raise DataError(
            f"the {fmt.name!r} format (plugin {fmt.plugin!r}) returned {type(content).__name__}; "
            "a format must return text (str) or a pandas DataFrame",
            path=path,
        )
    return content


def _from_text(text: str, opts: DataOptions, path: Path) -> Dataset:
    if opts.task not in (None, "lm"):
        raise DataError(
            Phrase(QT_TRANSLATE_NOOP("Errors", "task {task!r} needs a table (.csv/.tsv); a text "
                                     "file gives a language model (task 'lm')"), task=opts.task),
            path=path,
        )
    opts.task = "lm"
    from seqstudio.data.text import build_lm

    return build_lm(text, opts, path)


def _from_table(frame: pd.DataFrame, opts: DataOptions, path: Path) -> Dataset:
    if len(frame) == 0:
        raise DataError(
            QT_TRANSLATE_NOOP("Errors", "the table has a header but no rows of data; add rows "
                              "below the header"), path=path
        )
    cols = detect_columns(frame)
    task = opts.task or _table_task(frame, cols, opts, path)
    opts.task = task
    fill_task_defaults(opts)
    if task == "lm":
        raise DataError(
            QT_TRANSLATE_NOOP("Errors", "task 'lm' reads running text from a .txt file; for a "
                              "table choose 'classify' or 'forecast'"),
            path=path,
        )
    if task == "classify":
        from seqstudio.data.classify import build_classify

        return build_classify(frame, cols, opts, path)
    from seqstudio.data.timeseries import build_forecast

    return build_forecast(frame, cols, opts, path)


def _table_task(frame: pd.DataFrame, cols: Columns, opts: DataOptions, path: Path) -> str:
    if opts.text_column or opts.label_column:
        return "classify"
    if opts.columns or opts.target or opts.date_column or opts.treat_as_missing:
        return "forecast"
    task = detect_task(cols)
    if task is None:
        kinds = ", ".join(f"{c!r} ({frame[c].dtype})" for c in frame.columns)
        raise DataError(
            Phrase(QT_TRANSLATE_NOOP("Errors", "the table has no numeric column to forecast and no "
                                     "text-and-label pair to classify (columns: {kinds}); choose "
                                     "the columns with text_column/label_column or columns"),
                   kinds=kinds),
            path=path,
        )
    return task
