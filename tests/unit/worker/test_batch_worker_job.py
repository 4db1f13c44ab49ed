"""The whole job against an in-process S3 (moto): results, exit codes, idempotence, cleanup."""

from __future__ import annotations

import io
import json
import re

import botocore.exceptions
import pyarrow.parquet as pq
import pytest
from batch_worker.cli import main
from batch_worker.settings import Settings, strip_extension
from batch_worker.storage import is_transient
from batch_worker_fixtures import INPUT_BUCKET, RESULTS_BUCKET
from boto3.exceptions import S3UploadFailedError

pytestmark = pytest.mark.unit

PARQUET_KEY = "results/uploads/2024/sales/data.parquet"
PROFILE_KEY = "results/uploads/2024/sales/profile.json"
GOOD_CSV = b"region,units,price\nnorth,3,9.5\nsouth,,12.25\nnorth,7,\n"


def client_error(code: str, status: int, operation: str = "GetObject") -> botocore.exceptions.ClientError:
    return botocore.exceptions.ClientError(
        {"Error": {"Code": code, "Message": code}, "ResponseMetadata": {"HTTPStatusCode": status}}, operation
    )


def upload_failed(code: str, status: int) -> S3UploadFailedError:
    """What boto3's upload_file raises: the ClientError is only its __context__."""
    try:
        raise client_error(code, status, "PutObject")
    except botocore.exceptions.ClientError as exc:
        try:
            raise S3UploadFailedError(f"Failed to upload: {exc}")  # noqa: B904 - boto3 does the same
        except S3UploadFailedError as wrapped:
            return wrapped


def test_success_writes_parquet_then_profile(run_job):
    job = run_job(GOOD_CSV)

    assert job.exit_code == 0, job.stderr
    assert job.stderr == ""
    assert set(job.results) == {PARQUET_KEY, PROFILE_KEY}
    table = pq.read_table(io.BytesIO(job.results[PARQUET_KEY]))
    assert table.to_pydict() == {
        "region": ["north", "south", "north"],
        "units": [3, None, 7],
        "price": [9.5, 12.25, None],
    }
    profile = job.profile(PROFILE_KEY)
    assert profile["source"] == {
        "bucket": INPUT_BUCKET,
        "key": "uploads/2024/sales.csv",
        "size_bytes": len(GOOD_CSV),
        "etag": profile["source"]["etag"],
    }
    assert len(profile["source"]["etag"]) == 32
    assert profile["output"] == {
        "bucket": RESULTS_BUCKET,
        "parquet_key": PARQUET_KEY,
        "profile_key": PROFILE_KEY,
        "parquet_size_bytes": len(job.results[PARQUET_KEY]),
        "compression": "zstd",
        "row_groups": 1,
    }
    assert profile["row_count"] == 3
    assert profile["columns"]["units"] == {
        "inferred_type": "integer",
        "arrow_type": "int64",
        "null_count": 1,
        "distinct_count": 2,
        "distinct_count_exact": True,
        "min": 3,
        "max": 7,
        "mean": 5.0,
    }
    assert [line["message"] for line in job.log_lines] == [
        "job started",
        "input downloaded",
        "input converted",
        "parquet uploaded",
        "profile uploaded",
        "job succeeded",
    ]
    assert job.calls.index("upload_file") < job.calls.index("put_object")


def test_rerun_overwrites_the_same_keys_with_the_same_content(run_job):
    first = run_job(GOOD_CSV)
    second = run_job(None)

    assert first.exit_code == second.exit_code == 0
    assert second.results == first.results


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "the file is empty"),
        (b"a,a\n1,2\n", "duplicate column names in the header: 'a'"),
        (b"a, \n1,2\n", "header column 2 has an empty or blank name"),
        (b"a,b\n1,2\n3,4,5\n", "line 3: 3 columns, the header has 2"),
        (b"a,b\n1,\xe9t\xe9\n", r"invalid UTF-8 at byte offset 6 "),
        (b"a,b,c,d\n1,2,3,4\n", "the header has 4 columns; the limit is 3 \\(MAX_COLUMNS\\)"),
        (b"a,b\n1,2\n" * 10, "the object is 80 bytes; the limit is 79 bytes \\(MAX_INPUT_BYTES\\)"),
    ],
)
def test_bad_input_exits_65_with_one_line_and_writes_nothing(run_job, body, message):
    job = run_job(body, env={"MAX_COLUMNS": "3", "MAX_INPUT_BYTES": "79"})

    assert job.exit_code == 65
    assert job.results == {}
    assert job.stderr.count("\n") == 1
    assert job.stderr.startswith("batch_worker: bad input: ")
    assert re.search(message, job.stderr), job.stderr
    assert job.log_lines[-1]["message"] == "job failed" and job.log_lines[-1]["exit_code"] == 65


def test_a_bad_input_leaves_an_earlier_result_alone(run_job):
    run_job(GOOD_CSV)

    job = run_job(b"a,a\n")

    assert job.exit_code == 65
    assert set(job.results) == {PARQUET_KEY, PROFILE_KEY}


def test_the_size_limit_is_checked_before_downloading(run_job):
    job = run_job(GOOD_CSV, env={"MAX_INPUT_BYTES": "10"})

    assert job.exit_code == 65
    assert "get_object" not in job.calls


def test_a_missing_object_is_bad_input(run_job):
    job = run_job(None, key="uploads/gone.csv")

    assert job.exit_code == 65
    assert "does not exist" in job.stderr


@pytest.mark.parametrize(
    "failures",
    [
        {"get_object": client_error("ServiceUnavailable", 503)},
        {"get_object": client_error("SlowDown", 503)},
        {"head_object": client_error("InternalError", 500, "HeadObject")},
        {"get_object": client_error("PreconditionFailed", 412)},
        {"get_object": botocore.exceptions.EndpointConnectionError(endpoint_url="https://s3.amazonaws.com")},
        {"get_object": botocore.exceptions.ReadTimeoutError(endpoint_url="https://s3.amazonaws.com")},
        {"upload_file": upload_failed("SlowDown", 503)},
    ],
    ids=["503", "slow-down", "500", "changed-meanwhile", "no-network", "read-timeout", "upload-throttled"],
)
def test_transient_failures_exit_75_and_leave_no_result(run_job, failures):
    job = run_job(GOOD_CSV, failures=failures)

    assert job.exit_code == 75
    assert job.stderr.startswith("batch_worker: transient failure: ")
    assert job.results == {}


def test_a_failed_profile_upload_removes_the_uploaded_parquet(run_job):
    job = run_job(GOOD_CSV, failures={"put_object": client_error("SlowDown", 503, "PutObject")})

    assert job.exit_code == 75
    assert job.results == {}
    assert job.calls[-2:] == ["delete_object", "delete_object"]


def test_a_permission_error_is_not_called_transient(run_job):
    job = run_job(GOOD_CSV, failures={"get_object": client_error("AccessDenied", 403)})

    assert job.exit_code == 1
    assert job.stderr.startswith("batch_worker: unexpected error: ")
    assert job.log_lines[-1]["exception"].startswith("Traceback")


def test_missing_settings_exit_78(run_job, monkeypatch):
    monkeypatch.setenv("INPUT_KEY", "")

    job = run_job(None, key="")

    assert job.exit_code == 78
    assert job.stderr == "batch_worker: configuration error: missing environment variable(s): INPUT_KEY\n"


@pytest.mark.parametrize(
    ("key", "stem"),
    [
        ("uploads/sales.csv", "uploads/sales"),
        ("uploads/archive.tar.gz", "uploads/archive.tar"),
        ("uploads/v1.2/data", "uploads/v1.2/data"),
        ("uploads/.csv", "uploads/.csv"),
        ("report.CSV", "report"),
    ],
)
def test_result_keys_drop_the_upload_extension(key, stem):
    settings = Settings("in", key, "out", "results/")

    assert strip_extension(key) == stem
    assert settings.parquet_key == f"results/{stem}/data.parquet"
    assert settings.profile_key == f"results/{stem}/profile.json"


def test_transient_classification_looks_through_wrapping():
    assert is_transient(upload_failed("SlowDown", 503))
    assert is_transient(client_error("Whatever", 502))
    assert is_transient(client_error("TooManyRequestsException", 429))
    assert not is_transient(upload_failed("AccessDenied", 403))
    assert not is_transient(client_error("NoSuchBucket", 404))
    assert not is_transient(ValueError("bug"))


def test_local_mode_writes_both_files_without_aws(csv_file, tmp_path, capsys):
    output = tmp_path / "out"

    assert main(["--local", str(csv_file(GOOD_CSV.decode())), str(output)]) == 0

    assert sorted(path.name for path in output.iterdir()) == ["data.parquet", "profile.json"]
    assert json.loads((output / "profile.json").read_text())["row_count"] == 3
    assert main(["--local", str(csv_file("a,a\n")), str(tmp_path / "bad")]) == 65
    assert capsys.readouterr().err == "batch_worker: bad input: duplicate column names in the header: 'a'\n"
    assert not (tmp_path / "bad" / "data.parquet").exists()
