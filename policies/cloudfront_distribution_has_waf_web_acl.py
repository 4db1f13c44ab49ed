"""CKV_C04_067: a distribution is protected by a WAF web ACL (FSBP CloudFront.6)."""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from edge_semantics import is_set
from tf_resource_view import check_result, resource_view


class CloudfrontDistributionHasWafWebAcl(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="CloudFront distribution is associated with a WAF web ACL",
            id="CKV_C04_067",
            categories=(CheckCategories.NETWORKING,),
            supported_resources=("aws_cloudfront_distribution",),
            guideline=(
                "Set web_acl_id = <an aws_wafv2_web_acl with scope CLOUDFRONT, created in us-east-1>.arn on "
                "the distribution."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["web_acl_id"]
        verdict = is_set(resource_view(self, conf), "web_acl_id")
        if verdict is False:
            self.details.append("web_acl_id is not set")
        return check_result(verdict)


check = CloudfrontDistributionHasWafWebAcl()
