"""The pipeline end to end on the applied envs/local: upload -> state machine -> Batch job -> results.

The state machine runs the job through ``batch:submitJob.sync``; the emulator's Batch runs the worker
(``python -m batch_worker``) as a local process that reads and writes the environment's buckets.
"""

import uuid

import pytest

from harness import pipeline
from harness.integration import environment_group, target_of

pytestmark = [pytest.mark.e2e, environment_group("local")]

# The emulator enforces any attempt timeout; AWS Batch's minimum is 60 seconds.
SHORT_ATTEMPT_TIMEOUT_SECONDS = 2


@pytest.fixture(scope="module")
def env(request, platform_env):
    if target_of(request.config) == "aws":
        pytest.skip(
            "e2e runs the worker as a process of the emulator; on AWS it needs the worker image pushed to the "
            "environment's ECR repository, which this suite does not build"
        )
    return platform_env("local")


@pytest.fixture
def clients(env):
    return env.client("s3"), env.client("stepfunctions")


def upload_key(name):
    return f"e2e/{uuid.uuid4().hex[:8]}/{name}"


def result_objects(env, key):
    """Every object the run wrote for this upload in the results bucket."""
    folder = pipeline.result_keys(key)[0].rsplit("/", 1)[0] + "/"
    listed = env.client("s3").list_objects_v2(Bucket=env.outputs["results_bucket_name"], Prefix=folder)
    return [item["Key"] for item in listed.get("Contents", [])]


def worker_log(env, job):
    group = f"/aws/batch/{env.prefix}-worker"
    events = env.client("logs").get_log_events(logGroupName=group, logStreamName=job["Container"]["LogStreamName"])
    return [event["message"] for event in events["events"]]


def test_uploaded_csv_becomes_parquet_and_profile_in_results(env, clients):
    s3, sfn = clients
    sample, key = pipeline.SampleOrders.generate(rows=40), upload_key("orders.csv")

    execution = pipeline.run(s3, sfn, env.outputs, key, sample.csv)

    assert execution.status == "SUCCEEDED", execution.cause
    parquet_key, profile_key = pipeline.result_keys(key)
    assert (parquet_key, profile_key) == (f"results/{key[:-4]}/data.parquet", f"results/{key[:-4]}/profile.json")
    assert sorted(result_objects(env, key)) == [parquet_key, profile_key]
    table, profile = pipeline.read_results(s3, env.outputs["results_bucket_name"], key)
    assert sample.differences(table, profile) == []
    assert profile["source"]["bucket"] == env.outputs["uploads_bucket_name"] and profile["source"]["key"] == key
    assert profile["columns"]["order_id"]["inferred_type"] == "integer"
    assert profile["columns"]["city"]["distinct_count"] == 4


def test_malformed_csv_fails_with_the_workers_error_and_writes_nothing(env, clients):
    s3, sfn = clients
    key = upload_key("broken.csv")

    execution = pipeline.run(s3, sfn, env.outputs, key, b"order_id,city\n1,Lisbon\n2,Porto,extra\n")

    assert (execution.status, execution.error) == ("FAILED", "WorkerJobFailed")
    job = execution.failed_job()
    assert job["Container"]["ExitCode"] == 65
    assert len(job["Attempts"]) == 1, "bad input (exit 65) must not be retried"
    assert any(line.startswith("batch_worker: bad input: ") and "3 columns" in line for line in worker_log(env, job))
    assert result_objects(env, key) == []
    assert s3.head_object(Bucket=env.outputs["uploads_bucket_name"], Key=key)["ContentLength"] > 0, "upload kept"


@pytest.fixture
def slow_worker_revision(env):
    """A job definition revision whose command outlives its attempt timeout; deregistered afterwards."""
    batch = env.client("batch")
    name = f"{env.prefix}-worker"
    (current,) = batch.describe_job_definitions(jobDefinitionName=name, status="ACTIVE")["jobDefinitions"]
    container = dict(current["containerProperties"], command=["python", "-c", "import time; time.sleep(60)"])
    revision = batch.register_job_definition(
        jobDefinitionName=name,
        type=current["type"],
        platformCapabilities=current["platformCapabilities"],
        containerProperties=container,
        retryStrategy=current["retryStrategy"],
        timeout={"attemptDurationSeconds": SHORT_ATTEMPT_TIMEOUT_SECONDS},
    )["jobDefinitionArn"]
    try:
        yield revision
    finally:
        batch.deregister_job_definition(jobDefinition=revision)
    active = batch.describe_job_definitions(jobDefinitionName=name, status="ACTIVE")["jobDefinitions"]
    assert [definition["jobDefinitionArn"] for definition in active] == [current["jobDefinitionArn"]]


def test_job_exceeding_its_attempt_timeout_fails_the_execution(env, clients, slow_worker_revision):
    s3, sfn = clients
    key = upload_key("orders.csv")

    execution = pipeline.run(s3, sfn, env.outputs, key, pipeline.SampleOrders.generate(rows=5).csv)

    assert (execution.status, execution.error) == ("FAILED", "WorkerJobFailed")
    job = execution.failed_job()
    assert job["JobDefinition"] == slow_worker_revision, "the state machine runs the latest ACTIVE revision"
    assert job["StatusReason"] == "Job attempt duration exceeded timeout"
    assert len(job["Attempts"]) == 1, "a timed-out attempt is not retried"
    assert result_objects(env, key) == []
