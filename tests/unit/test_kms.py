"""modules/kms through tests/unit/roots/kms: the key, its alias and the exact key policy per scenario."""

import json
from pathlib import Path

import pytest
import yaml

ROOT = "tests/unit/roots/kms"
INVENTORY = yaml.safe_load((Path(__file__).parent / "inventory" / "kms.yaml").read_text())
INSTANCES = sorted(INVENTORY["counts"])

pytestmark = [pytest.mark.unit, pytest.mark.terraform_plan(ROOT)]


@pytest.fixture(scope="module")
def plan(plan_summary):
    return plan_summary(ROOT)


def test_resource_counts(plan):
    plan.assert_counts(INVENTORY["counts"])


def test_key_and_alias_values(plan):
    plan.assert_values(INVENTORY["values"])


def test_key_policies_grant_exactly_the_inventory(plan):
    plan.assert_policies(INVENTORY["policies"])


@pytest.mark.parametrize("instance", INSTANCES)
def test_key_policy_is_the_policy_document(plan, instance):
    key = plan.value(f"{instance}.aws_kms_key.this")
    document = plan.value(f"{instance}.data.aws_iam_policy_document.key")
    assert json.loads(key["policy"]) == json.loads(document["json"]), f"{instance}: the key policy is not the document"


def test_naming_and_tagging_conventions(plan):
    plan.assert_conventions(default_tags={"Project": "unit"})


def test_outputs(plan):
    plan.assert_module_outputs("modules/kms", INVENTORY["outputs"])


def test_edge_key_takes_the_longest_description(plan):
    assert len(plan.value("module.edge.aws_kms_key.this")["description"]) == 8192
