"""CKV_C04_055: an EKS cluster grants Kubernetes access through EKS access entries only.

access_config.authentication_mode = "API": who may do what in the cluster is then IAM-governed and visible in
Terraform (aws_eks_access_entry / aws_eks_access_policy_association). CONFIG_MAP (the EKS default when
access_config is omitted) and API_AND_CONFIG_MAP also honour the aws-auth ConfigMap, which anyone with write
access to kube-system can edit outside Terraform.
"""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import UNKNOWN, resource_view


class EksClusterAccessUsesApiAuthentication(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name='EKS cluster authentication_mode is "API" (access entries, no aws-auth ConfigMap)',
            id="CKV_C04_055",
            categories=(CheckCategories.IAM,),
            supported_resources=("aws_eks_cluster",),
            guideline=(
                'Add access_config { authentication_mode = "API" } and grant access with aws_eks_access_entry and '
                "aws_eks_access_policy_association instead of the aws-auth ConfigMap."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["access_config/[0]/authentication_mode"]
        access_configs = resource_view(self, conf).blocks("access_config")
        if access_configs is UNKNOWN:
            return CheckResult.UNKNOWN
        mode = access_configs[0].value("authentication_mode") if access_configs else None
        if mode is UNKNOWN:
            return CheckResult.UNKNOWN
        if mode != "API":
            self.details.append(f"authentication_mode is {mode or 'unset (CONFIG_MAP)'}")
            return CheckResult.FAILED
        return CheckResult.PASSED


check = EksClusterAccessUsesApiAuthentication()
