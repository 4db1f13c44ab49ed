"""CKV_C04_029: where Performance Insights is on, its data is encrypted with a customer-managed KMS key."""

from __future__ import annotations

import re
from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

AWS_MANAGED_KEY = "alias/aws/rds"
# A reference to a key this configuration creates is a customer-managed key by construction.
CUSTOMER_KEY_RESOURCES = ("aws_kms_key.", "aws_kms_replica_key.", "aws_kms_external_key.")
# A key ARN, alias ARN, alias name or key id written out; anything else is an unrendered expression.
LITERAL_KEY = re.compile(r"^(arn:aws[a-z-]*:kms:|alias/|[0-9a-f]{8}-[0-9a-f]{4}-)")


def _unwrap(value: Any) -> Any:
    return value[0] if isinstance(value, list) and len(value) == 1 else value


class AuroraPerformanceInsightsEncryptedWithCmk(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="RDS Performance Insights, where enabled, is encrypted with a customer-managed KMS key",
            id="CKV_C04_029",
            categories=(CheckCategories.ENCRYPTION,),
            supported_resources=("aws_rds_cluster", "aws_rds_cluster_instance"),
            guideline=(
                "Where performance_insights_enabled = true, set performance_insights_kms_key_id to the ARN "
                "of the project CMK (var.kms_key_arn), never the AWS-managed alias/aws/rds."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["performance_insights_enabled", "performance_insights_kms_key_id"]
        plan_input = "__change_actions__" in conf
        if "performance_insights_enabled" not in conf:
            # HCL: off. Plan: computed on instances, so absent means not known before apply
            return CheckResult.UNKNOWN if plan_input else CheckResult.PASSED
        enabled = _unwrap(conf["performance_insights_enabled"])
        if isinstance(enabled, str) and enabled.lower() in ("true", "false"):
            enabled = enabled.lower() == "true"
        if enabled is None or enabled is False:
            return CheckResult.PASSED
        if enabled is not True:
            return CheckResult.UNKNOWN

        if "performance_insights_kms_key_id" not in conf:
            if plan_input:
                return CheckResult.UNKNOWN
            self.details.append("performance_insights_kms_key_id is not set: the AWS-managed key is used")
            return CheckResult.FAILED
        key = _unwrap(conf["performance_insights_kms_key_id"])
        if not isinstance(key, str) or not key:
            self.details.append("performance_insights_kms_key_id is not set: the AWS-managed key is used")
            return CheckResult.FAILED
        if key.endswith(AWS_MANAGED_KEY):
            self.details.append("performance_insights_kms_key_id is the AWS-managed key alias/aws/rds")
            return CheckResult.FAILED
        if key.startswith(CUSTOMER_KEY_RESOURCES) or LITERAL_KEY.match(key):
            return CheckResult.PASSED
        # a variable without a value, a key read through a data source: the plan tier resolves it
        return CheckResult.UNKNOWN


check = AuroraPerformanceInsightsEncryptedWithCmk()
