"""CKV_C04_022: an RDS cluster keeps automated backups for at least 7 days (FSBP RDS.11)."""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

MINIMUM_RETENTION_DAYS = 7
DEFAULT_RETENTION_DAYS = 1


def _unwrap(value: Any) -> Any:
    return value[0] if isinstance(value, list) and len(value) == 1 else value


class AuroraClusterBackupRetentionAtLeast7Days(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="RDS cluster retains automated backups for at least 7 days",
            id="CKV_C04_022",
            categories=(CheckCategories.BACKUP_AND_RECOVERY,),
            supported_resources=("aws_rds_cluster",),
            guideline=f"Set backup_retention_period to {MINIMUM_RETENTION_DAYS} or more (the default is 1).",
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["backup_retention_period"]
        if "backup_retention_period" not in conf:
            # HCL: the 1-day default. Plan: the attribute is computed, so absent means not known before apply
            if "__change_actions__" in conf:
                return CheckResult.UNKNOWN
            days: Any = DEFAULT_RETENTION_DAYS
        else:
            days = _unwrap(conf["backup_retention_period"])
        if isinstance(days, str) and days.strip().isdigit():
            days = int(days)
        if days is None:
            self.details.append("backup_retention_period is null: the 1-day default applies")
            return CheckResult.FAILED
        if isinstance(days, bool) or not isinstance(days, int):
            # an expression checkov could not evaluate
            return CheckResult.UNKNOWN
        if days >= MINIMUM_RETENTION_DAYS:
            return CheckResult.PASSED
        self.details.append(f"backup_retention_period is {days} day(s)")
        return CheckResult.FAILED


check = AuroraClusterBackupRetentionAtLeast7Days()
