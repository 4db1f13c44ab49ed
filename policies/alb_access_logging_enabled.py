"""CKV_C04_064: an application load balancer writes access logs to S3 (FSBP ELB.5)."""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from edge_semantics import LOAD_BALANCER_TYPES, is_set, load_balancer_type
from tf_resource_view import UNKNOWN, all_true, as_bool, check_result, resource_view


class AlbAccessLoggingEnabled(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="Application load balancer has access logging enabled",
            id="CKV_C04_064",
            categories=(CheckCategories.LOGGING,),
            supported_resources=LOAD_BALANCER_TYPES,
            guideline=(
                "Add access_logs { bucket = <log bucket> enabled = true } to the application load balancer "
                "(enabled defaults to false even when bucket is set)."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["access_logs"]
        balancer = resource_view(self, conf)
        balancer_type = load_balancer_type(balancer)
        if balancer_type not in ("application", UNKNOWN):
            return CheckResult.PASSED
        blocks = balancer.blocks("access_logs")
        if blocks is UNKNOWN:
            verdict: Any = UNKNOWN
        elif not blocks:
            verdict = False
        else:
            verdict = all_true([as_bool(blocks[0].value("enabled")), is_set(blocks[0], "bucket")])
        if verdict is False and balancer_type is UNKNOWN:
            return CheckResult.UNKNOWN
        if verdict is False:
            self.details.append("access_logs is absent, disabled or has no bucket")
        return check_result(verdict)


check = AlbAccessLoggingEnabled()
