"""CKV_C04_033: every VPC has a flow log that captures ALL traffic (FSBP EC2.6).

A relation (aws_flow_log.vpc_id -> aws_vpc). It is a Python check over the resource views rather than a
YAML graph check: checkov's YAML connections are lost when the flow log and the VPC sit in different
modules (a module output or input between them), in HCL and, for every module boundary, in plan JSON.
"""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import UNKNOWN, resource_view


class VpcHasFlowLogCapturingAllTraffic(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="VPC has a flow log with traffic_type ALL",
            id="CKV_C04_033",
            categories=(CheckCategories.LOGGING,),
            supported_resources=("aws_vpc",),
            guideline=(
                'Add an aws_flow_log with vpc_id = <the VPC>.id and traffic_type = "ALL" (CloudWatch Logs or '
                "S3 destination); ACCEPT or REJECT alone misses half of the traffic."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["id"]
        flow_logs = resource_view(self, conf).attached("aws_flow_log", via="vpc_id")
        traffic_types = []
        for flow_log in flow_logs.views:
            # HCL keeps a flow log whose count is 0 (a module's flow_log_enabled = false); a plan drops it
            count = flow_log.value("count")
            if count is UNKNOWN:
                traffic_types.append(UNKNOWN)
            elif count != 0:
                traffic_types.append(flow_log.value("traffic_type"))
        if "ALL" in traffic_types:
            return CheckResult.PASSED
        if flow_logs.undecided or UNKNOWN in traffic_types:
            # a flow log points at a VPC this input cannot name, or its traffic type is not known here
            return CheckResult.UNKNOWN
        if traffic_types:
            self.details.append(f"flow logs capture only {sorted(map(str, traffic_types))}")
        else:
            self.details.append("no aws_flow_log points at this VPC")
        return CheckResult.FAILED


check = VpcHasFlowLogCapturingAllTraffic()
