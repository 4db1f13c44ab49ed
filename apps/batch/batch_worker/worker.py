"""One job: S3 object -> checks -> local conversion -> results in S3, all or nothing."""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from batch_worker import __version__
from batch_worker.convert import PARQUET_COMPRESSION, ConversionOptions, ConversionResult, convert_csv
from batch_worker.errors import BadInputError
from batch_worker.logs import log_event
from batch_worker.settings import Limits, Settings
from batch_worker.storage import (
    JSON_CONTENT_TYPE,
    PARQUET_CONTENT_TYPE,
    SourceObject,
    delete_quietly,
    describe_input,
    download,
    put_bytes,
    upload_file,
)

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
        "worker_version": __version__,
    }


def run(settings: Settings, s3: Any) -> dict[str, Any]:
    """Process ``s3://$INPUT_BUCKET/$INPUT_KEY``; returns the profile that was published."""
    started = time.monotonic()
    log_event(
        "job started",
        input=f"s3://{settings.input_bucket}/{settings.input_key}",
        parquet=f"s3://{settings.results_bucket}/{settings.parquet_key}",
        profile=f"s3://{settings.results_bucket}/{settings.profile_key}",
    )
    source = describe_input(s3, settings.input_bucket, settings.input_key)
    limit = settings.limits.max_input_bytes
    if source.size > limit:
        raise BadInputError(f"the object is {source.size} bytes; the limit is {limit} bytes (MAX_INPUT_BYTES)")
    if source.size == 0:
        raise BadInputError("the file is empty: a header row is required")

    with tempfile.TemporaryDirectory(prefix="batch-worker-") as scratch:
        csv_path, parquet_path = Path(scratch, "input.csv"), Path(scratch, PARQUET_NAME)
        step = time.monotonic()
        download(s3, source, csv_path)
        log_event("input downloaded", bytes=source.size, seconds=round(time.monotonic() - step, 3))

        step = time.monotonic()
        result = convert_csv(csv_path, parquet_path, conversion_options(settings.limits))
        csv_path.unlink()
        log_event(
            "input converted",
            rows=result.row_count,
            columns=len(result.columns),
            row_groups=result.row_groups,
            rereads=result.rereads,
            parquet_bytes=parquet_path.stat().st_size,
            seconds=round(time.monotonic() - step, 3),
        )
        profile = profile_document(
            result,
            source=_describe_source(source),
            output={
                "bucket": settings.results_bucket,
                "parquet_key": settings.parquet_key,
                "profile_key": settings.profile_key,
                "parquet_size_bytes": parquet_path.stat().st_size,
            },
        )
        publish(s3, settings, parquet_path, profile)
    log_event("job succeeded", rows=result.row_count, seconds=round(time.monotonic() - started, 3))
    return profile


def _describe_source(source: SourceObject) -> dict[str, Any]:
    return {"bucket": source.bucket, "key": source.key, "size_bytes": source.size, "etag": source.etag.strip('"')}


def publish(s3: Any, settings: Settings, parquet_path: Path, profile: dict[str, Any]) -> None:
    """Parquet first, profile last: a profile.json in S3 always sits next to its data.parquet.

    Re-runs overwrite the same two keys. If the profile cannot be written, both keys are deleted
    (the profile too: its PUT may have succeeded with the response lost), so a failed attempt
    leaves no result rather than a mismatched pair; the retry writes both again.
    """
    bucket = settings.results_bucket
    upload_file(s3, parquet_path, bucket, settings.parquet_key, PARQUET_CONTENT_TYPE)
    log_event("parquet uploaded", key=settings.parquet_key)
    try:
        put_bytes(s3, json.dumps(profile, indent=2).encode(), bucket, settings.profile_key, JSON_CONTENT_TYPE)
    except BaseException:
        for key in (settings.profile_key, settings.parquet_key):
            error = delete_quietly(s3, bucket, key)
            if error is not None:
                log_event("cleanup failed", level=logging.ERROR, key=key, error=str(error))
        raise
    log_event("profile uploaded", key=settings.profile_key)


def convert_local(csv_path: Path, output_dir: Path, limits: Limits | None = None) -> dict[str, Any]:
    """The same conversion on local files (no AWS): ``output_dir``/data.parquet and profile.json."""
    limits = limits or Limits()
    size = csv_path.stat().st_size
    if size > limits.max_input_bytes:
        raise BadInputError(f"the file is {size} bytes; the limit is {limits.max_input_bytes} bytes (MAX_INPUT_BYTES)")
    output_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="batch-worker-", dir=output_dir) as scratch:
        staged_parquet = Path(scratch, PARQUET_NAME)
        result = convert_csv(csv_path, staged_parquet, conversion_options(limits))
        profile = profile_document(
            result,
            source={"path": str(csv_path), "size_bytes": size},
            output={
                "parquet_path": str(output_dir / PARQUET_NAME),
                "profile_path": str(output_dir / PROFILE_NAME),
                "parquet_size_bytes": staged_parquet.stat().st_size,
            },
        )
        staged_profile = Path(scratch, PROFILE_NAME)
        staged_profile.write_text(json.dumps(profile, indent=2))
        os.replace(staged_parquet, output_dir / PARQUET_NAME)
        os.replace(staged_profile, output_dir / PROFILE_NAME)
    return profile
