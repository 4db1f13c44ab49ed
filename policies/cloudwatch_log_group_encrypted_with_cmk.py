"""CKV_C04_046: every CloudWatch log group is encrypted with a customer-managed KMS key.

CloudWatch Logs encrypts with a service key unless kms_key_id names a KMS key; the platform requires the
project CMK, so that reading the events needs the project key policy as well as CloudWatch Logs permissions.
"""

from __future__ import annotations

from typing import Any

from aws_semantics import AWS_MANAGED, CUSTOMER_MANAGED, kms_key_kind
from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import UNKNOWN, resource_view


class CloudwatchLogGroupEncryptedWithCmk(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="CloudWatch log group is encrypted with a customer-managed KMS key",
            id="CKV_C04_046",
            categories=(CheckCategories.ENCRYPTION,),
            supported_resources=("aws_cloudwatch_log_group",),
            guideline=(
                "Set kms_key_id to the project CMK's ARN (var.kms_key_arn) and let the key policy allow "
                "logs.<region>.amazonaws.com to use it."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["kms_key_id"]
        kind = kms_key_kind(resource_view(self, conf), "kms_key_id")
        if kind is UNKNOWN:
            return CheckResult.UNKNOWN
        if kind == CUSTOMER_MANAGED:
            return CheckResult.PASSED
        self.details.append("kms_key_id names an AWS-managed key" if kind == AWS_MANAGED else "kms_key_id is not set")
        return CheckResult.FAILED


check = CloudwatchLogGroupEncryptedWithCmk()
