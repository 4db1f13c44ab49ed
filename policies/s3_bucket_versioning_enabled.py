"""CKV_C04_012: bucket versioning is Enabled (aws_s3_bucket_versioning, or the legacy inline block)."""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import UNKNOWN, any_true, as_bool, check_result, resource_view


class S3BucketVersioningEnabled(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="S3 bucket versioning is enabled",
            id="CKV_C04_012",
            categories=(CheckCategories.BACKUP_AND_RECOVERY,),
            supported_resources=("aws_s3_bucket",),
            guideline=(
                'Add an aws_s3_bucket_versioning for the bucket with versioning_configuration { status = "Enabled" }.'
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        bucket = resource_view(self, conf)
        attached = bucket.attached("aws_s3_bucket_versioning")
        verdicts: list[Any] = []
        if attached.views:  # a separate aws_s3_bucket_versioning replaces the legacy inline block
            for versioning in attached.views:
                configurations = versioning.blocks("versioning_configuration")
                if configurations is UNKNOWN:
                    verdicts.append(UNKNOWN)
                    continue
                for configuration in configurations:
                    status = configuration.value("status")
                    verdicts.append(status if status is UNKNOWN else status == "Enabled")
        else:
            inline = bucket.blocks("versioning")
            if inline is UNKNOWN:
                return CheckResult.UNKNOWN
            verdicts = [as_bool(block.value("enabled")) for block in inline]
        verdict = any_true(verdicts)
        if verdict is False and attached.undecided:
            verdict = UNKNOWN
        return check_result(verdict)


check = S3BucketVersioningEnabled()
