"""CKV_C04_031: ingress from the whole internet (0.0.0.0/0, ::/0) exists only on the ALB security group.

FSBP EC2.18/EC2.19 with the platform's one exception: the load balancer's group. The ALB group is the
aws_security_group tagged Role = "alb" (key as written, value in any case, on the group or through the
provider's default_tags): a tag reads the same in HCL and in plan JSON, where names carry prefixes and
suffixes. The ports are CKV_C04_030's business.

A standalone rule is judged through the group its security_group_id refers to, across variables, module
inputs and outputs. That is a relation, yet a Python check over the resource views: checkov's YAML graph
solver reads the group's tags before it renders merge() through module inputs and loses connections that
cross module boundaries in plan JSON.
"""

from __future__ import annotations

import ipaddress
import re
from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import UNKNOWN, BlockView, is_unresolved_text, resource_view

ALB_ROLE_TAG = ("Role", "alb")
# Resources whose CIDR attributes are bounded by AWS (VPC /16../28, IPv6 /56 or /64): never 0.0.0.0/0 or ::/0,
# whether reached as a graph target or read as reference text.
NETWORK_CIDR_SOURCES = {"aws_vpc", "aws_default_vpc", "aws_subnet", "aws_default_subnet"}
NETWORK_CIDR_REFERENCE = re.compile(
    r"^(\$\{)?(data\.)?(aws_vpc|aws_default_vpc|aws_subnet|aws_default_subnet)\.[\w-]+(\[[^\]]*\])?\.(ipv6_)?cidr_block\}?$"
)
# A dynamic block's iterator checkov leaves as text (ingress.value.cidr_blocks).
DYNAMIC_ITERATOR = re.compile(r"^[a-z_][a-z0-9_]*\.(value|key)\b")
SOURCE_ATTRIBUTES = {
    "aws_security_group": ("cidr_blocks", "ipv6_cidr_blocks"),
    "aws_security_group_rule": ("cidr_blocks", "ipv6_cidr_blocks"),
    "aws_vpc_security_group_ingress_rule": ("cidr_ipv4", "cidr_ipv6"),
}


def _opens_to_internet(block: BlockView, attributes: tuple[str, ...]) -> Any:
    """True when a source is a /0 network, False when none is, UNKNOWN when a source is not known here."""
    undecided = False
    for attribute in attributes:
        value = block.value(attribute)
        if value is UNKNOWN:
            targets = block.targets(attribute)
            # a VPC's or subnet's own CIDR is at most a /16 (IPv6 /56): never the internet
            undecided = undecided or not targets or any(t.resource_type not in NETWORK_CIDR_SOURCES for t in targets)
            continue
        if value is None:
            continue
        for source in value if isinstance(value, list) else [value]:
            if isinstance(source, str) and NETWORK_CIDR_REFERENCE.match(source.strip()):
                continue
            if source is None or is_unresolved_text(source) or DYNAMIC_ITERATOR.match(str(source)):
                # None inside a plan list is an element known only after apply
                undecided = True
                continue
            try:
                if ipaddress.ip_network(str(source).strip(), strict=False).prefixlen == 0:
                    return True
            except ValueError:
                continue
    return UNKNOWN if undecided else False


def _flatten(value: Any) -> list[Any]:
    if isinstance(value, list):
        return [item for element in value for item in _flatten(element)]
    return [] if value is None else [value]


class _RawBlock(BlockView):
    """An inline block as checkov hands it over (HCL: values list-wrapped; plan: unknowns as reference text)."""

    def __init__(self, conf: dict[str, Any]) -> None:
        self._conf = conf

    def value(self, name: str) -> Any:
        return _flatten(self._conf.get(name))

    def targets(self, name: str) -> list[Any]:
        return []


def _is_alb_group(role: Any) -> Any:
    if role is UNKNOWN:
        return UNKNOWN
    return isinstance(role, str) and role.strip().lower() == ALB_ROLE_TAG[1]


class SecurityGroupInternetIngressOnlyOnAlbGroup(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="Ingress from 0.0.0.0/0 or ::/0 exists only on the ALB security group (tag Role = alb)",
            id="CKV_C04_031",
            categories=(CheckCategories.NETWORKING,),
            supported_resources=tuple(SOURCE_ATTRIBUTES),
            guideline=(
                "Internet ingress belongs on the load balancer's group only: tag that aws_security_group "
                'Role = "alb" and attach the 0.0.0.0/0 / ::/0 rules to it; every other group admits sources '
                "it owns (the ALB group, a VPC CIDR, a prefix list)."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        view = resource_view(self, conf)
        sources = SOURCE_ATTRIBUTES[self.entity_type]
        if self.entity_type == "aws_security_group":
            self.evaluated_keys = ["ingress", "tags"]
            internet = self._inline_ingress_opens_to_internet(view, conf)
            return self._verdict(internet, _is_alb_group(view.tag(ALB_ROLE_TAG[0])))

        self.evaluated_keys = ["security_group_id", *sources]
        if self.entity_type == "aws_security_group_rule":
            self.evaluated_keys.append("type")
            rule_type = view.value("type")
            if rule_type == "egress":
                return CheckResult.PASSED
            if rule_type is UNKNOWN:
                return CheckResult.UNKNOWN
        return self._verdict(_opens_to_internet(view, sources), self._rule_on_alb_group(view))

    @staticmethod
    def _inline_ingress_opens_to_internet(view: Any, conf: dict[str, list[Any]]) -> Any:
        # raw configuration, not view.blocks(): attribute syntax (`ingress = [{...}]`) arrives as a list of dicts
        blocks = _flatten(conf.get("ingress"))
        if any(not isinstance(block, dict) for block in blocks):
            return UNKNOWN
        verdicts = [_opens_to_internet(_RawBlock(block), SOURCE_ATTRIBUTES["aws_security_group"]) for block in blocks]
        if True in verdicts:
            return True
        return UNKNOWN if any(v is UNKNOWN for v in verdicts) else False

    def _rule_on_alb_group(self, view: Any) -> Any:
        groups = view.targets("security_group_id")
        if not groups:
            # a literal sg-... id or a value the input cannot follow to a group
            return UNKNOWN
        verdicts = []
        for group in groups:
            if group.resource_type != "aws_security_group":
                # the default group or a data source: not the tagged ALB group of this configuration
                self.details.append(f"the rule attaches to a {group.resource_type}")
                return False
            verdicts.append(_is_alb_group(group.view.tag(ALB_ROLE_TAG[0])))
        if False in verdicts:
            return False
        return UNKNOWN if any(v is UNKNOWN for v in verdicts) else True

    def _verdict(self, internet: Any, on_alb_group: Any) -> CheckResult:
        if internet is False or on_alb_group is True:
            return CheckResult.PASSED
        if internet is UNKNOWN or on_alb_group is UNKNOWN:
            return CheckResult.UNKNOWN
        self.details.append("0.0.0.0/0 or ::/0 ingress on a group not tagged Role = alb")
        return CheckResult.FAILED


check = SecurityGroupInternetIngressOnlyOnAlbGroup()
