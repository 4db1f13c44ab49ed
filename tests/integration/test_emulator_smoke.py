"""Smoke test of the embedded AWS through the real provider: every moto patch, end to end.

A state machine created by Terraform runs Batch jobs through ``batch:submitJob.sync``; the local Batch
runner executes the job definition's command, whose own AWS call (an S3 PutObject) reaches the emulator.
"""

import json
import time
import uuid

import pytest

# One module-scoped stack: its tests stay in one xdist worker.
pytestmark = [pytest.mark.integration, pytest.mark.xdist_group("emulator-smoke")]


def run_execution(sfn, state_machine_arn: str, payload: dict, timeout: float = 120) -> dict:
    name = f"smoke-{uuid.uuid4().hex[:12]}"
    arn = sfn.start_execution(stateMachineArn=state_machine_arn, name=name, input=json.dumps(payload))["executionArn"]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        execution = sfn.describe_execution(executionArn=arn)
        if execution["status"] != "RUNNING":
            return execution
        time.sleep(0.5)
    raise AssertionError(f"execution {name} still RUNNING after {timeout}s")


@pytest.fixture(scope="module")
def smoke_stack(request, tmp_path_factory, project_toolchain, emulator):
    from harness.testing import _prepare

    prefix = f"smoke-{uuid.uuid4().hex[:6]}"
    root = _prepare(
        "tests/integration/roots/emulator_smoke",
        tmp_path_factory.mktemp("smoke"),
        project_toolchain,
        emulator,
    )
    try:
        root.apply(tf_vars={"name_prefix": prefix})
        outputs = root.output()
        replan = root.plan(tf_vars={"name_prefix": prefix}, output=True)
        yield outputs, replan
    finally:
        root.destroy(tf_vars={"name_prefix": prefix})


def test_state_machine_created_and_stable(smoke_stack, emulator):
    outputs, replan = smoke_stack
    changes = [c["address"] for c in replan.resource_changes.values() if c["change"]["actions"] != ["no-op"]]
    assert changes == [], f"a second plan wants to change {changes}"
    described = emulator.client("stepfunctions").describe_state_machine(stateMachineArn=outputs["state_machine_arn"])
    assert json.loads(described["definition"])["States"]["RunJob"]["Resource"].endswith(
        ":states:::batch:submitJob.sync"
    )


def test_job_writes_to_s3_and_execution_succeeds(smoke_stack, emulator):
    outputs, _ = smoke_stack
    key = f"out/{uuid.uuid4().hex}.txt"
    execution = run_execution(
        emulator.client("stepfunctions"),
        outputs["state_machine_arn"],
        {"job_definition": outputs["job_definition_arns"]["writer"], "key": key},
    )
    assert execution["status"] == "SUCCEEDED", execution.get("cause")
    job = json.loads(execution["output"])
    assert job["Status"] == "SUCCEEDED"
    assert job["Container"]["ExitCode"] == 0
    body = emulator.client("s3").get_object(Bucket=outputs["bucket"], Key=key)["Body"].read()
    assert body == b"written by a batch job"
    logs = emulator.client("logs").get_log_events(
        logGroupName="/aws/batch/job", logStreamName=job["Container"]["LogStreamName"]
    )
    assert [event["message"] for event in logs["events"]] == [f"wrote {key}"]


def test_failing_job_fails_execution_with_exit_code(smoke_stack, emulator):
    outputs, _ = smoke_stack
    execution = run_execution(
        emulator.client("stepfunctions"),
        outputs["state_machine_arn"],
        {"job_definition": outputs["job_definition_arns"]["failer"], "key": "unused"},
    )
    assert execution["status"] == "FAILED"
    assert execution["error"] == "States.TaskFailed"
    cause = json.loads(execution["cause"])
    assert cause["Status"] == "FAILED"
    assert cause["Container"]["ExitCode"] == 3
    assert len(cause["Attempts"]) == 1, "exit code 3 is configured as EXIT: no retry"
