"""CKV_C04_001: a bucket's default encryption is SSE-KMS or DSSE-KMS with a customer-managed key.

Judged on the bucket, from its aws_s3_bucket_server_side_encryption_configuration (which wins when present)
or the legacy inline block. A key given as an aws_kms_key / alias resource, a key ARN, or a data source
looking up a customer alias passes; no key, alias/aws/s3 (name or ARN) or a lookup of it fails. A key ARN
created in the same plan is unknown in the plan, not absent: its configuration reference decides.
"""

from __future__ import annotations

from typing import Any

from aws_semantics import CUSTOMER_MANAGED, kms_key_kind
from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import UNKNOWN, BlockView, all_true, check_result, resource_view

KMS_ALGORITHMS = ("aws:kms", "aws:kms:dsse")


def _uses_customer_key(default: BlockView) -> Any:
    algorithm = default.value("sse_algorithm")
    if algorithm is UNKNOWN:
        return UNKNOWN
    if algorithm not in KMS_ALGORITHMS:
        return False
    kind = kms_key_kind(default, "kms_master_key_id")
    return kind if kind is UNKNOWN else kind == CUSTOMER_MANAGED


def _default_encryption_blocks(configurations: list[BlockView]) -> Any:
    defaults: list[BlockView] = []
    for configuration in configurations:
        rules = configuration.blocks("rule")
        if rules is UNKNOWN:
            return UNKNOWN
        for rule in rules:
            by_default = rule.blocks("apply_server_side_encryption_by_default")
            if by_default is UNKNOWN:
                return UNKNOWN
            defaults += by_default
    return defaults


class S3BucketEncryptedWithCustomerKmsKey(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="S3 bucket default encryption uses SSE-KMS with a customer-managed key",
            id="CKV_C04_001",
            categories=(CheckCategories.ENCRYPTION,),
            supported_resources=("aws_s3_bucket",),
            guideline=(
                'Add an aws_s3_bucket_server_side_encryption_configuration with sse_algorithm = "aws:kms" '
                "and kms_master_key_id = the ARN of a customer-managed aws_kms_key (not alias/aws/s3)."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        bucket = resource_view(self, conf)
        attached = bucket.attached("aws_s3_bucket_server_side_encryption_configuration")
        # a separate configuration resource replaces the legacy inline block
        configurations = attached.views or bucket.blocks("server_side_encryption_configuration")
        defaults = UNKNOWN if configurations is UNKNOWN else _default_encryption_blocks(configurations)
        if defaults is UNKNOWN:
            return CheckResult.UNKNOWN
        if not defaults:
            return CheckResult.UNKNOWN if attached.undecided else CheckResult.FAILED
        return check_result(all_true(_uses_customer_key(d) for d in defaults))


check = S3BucketEncryptedWithCustomerKmsKey()
