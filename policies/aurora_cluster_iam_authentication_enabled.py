"""CKV_C04_028: an RDS cluster accepts IAM database authentication (FSBP RDS.12)."""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck


def _unwrap(value: Any) -> Any:
    return value[0] if isinstance(value, list) and len(value) == 1 else value


class AuroraClusterIamAuthenticationEnabled(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="RDS cluster has IAM database authentication enabled",
            id="CKV_C04_028",
            categories=(CheckCategories.IAM,),
            supported_resources=("aws_rds_cluster",),
            guideline="Set iam_database_authentication_enabled = true.",
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["iam_database_authentication_enabled"]
        if "iam_database_authentication_enabled" not in conf:
            return CheckResult.UNKNOWN if "__change_actions__" in conf else CheckResult.FAILED
        enabled = _unwrap(conf["iam_database_authentication_enabled"])
        if isinstance(enabled, str) and enabled.lower() in ("true", "false"):
            enabled = enabled.lower() == "true"
        if enabled is True:
            return CheckResult.PASSED
        if enabled not in (None, False):
            # an expression checkov could not evaluate
            return CheckResult.UNKNOWN
        self.details.append("iam_database_authentication_enabled is not true")
        return CheckResult.FAILED


check = AuroraClusterIamAuthenticationEnabled()
