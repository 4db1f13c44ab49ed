"""CKV_C04_053: an EKS cluster pins a Kubernetes version that is in EKS standard support.

FSBP EKS.2. The allowed versions and their end-of-support dates are in eks_kubernetes_versions.yaml (with its
source and when to update it); the check does not read the clock, so a result changes only when that file
does. A cluster without `version` gets whatever EKS defaults to on the day it is created and is then never
upgraded by Terraform: it fails, the version must be chosen explicitly.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import UNKNOWN, resource_view

SUPPORTED_VERSIONS: frozenset[str] = frozenset(
    yaml.safe_load((Path(__file__).resolve().parent / "eks_kubernetes_versions.yaml").read_text(encoding="utf-8"))
)


class EksClusterKubernetesVersionSupported(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="EKS cluster runs a Kubernetes version in EKS standard support",
            id="CKV_C04_053",
            categories=(CheckCategories.GENERAL_SECURITY,),
            supported_resources=("aws_eks_cluster",),
            guideline=(
                "Set version to one of the versions listed in policies/eks_kubernetes_versions.yaml and upgrade "
                "the cluster before that version's end_of_standard_support."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["version"]
        version = resource_view(self, conf).value("version")
        if version is UNKNOWN:
            return CheckResult.UNKNOWN
        if version is None or version == "":
            self.details.append("version is not set")
            return CheckResult.FAILED
        if str(version).strip() not in SUPPORTED_VERSIONS:
            self.details.append(f"version {version} is not in standard support: {sorted(SUPPORTED_VERSIONS)}")
            return CheckResult.FAILED
        return CheckResult.PASSED


check = EksClusterKubernetesVersionSupported()
