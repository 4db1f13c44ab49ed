"""CKV_C04_034: every flow log captures ALL traffic, accepted and rejected.

FSBP EC2.6 accepts REJECT; the platform wants both halves for incident response. Transit gateway flow logs
have no traffic type (they capture everything) and pass.
"""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import UNKNOWN, resource_view

TRANSIT_GATEWAY_SOURCES = ("transit_gateway_id", "transit_gateway_attachment_id")


class FlowLogCapturesAllTraffic(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="Flow log captures traffic_type ALL",
            id="CKV_C04_034",
            categories=(CheckCategories.LOGGING,),
            supported_resources=("aws_flow_log",),
            guideline=(
                'Set traffic_type = "ALL" on the aws_flow_log: ACCEPT or REJECT alone records half the traffic.'
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["traffic_type"]
        view = resource_view(self, conf)
        traffic_type = view.value("traffic_type")
        if traffic_type is UNKNOWN:
            return CheckResult.UNKNOWN
        if traffic_type == "ALL":
            return CheckResult.PASSED
        if traffic_type is None and any(view.value(source) is not None for source in TRANSIT_GATEWAY_SOURCES):
            return CheckResult.PASSED
        self.details.append(f"traffic_type is {traffic_type!r}")
        return CheckResult.FAILED


check = FlowLogCapturesAllTraffic()
