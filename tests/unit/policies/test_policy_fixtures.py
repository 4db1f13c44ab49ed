"""Every checkov policy against its fixtures: exact passing, failing and undecided address sets per tier.

Layout per check: fixtures/<CHECK_ID>/hcl/ (a Terraform root, local modules allowed), fixtures/<CHECK_ID>/plan/
*.json (`terraform show -json` documents) and fixtures/<CHECK_ID>/expected.yaml:

    hcl:  {passed: [addresses], failed: [addresses], unknown: [addresses the input cannot decide]}
    plan: {passed: [...], failed: [...], unknown: [...]}

Addresses are checkov's `resource` (module.x.aws_s3_bucket.y, aws_s3_bucket.z["k"]); each may appear once
per check and tier, so plan files of one check use distinct addresses. checkov drops UNKNOWN results from its
reports; policy_scan keeps them, so an undecided or crashing check fails here instead of vanishing.
"""

from __future__ import annotations

import ast
import re

import pytest
import yaml
from policy_scan import FIXTURES_DIR, POLICIES_DIR, REPO_ROOT, TIERS

pytestmark = pytest.mark.unit

CHECKOV_KINDS = {"python", "graph"}  # kind "plan" is plancheck's own tier, not run by checkov
CATALOGUE = yaml.safe_load((POLICIES_DIR / "catalogue.yaml").read_text()) or {}
RESULTS = {"passed": "PASSED", "failed": "FAILED", "unknown": "UNKNOWN"}
CHECK_ID = re.compile(r"^CKV_C04_\d{3}$")


def _expected(check_id: str) -> dict:
    path = FIXTURES_DIR / check_id / "expected.yaml"
    return yaml.safe_load(path.read_text()) if path.is_file() else {}


def _checkov_ids() -> list[str]:
    return sorted(i for i, entry in CATALOGUE.items() if entry.get("kind") in CHECKOV_KINDS)


def _ids_defined_in_policies() -> dict[str, str]:
    """Check ID -> defining file, from python checks (a CKV_C04_NNN string constant) and YAML graph checks."""
    found: dict[str, str] = {}
    for path in POLICIES_DIR.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and CHECK_ID.match(node.value):
                found[node.value] = str(path.relative_to(REPO_ROOT))
    for path in POLICIES_DIR.rglob("*.yaml"):
        document = yaml.safe_load(path.read_text())
        check_id = document.get("metadata", {}).get("id") if isinstance(document, dict) else None
        if check_id:
            found[check_id] = str(path.relative_to(REPO_ROOT))
    return found


@pytest.mark.parametrize("tier", sorted(TIERS))
@pytest.mark.parametrize("check_id", _checkov_ids())
def test_fixture_results_match_expected(fixture_scan, check_id, tier):
    expected_tier = _expected(check_id).get(tier) or {}
    expected = {key: sorted(expected_tier.get(key) or []) for key in RESULTS}
    actual = {key: fixture_scan.addresses(tier, check_id, result) for key, result in RESULTS.items()}
    assert actual == expected, f"{check_id} on fixtures/{check_id}/{tier}:\n  expected {expected}\n  actual   {actual}"


@pytest.mark.parametrize("check_id", _checkov_ids())
def test_every_checkov_policy_has_failing_and_passing_fixtures_in_both_tiers(check_id):
    expected = _expected(check_id)
    for tier in TIERS:
        tier_expected = expected.get(tier) or {}
        assert tier_expected.get("failed"), f"{check_id}: no failing {tier} fixture in expected.yaml"
        assert tier_expected.get("passed"), f"{check_id}: no passing {tier} fixture in expected.yaml"


def test_every_policy_file_has_a_catalogue_entry_and_back():
    defined = _ids_defined_in_policies()
    missing_entries = sorted(set(defined) - set(CATALOGUE))
    assert not missing_entries, f"checks without a catalogue entry: {missing_entries}"
    for check_id in _checkov_ids():
        declared_file = CATALOGUE[check_id]["file"]
        assert defined.get(check_id) == declared_file, (
            f"{check_id}: catalogue says {declared_file}, defined in {defined.get(check_id)}"
        )


@pytest.mark.parametrize("check_id", sorted(CATALOGUE))
def test_catalogue_entry_is_complete(check_id):
    entry = CATALOGUE[check_id]
    assert CHECK_ID.match(check_id)
    assert {"name", "file", "kind", "resources", "control", "severity", "checks"} <= set(entry), entry
    assert entry["kind"] in {"python", "graph", "plan"}
    assert entry["severity"] in {"LOW", "MEDIUM", "HIGH", "CRITICAL"}
    assert entry["resources"] and isinstance(entry["resources"], list)
    assert (REPO_ROOT / entry["file"]).is_file(), f"{check_id}: {entry['file']} does not exist"


def test_no_check_crashed_during_the_fixture_scan(fixture_scan):
    # A check that raises is reported UNKNOWN by checkov, which drops UNKNOWN results from its reports.
    assert not fixture_scan.check_errors, "\n".join(fixture_scan.check_errors)


def test_every_fixture_folder_belongs_to_a_catalogued_checkov_policy():
    folders = {path.name for path in FIXTURES_DIR.iterdir() if path.is_dir()}
    orphans = sorted(folders - set(_checkov_ids()))
    assert not orphans, f"fixture folders without a python/graph catalogue entry: {orphans}"
