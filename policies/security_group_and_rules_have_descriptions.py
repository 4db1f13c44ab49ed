"""CKV_C04_032: every security group and every one of its rules says what it is for.

Groups, inline ingress/egress blocks and standalone rules (legacy aws_security_group_rule and the current
aws_vpc_security_group_*_rule) need a non-empty description. A group without one gets the provider's
"Managed by Terraform", which says nothing: it counts as missing (and is what a plan shows for it).
"""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import is_unresolved_text

PROVIDER_DEFAULT_DESCRIPTION = "Managed by Terraform"
INLINE_RULE_BLOCKS = ("ingress", "egress")


def _flatten(value: Any) -> list[Any]:
    if isinstance(value, list):
        return [item for element in value for item in _flatten(element)]
    return [] if value is None else [value]


def _description_verdict(value: Any) -> CheckResult:
    values = _flatten(value)
    text = values[0] if len(values) == 1 else None
    if isinstance(text, str) and is_unresolved_text(text):
        return CheckResult.UNKNOWN
    if not isinstance(text, str) or not text.strip() or text.strip() == PROVIDER_DEFAULT_DESCRIPTION:
        return CheckResult.FAILED
    return CheckResult.PASSED


class SecurityGroupAndRulesHaveDescriptions(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="Security groups and their rules have a non-empty description",
            id="CKV_C04_032",
            categories=(CheckCategories.CONVENTION,),
            supported_resources=(
                "aws_security_group",
                "aws_security_group_rule",
                "aws_vpc_security_group_ingress_rule",
                "aws_vpc_security_group_egress_rule",
            ),
            guideline=(
                'Set description on the group (not the provider default "Managed by Terraform"), on every '
                "inline ingress/egress block and on every standalone rule, saying who may connect and why."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["description"]
        verdicts = [_description_verdict(conf.get("description"))]
        if verdicts[0] == CheckResult.FAILED:
            self.details.append("the resource has no description of its own")
        if self.entity_type == "aws_security_group":
            for block_name in INLINE_RULE_BLOCKS:
                blocks = _flatten(conf.get(block_name))
                if any(not isinstance(block, dict) for block in blocks):
                    # an expression checkov could not render into blocks
                    verdicts.append(CheckResult.UNKNOWN)
                    continue
                for index, block in enumerate(blocks):
                    verdict = _description_verdict(block.get("description"))
                    if verdict == CheckResult.FAILED:
                        self.evaluated_keys.append(f"{block_name}/[{index}]/description")
                        self.details.append(f"{block_name} block {index} has no description")
                    verdicts.append(verdict)
        if CheckResult.FAILED in verdicts:
            return CheckResult.FAILED
        return CheckResult.UNKNOWN if CheckResult.UNKNOWN in verdicts else CheckResult.PASSED


check = SecurityGroupAndRulesHaveDescriptions()
