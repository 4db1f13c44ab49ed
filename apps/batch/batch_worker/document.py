"""The profile.json document and the conversion settings both entry points share."""

from __future__ import annotations

from importlib.metadata import version
from typing import Any

from batch_worker.convert import PARQUET_COMPRESSION, ConversionOptions, ConversionResult
from batch_worker.settings import Limits

PARQUET_NAME = "data.parquet"
PROFILE_NAME = "profile.json"


def conversion_options(limits: Limits) -> ConversionOptions:
    return ConversionOptions(max_columns=limits.max_columns, max_row_bytes=limits.max_row_bytes)


def profile_document(result: ConversionResult, source: dict[str, Any], output: dict[str, Any]) -> dict[str, Any]:
    """The profile.json content; deterministic for a given input (no timestamps)."""
    return {
        "source": source,
        "output": {**output, "compression": PARQUET_COMPRESSION, "row_groups": result.row_groups},
        "row_count": result.row_count,
        "column_count": len(result.columns),
        "columns": result.columns,
        "distinct_count_method": (
            f"exact up to {result.sketch_size} distinct values per column (distinct_count_exact: true); "
            f"above, a K-minimum-values estimate with k={result.sketch_size}, "
            f"relative standard error {1 / (result.sketch_size - 2) ** 0.5:.2%}"
        ),
        "type_rereads": result.rereads,
        "worker_version": version("batch-worker"),
    }
