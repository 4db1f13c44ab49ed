"""modules/observability through tests/unit/roots/observability: the encrypted alarm topic, one alarm per
watched metric with the thresholds of the scenario, the dashboard, the derived Batch metrics and the
single-sourced log retention and key."""

import json
from pathlib import Path

import pytest
import yaml

from harness.testing import KNOWN_AFTER_APPLY, module_of

ROOT = "tests/unit/roots/observability"
INVENTORY = yaml.safe_load((Path(__file__).parent / "inventory" / "observability.yaml").read_text())
INSTANCES = sorted(INVENTORY["counts"])
# The dashboard body of this instance holds values known only after apply.
KNOWN_AT_PLAN = [instance for instance in INSTANCES if instance != "module.unknown_until_apply"]

pytestmark = [pytest.mark.unit, pytest.mark.terraform_plan(ROOT)]


@pytest.fixture(scope="module")
def plan(plan_summary):
    return plan_summary(ROOT)


def test_resource_counts(plan):
    plan.assert_counts(INVENTORY["counts"])


def test_values(plan):
    plan.assert_values(INVENTORY["values"])


def test_policy_documents_grant_exactly_the_inventory(plan):
    plan.assert_policies(INVENTORY["policies"])


def test_naming_and_tagging_conventions(plan):
    plan.assert_conventions(default_tags={"Project": "unit"})


def test_outputs(plan):
    plan.assert_module_outputs("modules/observability", INVENTORY["outputs"])


def test_every_alarm_notifies_the_topic_on_alarm_and_ok(plan):
    alarms = plan.of_type("aws_cloudwatch_metric_alarm")
    assert len(alarms) == 32, sorted(alarms)
    for address in alarms:
        topic = [f"{module_of(address)}.aws_sns_topic.alarms"]
        for attribute in ("alarm_actions", "ok_actions"):
            assert plan.references(address, attribute) == topic, f"{address}.{attribute}"
            assert len(plan.expression_references(address, attribute)) == 2, f"{address}.{attribute}: one topic only"


@pytest.mark.parametrize("instance", INSTANCES)
def test_alarm_names_follow_the_prefix_and_output(plan, instance):
    alarms = plan.of_type("aws_cloudwatch_metric_alarm", instance)
    names = {address.split('"')[1]: values["alarm_name"] for address, values in alarms.items()}
    prefix = plan.module_input(instance.removeprefix("module."), "name_prefix")
    assert all(name == f"{prefix}-{key}" for key, name in names.items()), names
    assert plan.outputs[instance.removeprefix("module.")]["alarm_names"] == names


@pytest.mark.parametrize("instance", INSTANCES)
def test_topic_is_encrypted_with_its_own_key_and_policies_are_the_documents(plan, instance):
    topic = f"{instance}.aws_sns_topic.alarms"
    assert plan.references(topic, "kms_master_key_id") == [f"{instance}.aws_kms_key.topic"]
    assert plan.references(f"{instance}.aws_sns_topic_policy.alarms", "arn") == [topic]
    key_policy = plan.value(f"{instance}.aws_kms_key.topic")["policy"]
    key_document = plan.value(f"{instance}.data.aws_iam_policy_document.topic_key")["json"]
    assert json.loads(key_policy) == json.loads(key_document)
    topic_policy = plan.value(f"{instance}.aws_sns_topic_policy.alarms")["policy"]
    topic_document = plan.value(f"{instance}.data.aws_iam_policy_document.topic")["json"]
    assert json.loads(topic_policy) == json.loads(topic_document)


@pytest.mark.parametrize("instance", KNOWN_AT_PLAN)
def test_dashboard_graphs_every_alarm_with_its_threshold(plan, instance):
    body = json.loads(plan.value(f"{instance}.aws_cloudwatch_dashboard.this")["dashboard_body"])
    assert body["widgets"][0]["type"] == "text"
    graphs = {widget["properties"]["title"]: widget for widget in body["widgets"][1:]}
    alarms = {values["alarm_name"]: values for values in plan.of_type("aws_cloudwatch_metric_alarm", instance).values()}
    assert sorted(graphs) == sorted(alarms)
    for name, alarm in alarms.items():
        properties = graphs[name]["properties"]
        dimensions = [part for pair in sorted(alarm["dimensions"].items()) for part in pair]
        assert properties["metrics"] == [[alarm["namespace"], alarm["metric_name"], *dimensions]], name
        assert properties["stat"] == (alarm["statistic"] or alarm["extended_statistic"]), name
        assert properties["period"] == alarm["period"], name
        assert properties["annotations"]["horizontal"][0]["value"] == alarm["threshold"], name
    positions = [(widget["x"], widget["y"]) for widget in body["widgets"]]
    assert len(set(positions)) == len(positions), f"overlapping widgets: {positions}"


def test_failed_batch_job_events_reach_their_alarm(plan):
    module = "module.hml_like"
    rule = plan.value(f'{module}.aws_cloudwatch_event_rule.batch_job_failed["this"]')
    assert json.loads(rule["event_pattern"]) == {
        "source": ["aws.batch"],
        "detail-type": ["Batch Job State Change"],
        "detail": {"status": ["FAILED"], "jobQueue": ["arn:aws:batch:eu-west-1:123456789012:job-queue/acme-hml-jobs"]},
    }
    target = f'{module}.aws_cloudwatch_event_target.batch_job_failed["this"]'
    assert plan.references(target, "arn") == [f'{module}.aws_cloudwatch_log_group.batch_job_failed["this"]']
    delivery = plan.value(f'{module}.aws_cloudwatch_log_resource_policy.batch_job_failed["this"]')["policy_document"]
    document = plan.value(f'{module}.data.aws_iam_policy_document.batch_job_failed_delivery["this"]')["json"]
    assert json.loads(delivery) == json.loads(document)
    source_arn = json.loads(document)["Statement"][0]["Condition"]["ArnEquals"]["aws:SourceArn"]
    assert source_arn.endswith(f":rule/{rule['name']}")
    metric_filter = plan.value(f'{module}.aws_cloudwatch_log_metric_filter.batch_job_failed["this"]')
    metric = metric_filter["metric_transformation"][0]
    alarm = plan.value(f'{module}.aws_cloudwatch_metric_alarm.this["batch-failed-jobs"]')
    assert (metric["namespace"], metric["name"]) == (alarm["namespace"], alarm["metric_name"])
    # The filter's dimension is the event's jobQueue, the queue ARN the alarm is scoped to.
    assert list(metric["dimensions"]) == list(alarm["dimensions"]) == ["JobQueue"]
    assert rule["event_pattern"].count(alarm["dimensions"]["JobQueue"]) == 1


def test_backlog_sampler_publishes_the_metric_of_its_alarm(plan):
    module = "module.hml_like"
    machine = f'{module}.aws_sfn_state_machine.batch_backlog["this"]'
    states = json.loads(plan.value(machine)["definition"])["States"]
    count, publish = states["CountRunnableJobs"], states["PublishBacklog"]
    assert count["Resource"] == "arn:aws:states:::aws-sdk:batch:listJobs"
    assert count["Arguments"] == {
        "JobQueue": "arn:aws:batch:eu-west-1:123456789012:job-queue/acme-hml-jobs",
        "JobStatus": "RUNNABLE",
        "MaxResults": 100,
    }
    assert publish["Resource"] == "arn:aws:states:::aws-sdk:cloudwatch:putMetricData"
    (datum,) = publish["Arguments"]["MetricData"]
    alarm = plan.value(f'{module}.aws_cloudwatch_metric_alarm.this["batch-backlog"]')
    assert publish["Arguments"]["Namespace"] == alarm["namespace"]
    assert datum["MetricName"] == alarm["metric_name"]
    assert {d["Name"]: d["Value"] for d in datum["Dimensions"]} == alarm["dimensions"]
    target = f'{module}.aws_cloudwatch_event_target.batch_backlog["this"]'
    assert plan.references(target, "arn") == [machine]
    assert plan.references(target, "role_arn") == [f'{module}.aws_iam_role.batch_backlog_schedule["this"]']
    assert plan.references(machine, "role_arn") == [f'{module}.aws_iam_role.batch_backlog["this"]']


@pytest.mark.parametrize("instance", INSTANCES)
def test_log_groups_take_the_exported_retention_and_key(plan, instance):
    outputs = plan.outputs[instance.removeprefix("module.")]
    for address, values in plan.of_type("aws_cloudwatch_log_group", instance).items():
        assert values["retention_in_days"] == outputs["log_retention_days"], address
        assert values["kms_key_id"] == outputs["log_kms_key_arn"], address


def test_parts_known_only_after_apply_still_decide_the_alarms_at_plan(plan):
    alarms = plan.of_type("aws_cloudwatch_metric_alarm", "module.unknown_until_apply")
    assert sorted(a.split('"')[1] for a in alarms) == sorted(INVENTORY["outputs"]["unknown_until_apply"]["alarm_names"])
    unknown = {"alb-elb-5xx": "LoadBalancer", "batch-backlog": "JobQueue", "sfn-executions-failed": "StateMachineArn"}
    for key, dimension in unknown.items():
        values = alarms[f'module.unknown_until_apply.aws_cloudwatch_metric_alarm.this["{key}"]']
        assert values["dimensions"] == KNOWN_AFTER_APPLY or values["dimensions"][dimension] == KNOWN_AFTER_APPLY, key
