"""Fixtures for the Batch worker tests: an in-process S3 (moto) and job/file factories."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import boto3
import pytest
from batch_worker.cli import main
from moto import mock_aws

INPUT_BUCKET = "acme-test-uploads"
RESULTS_BUCKET = "acme-test-results"
RESULTS_PREFIX = "results/"


@dataclass
class JobRun:
    """What one ``python -m batch_worker`` run left behind."""

    exit_code: int
    stdout: str
    stderr: str
    results: dict[str, bytes] = field(default_factory=dict)
    calls: list[str] = field(default_factory=list)  # S3 client methods the worker called

    @property
    def log_lines(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.stdout.splitlines() if line.strip()]

    def profile(self, key: str) -> dict[str, Any]:
        return json.loads(self.results[key])


class FlakyClient:
    """A real S3 client whose listed operations raise instead (counting every call)."""

    def __init__(self, client: Any, failures: dict[str, BaseException] | None = None) -> None:
        self._client = client
        self._failures = failures or {}
        self.calls: list[str] = []

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._client, name)
        if not callable(attribute):
            return attribute

        def call(*args: Any, **kwargs: Any) -> Any:
            self.calls.append(name)
            if name in self._failures:
                raise self._failures[name]
            return attribute(*args, **kwargs)

        return call


@pytest.fixture(scope="module")
def mocked_s3() -> Iterator[Any]:
    """moto's in-process S3 with the two buckets, started once per test module (it costs ~0.2 s)."""
    with pytest.MonkeyPatch.context() as patch:
        for name in ("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3", "AWS_PROFILE", "AWS_SESSION_TOKEN"):
            patch.delenv(name, raising=False)
        patch.setenv("AWS_ACCESS_KEY_ID", "testing")
        patch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
        patch.setenv("AWS_DEFAULT_REGION", "us-east-1")
        with mock_aws():
            s3 = boto3.client("s3")
            s3.create_bucket(Bucket=INPUT_BUCKET)
            s3.create_bucket(Bucket=RESULTS_BUCKET)
            yield s3


@pytest.fixture
def aws_s3(mocked_s3: Any) -> Iterator[Any]:
    """The module's S3, with both buckets empty at the start of each test."""
    for bucket in (INPUT_BUCKET, RESULTS_BUCKET):
        for item in mocked_s3.list_objects_v2(Bucket=bucket).get("Contents", []):
            mocked_s3.delete_object(Bucket=bucket, Key=item["Key"])
    yield mocked_s3


@pytest.fixture
def run_job(aws_s3: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Callable[..., JobRun]:
    """Factory: upload ``body`` to ``key`` (unless None), run the worker with the contract's env."""

    def run(
        body: bytes | None,
        key: str = "uploads/2024/sales.csv",
        env: dict[str, str] | None = None,
        failures: dict[str, BaseException] | None = None,
    ) -> JobRun:
        if body is not None:
            aws_s3.put_object(Bucket=INPUT_BUCKET, Key=key, Body=body)
        settings = {
            "INPUT_BUCKET": INPUT_BUCKET,
            "INPUT_KEY": key,
            "RESULTS_BUCKET": RESULTS_BUCKET,
            "RESULTS_PREFIX": RESULTS_PREFIX,
            **(env or {}),
        }
        for name, value in settings.items():
            monkeypatch.setenv(name, value)
        client = FlakyClient(aws_s3, failures)
        monkeypatch.setattr("batch_worker.storage.make_s3_client", lambda: client)
        capsys.readouterr()
        exit_code = main([])
        captured = capsys.readouterr()
        return JobRun(exit_code, captured.out, captured.err, results_in(aws_s3), client.calls)

    return run


def results_in(s3: Any) -> dict[str, bytes]:
    listing = s3.list_objects_v2(Bucket=RESULTS_BUCKET).get("Contents", [])
    return {item["Key"]: s3.get_object(Bucket=RESULTS_BUCKET, Key=item["Key"])["Body"].read() for item in listing}


@pytest.fixture
def csv_file(tmp_path: Path) -> Callable[[str | bytes], Path]:
    """Factory: write CSV text (str, UTF-8 encoded) or raw bytes to a temporary file."""
    counter = iter(range(1_000_000))

    def write(content: str | bytes) -> Path:
        path = tmp_path / f"input-{next(counter)}.csv"
        path.write_bytes(content.encode() if isinstance(content, str) else content)
        return path

    return write
