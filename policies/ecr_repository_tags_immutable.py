"""CKV_C04_014: ECR image tags are immutable (Security Hub ECR.2); the provider default is MUTABLE."""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import UNKNOWN, resource_view


class EcrRepositoryTagsImmutable(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="ECR repository image tags are immutable",
            id="CKV_C04_014",
            categories=(CheckCategories.SUPPLY_CHAIN,),
            supported_resources=("aws_ecr_repository",),
            guideline='Set image_tag_mutability = "IMMUTABLE" on the aws_ecr_repository (the default is MUTABLE).',
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        mutability = resource_view(self, conf).value("image_tag_mutability")
        if mutability is UNKNOWN:
            return CheckResult.UNKNOWN
        return CheckResult.PASSED if mutability == "IMMUTABLE" else CheckResult.FAILED


check = EcrRepositoryTagsImmutable()
