"""CKV_C04_063: an internet-facing application load balancer is associated with a WAFv2 web ACL (ELB.16).

A relation (aws_wafv2_web_acl_association.resource_arn -> aws_lb), judged from the resource views like the
other relation checks, so that the association may sit in another module than the load balancer. UNKNOWN
when the input cannot tell whether the load balancer is internal, or an association points at something
it cannot resolve.
"""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from edge_semantics import LOAD_BALANCER_TYPES, is_internet_facing, live_attachments, load_balancer_type
from tf_resource_view import UNKNOWN, resource_view


class AlbInternetFacingHasWafWebAcl(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="Internet-facing application load balancer is associated with a WAFv2 web ACL",
            id="CKV_C04_063",
            categories=(CheckCategories.NETWORKING,),
            supported_resources=LOAD_BALANCER_TYPES,
            guideline=(
                "Add an aws_wafv2_web_acl_association with resource_arn = <the load balancer>.arn and "
                "web_acl_arn = a REGIONAL aws_wafv2_web_acl, or make the load balancer internal."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["internal", "load_balancer_type"]
        balancer = resource_view(self, conf)
        balancer_type = load_balancer_type(balancer)
        internet_facing = is_internet_facing(balancer)
        if balancer_type not in ("application", UNKNOWN) or internet_facing is False:
            return CheckResult.PASSED
        associations, undecided = live_attachments(
            balancer.attached("aws_wafv2_web_acl_association", via="resource_arn")
        )
        if associations:
            return CheckResult.PASSED
        if undecided or internet_facing is UNKNOWN or balancer_type is UNKNOWN:
            return CheckResult.UNKNOWN
        self.details.append("no aws_wafv2_web_acl_association points at this internet-facing load balancer")
        return CheckResult.FAILED


check = AlbInternetFacingHasWafWebAcl()
