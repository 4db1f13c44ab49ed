"""CKV_C04_068: no cache behaviour of a distribution lets viewers use plain HTTP (FSBP CloudFront.3)."""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import UNKNOWN, resource_view

HTTPS_POLICIES = ("https-only", "redirect-to-https")


class CloudfrontViewerProtocolRequiresHttps(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="CloudFront cache behaviours require HTTPS from viewers",
            id="CKV_C04_068",
            categories=(CheckCategories.ENCRYPTION,),
            supported_resources=("aws_cloudfront_distribution",),
            guideline=(
                'Set viewer_protocol_policy = "redirect-to-https" (or "https-only") in default_cache_behavior '
                "and in every ordered_cache_behavior; never allow-all."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["default_cache_behavior", "ordered_cache_behavior"]
        distribution = resource_view(self, conf)
        policies: list[Any] = []
        for name in ("default_cache_behavior", "ordered_cache_behavior"):
            behaviours = distribution.blocks(name)
            if behaviours is UNKNOWN:
                policies.append(UNKNOWN)
                continue
            policies += [b.value("viewer_protocol_policy") for b in behaviours]
        insecure = [p for p in policies if p is not UNKNOWN and p not in HTTPS_POLICIES]
        if insecure:
            self.details.append(f"viewer_protocol_policy {sorted(map(str, insecure))} lets viewers use HTTP")
            return CheckResult.FAILED
        return CheckResult.UNKNOWN if UNKNOWN in policies else CheckResult.PASSED


check = CloudfrontViewerProtocolRequiresHttps()
