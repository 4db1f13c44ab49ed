"""python -m plancheck: one line (or JSON object) per finding, exit 1 on any failure, 2 on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REPO_ROOT = Path(__file__).resolve().parents[3]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "plancheck", *args], cwd=REPO_ROOT, capture_output=True, text=True, check=False
    )


def test_a_compliant_plan_exits_0_with_one_passed_line_per_finding():
    result = _run(str(FIXTURES / "aurora_compliant.json"))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith("PASSED CKV_C04_") for line in lines)
    assert "PASSED CKV_C04_004 module.compliant.aws_rds_cluster.this: 2 DB instances" in lines


def test_a_failing_plan_exits_1_and_says_why():
    result = _run(str(FIXTURES / "aurora_noncompliant.json"))
    assert result.returncode == 1
    assert (
        "FAILED CKV_C04_024 module.noncompliant.aws_rds_cluster.this: master_username is the default name 'postgres'"
    ) in result.stdout.splitlines()


def test_json_format_lists_every_finding():
    result = _run(str(FIXTURES / "s3_pairing.json"), "--format", "json")
    assert result.returncode == 1
    findings = json.loads(result.stdout)
    assert {tuple(sorted(f)) for f in findings} == {("address", "check_id", "passed", "reason")}
    assert {
        "check_id": "CKV_C04_001",
        "address": "aws_s3_bucket.weak",
        "passed": False,
        "reason": "default encryption is AES256, not SSE-KMS",
    } in findings


def test_data_classes_file_is_an_option(tmp_path):
    classes = tmp_path / "classes.yaml"
    classes.write_text("logs:\n  expiration_days: 30\naudit:\n  expiration_days: 30\n")
    result = _run(str(FIXTURES / "s3_pairing.json"), "--data-classes", str(classes))
    lines = result.stdout.splitlines()
    assert "PASSED CKV_C04_003 module.audit_short.aws_s3_bucket.this: audit retention" in lines
    assert any(line.startswith("FAILED CKV_C04_003 module.logs.aws_s3_bucket.this:") for line in lines)


def test_unreadable_input_exits_2(tmp_path):
    broken = tmp_path / "plan.json"
    broken.write_text("{not json")
    result = _run(str(broken))
    assert result.returncode == 2
    assert result.stderr.startswith("plancheck:")
