"""modules/network through tests/unit/roots/network: address plan and AZ spread, NAT layout per mode,
exact security group rules, flow logs, endpoints, and the module outputs."""

from pathlib import Path

import pytest
import yaml

from harness.testing import KNOWN_AFTER_APPLY

ROOT = "tests/unit/roots/network"
INVENTORY = yaml.safe_load((Path(__file__).parent / "inventory" / "network.yaml").read_text())
INSTANCES = sorted(INVENTORY["counts"])
TIERS = ("public", "private", "database")

pytestmark = [pytest.mark.unit, pytest.mark.terraform_plan(ROOT)]


@pytest.fixture(scope="module")
def plan(plan_summary):
    return plan_summary(ROOT)


def _outputs(plan, instance: str) -> dict:
    return plan.outputs[instance.removeprefix("module.")]


def _group(plan, address: str, attribute: str) -> str:
    """The short name (alb, rds, ...) of the security group an attribute of a rule refers to."""
    targets = plan.references(address, attribute)
    assert len(targets) == 1, f"{address}.{attribute} refers to {targets}, not to one security group"
    return targets[0].rsplit(".", 1)[-1].split("[")[0]


def security_group_rules(plan, instance: str) -> list[str]:
    """Every rule of an instance as '<group> <direction> <protocol> <ports> <peer>'."""
    rules = []
    for direction in ("ingress", "egress"):
        for address, rule in plan.of_type(f"aws_vpc_security_group_{direction}_rule", instance).items():
            group = _group(plan, address, "security_group_id")
            peer = rule["cidr_ipv4"] or f"sg:{_group(plan, address, 'referenced_security_group_id')}"
            ports = "all" if rule["ip_protocol"] == "-1" else f"{rule['from_port']}-{rule['to_port']}"
            rules.append(f"{group} {direction} {rule['ip_protocol']} {ports} {peer}")
    return sorted(rules)


def test_resource_counts(plan):
    plan.assert_counts(INVENTORY["counts"])


def test_values(plan):
    plan.assert_values(INVENTORY["values"])


def test_policy_documents(plan):
    plan.assert_policies(INVENTORY["policies"])


@pytest.mark.parametrize("instance", INSTANCES)
def test_security_group_rules_are_exactly_the_inventory(plan, instance):
    actual = security_group_rules(plan, instance)
    expected = sorted(INVENTORY["workload_rules"] + INVENTORY["security_group_rules"][instance])
    missing, extra = sorted(set(expected) - set(actual)), sorted(set(actual) - set(expected))
    assert actual == expected, f"{instance}: missing rules {missing}, unexpected rules {extra}; plan has {actual}"


@pytest.mark.parametrize("instance", INSTANCES)
def test_every_security_group_rule_says_why(plan, instance):
    rules = {**plan.of_type("aws_vpc_security_group_ingress_rule", instance)}
    rules.update(plan.of_type("aws_vpc_security_group_egress_rule", instance))
    undescribed = [address for address, rule in rules.items() if not rule.get("description")]
    assert not undescribed, f"{instance}: rules without a description: {undescribed}"


@pytest.mark.parametrize("instance", INSTANCES)
def test_default_security_group_is_taken_over_without_rules(plan, instance):
    config = plan.plan.resources[f"{instance}.aws_default_security_group.this"].config["expressions"]
    assert "ingress" not in config and "egress" not in config, f"{instance}: the default group declares rules"


@pytest.mark.parametrize("instance", INSTANCES)
def test_each_tier_has_one_subnet_per_az_in_azs_order(plan, instance):
    outputs = _outputs(plan, instance)
    azs = outputs["azs"]
    assert len(set(azs)) == len(azs) >= 2, f"{instance}: azs {azs}"
    for tier in TIERS:
        subnets = {
            address: subnet
            for address, subnet in plan.of_type("aws_subnet", instance).items()
            if address.startswith(f"{instance}.aws_subnet.{tier}[")
        }
        placed = sorted((s["availability_zone"], s["cidr_block"]) for s in subnets.values())
        expected = sorted(zip(azs, outputs[f"{tier}_subnet_cidr_blocks"], strict=True))
        assert placed == expected, f"{instance} {tier}: subnets (AZ, CIDR) {placed}, expected {expected}"
        for address, subnet in subnets.items():
            assert address == f'{instance}.aws_subnet.{tier}["{subnet["availability_zone"]}"]'
            assert subnet["map_public_ip_on_launch"] is False, f"{address} gives instances public IPs"
            assert subnet["tags"]["Tier"] == tier, f"{address}: Tier tag {subnet['tags']}"


@pytest.mark.parametrize("instance", INSTANCES)
def test_nat_gateways_follow_the_nat_mode(plan, instance):
    azs = _outputs(plan, instance)["azs"]
    mode = plan.module_input(instance.removeprefix("module."), "nat_mode") or "per_az"
    expected_azs = azs if mode == "per_az" else azs[:1]
    for resource_type in ("aws_nat_gateway", "aws_eip"):
        keys = sorted(address.split("[")[1].strip('"]') for address in plan.of_type(resource_type, instance))
        assert keys == sorted(expected_azs), f"{instance} ({mode}): {resource_type} in {keys}, expected {expected_azs}"
    nat_ids = _outputs(plan, instance)["nat_gateway_ids"]
    assert nat_ids == [KNOWN_AFTER_APPLY] * len(expected_azs), f"{instance}: nat_gateway_ids {nat_ids}"


@pytest.mark.parametrize("instance", INSTANCES)
def test_only_the_public_and_private_tiers_route_to_the_internet(plan, instance):
    routes = plan.of_type("aws_route", instance)
    azs = _outputs(plan, instance)["azs"]
    expected = {f"{instance}.aws_route.public_internet"} | {f'{instance}.aws_route.private_nat["{az}"]' for az in azs}
    assert set(routes) == expected, f"{instance}: routes {sorted(routes)}"
    for address, route in routes.items():
        assert route["destination_cidr_block"] == "0.0.0.0/0", address
        via = "gateway_id" if address.endswith("public_internet") else "nat_gateway_id"
        assert plan.references(address, via), f"{address}: no {via}"
    # The S3 gateway endpoint serves the private and database tiers; the public tier has no use for it.
    tables = plan.references(f"{instance}.aws_vpc_endpoint.s3", "route_table_ids")
    expected_tables = [f"{instance}.aws_route_table.database"] + [
        f'{instance}.aws_route_table.private["{az}"]' for az in azs
    ]
    assert tables == sorted(expected_tables), f"{instance}: the S3 endpoint is on {tables}"


@pytest.mark.parametrize("instance", INSTANCES)
def test_flow_log_captures_all_traffic_into_the_encrypted_group(plan, instance):
    flow_log = f"{instance}.aws_flow_log.this"
    assert plan.references(flow_log, "log_destination") == [f"{instance}.aws_cloudwatch_log_group.flow_logs"]
    assert plan.references(flow_log, "iam_role_arn") == [f"{instance}.aws_iam_role.flow_logs"]
    assert plan.references(flow_log, "vpc_id") == [f"{instance}.aws_vpc.this"]
    assert plan.references(f"{instance}.aws_iam_role.flow_logs", "assume_role_policy") == [
        f"{instance}.data.aws_iam_policy_document.flow_logs_assume_role"
    ]
    assert plan.references(f"{instance}.aws_iam_role_policy.flow_logs", "policy") == [
        f"{instance}.data.aws_iam_policy_document.flow_logs"
    ]


def test_naming_and_tagging_conventions(plan):
    plan.assert_conventions(default_tags={"Project": "unit"})


def test_outputs(plan):
    plan.assert_module_outputs("modules/network", INVENTORY["outputs"])
