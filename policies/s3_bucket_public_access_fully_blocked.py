"""CKV_C04_002: a bucket has its own public access block with all four settings true (none fails)."""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import UNKNOWN, all_true, any_true, as_bool, check_result, resource_view

BLOCK_SETTINGS = ("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")


class S3BucketPublicAccessFullyBlocked(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="S3 bucket has a public access block with all four settings enabled",
            id="CKV_C04_002",
            categories=(CheckCategories.GENERAL_SECURITY,),
            supported_resources=("aws_s3_bucket",),
            guideline=(
                "Add an aws_s3_bucket_public_access_block for the bucket with block_public_acls, "
                "block_public_policy, ignore_public_acls and restrict_public_buckets all set to true."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        bucket = resource_view(self, conf)
        blocks = bucket.attached("aws_s3_bucket_public_access_block")
        verdict = any_true(all_true(as_bool(b.value(s)) for s in BLOCK_SETTINGS) for b in blocks.views)
        if verdict is False and blocks.undecided:
            verdict = UNKNOWN
        return check_result(verdict)


check = S3BucketPublicAccessFullyBlocked()
