"""CKV_C04_013: every bucket carries a non-empty DataClass tag (resource tags or provider default_tags)."""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import UNKNOWN, resource_view

DATA_CLASS_TAG = "DataClass"


class S3BucketHasDataClassTag(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="S3 bucket carries a DataClass tag",
            id="CKV_C04_013",
            categories=(CheckCategories.CONVENTION,),
            supported_resources=("aws_s3_bucket",),
            guideline=(
                "Tag the bucket (tags or provider default_tags) with DataClass = a class of "
                "policies/data_classes.yaml, e.g. uploads, results or logs."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        data_class = resource_view(self, conf).tag(DATA_CLASS_TAG)
        if data_class is UNKNOWN:
            return CheckResult.UNKNOWN
        return CheckResult.PASSED if isinstance(data_class, str) and data_class.strip() else CheckResult.FAILED


check = S3BucketHasDataClassTag()
