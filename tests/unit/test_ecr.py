"""modules/ecr through tests/unit/roots/ecr: immutable, scanned, KMS-encrypted repositories, their
lifecycle rules and the exact push/pull grants of the repository policy."""

import json
from pathlib import Path

import pytest
import yaml

ROOT = "tests/unit/roots/ecr"
INVENTORY = yaml.safe_load((Path(__file__).parent / "inventory" / "ecr.yaml").read_text())
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
def test_repositories_are_immutable_scanned_and_encrypted_with_the_project_key(plan, instance):
    repositories = plan.of_type("aws_ecr_repository", instance)
    assert sorted(r["name"] for r in repositories.values()) == INVENTORY["repositories"][instance]
    plan.assert_values({address: INVENTORY["repository"] for address in repositories})


@pytest.mark.parametrize("instance", INSTANCES)
def test_lifecycle_expires_untagged_images_and_keeps_recent_tagged_ones(plan, instance):
    untagged_days, tagged_kept = INVENTORY["lifecycle"][instance]
    expected = [
        {
            "rulePriority": 1,
            "description": f"Expire untagged images {untagged_days} days after push",
            "selection": {
                "tagStatus": "untagged",
                "countType": "sinceImagePushed",
                "countUnit": "days",
                "countNumber": untagged_days,
            },
            "action": {"type": "expire"},
        },
        {
            "rulePriority": 2,
            "description": f"Keep the {tagged_kept} most recent tagged images",
            "selection": {
                "tagStatus": "tagged",
                "tagPatternList": ["*"],
                "countType": "imageCountMoreThan",
                "countNumber": tagged_kept,
            },
            "action": {"type": "expire"},
        },
    ]
    policies = plan.of_type("aws_ecr_lifecycle_policy", instance)
    assert sorted(p["repository"] for p in policies.values()) == INVENTORY["repositories"][instance]
    for address, policy in policies.items():
        assert json.loads(policy["policy"])["rules"] == expected, f"{address}: {policy['policy']}"


def test_repository_policies_grant_exactly_the_inventory(plan):
    plan.assert_policies(INVENTORY["policies"])


@pytest.mark.parametrize("instance", INSTANCES)
def test_every_repository_gets_the_policy_document_or_none(plan, instance):
    documents = [a for a in plan.data if a.startswith(f"{instance}.data.aws_iam_policy_document.repository")]
    policies = plan.of_type("aws_ecr_repository_policy", instance)
    if not documents:
        assert not policies, f"{instance}: repository policies without principals: {sorted(policies)}"
        return
    (document,) = documents
    assert sorted(p["repository"] for p in policies.values()) == INVENTORY["repositories"][instance]
    for address, policy in policies.items():
        assert json.loads(policy["policy"]) == json.loads(plan.value(document)["json"]), address


def test_naming_and_tagging_conventions(plan):
    plan.assert_conventions(default_tags={"Project": "unit"})


def test_outputs(plan):
    plan.assert_module_outputs("modules/ecr", INVENTORY["outputs"])
