"""harness.environments.leftovers finds what a run left behind, and only that run's resources."""

import json
import uuid

import pytest

from harness.environments import EMULATOR_REGION, Target, leftovers

pytestmark = pytest.mark.unit


@pytest.fixture
def target(emulator, project_toolchain):
    return Target.on_emulator(emulator, project_toolchain)


def test_leftovers_name_what_carries_the_prefix_and_nothing_else(target):
    prefix, other = f"it-unit-{uuid.uuid4().hex[:6]}", f"it-other-{uuid.uuid4().hex[:6]}"
    s3, iam, logs, kms = (target.client(service) for service in ("s3", "iam", "logs", "kms"))
    for name in (prefix, other):
        s3.create_bucket(Bucket=f"{name}-uploads", CreateBucketConfiguration={"LocationConstraint": EMULATOR_REGION})
        iam.create_role(RoleName=f"{name}-batch-job", AssumeRolePolicyDocument=json.dumps({"Statement": []}))
        logs.create_log_group(logGroupName=f"/aws/batch/{name}-worker")
    live_key = kms.create_key(Description=f"{prefix} project customer-managed key")["KeyMetadata"]["Arn"]
    deleted_key = kms.create_key(Description=f"{prefix} project customer-managed key")["KeyMetadata"]["KeyId"]
    kms.schedule_key_deletion(KeyId=deleted_key, PendingWindowInDays=7)

    assert leftovers(target, prefix) == {
        "s3 buckets": [f"{prefix}-uploads"],
        "kms keys (not pending deletion)": [live_key],
        "iam roles": [f"{prefix}-batch-job"],
        "log groups": [f"/aws/batch/{prefix}-worker"],
    }


def test_only_active_job_definitions_are_left_over(target):
    prefix = f"it-unit-{uuid.uuid4().hex[:6]}"
    batch = target.client("batch")
    properties = {"image": "unused", "command": ["true"], "vcpus": 1, "memory": 512}
    first, second = (
        batch.register_job_definition(
            jobDefinitionName=f"{prefix}-worker", type="container", containerProperties=properties
        )["jobDefinitionArn"]
        for _ in range(2)
    )
    batch.deregister_job_definition(jobDefinition=first)
    assert leftovers(target, prefix) == {"batch job definitions (ACTIVE)": [second]}
    batch.deregister_job_definition(jobDefinition=second)
    assert leftovers(target, prefix) == {}
