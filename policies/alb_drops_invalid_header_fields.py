"""CKV_C04_062: an application load balancer drops invalid HTTP header fields (FSBP ELB.4)."""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from edge_semantics import LOAD_BALANCER_TYPES, load_balancer_type
from tf_resource_view import UNKNOWN, as_bool, resource_view


class AlbDropsInvalidHeaderFields(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="Application load balancer drops invalid HTTP header fields",
            id="CKV_C04_062",
            categories=(CheckCategories.NETWORKING,),
            supported_resources=LOAD_BALANCER_TYPES,
            guideline="Set drop_invalid_header_fields = true on the application load balancer (default false).",
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["load_balancer_type", "drop_invalid_header_fields"]
        balancer = resource_view(self, conf)
        drops = as_bool(balancer.value("drop_invalid_header_fields"))
        if drops is True:
            return CheckResult.PASSED
        balancer_type = load_balancer_type(balancer)
        if balancer_type not in ("application", UNKNOWN):
            return CheckResult.PASSED
        if drops is UNKNOWN or balancer_type is UNKNOWN:
            return CheckResult.UNKNOWN
        self.details.append("drop_invalid_header_fields is not true")
        return CheckResult.FAILED


check = AlbDropsInvalidHeaderFields()
