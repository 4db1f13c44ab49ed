"""CKV_C04_003: retention follows the bucket's DataClass tag (classes and ages: data_classes.yaml).

The tag comes from tags, tags_all or the provider's default_tags. An enabled rule (status Enabled, or legacy
enabled = true) that covers the whole bucket (no prefix, tag or object-size filter) must expire current
objects after exactly the class's expiration_days, and no other whole-bucket rule may expire them at
another age. A rule limited to a prefix does not give the bucket a retention, so it does not count.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import UNKNOWN, BlockView, all_true, any_true, as_bool, as_int, check_result, resource_view

DATA_CLASS_TAG = "DataClass"
OBJECT_SIZE_CONDITIONS = ("object_size_greater_than", "object_size_less_than")
DATA_CLASSES: dict[str, dict[str, Any]] = yaml.safe_load(
    (Path(__file__).resolve().parent / "data_classes.yaml").read_text(encoding="utf-8")
)


def _is_empty(value: Any) -> Any:
    if value is UNKNOWN:
        return UNKNOWN
    return value in (None, "", 0, {}, [])


def _covers_whole_bucket(rule: BlockView) -> Any:
    """True when the rule filters nothing out (no prefix, tag or object size condition)."""
    conditions = [_is_empty(rule.value("prefix"))]
    filters = rule.blocks("filter")
    if filters is UNKNOWN:
        return UNKNOWN
    for rule_filter in filters:
        conditions.append(_is_empty(rule_filter.value("prefix")))
        conditions += [_is_empty(rule_filter.value(size)) for size in OBJECT_SIZE_CONDITIONS]
        tags = rule_filter.blocks("tag")
        conjunctions = rule_filter.blocks("and")
        if tags is UNKNOWN or conjunctions is UNKNOWN:
            return UNKNOWN
        conditions.append(not tags)
        for conjunction in conjunctions:
            conditions += [_is_empty(conjunction.value(k)) for k in ("prefix", "tags", *OBJECT_SIZE_CONDITIONS)]
    # legacy inline lifecycle_rule
    conditions.append(_is_empty(rule.value("tags")))
    return all_true(conditions)


def _current_expiration_days(rule: BlockView) -> Any:
    """Days after which the rule expires current objects; None when it does not."""
    expirations = rule.blocks("expiration")
    if expirations is UNKNOWN:
        return UNKNOWN
    days = [as_int(e.value("days")) for e in expirations]
    days = [d for d in days if d is UNKNOWN or d]
    if not days:
        return None
    return UNKNOWN if UNKNOWN in days else days[0]


def _retention_verdict(rules: list[tuple[Any, BlockView]], required_days: int) -> Any:
    """Some whole-bucket enabled rule expires at required_days and no other one expires at another age."""
    matches, conflicts = [], []
    for enabled, rule in rules:
        days = _current_expiration_days(rule)
        if days is None:
            continue
        applies = all_true([enabled, _covers_whole_bucket(rule)])
        same_age = UNKNOWN if days is UNKNOWN else days == required_days
        different_age = UNKNOWN if days is UNKNOWN else days != required_days
        matches.append(all_true([applies, same_age]))
        conflicts.append(all_true([applies, different_age]))
    conflict = any_true(conflicts)
    if conflict is True:
        return False
    match = any_true(matches)
    return UNKNOWN if match is True and conflict is UNKNOWN else match


class S3BucketRetentionMatchesDataClass(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="S3 bucket retention matches its DataClass tag",
            id="CKV_C04_003",
            categories=(CheckCategories.BACKUP_AND_RECOVERY,),
            supported_resources=("aws_s3_bucket",),
            guideline=(
                "Tag the bucket DataClass = <a class of policies/data_classes.yaml> and add an enabled "
                "whole-bucket lifecycle rule with expiration { days = <that class's expiration_days> }."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        bucket = resource_view(self, conf)
        data_class = bucket.tag(DATA_CLASS_TAG)
        if data_class is UNKNOWN:
            return CheckResult.UNKNOWN
        if data_class not in DATA_CLASSES:
            found = "no DataClass tag" if data_class is None else f"DataClass {data_class!r}"
            self.details.append(f"{found}: expected one of {sorted(DATA_CLASSES)}")
            return CheckResult.FAILED
        required_days = DATA_CLASSES[data_class]["expiration_days"]

        attached = bucket.attached("aws_s3_bucket_lifecycle_configuration")
        rules: list[tuple[Any, BlockView]] = []
        if attached.views:  # a separate lifecycle configuration replaces the legacy inline rules
            for configuration in attached.views:
                configuration_rules = configuration.blocks("rule")
                if configuration_rules is UNKNOWN:
                    return CheckResult.UNKNOWN
                for rule in configuration_rules:
                    status = rule.value("status")
                    rules.append((status if status is UNKNOWN else status == "Enabled", rule))
        else:
            inline_rules = bucket.blocks("lifecycle_rule")
            if inline_rules is UNKNOWN:
                return CheckResult.UNKNOWN
            rules = [(as_bool(rule.value("enabled")), rule) for rule in inline_rules]
        verdict = _retention_verdict(rules, required_days)
        if verdict is False and attached.undecided:
            verdict = UNKNOWN
        return check_result(verdict)


check = S3BucketRetentionMatchesDataClass()
