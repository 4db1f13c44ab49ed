"""plancheck over its own plan fixtures: the exact passing and failing addresses per check ID."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from plancheck.rules import evaluate

pytestmark = pytest.mark.unit

HERE = Path(__file__).resolve().parent
EXPECTED = yaml.safe_load((HERE / "expected.yaml").read_text(encoding="utf-8"))


def _by_check(findings) -> dict[str, dict[str, list[str]]]:
    table: dict[str, dict[str, list[str]]] = {}
    for finding in findings:
        verdict = "passed" if finding.passed else "failed"
        table.setdefault(finding.check_id, {"passed": [], "failed": []})[verdict].append(finding.address)
    return {check_id: {k: sorted(v) for k, v in verdicts.items()} for check_id, verdicts in table.items()}


@pytest.mark.parametrize("fixture", sorted(EXPECTED))
def test_findings_match_the_inventory(fixture):
    findings = evaluate(json.loads((HERE / "fixtures" / fixture).read_text(encoding="utf-8")))
    expected = {
        check_id: {verdict: sorted(verdicts.get(verdict) or []) for verdict in ("passed", "failed")}
        for check_id, verdicts in EXPECTED[fixture].items()
    }
    actual = _by_check(findings)
    reasons = "\n".join(f"  {f.line()}" for f in findings if actual != expected)
    assert actual == expected, f"{fixture}: findings differ from expected.yaml; plancheck says:\n{reasons}"


def test_every_fixture_is_in_the_inventory():
    assert sorted(p.name for p in (HERE / "fixtures").glob("*.json")) == sorted(EXPECTED)
