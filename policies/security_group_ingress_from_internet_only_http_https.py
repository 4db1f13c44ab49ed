"""CKV_C04_030: ingress from the whole internet (0.0.0.0/0, ::/0) is allowed only on TCP 80 and 443.

FSBP EC2.18 (unrestricted ingress only on authorised ports) and EC2.19 (no unrestricted high-risk ports).
Which group may carry such ingress at all (the ALB group) is a relation between a rule and its group:
that half is CKV_C04_031.
"""

from __future__ import annotations

import ipaddress
import re
from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

ALLOWED_TCP_PORTS = {80, 443}
TCP_PROTOCOLS = {"tcp", "6"}
NETWORK_CIDR_REFERENCE = re.compile(
    r"^(\$\{)?(data\.)?(aws_vpc|aws_default_vpc|aws_subnet|aws_default_subnet)\.[\w-]+(\[[^\]]*\])?\.(ipv6_)?cidr_block\}?$"
)
# A value checkov left as source text (HCL), including a dynamic block's iterator (ingress.value), or the
# reference Terraform could not resolve before apply (plan).
UNRESOLVED = re.compile(
    r"^(\$\{|(var|local|module|data|each|count|path|self)\.|[a-z][a-z0-9]*_[a-z0-9_]*\.[a-z_]"
    r"|[a-z_][a-z0-9_]*\.(value|key)\b|[a-z_][a-z0-9_]*\()|^true_after_unknown$"
)


def _unwrap(value: Any) -> Any:
    while isinstance(value, list) and len(value) == 1:
        value = value[0]
    return value


def _is_unresolved(value: Any) -> bool:
    return isinstance(value, str) and bool(UNRESOLVED.match(value.strip()))


def _flatten(value: Any) -> list[Any]:
    if isinstance(value, list):
        return [item for element in value for item in _flatten(element)]
    return [] if value is None else [value]


def _opens_to_internet(sources: list[Any]) -> bool | None:
    """True when a source is a /0 network, None when a source is not known here."""
    undecided = False
    for source in sources:
        if isinstance(source, str) and NETWORK_CIDR_REFERENCE.match(source.strip()):
            # a VPC's or subnet's own CIDR is at most a /16 (IPv6 /56): never the internet
            continue
        if _is_unresolved(source):
            undecided = True
            continue
        try:
            if ipaddress.ip_network(str(source).strip(), strict=False).prefixlen == 0:
                return True
        except ValueError:
            continue
    return None if undecided else False


def _port(value: Any) -> int | None:
    value = _unwrap(value)
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return None


def _only_http_or_https(protocol: Any, from_port: Any, to_port: Any) -> bool | None:
    """True for exactly TCP 80 or TCP 443, False for anything wider or other, None when not known here."""
    protocol = _unwrap(protocol)
    if protocol is None or _is_unresolved(protocol):
        return None
    if str(protocol).strip().lower() not in TCP_PROTOCOLS:
        # "-1"/"all" is every port; udp, icmp and the rest are not HTTP(S)
        return False
    low, high = _port(from_port), _port(to_port)
    if low is None or high is None:
        return None
    return low == high and low in ALLOWED_TCP_PORTS


def _verdict(sources: list[Any], protocol: Any, from_port: Any, to_port: Any) -> CheckResult:
    internet = _opens_to_internet(sources)
    if internet is False:
        return CheckResult.PASSED
    ports_allowed = _only_http_or_https(protocol, from_port, to_port)
    if ports_allowed:
        return CheckResult.PASSED
    if internet is None or ports_allowed is None:
        return CheckResult.UNKNOWN
    return CheckResult.FAILED


class SecurityGroupIngressFromInternetOnlyHttpHttps(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="Security group ingress from 0.0.0.0/0 or ::/0 is limited to TCP ports 80 and 443",
            id="CKV_C04_030",
            categories=(CheckCategories.NETWORKING,),
            supported_resources=(
                "aws_security_group",
                "aws_security_group_rule",
                "aws_vpc_security_group_ingress_rule",
            ),
            guideline=(
                "Open ingress to 0.0.0.0/0 or ::/0 only as single-port TCP 80 or 443 rules (from_port = to_port); "
                "reach every other port from a CIDR you own, a prefix list or a source security group."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        if self.entity_type == "aws_security_group":
            return self._scan_inline_ingress(conf)
        if self.entity_type == "aws_security_group_rule":
            self.evaluated_keys = ["type", "protocol", "from_port", "to_port", "cidr_blocks", "ipv6_cidr_blocks"]
            rule_type = _unwrap(conf.get("type"))
            if rule_type == "egress":
                return CheckResult.PASSED
            verdict = _verdict(
                _flatten(conf.get("cidr_blocks")) + _flatten(conf.get("ipv6_cidr_blocks")),
                conf.get("protocol"),
                conf.get("from_port"),
                conf.get("to_port"),
            )
            if verdict == CheckResult.FAILED and rule_type != "ingress":
                return CheckResult.UNKNOWN
            return verdict
        self.evaluated_keys = ["ip_protocol", "from_port", "to_port", "cidr_ipv4", "cidr_ipv6"]
        return _verdict(
            _flatten(conf.get("cidr_ipv4")) + _flatten(conf.get("cidr_ipv6")),
            conf.get("ip_protocol"),
            conf.get("from_port"),
            conf.get("to_port"),
        )

    def _scan_inline_ingress(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["ingress"]
        # block syntax gives a list of dicts, attribute syntax (`ingress = [{...}]`) a list holding that list
        blocks = _flatten(conf.get("ingress"))
        if any(not isinstance(block, dict) for block in blocks):
            # `ingress = var.rules` or a `for` expression checkov could not render
            return CheckResult.UNKNOWN
        result = CheckResult.PASSED
        for index, block in enumerate(blocks):
            if not isinstance(block, dict):
                continue
            verdict = _verdict(
                _flatten(block.get("cidr_blocks")) + _flatten(block.get("ipv6_cidr_blocks")),
                block.get("protocol"),
                block.get("from_port"),
                block.get("to_port"),
            )
            if verdict == CheckResult.FAILED:
                self.evaluated_keys = [f"ingress/[{index}]"]
                return CheckResult.FAILED
            if verdict == CheckResult.UNKNOWN:
                result = CheckResult.UNKNOWN
        return result


check = SecurityGroupIngressFromInternetOnlyHttpHttps()
