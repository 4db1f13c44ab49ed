"""CKV_C04_015: every ECR repository has an aws_ecr_lifecycle_policy (Security Hub ECR.3).

The policy is matched through its repository argument: a reference (also through module outputs and
for_each over the repositories) or the repository's literal name.
"""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import resource_view


class EcrRepositoryHasLifecyclePolicy(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="ECR repository has a lifecycle policy",
            id="CKV_C04_015",
            categories=(CheckCategories.GENERAL_SECURITY,),
            supported_resources=("aws_ecr_repository",),
            guideline=(
                "Add an aws_ecr_lifecycle_policy with repository = the repository's name that expires "
                "untagged and old images."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        policies = resource_view(self, conf).attached("aws_ecr_lifecycle_policy", via="repository")
        if policies.views:
            return CheckResult.PASSED
        return CheckResult.UNKNOWN if policies.undecided else CheckResult.FAILED


check = EcrRepositoryHasLifecyclePolicy()
