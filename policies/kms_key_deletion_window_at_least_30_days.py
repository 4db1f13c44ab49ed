"""CKV_C04_018: a scheduled key deletion can be cancelled for at least 30 days.

Related to Security Hub KMS.3 (keys should not be deleted unintentionally), which watches keys pending
deletion at run time; at plan time the deletion window is what can be enforced. Unset means 30 (AWS).
"""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import UNKNOWN, as_int, resource_view

MINIMUM_DAYS = 30  # also the AWS default when deletion_window_in_days is not set


class KmsKeyDeletionWindowAtLeast30Days(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="KMS key deletion window is at least 30 days",
            id="CKV_C04_018",
            categories=(CheckCategories.BACKUP_AND_RECOVERY,),
            supported_resources=(
                "aws_kms_key",
                "aws_kms_replica_key",
                "aws_kms_external_key",
                "aws_kms_replica_external_key",
            ),
            guideline="Set deletion_window_in_days = 30 on the key (or leave it unset: AWS defaults to 30).",
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        days = as_int(resource_view(self, conf).value("deletion_window_in_days"))
        if days is UNKNOWN:
            return CheckResult.UNKNOWN
        return CheckResult.PASSED if days is None or days >= MINIMUM_DAYS else CheckResult.FAILED


check = KmsKeyDeletionWindowAtLeast30Days()
