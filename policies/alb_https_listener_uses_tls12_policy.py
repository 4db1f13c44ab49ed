"""CKV_C04_061: an HTTPS or TLS listener uses a TLS 1.2+ security policy from an allow-list (FSBP ELB.17).

The allow-list is the set of predefined ELB security policies that the AWS Elastic Load Balancing user guide
("Security policies for your Application Load Balancer" / "... Network Load Balancer") lists with TLS 1.2 as
the lowest protocol and only forward-secret AEAD ciphers: the TLS13 policies (1-2, 1-2-Res, 1-3, their FIPS
2023-04 and post-quantum 2025-09 variants) and the FS-1-2-Res policies. ELBSecurityPolicy-TLS13-1-2-2021-06
is the policy AWS recommends. Left out on purpose: policies that still offer TLS 1.0/1.1 (the API default
ELBSecurityPolicy-2016-08 among them) and TLS 1.2 policies with CBC or non-forward-secret ciphers
(ELBSecurityPolicy-TLS-1-2-2017-01, -TLS-1-2-Ext-2018-06, -FS-1-2-2019-08, -TLS13-1-2-Ext1/Ext2-2021-06).
"""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from edge_semantics import LISTENER_TYPES
from tf_resource_view import UNKNOWN, resource_view

ALLOWED_SSL_POLICIES = frozenset(
    {
        "ELBSecurityPolicy-TLS13-1-2-2021-06",
        "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
        "ELBSecurityPolicy-TLS13-1-3-2021-06",
        "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04",
        "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04",
        "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
        "ELBSecurityPolicy-TLS13-1-2-PQ-2025-09",
        "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
        "ELBSecurityPolicy-TLS13-1-3-PQ-2025-09",
        "ELBSecurityPolicy-TLS13-1-2-FIPS-PQ-2025-09",
        "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09",
        "ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09",
        "ELBSecurityPolicy-FS-1-2-Res-2019-08",
        "ELBSecurityPolicy-FS-1-2-Res-2020-10",
    }
)
ENCRYPTED_PROTOCOLS = ("HTTPS", "TLS")


class AlbHttpsListenerUsesTls12Policy(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="HTTPS/TLS listener uses a TLS 1.2+ security policy from the allow-list",
            id="CKV_C04_061",
            categories=(CheckCategories.ENCRYPTION,),
            supported_resources=LISTENER_TYPES,
            guideline=(
                'Set ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06" (or another TLS 1.2+ policy of the '
                "allow-list in policies/alb_https_listener_uses_tls12_policy.py); leaving it unset gets the API "
                "default ELBSecurityPolicy-2016-08, which accepts TLS 1.0."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["protocol", "ssl_policy"]
        listener = resource_view(self, conf)
        ssl_policy = listener.value("ssl_policy")
        if ssl_policy in ALLOWED_SSL_POLICIES:
            return CheckResult.PASSED
        protocol = listener.value("protocol")
        if protocol is not UNKNOWN and protocol not in ENCRYPTED_PROTOCOLS:
            return CheckResult.PASSED
        if ssl_policy is UNKNOWN or protocol is UNKNOWN:
            return CheckResult.UNKNOWN
        self.details.append(f"ssl_policy {ssl_policy or 'unset (ELBSecurityPolicy-2016-08)'} is not allowed")
        return CheckResult.FAILED


check = AlbHttpsListenerUsesTls12Policy()
