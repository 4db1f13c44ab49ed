"""One job: S3 object -> checks -> local conversion -> results in S3, all or nothing."""

from __future__ import annotations

import json
import logging
import tempfile
import time
from pathlib import Path
from typing import Any

from batch_worker.convert import convert_csv
from batch_worker.document import PARQUET_NAME, conversion_options, profile_document
from batch_worker.errors import BadInputError
from batch_worker.logs import log_event
from batch_worker.settings import Settings
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
from batch_worker.utf8 import Utf8Checker


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
        utf8 = Utf8Checker()
        download(s3, source, csv_path, utf8.feed)
        utf8.finish()
        log_event("input downloaded", bytes=source.size, seconds=round(time.monotonic() - step, 3))

        step = time.monotonic()
        result = convert_csv(csv_path, parquet_path, conversion_options(settings.limits), utf8_checked=True)
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
