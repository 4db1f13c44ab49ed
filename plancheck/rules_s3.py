"""S3 pairing rules of the plan tier: every aws_s3_bucket in the plan has its companion resources.

Same IDs and intent as policies/s3_bucket_encrypted_with_customer_kms_key.py (CKV_C04_001),
s3_bucket_public_access_fully_blocked.py (CKV_C04_002) and s3_bucket_retention_matches_data_class.py
(CKV_C04_003). A companion belongs to a bucket when its `bucket` is the bucket's known name, or when its
configuration refers to the bucket (also through module inputs/outputs and for_each over the buckets).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from plancheck.findings import Finding
from plancheck.kms import AWS_MANAGED, CUSTOMER_MANAGED, key_kind
from plancheck.plan import UNKNOWN, Block, Plan, Resource

BUCKET = "aws_s3_bucket"
KMS_ALGORITHMS = ("aws:kms", "aws:kms:dsse")
PUBLIC_ACCESS_SETTINGS = ("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")
DATA_CLASS_TAG = "DataClass"
RULE_NARROWING_FILTERS = ("prefix", "tag", "tags", "and", "object_size_greater_than", "object_size_less_than")
NOT_KNOWN_BEFORE_APPLY = "is only known after apply, so the plan cannot show it complies"


def _attached(plan: Plan, bucket: Resource, resource_type: str) -> tuple[list[Resource], list[str]]:
    """Companions of the bucket, and the addresses of companions whose bucket cannot be told yet."""
    name = bucket.value("bucket")
    attached, unattributed = [], []
    for candidate in plan.of_type(resource_type):
        pointer = candidate.value("bucket")
        if isinstance(pointer, str):
            if pointer == name:
                attached.append(candidate)
        elif bucket in candidate.targets("bucket"):
            attached.append(candidate)
        elif not candidate.targets("bucket"):
            unattributed.append(candidate.address)
    return attached, unattributed


def _with_unattributed(failure: str, unattributed: list[str]) -> str:
    if not unattributed:
        return failure
    return f"{failure}; the bucket of {', '.join(sorted(unattributed))} is only known after apply"


# ------------------------------------------------------------------------------ CKV_C04_001 SSE-KMS + CMK


def _default_encryption_failure(default: Block) -> str | None:
    algorithm = default.value("sse_algorithm")
    if algorithm is UNKNOWN:
        return f"sse_algorithm {NOT_KNOWN_BEFORE_APPLY}"
    if algorithm not in KMS_ALGORITHMS:
        return f"default encryption is {algorithm}, not SSE-KMS"
    kind = key_kind(default, "kms_master_key_id")
    if kind == CUSTOMER_MANAGED:
        return None
    if kind is None:
        return "kms_master_key_id is not set: the AWS-managed key alias/aws/s3 is used"
    if kind == AWS_MANAGED:
        return "kms_master_key_id is the AWS-managed key alias/aws/s3"
    return f"the owner of kms_master_key_id {NOT_KNOWN_BEFORE_APPLY}"


def s3_bucket_encrypted_with_customer_kms_key(plan: Plan) -> Iterator[Finding]:
    for bucket in plan.of_type(BUCKET):
        configurations, unattributed = _attached(plan, bucket, "aws_s3_bucket_server_side_encryption_configuration")
        # a separate configuration resource replaces the legacy inline block
        sources = configurations or bucket.blocks("server_side_encryption_configuration")
        defaults: list[Block] = []
        undecided = sources is UNKNOWN
        for source in [] if undecided else sources:
            for rule in _blocks_or_none(source, "rule") or []:
                by_default = _blocks_or_none(rule, "apply_server_side_encryption_by_default")
                undecided = undecided or by_default is None
                defaults += by_default or []
        if undecided:
            failure: str | None = f"the default encryption {NOT_KNOWN_BEFORE_APPLY}"
        elif not defaults:
            failure = _with_unattributed("no default encryption configuration", unattributed)
        else:
            failure = next((f for f in map(_default_encryption_failure, defaults) if f), None)
        yield Finding("CKV_C04_001", bucket.address, failure is None, failure or "SSE-KMS with a customer key")


def _blocks_or_none(block: Block, name: str) -> list[Block] | None:
    blocks = block.blocks(name)
    return None if blocks is UNKNOWN else blocks


# ---------------------------------------------------------------------------- CKV_C04_002 public access


def s3_bucket_public_access_fully_blocked(plan: Plan) -> Iterator[Finding]:
    for bucket in plan.of_type(BUCKET):
        blocks, unattributed = _attached(plan, bucket, "aws_s3_bucket_public_access_block")
        complete = [b for b in blocks if all(b.value(s) is True for s in PUBLIC_ACCESS_SETTINGS)]
        if complete:
            yield Finding("CKV_C04_002", bucket.address, True, f"blocked by {complete[0].address}")
            continue
        if blocks:
            missing = sorted({s for b in blocks for s in PUBLIC_ACCESS_SETTINGS if b.value(s) is not True})
            failure = f"the public access block leaves {', '.join(missing)} not true"
        else:
            failure = _with_unattributed("no aws_s3_bucket_public_access_block", unattributed)
        yield Finding("CKV_C04_002", bucket.address, False, failure)


# ------------------------------------------------------------------------- CKV_C04_003 retention by class


def _data_class(plan: Plan, bucket: Resource) -> Any:
    tags_all = bucket.value("tags_all")
    if isinstance(tags_all, dict):
        return tags_all.get(DATA_CLASS_TAG)
    tags = bucket.value("tags")
    if tags is UNKNOWN or (tags_all is UNKNOWN and not isinstance(tags, dict)):
        return UNKNOWN
    if isinstance(tags, dict) and DATA_CLASS_TAG in tags:
        return tags[DATA_CLASS_TAG]
    defaults = plan.provider_default_tags(bucket)
    return UNKNOWN if defaults is UNKNOWN else defaults.get(DATA_CLASS_TAG)


def _empty(value: Any) -> bool:
    return value in (None, "", 0, [], {})


def _covers_whole_bucket(rule: Block) -> bool:
    if not _empty(rule.value("prefix")) or not _empty(rule.value("tags")):
        return False
    for rule_filter in _blocks_or_none(rule, "filter") or []:
        if any(not _empty(rule_filter.value(name)) for name in RULE_NARROWING_FILTERS):
            return False
    return True


def _expiration_days(rule: Block) -> Any:
    days = [e.value("days") for e in _blocks_or_none(rule, "expiration") or []]
    days = [d for d in days if d is UNKNOWN or d]
    return days[0] if days else None


def _lifecycle_rules(plan: Plan, bucket: Resource) -> tuple[list[tuple[bool, Block]], list[str]]:
    configurations, unattributed = _attached(plan, bucket, "aws_s3_bucket_lifecycle_configuration")
    if configurations:  # a separate lifecycle configuration replaces the legacy inline rules
        rules = [r for c in configurations for r in _blocks_or_none(c, "rule") or []]
        return [(r.value("status") == "Enabled", r) for r in rules], unattributed
    inline = _blocks_or_none(bucket, "lifecycle_rule") or []
    return [(r.value("enabled") is True, r) for r in inline], unattributed


def s3_bucket_retention_matches_data_class(
    data_classes: Mapping[str, Mapping[str, Any]],
) -> Callable[[Plan], Iterator[Finding]]:
    def rule(plan: Plan) -> Iterator[Finding]:
        for bucket in plan.of_type(BUCKET):
            data_class = _data_class(plan, bucket)
            if data_class is UNKNOWN:
                failure: str | None = f"the {DATA_CLASS_TAG} tag {NOT_KNOWN_BEFORE_APPLY}"
            elif data_class is None:
                failure = f"the bucket has no {DATA_CLASS_TAG} tag"
            elif data_class not in data_classes:
                failure = f"{DATA_CLASS_TAG} {data_class!r} is not one of {sorted(data_classes)}"
            else:
                failure = _retention_failure(plan, bucket, int(data_classes[data_class]["expiration_days"]))
            yield Finding("CKV_C04_003", bucket.address, failure is None, failure or f"{data_class} retention")

    rule.__name__ = "s3_bucket_retention_matches_data_class"
    return rule


def _retention_failure(plan: Plan, bucket: Resource, required_days: int) -> str | None:
    rules, unattributed = _lifecycle_rules(plan, bucket)
    ages = [_expiration_days(r) for enabled, r in rules if enabled and _covers_whole_bucket(r)]
    ages = [age for age in ages if age is not None]
    if UNKNOWN in ages:
        return f"an expiration age {NOT_KNOWN_BEFORE_APPLY}"
    other_ages = sorted({age for age in ages if age != required_days})
    if other_ages:
        return f"an enabled whole-bucket rule expires objects after {other_ages} days, not {required_days}"
    if required_days not in ages:
        return _with_unattributed(
            f"no enabled whole-bucket lifecycle rule expires objects after {required_days} days", unattributed
        )
    return None
