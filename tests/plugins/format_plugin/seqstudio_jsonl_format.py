"""A tiny third-party data-format plugin: JSON lines.

Records with only a ``text`` field become running text (language modelling); records with more
fields become a table (classification or time series). It uses only the public contract.
"""

from __future__ import annotations

import json

import pandas as pd

from seqstudio.errors import DataError
from seqstudio.hookspecs import hookimpl
from seqstudio.spec import DataFormat

SEQSTUDIO_CONTRACT = "1.0"


def read_jsonl(path):
    records = []
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise DataError(f"not JSON: {exc.msg}", path=path, where=f"line {number}") from None
    if records and all(set(r) == {"text"} for r in records):
        return "\n".join(r["text"] for r in records)
    return pd.DataFrame.from_records(records)


def sniff_jsonl(path, head: bytes) -> bool:
    return head.lstrip().startswith(b"{")


@hookimpl
def seqstudio_data_formats():
    return [DataFormat("jsonl", "JSON lines", (".jsonl",), read_jsonl, sniff=sniff_jsonl)]
