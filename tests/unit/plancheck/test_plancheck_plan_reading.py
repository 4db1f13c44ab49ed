"""How plancheck reads a plan: known, unset and after-apply values, and references through modules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plancheck.plan import UNKNOWN, Address, Plan

pytestmark = pytest.mark.unit

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def aurora() -> Plan:
    return Plan(json.loads((FIXTURES / "aurora_compliant.json").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def s3() -> Plan:
    return Plan(json.loads((FIXTURES / "s3_pairing.json").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def weak_aurora() -> Plan:
    return Plan(json.loads((FIXTURES / "aurora_noncompliant.json").read_text(encoding="utf-8")))


def test_addresses_split_into_module_and_resource():
    parsed = Address.parse('module.a["x.y"].module.b[0].aws_s3_bucket.this["k"]')
    assert parsed == Address('module.a["x.y"].module.b[0]', 'aws_s3_bucket.this["k"]')
    assert parsed.within("aws_kms_key.k") == 'module.a["x.y"].module.b[0].aws_kms_key.k'


def test_values_known_unset_and_known_after_apply(aurora, weak_aurora):
    cluster = aurora.resources["module.compliant.aws_rds_cluster.this"]
    assert cluster.value("backup_retention_period") == 14
    assert cluster.value("kms_key_id") is UNKNOWN  # var.kms_key_arn <- aws_kms_key.rds.arn, created by the plan
    shared = weak_aurora.resources["aws_rds_cluster.shared"]
    # computed and unset: the plan marks it unknown, but nothing in the configuration sets it
    assert shared.value("backup_retention_period") is None
    # set through a module input that the caller passes as null
    assert weak_aurora.resources["module.noncompliant.aws_rds_cluster.this"].value("kms_key_id") is None


def test_references_are_followed_through_module_inputs_and_outputs(aurora):
    cluster = aurora.resources["module.compliant.aws_rds_cluster.this"]
    assert [t.address for t in cluster.targets("kms_key_id")] == ["aws_kms_key.rds"]
    reader = aurora.resources["module.shared_readers.aws_rds_cluster_instance.this[1]"]
    assert [t.address for t in reader.targets("cluster_identifier")] == ["aws_rds_cluster.shared"]


def test_for_each_companions_resolve_to_the_bucket_of_the_same_key(s3):
    by_each_value = s3.resources['aws_s3_bucket_server_side_encryption_configuration.data["results"]']
    by_each_key = s3.resources['aws_s3_bucket_public_access_block.data["uploads"]']
    assert [t.address for t in by_each_value.targets("bucket")] == ['aws_s3_bucket.data["results"]']
    assert [t.address for t in by_each_key.targets("bucket")] == ['aws_s3_bucket.data["uploads"]']


def test_nested_blocks_keep_their_configuration(s3):
    configuration = s3.resources["module.logs.aws_s3_bucket_server_side_encryption_configuration.this"]
    (rule,) = configuration.blocks("rule")
    (default,) = rule.blocks("apply_server_side_encryption_by_default")
    assert default.value("sse_algorithm") == "aws:kms"
    assert default.value("kms_master_key_id") is UNKNOWN
    assert [t.address for t in default.targets("kms_master_key_id")] == ["aws_kms_key.s3"]


def test_data_sources_read_while_planning_come_from_prior_state():
    plan = Plan(json.loads((FIXTURES / "aurora_lookups.json").read_text(encoding="utf-8")))
    (lookup,) = plan.resources["aws_rds_cluster.looked_up_key"].targets("kms_key_id")
    assert (lookup.mode, lookup.type, lookup.value("name")) == ("data", "aws_kms_alias", "alias/aws/rds")
