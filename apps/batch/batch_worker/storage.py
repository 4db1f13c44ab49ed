"""S3 access with plain boto3 clients, and how a failure maps to the contract's exit codes."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
import botocore.exceptions
from boto3.exceptions import RetriesExceededError
from boto3.s3.transfer import TransferConfig
from botocore.config import Config

from batch_worker.errors import BadInputError

DOWNLOAD_CHUNK_BYTES = 8 * 1024 * 1024
PARQUET_CONTENT_TYPE = "application/vnd.apache.parquet"
JSON_CONTENT_TYPE = "application/json"

# Error codes S3 and the other AWS APIs return for conditions a later attempt may not meet.
_TRANSIENT_CODES = frozenset(
    {
        "InternalError",
        "OperationAborted",
        "PreconditionFailed",  # the object changed between HEAD and GET: the next attempt reads the new one
        "RequestLimitExceeded",
        "RequestTimeout",
        "RequestTimeTooSkewed",
        "ServiceUnavailable",
        "SlowDown",
        "Throttling",
        "ThrottlingException",
        "TooManyRequestsException",
    }
)
_TRANSIENT_EXCEPTIONS = (
    botocore.exceptions.ConnectionError,  # endpoint unreachable, connect timeout, proxy, TLS
    botocore.exceptions.HTTPClientError,  # read timeout, connection closed, response streaming
    botocore.exceptions.IncompleteReadError,
    RetriesExceededError,
)


def make_s3_client() -> Any:
    """A plain client; boto3 reads the region, credentials and ``AWS_ENDPOINT_URL`` from the env."""
    return boto3.client(
        "s3",
        config=Config(retries={"mode": "standard", "max_attempts": 5}, connect_timeout=10, read_timeout=60),
    )


def is_transient(error: BaseException) -> bool:
    """True for throttling, 5xx and network failures, looking through wrapped exceptions."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, _TRANSIENT_EXCEPTIONS):
            return True
        if isinstance(current, botocore.exceptions.ClientError):
            details = current.response.get("Error", {})
            status = current.response.get("ResponseMetadata", {}).get("HTTPStatusCode") or 0
            return details.get("Code") in _TRANSIENT_CODES or status >= 500 or status == 429
        # upload_file wraps the ClientError in S3UploadFailedError, raised inside its handler
        current = current.__cause__ or current.__context__
    return False


@dataclass(frozen=True)
class SourceObject:
    bucket: str
    key: str
    size: int
    etag: str


def describe_input(s3: Any, bucket: str, key: str) -> SourceObject:
    try:
        head = s3.head_object(Bucket=bucket, Key=key)
    except botocore.exceptions.ClientError as exc:
        if exc.response.get("Error", {}).get("Code") in {"404", "NoSuchKey", "NotFound"}:
            raise BadInputError(f"s3://{bucket}/{key} does not exist (deleted after the upload?)") from None
        raise
    return SourceObject(bucket=bucket, key=key, size=int(head["ContentLength"]), etag=head["ETag"])


def download(s3: Any, source: SourceObject, destination: Path, inspect: Callable[[bytes], None]) -> None:
    """Stream the object to ``destination``, passing each chunk to ``inspect`` on the way.

    ``IfMatch`` pins the version whose size was checked.
    """
    response = s3.get_object(Bucket=source.bucket, Key=source.key, IfMatch=source.etag)
    body = response["Body"]
    try:
        with open(destination, "wb") as out:
            for chunk in body.iter_chunks(DOWNLOAD_CHUNK_BYTES):
                inspect(chunk)
                out.write(chunk)
    finally:
        body.close()
    written = os.path.getsize(destination)
    if written != source.size:
        raise botocore.exceptions.IncompleteReadError(actual_bytes=written, expected_bytes=source.size)


def upload_file(s3: Any, path: Path, bucket: str, key: str, content_type: str) -> None:
    """Single PUT or multipart upload; an aborted multipart upload leaves no object behind."""
    s3.upload_file(
        str(path),
        bucket,
        key,
        ExtraArgs={"ContentType": content_type},
        Config=TransferConfig(multipart_threshold=64 * 1024 * 1024, multipart_chunksize=64 * 1024 * 1024),
    )


def put_bytes(s3: Any, body: bytes, bucket: str, key: str, content_type: str) -> None:
    s3.put_object(Bucket=bucket, Key=key, Body=body, ContentType=content_type)


def delete_quietly(s3: Any, bucket: str, key: str) -> BaseException | None:
    """Best-effort delete on the failure path; returns the error instead of raising it."""
    try:
        s3.delete_object(Bucket=bucket, Key=key)
    except (botocore.exceptions.BotoCoreError, botocore.exceptions.ClientError) as exc:
        return exc
    return None
