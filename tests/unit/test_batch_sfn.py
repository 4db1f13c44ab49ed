"""modules/batch_sfn through tests/unit/roots/batch_sfn: Fargate compute, the job's retry contract, the
state machine's logging, tracing and encryption, the exact IAM of the four roles, and the ASL task."""

from pathlib import Path

import pytest
import yaml

from harness.testing import mismatches

ROOT = "tests/unit/roots/batch_sfn"
INVENTORY = yaml.safe_load((Path(__file__).parent / "inventory" / "batch_sfn.yaml").read_text())
INSTANCES = sorted(INVENTORY["counts"])

pytestmark = [pytest.mark.unit, pytest.mark.terraform_plan(ROOT)]


@pytest.fixture(scope="module")
def plan(plan_summary):
    return plan_summary(ROOT)


def statement_references(plan, document: str, sid: str) -> list[str]:
    """What the resources of one (static) statement of a policy document refer to, as written."""
    for statement in plan.plan.resources[document].config["expressions"]["statement"]:
        if statement.get("sid", {}).get("constant_value") == sid:
            return statement["resources"].get("references", [])
    raise AssertionError(f"{document} has no static statement {sid}")


def test_resource_counts(plan):
    plan.assert_counts(INVENTORY["counts"])


def test_values(plan):
    plan.assert_values(INVENTORY["values"])


def test_policy_documents_grant_exactly_the_inventory(plan):
    plan.assert_policies(INVENTORY["policies"])


@pytest.mark.parametrize("instance", INSTANCES)
def test_every_state_machine_logs_traces_and_encrypts(plan, instance):
    plan.assert_values({f"{instance}.aws_sfn_state_machine.this": INVENTORY["state_machine"]})


@pytest.mark.parametrize("instance", INSTANCES)
def test_every_job_exits_on_bad_input_and_retries_the_rest(plan, instance):
    strategy = plan.value(f"{instance}.aws_batch_job_definition.this")["retry_strategy"][0]
    found = mismatches(INVENTORY["exit_rules"], strategy["evaluate_on_exit"])
    assert not found, f"{instance}: evaluate_on_exit {strategy['evaluate_on_exit']}: {found}"


@pytest.mark.parametrize("instance", INSTANCES)
def test_unknown_policy_resources_are_this_module_s_queue_job_and_log_group(plan, instance):
    submit = statement_references(plan, f"{instance}.data.aws_iam_policy_document.state_machine", "SubmitWorkerJob")
    assert set(submit) == {
        "aws_batch_job_queue.this.arn",
        "aws_batch_job_queue.this",
        "aws_batch_job_definition.this.arn_prefix",
        "aws_batch_job_definition.this",
    }, f"{instance}: SubmitWorkerJob resources refer to {submit}"
    logs = statement_references(plan, f"{instance}.data.aws_iam_policy_document.execution", "WriteJobLogs")
    assert set(logs) == {"aws_cloudwatch_log_group.batch.arn", "aws_cloudwatch_log_group.batch"}, logs


@pytest.mark.parametrize("instance", INSTANCES)
def test_roles_trust_their_service_and_carry_their_policy(plan, instance):
    trusts = {
        "batch_service": "batch_service_assume_role",
        "execution": "ecs_tasks_assume_role",
        "job": "ecs_tasks_assume_role",
        "state_machine": "state_machine_assume_role",
    }
    for role, document in trusts.items():
        assert plan.references(f"{instance}.aws_iam_role.{role}", "assume_role_policy") == [
            f"{instance}.data.aws_iam_policy_document.{document}"
        ], f"{instance}: role {role}"
    for role in ("execution", "job", "state_machine"):
        policy = f"{instance}.aws_iam_role_policy.{role}"
        assert plan.references(policy, "role") == [f"{instance}.aws_iam_role.{role}"], policy
        assert plan.references(policy, "policy") == [f"{instance}.data.aws_iam_policy_document.{role}"], policy


@pytest.mark.parametrize("instance", INSTANCES)
def test_state_machine_runs_this_module_s_job_as_its_role(plan, instance):
    machine = f"{instance}.aws_sfn_state_machine.this"
    assert plan.references(machine, "role_arn") == [f"{instance}.aws_iam_role.state_machine"]
    definition = plan.expression_references(machine, "definition")
    for wanted in ("aws_batch_job_queue.this.arn", "aws_batch_job_definition.this.arn_prefix", "var.results_prefix"):
        assert wanted in definition, f"{machine}: the definition does not use {wanted}: {definition}"
    for environment in plan.of_type("aws_batch_compute_environment", instance):
        assert plan.references(environment, "service_role") == [f"{instance}.aws_iam_role.batch_service"]


def test_state_machine_task_retries_api_errors_catches_everything_and_times_out(plan):
    asl = plan.outputs["asl_rendered"]
    assert asl["StartAt"] == "RunWorkerJob", asl
    assert sorted(asl["States"]) == ["PipelineFailed", "PipelineSucceeded", "RunWorkerJob"], sorted(asl["States"])
    task = asl["States"]["RunWorkerJob"]
    found = mismatches(INVENTORY["asl_task"], task)
    assert not found, "RunWorkerJob differs from the inventory:\n  " + "\n  ".join(found) + f"\nit is {task}"
    assert asl["States"]["PipelineFailed"]["Type"] == "Fail"
    assert asl["States"]["PipelineSucceeded"]["Type"] == "Succeed"


def test_naming_and_tagging_conventions(plan):
    plan.assert_conventions(default_tags={"Project": "unit"})


def test_outputs(plan):
    plan.assert_module_outputs("modules/batch_sfn", INVENTORY["outputs"])
