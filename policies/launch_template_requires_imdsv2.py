"""CKV_C04_058: every EC2 launch template requires IMDSv2 session tokens.

FSBP EC2.170 (and Autoscaling.3 for the groups launched from it): metadata_options.http_tokens = "required",
so that an SSRF in a workload cannot read the instance role's credentials with a plain GET. EKS node groups are
also judged through the template they launch from, by CKV_C04_054.
"""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from instance_metadata import requires_imdsv2
from tf_resource_view import check_result, resource_view


class LaunchTemplateRequiresImdsv2(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="Launch template requires IMDSv2 (metadata_options.http_tokens = required)",
            id="CKV_C04_058",
            categories=(CheckCategories.GENERAL_SECURITY,),
            supported_resources=("aws_launch_template",),
            guideline='Add metadata_options { http_tokens = "required" } (and http_put_response_hop_limit = 1 unless '
            "containers on the instance need the metadata service).",
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["metadata_options/[0]/http_tokens"]
        verdict = requires_imdsv2(resource_view(self, conf))
        if verdict is False:
            self.details.append('metadata_options.http_tokens is not "required"')
        return check_result(verdict)


check = LaunchTemplateRequiresImdsv2()
