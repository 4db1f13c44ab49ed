"""CKV_C04_052: the EKS control plane sends its api, audit and authenticator logs to CloudWatch Logs.

FSBP EKS.8 asks for audit logging; the platform also needs api (who called what) and authenticator (which IAM
principal became which Kubernetes user) to trace an incident. controllerManager and scheduler stay optional.
"""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import UNKNOWN, resource_view

REQUIRED_LOG_TYPES = ("api", "audit", "authenticator")


class EksClusterControlPlaneLoggingEnabled(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="EKS cluster logs the api, audit and authenticator control plane log types",
            id="CKV_C04_052",
            categories=(CheckCategories.LOGGING,),
            supported_resources=("aws_eks_cluster",),
            guideline='Set enabled_cluster_log_types to include "api", "audit" and "authenticator".',
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["enabled_cluster_log_types"]
        log_types = resource_view(self, conf).string_list("enabled_cluster_log_types")
        if log_types is UNKNOWN:
            return CheckResult.UNKNOWN
        missing = [log_type for log_type in REQUIRED_LOG_TYPES if log_type not in log_types]
        if missing:
            self.details.append(f"enabled_cluster_log_types lacks {missing}")
            return CheckResult.FAILED
        return CheckResult.PASSED


check = EksClusterControlPlaneLoggingEnabled()
