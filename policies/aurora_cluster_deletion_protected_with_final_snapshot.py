"""CKV_C04_021: an RDS cluster has deletion protection on and takes a final snapshot (FSBP RDS.7)."""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck


def _unwrap(value: Any) -> Any:
    return value[0] if isinstance(value, list) and len(value) == 1 else value


def _as_bool(value: Any) -> bool | None:
    """True/False for a boolean written either way, None for null or an unresolved expression."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return None


class AuroraClusterDeletionProtectedWithFinalSnapshot(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="RDS cluster has deletion protection enabled and keeps a final snapshot",
            id="CKV_C04_021",
            categories=(CheckCategories.BACKUP_AND_RECOVERY,),
            supported_resources=("aws_rds_cluster",),
            guideline=(
                "Set deletion_protection = true and leave skip_final_snapshot unset or false (with a "
                "final_snapshot_identifier) so the cluster cannot be dropped without a snapshot."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["deletion_protection", "skip_final_snapshot"]
        plan_input = "__change_actions__" in conf
        results = (
            self._setting(conf, "deletion_protection", wanted=True, unset=False, plan_input=plan_input),
            self._setting(conf, "skip_final_snapshot", wanted=False, unset=False, plan_input=plan_input),
        )
        if CheckResult.FAILED in results:
            return CheckResult.FAILED
        if CheckResult.UNKNOWN in results:
            return CheckResult.UNKNOWN
        return CheckResult.PASSED

    def _setting(
        self, conf: dict[str, list[Any]], key: str, wanted: bool, unset: bool, plan_input: bool
    ) -> CheckResult:
        if key not in conf:
            # in a plan an absent value is one known only after apply
            if plan_input:
                return CheckResult.UNKNOWN
            value: bool | None = unset
        else:
            raw = _unwrap(conf[key])
            if raw is not None and _as_bool(raw) is None:
                # an expression checkov could not evaluate (var.x, !var.x, a conditional)
                return CheckResult.UNKNOWN
            value = unset if raw is None else _as_bool(raw)
        if value is wanted:
            return CheckResult.PASSED
        self.details.append(f"{key} is {str(value).lower()}")
        return CheckResult.FAILED


check = AuroraClusterDeletionProtectedWithFinalSnapshot()
