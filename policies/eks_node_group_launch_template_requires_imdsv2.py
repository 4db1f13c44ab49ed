"""CKV_C04_054: every EKS managed node group launches from a launch template that requires IMDSv2.

Judged on the aws_eks_node_group, not on the template alone (CKV_C04_058 does that): a node group without a
launch_template block runs on the template EKS generates, whose metadata settings the configuration neither
shows nor controls, so it fails; one whose launch_template points at an aws_launch_template of the
configuration (by id or name) gets that template's verdict. A template the configuration does not manage
(a literal id or name, a data source) cannot be judged here: UNKNOWN.
"""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from instance_metadata import requires_imdsv2
from tf_resource_view import UNKNOWN, all_true, check_result, resource_view


class EksNodeGroupLaunchTemplateRequiresImdsv2(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="EKS node group launches from a launch template that requires IMDSv2",
            id="CKV_C04_054",
            categories=(CheckCategories.GENERAL_SECURITY,),
            supported_resources=("aws_eks_node_group",),
            guideline=(
                'Create an aws_launch_template with metadata_options { http_tokens = "required" '
                "http_put_response_hop_limit = 1 } and set the node group's launch_template { id, version } to it."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["launch_template"]
        launch_templates = resource_view(self, conf).blocks("launch_template")
        if launch_templates is UNKNOWN:
            return CheckResult.UNKNOWN
        if not launch_templates:
            self.details.append("no launch_template block: the EKS-generated template does not require IMDSv2")
            return CheckResult.FAILED
        reference = launch_templates[0]
        templates = {
            target.view.address: target.view
            for attribute in ("id", "name")
            for target in reference.targets(attribute)
            if target.mode == "managed" and target.resource_type == "aws_launch_template"
        }
        if not templates:
            return CheckResult.UNKNOWN
        verdict = all_true(requires_imdsv2(template) for template in templates.values())
        if verdict is False:
            self.details.append(f'{sorted(templates)} does not set metadata_options.http_tokens = "required"')
        return check_result(verdict)


check = EksNodeGroupLaunchTemplateRequiresImdsv2()
