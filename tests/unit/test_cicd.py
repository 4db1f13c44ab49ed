"""modules/cicd through tests/unit/roots/cicd: the GitHub OIDC provider, the trust of every role (audience
and subject pinned with StringEquals), the state permissions of the plan and apply roles, the apply
boundary and the ECR push role."""

import json
from pathlib import Path

import pytest
import yaml

from harness.testing import module_of

ROOT = "tests/unit/roots/cicd"
INVENTORY = yaml.safe_load((Path(__file__).parent / "inventory" / "cicd.yaml").read_text())

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
    plan.assert_module_outputs("modules/cicd", INVENTORY["outputs"])


@pytest.mark.parametrize("role", sorted(INVENTORY["trust"]))
def test_trust_policy_is_exactly_the_pinned_subject(plan, role):
    assert json.loads(plan.value(role)["assume_role_policy"]) == INVENTORY["trust"][role]


def test_every_role_is_in_the_trust_inventory(plan):
    assert sorted(plan.of_type("aws_iam_role")) == sorted(INVENTORY["trust"])


def test_no_trust_uses_a_wildcard_or_a_like_operator(plan):
    for role, values in plan.of_type("aws_iam_role").items():
        for statement in json.loads(values["assume_role_policy"])["Statement"]:
            assert set(statement["Condition"]) == {"StringEquals"}, role
            subject = statement["Condition"]["StringEquals"]["token.actions.githubusercontent.com:sub"]
            assert isinstance(subject, str) and "*" not in subject and "?" not in subject, role


@pytest.mark.parametrize("kind", ["plan", "apply"])
def test_plan_and_apply_roles_trust_their_own_environment_only(plan, kind):
    for role, values in plan.of_type("aws_iam_role").items():
        if f".{kind}[" not in role:
            continue
        env = role.split('"')[1]
        subject = json.loads(values["assume_role_policy"])["Statement"][0]["Condition"]["StringEquals"]
        assert subject["token.actions.githubusercontent.com:sub"].endswith(f":environment:{env}"), role


def test_role_policies_are_their_documents(plan):
    pairs = {"plan_state": "plan_state", "apply_state": "apply_state", "ecr_push": "ecr_push"}
    checked = 0
    for address, values in plan.of_type("aws_iam_role_policy").items():
        name = address[len(module_of(address)) + 1 :].split(".")[1].split("[")[0]
        index = address[address.index("[") :]
        document = plan.value(f"{module_of(address)}.data.aws_iam_policy_document.{pairs[name]}{index}")
        assert json.loads(values["policy"]) == json.loads(document["json"]), address
        checked += 1
    assert checked == 7


def test_apply_roles_run_within_the_boundary(plan):
    boundary = plan.value("module.defaults.aws_iam_policy.apply_boundary[0]")
    document = plan.value("module.defaults.data.aws_iam_policy_document.apply_boundary[0]")
    assert json.loads(boundary["policy"]) == json.loads(document["json"])
    for env in ("hml", "prod"):
        role = plan.value(f'module.defaults.aws_iam_role.apply["{env}"]')
        assert role["permissions_boundary"] == plan.outputs["defaults"]["apply_role_permissions_boundary_arn"]
    # The boundary's ARN is built from its name, so it names the policy the module creates.
    assert plan.outputs["defaults"]["apply_role_permissions_boundary_arn"].endswith(f":policy/{boundary['name']}")


def test_existing_provider_is_reused_not_created(plan):
    assert plan.counts_in("module.prod_only").get("aws_iam_openid_connect_provider", 0) == 0
    assert "module.prod_only.aws_iam_policy.apply_boundary[0]" not in plan.values
