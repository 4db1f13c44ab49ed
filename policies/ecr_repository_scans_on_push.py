"""CKV_C04_005: every ECR repository scans images on push (no image_scanning_configuration fails)."""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import UNKNOWN, any_true, as_bool, check_result, resource_view


class EcrRepositoryScansOnPush(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="ECR repository scans images on push",
            id="CKV_C04_005",
            categories=(CheckCategories.SUPPLY_CHAIN,),
            supported_resources=("aws_ecr_repository",),
            guideline="Add image_scanning_configuration { scan_on_push = true } to the aws_ecr_repository.",
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        scanning = resource_view(self, conf).blocks("image_scanning_configuration")
        if scanning is UNKNOWN:
            return CheckResult.UNKNOWN
        return check_result(any_true(as_bool(block.value("scan_on_push")) for block in scanning))


check = EcrRepositoryScansOnPush()
