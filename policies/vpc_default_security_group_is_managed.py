"""CKV_C04_036: every VPC's default security group is adopted by an aws_default_security_group (FSBP EC2.2).

Left alone, a VPC's default group keeps AWS's rules (all traffic between members, all egress). Adopting it
with aws_default_security_group is what strips them; what the adopted group may hold is CKV_C04_035.
A relation, checked over the resource views so that it holds across module boundaries in both tiers.
"""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import UNKNOWN, resource_view


class VpcDefaultSecurityGroupIsManaged(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="VPC default security group is managed by an aws_default_security_group",
            id="CKV_C04_036",
            categories=(CheckCategories.NETWORKING,),
            supported_resources=("aws_vpc", "aws_default_vpc"),
            guideline=(
                'Add resource "aws_default_security_group" with vpc_id = <the VPC>.id and no ingress or egress '
                "blocks, next to the VPC (the network module does it for its own VPC)."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["id"]
        default_groups = resource_view(self, conf).attached("aws_default_security_group", via="vpc_id")
        counts = [group.value("count") for group in default_groups.views]
        if any(count != 0 and count is not UNKNOWN for count in counts):
            return CheckResult.PASSED
        if default_groups.undecided or UNKNOWN in counts:
            return CheckResult.UNKNOWN
        self.details.append("no aws_default_security_group adopts this VPC's default group")
        return CheckResult.FAILED


check = VpcDefaultSecurityGroupIsManaged()
