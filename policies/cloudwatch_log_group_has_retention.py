"""CKV_C04_045: every CloudWatch log group expires its events (retention_in_days set and not 0).

FSBP has no CloudWatch Logs retention control; the platform requires an explicit retention so that logs
neither vanish early by accident nor accumulate forever. 0 or unset means "never expire".
"""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import UNKNOWN, as_int, resource_view


class CloudwatchLogGroupHasRetention(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="CloudWatch log group has a retention period",
            id="CKV_C04_045",
            categories=(CheckCategories.LOGGING,),
            supported_resources=("aws_cloudwatch_log_group",),
            guideline=(
                "Set retention_in_days to the period the data class requires (e.g. 365); 0 or unset keeps the "
                "events forever."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["retention_in_days"]
        days = as_int(resource_view(self, conf).value("retention_in_days"))
        if days is UNKNOWN:
            return CheckResult.UNKNOWN
        if days is None or days <= 0:
            self.details.append("events never expire")
            return CheckResult.FAILED
        return CheckResult.PASSED


check = CloudwatchLogGroupHasRetention()
