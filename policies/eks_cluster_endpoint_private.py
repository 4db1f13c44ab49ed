"""CKV_C04_050: the EKS API server endpoint is reachable privately and not from the whole internet.

vpc_config must set endpoint_private_access = true (nodes and tools in the VPC reach the API without leaving
it), and either endpoint_public_access = false, or a public endpoint limited by public_access_cidrs that do
not include 0.0.0.0/0 (or any other /0). EKS defaults are private off, public on, public_access_cidrs
["0.0.0.0/0"]: an omitted setting counts as its default. Stricter than nothing, looser than FSBP EKS.1, which
fails any public endpoint: a CIDR-restricted public endpoint is the platform's accepted exception for CI.
"""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import UNKNOWN, as_bool, resource_view


def _opens_to_everyone(cidr: str) -> bool:
    return cidr.strip().endswith("/0")


class EksClusterEndpointPrivate(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="EKS cluster endpoint is private, or public only for listed CIDRs",
            id="CKV_C04_050",
            categories=(CheckCategories.NETWORKING,),
            supported_resources=("aws_eks_cluster",),
            guideline=(
                "In vpc_config set endpoint_private_access = true and endpoint_public_access = false; if a public "
                "endpoint is needed, list the allowed public_access_cidrs (never 0.0.0.0/0)."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = [
            "vpc_config/[0]/endpoint_private_access",
            "vpc_config/[0]/endpoint_public_access",
            "vpc_config/[0]/public_access_cidrs",
        ]
        vpc_configs = resource_view(self, conf).blocks("vpc_config")
        if vpc_configs is UNKNOWN:
            return CheckResult.UNKNOWN
        if not vpc_configs:
            self.details.append("no vpc_config block")
            return CheckResult.FAILED
        vpc_config = vpc_configs[0]
        private = as_bool(vpc_config.value("endpoint_private_access"))
        public = as_bool(vpc_config.value("endpoint_public_access"))
        public = True if public is None else public
        if private is False or private is None:
            self.details.append("endpoint_private_access is not true")
            return CheckResult.FAILED
        if public is False:
            return CheckResult.UNKNOWN if private is UNKNOWN else CheckResult.PASSED
        cidrs = vpc_config.string_list("public_access_cidrs")
        if cidrs is not UNKNOWN and (not cidrs or any(_opens_to_everyone(c) for c in cidrs)):
            self.details.append("the public endpoint is open to 0.0.0.0/0 (public_access_cidrs unset or /0)")
            return CheckResult.FAILED
        if UNKNOWN in (private, public, cidrs):
            return CheckResult.UNKNOWN
        return CheckResult.PASSED


check = EksClusterEndpointPrivate()
