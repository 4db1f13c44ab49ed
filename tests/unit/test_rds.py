"""modules/rds through tests/unit/roots/rds: encrypted, IAM-authenticated, deletion-protected Aurora
PostgreSQL with its instances spread over the zones, TLS forced, and the monitoring role's trust."""

from pathlib import Path

import pytest
import yaml

ROOT = "tests/unit/roots/rds"
INVENTORY = yaml.safe_load((Path(__file__).parent / "inventory" / "rds.yaml").read_text())
INSTANCES = sorted(INVENTORY["counts"])

pytestmark = [pytest.mark.unit, pytest.mark.terraform_plan(ROOT)]


@pytest.fixture(scope="module")
def plan(plan_summary):
    return plan_summary(ROOT)


def test_resource_counts(plan):
    plan.assert_counts(INVENTORY["counts"])


def test_values(plan):
    plan.assert_values(INVENTORY["values"])


@pytest.mark.parametrize("instance", INSTANCES)
def test_every_cluster_and_instance_meets_the_security_baseline(plan, instance):
    plan.assert_values({f"{instance}.aws_rds_cluster.this": INVENTORY["cluster"]})
    plan.assert_values(
        {address: INVENTORY["instance"] for address in plan.of_type("aws_rds_cluster_instance", instance)}
    )


@pytest.mark.parametrize("instance", INSTANCES)
def test_instances_are_spread_round_robin_over_the_zones(plan, instance):
    count = len(plan.of_type("aws_rds_cluster_instance", instance))
    zones = [plan.value(f"{instance}.aws_rds_cluster_instance.this[{i}]")["availability_zone"] for i in range(count)]
    assert zones == INVENTORY["instance_azs"][instance], f"{instance}: instances in {zones}"


@pytest.mark.parametrize("instance", INSTANCES)
def test_cluster_parameters_force_tls_and_log_connections(plan, instance):
    parameters = plan.value(f"{instance}.aws_rds_cluster_parameter_group.this")["parameter"]
    actual = {p["name"]: [p["value"], p["apply_method"]] for p in parameters}
    assert actual == INVENTORY["parameters"][instance], f"{instance}: parameters {actual}"


@pytest.mark.parametrize("instance", INSTANCES)
def test_instances_join_the_cluster_and_its_subnet_group(plan, instance):
    for address in plan.of_type("aws_rds_cluster_instance", instance):
        assert plan.references(address, "cluster_identifier") == [f"{instance}.aws_rds_cluster.this"], address
    cluster = plan.value(f"{instance}.aws_rds_cluster.this")
    group = plan.value(f"{instance}.aws_db_subnet_group.this")
    assert cluster["db_subnet_group_name"] == group["name"], instance
    assert len(group["subnet_ids"]) >= 2, f"{instance}: subnet group {group['subnet_ids']}"


def test_monitoring_role_trust_is_limited_to_rds_of_this_account(plan):
    plan.assert_policies(INVENTORY["policies"])
    for instance in ("module.defaults", "module.hml_like", "module.prod_like"):
        for address in plan.of_type("aws_rds_cluster_instance", instance):
            assert plan.references(address, "monitoring_role_arn") == [f"{instance}.aws_iam_role.monitoring[0]"], (
                address
            )


def test_naming_and_tagging_conventions(plan):
    plan.assert_conventions(default_tags={"Project": "unit"})


def test_outputs(plan):
    plan.assert_module_outputs("modules/rds", INVENTORY["outputs"])
