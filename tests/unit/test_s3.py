"""modules/s3 through tests/unit/roots/s3: both buckets of every scenario are private, versioned, SSE-KMS
with the project key, TLS-only, and expire objects after their data class's retention."""

import json
from pathlib import Path

import pytest
import yaml

ROOT = "tests/unit/roots/s3"
INVENTORY = yaml.safe_load((Path(__file__).parent / "inventory" / "s3.yaml").read_text())
INSTANCES = sorted(INVENTORY["counts"])
DATA_CLASSES = ("uploads", "results")
KMS_KEY_ARN = INVENTORY["kms_key_arn"]

pytestmark = [pytest.mark.unit, pytest.mark.terraform_plan(ROOT)]


@pytest.fixture(scope="module")
def plan(plan_summary):
    return plan_summary(ROOT)


def test_resource_counts(plan):
    plan.assert_counts(INVENTORY["counts"])


def test_values(plan):
    plan.assert_values(INVENTORY["values"])


@pytest.mark.parametrize("instance", INSTANCES)
@pytest.mark.parametrize("data_class", DATA_CLASSES)
def test_every_bucket_is_private_versioned_and_encrypted_with_the_project_key(plan, instance, data_class):
    key = f'["{data_class}"]'
    plan.assert_values(
        {
            f"{instance}.aws_s3_bucket_public_access_block.this{key}": INVENTORY["public_access_block"],
            f"{instance}.aws_s3_bucket_server_side_encryption_configuration.this{key}": INVENTORY["encryption"],
            f"{instance}.aws_s3_bucket_versioning.this{key}": INVENTORY["versioning"],
            f"{instance}.aws_s3_bucket_ownership_controls.this{key}": INVENTORY["ownership"],
            f"{instance}.aws_s3_bucket.this{key}": {"tags": {"DataClass": data_class}},
        }
    )
    bucket = f"{instance}.aws_s3_bucket.this{key}"
    for companion in ("public_access_block", "server_side_encryption_configuration", "versioning", "policy"):
        address = f"{instance}.aws_s3_bucket_{companion}.this{key}"
        assert plan.references(address, "bucket") == [bucket], f"{address} is not attached to {bucket}"


@pytest.mark.parametrize("instance", INSTANCES)
@pytest.mark.parametrize("data_class", DATA_CLASSES)
def test_bucket_policy_allows_only_tls_and_the_project_key(plan, instance, data_class):
    bucket = plan.value(f'{instance}.aws_s3_bucket.this["{data_class}"]')["bucket"]
    expected = json.loads(json.dumps(INVENTORY["bucket_policy"]).replace("<bucket>", bucket))
    for statement in expected:
        statement["resources"].sort()
    document = f'{instance}.data.aws_iam_policy_document.bucket["{data_class}"]'
    plan.assert_policies({document: expected}, complete=False)
    policy = plan.value(f'{instance}.aws_s3_bucket_policy.this["{data_class}"]')["policy"]
    assert json.loads(policy) == json.loads(plan.value(document)["json"]), f"{instance}: policy is not the document"


def test_the_bucket_policies_are_the_only_policy_documents(plan):
    expected = [f'{i}.data.aws_iam_policy_document.bucket["{c}"]' for i in INSTANCES for c in DATA_CLASSES]
    assert plan.policy_documents() == sorted(expected)


@pytest.mark.parametrize("instance", INSTANCES)
def test_results_move_to_colder_storage_at_the_inventory_ages(plan, instance):
    rule = plan.value(f'{instance}.aws_s3_bucket_lifecycle_configuration.this["results"]')["rule"][0]
    transitions = sorted([t["days"], t["storage_class"]] for t in rule["transition"])
    assert transitions == INVENTORY["results_transitions"][instance], f"{instance}: results transitions {transitions}"


@pytest.mark.parametrize("instance", INSTANCES)
def test_cors_only_when_origins_are_given(plan, instance):
    origins = plan.module_input(instance.removeprefix("module."), "cors_allowed_origins") or []
    cors = plan.of_type("aws_s3_bucket_cors_configuration", instance)
    assert len(cors) == (1 if origins else 0), f"{instance}: CORS {sorted(cors)} for origins {origins}"
    for address, configuration in cors.items():
        assert 'aws_s3_bucket.this["uploads"]' in plan.expression_references(address, "bucket"), address
        assert sorted(configuration["cors_rule"][0]["allowed_origins"]) == sorted(origins), address


def test_naming_and_tagging_conventions(plan):
    plan.assert_conventions(default_tags={"Project": "unit"})


def test_outputs(plan):
    plan.assert_module_outputs("modules/s3", INVENTORY["outputs"])
