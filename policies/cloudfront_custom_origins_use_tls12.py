"""CKV_C04_069: custom origins are reached over HTTPS only, with TLSv1.2 only (FSBP CloudFront.9, CloudFront.10)."""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import UNKNOWN, BlockView, all_true, check_result, resource_view

ALLOWED_ORIGIN_PROTOCOLS = frozenset({"TLSv1.2"})


def _custom_origin_secure(config: BlockView) -> tuple[Any, list[str]]:
    problems = []
    policy = config.value("origin_protocol_policy")
    if policy is not UNKNOWN and policy != "https-only":
        problems.append(f"origin_protocol_policy {policy}")
    protocols = config.string_list("origin_ssl_protocols")
    if protocols is not UNKNOWN and set(protocols) - ALLOWED_ORIGIN_PROTOCOLS:
        problems.append(f"origin_ssl_protocols {sorted(set(protocols) - ALLOWED_ORIGIN_PROTOCOLS)}")
    if problems:
        return False, problems
    return (UNKNOWN if UNKNOWN in (policy, protocols) else True), problems


class CloudfrontCustomOriginsUseTls12(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="CloudFront custom origins use HTTPS only with TLSv1.2",
            id="CKV_C04_069",
            categories=(CheckCategories.ENCRYPTION,),
            supported_resources=("aws_cloudfront_distribution",),
            guideline=(
                'Set custom_origin_config { origin_protocol_policy = "https-only" origin_ssl_protocols = '
                '["TLSv1.2"] } on every custom origin.'
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["origin"]
        origins = resource_view(self, conf).blocks("origin")
        if origins is UNKNOWN:
            return CheckResult.UNKNOWN
        verdicts = []
        for origin in origins:
            configs = origin.blocks("custom_origin_config")
            if configs is UNKNOWN:
                verdicts.append(UNKNOWN)
                continue
            for config in configs:
                verdict, problems = _custom_origin_secure(config)
                verdicts.append(verdict)
                self.details += [f"origin {origin.value('origin_id')}: {p}" for p in problems]
        return check_result(all_true(verdicts))


check = CloudfrontCustomOriginsUseTls12()
