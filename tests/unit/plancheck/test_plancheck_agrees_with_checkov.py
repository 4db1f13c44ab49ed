"""The plan tier against the checkov policy fixtures: same verdicts where checkov decided on the plan, and
a verdict for every resource checkov had to leave UNKNOWN (it keeps no configuration references through
module inputs and cannot tell an unset computed attribute from one known only after apply)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from plancheck.rules import evaluate

pytestmark = pytest.mark.unit

POLICY_FIXTURES = Path(__file__).resolve().parents[1] / "policies" / "fixtures"

# What plancheck decides for the resources the checkov plan tier reports UNKNOWN.
DECIDED_ONLY_BY_PLANCHECK = {
    "CKV_C04_004": {
        "passed": ["module.cluster.aws_rds_cluster.this"],  # two readers through module.cluster.id
        "failed": ["module.lonely.aws_rds_cluster.this"],  # one reader through module.lonely.id
    },
    "CKV_C04_020": {
        "passed": ["module.encrypted.aws_rds_cluster.this"],  # var.kms_key_arn <- aws_kms_key.rds.arn
        "failed": ["aws_rds_cluster.aws_managed_key", "aws_rds_cluster.nothing_set"],
    },
    "CKV_C04_021": {},
    "CKV_C04_022": {"failed": ["aws_rds_cluster.default_retention"]},
    "CKV_C04_023": {},
    "CKV_C04_024": {"failed": ["aws_rds_cluster.username_unset"]},
    "CKV_C04_025": {},
    "CKV_C04_026": {"failed": ["aws_rds_cluster.default_group"]},
    "CKV_C04_027": {},
    "CKV_C04_028": {},
    "CKV_C04_029": {
        "passed": ["module.insights_with_cmk.aws_rds_cluster_instance.this"],
        "failed": [
            "aws_rds_cluster.cluster_insights_default_key",
            "aws_rds_cluster_instance.insights_default_key",
            "module.insights_default_key.aws_rds_cluster_instance.this",  # null module input: no key
        ],
    },
}
# Out of scope in both tiers: no finding.
NOT_JUDGED = {
    "CKV_C04_004": ["aws_rds_cluster.multi_az_db_cluster"],  # engine postgres: not Aurora
    "CKV_C04_027": ["aws_rds_cluster.mysql"],  # not PostgreSQL
}
SHARED_S3_IDS = ("CKV_C04_001", "CKV_C04_002", "CKV_C04_003")


def _plan_tier_verdicts(check_id: str) -> dict[str, list[str]]:
    verdicts: dict[str, list[str]] = {"passed": [], "failed": []}
    for plan_file in sorted((POLICY_FIXTURES / check_id / "plan").glob("*.json")):
        for finding in evaluate(json.loads(plan_file.read_text(encoding="utf-8"))):
            if finding.check_id == check_id:
                verdicts["passed" if finding.passed else "failed"].append(finding.address)
    return {verdict: sorted(addresses) for verdict, addresses in verdicts.items()}


def _checkov_plan_expectations(check_id: str) -> dict[str, list[str]]:
    expected = yaml.safe_load((POLICY_FIXTURES / check_id / "expected.yaml").read_text(encoding="utf-8"))
    plan = expected.get("plan") or {}
    return {verdict: sorted(plan.get(verdict) or []) for verdict in ("passed", "failed", "unknown")}


@pytest.mark.parametrize("check_id", sorted(DECIDED_ONLY_BY_PLANCHECK))
def test_plancheck_repeats_checkov_and_decides_its_unknowns(check_id):
    checkov = _checkov_plan_expectations(check_id)
    decided = DECIDED_ONLY_BY_PLANCHECK[check_id]
    assert (
        sorted(decided.get("passed", []) + decided.get("failed", []) + NOT_JUDGED.get(check_id, []))
        == (checkov["unknown"])
    ), f"{check_id}: the table above no longer covers what checkov leaves UNKNOWN"
    expected = {verdict: sorted(checkov[verdict] + decided.get(verdict, [])) for verdict in ("passed", "failed")}
    assert _plan_tier_verdicts(check_id) == expected


@pytest.mark.parametrize("check_id", SHARED_S3_IDS)
def test_plancheck_agrees_with_the_s3_checks_where_they_decide(check_id):
    checkov = _checkov_plan_expectations(check_id)
    plancheck = _plan_tier_verdicts(check_id)
    for verdict in ("passed", "failed"):
        disagreeing = sorted(set(checkov[verdict]) - set(plancheck[verdict]))
        assert not disagreeing, f"{check_id}: checkov says {verdict}, plancheck does not: {disagreeing}"
