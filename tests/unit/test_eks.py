"""modules/eks through tests/unit/roots/eks: the cluster's endpoint, encryption, logs and access, the node
group's launch template, the pinned add-ons and their order around the node group, the control-plane
security group rules, the exact IRSA trust and permissions of every role, and the module outputs."""

from pathlib import Path

import hcl2
import pytest
import yaml

from harness import REPO_ROOT
from harness.testing import KNOWN_AFTER_APPLY

ROOT = "tests/unit/roots/eks"
INVENTORY = yaml.safe_load((Path(__file__).parent / "inventory" / "eks.yaml").read_text())
INSTANCES = sorted(INVENTORY["counts"])
TRUST = "data.aws_iam_policy_document.irsa_assume_role"

pytestmark = [pytest.mark.unit, pytest.mark.terraform_plan(ROOT)]


@pytest.fixture(scope="module")
def plan(plan_summary):
    return plan_summary(ROOT)


def test_resource_counts(plan):
    plan.assert_counts(INVENTORY["counts"])


def test_values(plan):
    plan.assert_values(INVENTORY["values"])


def test_policy_documents_grant_exactly_the_inventory(plan):
    plan.assert_policies(INVENTORY["policies"], complete=False)


def test_every_policy_document_is_in_the_inventory(plan):
    trust = {
        f'{instance}.{TRUST}["{role}"]'
        for instance in INSTANCES
        for role in INVENTORY["service_accounts"][instance.removeprefix("module.")]
    }
    assert set(plan.policy_documents()) == set(INVENTORY["policies"]) | trust


@pytest.mark.parametrize("instance", INSTANCES)
def test_irsa_roles_trust_one_service_account_with_the_sts_audience(plan, instance):
    """Exactly one statement per role: AssumeRoleWithWebIdentity from the cluster's OIDC provider, with
    StringEquals on the subject (that one service account) and on the audience; the condition keys name the
    issuer, known after apply (test_trust_condition_keys_are_the_issuer_sub_and_aud reads them)."""
    accounts = INVENTORY["service_accounts"][instance.removeprefix("module.")]
    roles = {address.split('"')[1] for address in plan.of_type("aws_iam_role", instance) if ".irsa[" in address}
    assert roles == set(accounts), f"{instance}: IRSA roles {sorted(roles)}"
    for role, subject in accounts.items():
        document = f'{instance}.{TRUST}["{role}"]'
        (statement,) = plan.policy(document)
        conditions = sorted(statement.pop("conditions"), key=lambda c: c["values"])
        assert statement == {
            "sid": "ServiceAccount",
            "effect": "Allow",
            "actions": ["sts:AssumeRoleWithWebIdentity"],
            "principals": [{"type": "Federated", "identifiers": [KNOWN_AFTER_APPLY]}],
        }, document
        assert conditions == [
            {"test": "StringEquals", "variable": KNOWN_AFTER_APPLY, "values": ["sts.amazonaws.com"]},
            {"test": "StringEquals", "variable": KNOWN_AFTER_APPLY, "values": [f"system:serviceaccount:{subject}"]},
        ], document
        assert plan.references(f'{instance}.aws_iam_role.irsa["{role}"]', "assume_role_policy") == [document]
        principal = plan.plan.resources[document].config["expressions"]["statement"][0]["principals"][0]
        assert "aws_iam_openid_connect_provider.this.arn" in principal["identifiers"]["references"], document


def test_trust_condition_keys_are_the_issuer_sub_and_aud():
    """The condition keys are only known after apply: read them from the module source instead (the HCL
    parser wraps every attribute value in a list)."""
    source = hcl2.loads((REPO_ROOT / "modules/eks/irsa.tf").read_text())
    locals_ = {name: value for block in source["locals"] for name, value in block.items()}
    assert locals_["oidc_issuer_host"] == ['${trimprefix(aws_iam_openid_connect_provider.this.url,"https://")}']
    documents = [block["aws_iam_policy_document"] for block in source["data"] if "aws_iam_policy_document" in block]
    (document,) = [d["irsa_assume_role"] for d in documents if "irsa_assume_role" in d]
    (statement,) = document["statement"]
    assert statement["actions"] == [["sts:AssumeRoleWithWebIdentity"]]
    assert statement["principals"] == [
        {"type": ["Federated"], "identifiers": [["${aws_iam_openid_connect_provider.this.arn}"]]}
    ]
    conditions = {c["variable"][0]: (c["test"][0], c["values"][0]) for c in statement["condition"]}
    assert conditions == {
        "${local.oidc_issuer_host}:sub": (
            "StringEquals",
            ["system:serviceaccount:${each.value.namespace}:${each.value.name}"],
        ),
        "${local.oidc_issuer_host}:aud": ("StringEquals", ["sts.amazonaws.com"]),
    }
    assert len(statement["condition"]) == 2


@pytest.mark.parametrize("instance", INSTANCES)
def test_addons_are_pinned_and_ordered_around_the_node_group(plan, instance):
    expected = INVENTORY["addons"][instance.removeprefix("module.")]
    found = {}
    for group in ("before_nodes", "after_nodes"):
        names = []
        for address, addon in plan.of_type("aws_eks_addon", instance).items():
            if f".{group}[" in address:
                names.append(addon["addon_name"])
                found[addon["addon_name"]] = addon["addon_version"]
                assert addon["resolve_conflicts_on_create"] == "OVERWRITE", address
                assert addon["resolve_conflicts_on_update"] == "OVERWRITE", address
                role = INVENTORY["addon_roles"].get(addon["addon_name"])
                assert addon["service_account_role_arn"] == (KNOWN_AFTER_APPLY if role else None), address
        assert sorted(names) == INVENTORY[f"addons_{group}"], f"{instance}: {group} {names}"
    assert found == expected
    node_group = plan.plan.resources[f"{instance}.aws_eks_node_group.this"].config
    assert "aws_eks_addon.before_nodes" in node_group["depends_on"]
    for address in plan.of_type("aws_eks_addon", instance):
        if ".after_nodes[" in address:
            assert plan.plan.resources[address].config["depends_on"] == ["aws_eks_node_group.this"], address


@pytest.mark.parametrize("instance", INSTANCES)
def test_control_plane_rules_use_the_cluster_security_group(plan, instance):
    cluster = [f"{instance}.aws_eks_cluster.this"]
    for address in plan.of_type("aws_vpc_security_group_ingress_rule", instance):
        side = "security_group_id" if ".cluster_from_nodes[" in address else "referenced_security_group_id"
        assert plan.references(address, side) == cluster, f"{address}.{side}"


@pytest.mark.parametrize("instance", INSTANCES)
def test_cluster_waits_for_its_log_group_and_role_policies(plan, instance):
    depends_on = plan.plan.resources[f"{instance}.aws_eks_cluster.this"].config["depends_on"]
    assert sorted(depends_on) == [
        "aws_cloudwatch_log_group.cluster",
        "aws_iam_role_policy.cluster_encryption",
        "aws_iam_role_policy_attachment.cluster",
    ]
    log_group = plan.value(f"{instance}.aws_cloudwatch_log_group.cluster")
    assert log_group["name"] == f"/aws/eks/{plan.value(f'{instance}.aws_eks_cluster.this')['name']}/cluster"


@pytest.mark.parametrize("instance", INSTANCES)
def test_node_group_uses_the_module_launch_template(plan, instance):
    template = plan.plan.resources[f"{instance}.aws_eks_node_group.this"].config["expressions"]["launch_template"][0]
    assert "aws_launch_template.node.id" in template["id"]["references"]
    assert "aws_launch_template.node.latest_version" in template["version"]["references"]


def test_naming_and_tagging_conventions(plan):
    plan.assert_conventions(default_tags={"Project": "unit"})


def test_outputs(plan):
    plan.assert_module_outputs("modules/eks", INVENTORY["outputs"])
