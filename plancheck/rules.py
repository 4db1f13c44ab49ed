"""Every rule of the plan tier, and the one call that runs them over a plan document."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

from plancheck import rules_rds, rules_s3
from plancheck.findings import Finding
from plancheck.plan import Plan

Rule = Callable[[Plan], Iterator[Finding]]

DATA_CLASSES_FILE = Path(__file__).resolve().parents[1] / "policies" / "data_classes.yaml"


def load_data_classes(path: Path = DATA_CLASSES_FILE) -> dict[str, dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def all_rules(data_classes: Mapping[str, Mapping[str, Any]]) -> list[Rule]:
    return [
        rules_s3.s3_bucket_encrypted_with_customer_kms_key,
        rules_s3.s3_bucket_public_access_fully_blocked,
        rules_s3.s3_bucket_retention_matches_data_class(data_classes),
        *rules_rds.RULES,
    ]


def evaluate(document: dict[str, Any], data_classes: Mapping[str, Mapping[str, Any]] | None = None) -> list[Finding]:
    """All findings for a plan JSON document, sorted by check ID then address."""
    plan = Plan(document)
    classes = load_data_classes() if data_classes is None else data_classes
    return sorted(finding for rule in all_rules(classes) for finding in rule(plan))
