"""CKV_C04_035: the VPC default security group allows no traffic (FSBP EC2.2).

aws_default_security_group must declare no ingress or egress (Terraform then strips AWS's default rules), and
no standalone rule may attach to a default group: a rule whose security_group_id comes from an
aws_default_security_group or from an aws_vpc (whose only security group attribute is
default_security_group_id) fails. Whether every VPC's default group is adopted at all is CKV_C04_036.
"""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import resource_view

INLINE_RULE_BLOCKS = ("ingress", "egress")
DEFAULT_GROUP_SOURCES = {"aws_default_security_group", "aws_vpc", "aws_default_vpc"}


def _flatten(value: Any) -> list[Any]:
    if isinstance(value, list):
        return [item for element in value for item in _flatten(element)]
    return [] if value is None else [value]


class DefaultSecurityGroupAllowsNoTraffic(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="VPC default security group has no rules and no rule attaches to it",
            id="CKV_C04_035",
            categories=(CheckCategories.NETWORKING,),
            supported_resources=(
                "aws_default_security_group",
                "aws_security_group_rule",
                "aws_vpc_security_group_ingress_rule",
                "aws_vpc_security_group_egress_rule",
            ),
            guideline=(
                "Declare aws_default_security_group { vpc_id = ... } without ingress or egress blocks and put "
                "every rule on a purpose-made aws_security_group, never on default_security_group_id."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        if self.entity_type == "aws_default_security_group":
            self.evaluated_keys = list(INLINE_RULE_BLOCKS)
            rules = [rule for name in INLINE_RULE_BLOCKS for rule in _flatten(conf.get(name))]
            if not rules:
                return CheckResult.PASSED
            if all(isinstance(rule, dict) for rule in rules):
                self.details.append(f"{len(rules)} inline rule(s) on the default security group")
                return CheckResult.FAILED
            # `ingress = var.rules` checkov could not render: it may be an empty list
            return CheckResult.UNKNOWN

        self.evaluated_keys = ["security_group_id"]
        groups = resource_view(self, conf).targets("security_group_id")
        if any(group.resource_type in DEFAULT_GROUP_SOURCES for group in groups):
            self.details.append("the rule attaches to a VPC default security group")
            return CheckResult.FAILED
        if not groups:
            # a literal sg-... id, or a value the input cannot follow: it may name a default group
            return CheckResult.UNKNOWN
        return CheckResult.PASSED


check = DefaultSecurityGroupAllowsNoTraffic()
