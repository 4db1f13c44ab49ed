"""CKV_C04_073: a load balancer (application, network or gateway) has deletion protection on (FSBP ELB.6)."""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from edge_semantics import LOAD_BALANCER_TYPES
from tf_resource_view import UNKNOWN, as_bool, resource_view


class LbDeletionProtectionEnabled(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="Load balancer has deletion protection enabled",
            id="CKV_C04_073",
            categories=(CheckCategories.BACKUP_AND_RECOVERY,),
            supported_resources=LOAD_BALANCER_TYPES,
            guideline="Set enable_deletion_protection = true on the load balancer (default false).",
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["enable_deletion_protection"]
        enabled = as_bool(resource_view(self, conf).value("enable_deletion_protection"))
        if enabled is UNKNOWN:
            return CheckResult.UNKNOWN
        if enabled:
            return CheckResult.PASSED
        self.details.append("enable_deletion_protection is not true")
        return CheckResult.FAILED


check = LbDeletionProtectionEnabled()
