"""CKV_C04_070: a WAFv2 web ACL blocks with an AWS managed rule group and a rate-based rule.

A rule counts only when it enforces: an AWS managed rule group (vendor_name "AWS") with override_action
none (count only observes), and a rate-based rule whose action is block, captcha or challenge. The default
action may be allow. Rules come from the rule blocks or from rule_json.
"""

from __future__ import annotations

import json
from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import UNKNOWN, BlockView, all_true, any_true, check_result, resource_view

ENFORCING_ACTIONS = ("block", "captcha", "challenge")


def _has_block(block: BlockView, names: tuple[str, ...]) -> Any:
    found = [block.blocks(name) for name in names]
    return any_true(UNKNOWN if f is UNKNOWN else bool(f) for f in found)


def _first(block: BlockView, name: str) -> Any:
    blocks = block.blocks(name)
    if blocks is UNKNOWN:
        return UNKNOWN
    return blocks[0] if blocks else None


def _kinds_of_rule_block(rule: BlockView) -> dict[str, Any]:
    statement = _first(rule, "statement")
    if statement is UNKNOWN:
        return {"managed": UNKNOWN, "rate": UNKNOWN}
    if statement is None:
        return {"managed": False, "rate": False}
    managed_statement = _first(statement, "managed_rule_group_statement")
    managed: Any = False
    if managed_statement is UNKNOWN:
        managed = UNKNOWN
    elif managed_statement is not None:
        vendor = managed_statement.value("vendor_name")
        override = _first(rule, "override_action")
        not_counting = UNKNOWN if override is UNKNOWN else (override is not None and _has_block(override, ("none",)))
        managed = all_true([UNKNOWN if vendor is UNKNOWN else vendor == "AWS", not_counting])
    rate_statement = _first(statement, "rate_based_statement")
    rate: Any = False
    if rate_statement is UNKNOWN:
        rate = UNKNOWN
    elif rate_statement is not None:
        action = _first(rule, "action")
        rate = UNKNOWN if action is UNKNOWN else (action is not None and _has_block(action, ENFORCING_ACTIONS))
    return {"managed": managed, "rate": rate}


def _kinds_of_rule_json(rule: dict[str, Any]) -> dict[str, Any]:
    statement = rule.get("Statement") or {}
    managed_statement = statement.get("ManagedRuleGroupStatement")
    override = rule.get("OverrideAction") or {}
    action = rule.get("Action") or {}
    return {
        "managed": bool(managed_statement) and managed_statement.get("VendorName") == "AWS" and "None" in override,
        "rate": "RateBasedStatement" in statement and any(a.capitalize() in action for a in ENFORCING_ACTIONS),
    }


def rule_kinds(web_acl: BlockView) -> Any:
    """Per kind ("managed", "rate"), whether each rule enforces that kind; UNKNOWN if the rules are unreadable."""
    kinds: dict[str, list[Any]] = {"managed": [], "rate": []}
    rule_json = web_acl.value("rule_json")
    if rule_json is UNKNOWN:
        return UNKNOWN
    rules: Any = rule_json or []
    if isinstance(rules, str):
        try:
            rules = json.loads(rules)
        except json.JSONDecodeError:
            return UNKNOWN
    # HCL renders jsonencode() of a literal into the structure itself
    for rule in rules if isinstance(rules, list) else [rules]:
        if isinstance(rule, dict):
            for kind, verdict in _kinds_of_rule_json(rule).items():
                kinds[kind].append(verdict)
    rule_blocks = web_acl.blocks("rule")
    if rule_blocks is UNKNOWN:
        return UNKNOWN
    for rule in rule_blocks:
        for kind, verdict in _kinds_of_rule_block(rule).items():
            kinds[kind].append(verdict)
    return kinds


class Wafv2WebAclHasManagedAndRateRules(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="WAFv2 web ACL enforces an AWS managed rule group and a rate-based rule",
            id="CKV_C04_070",
            categories=(CheckCategories.NETWORKING,),
            supported_resources=("aws_wafv2_web_acl",),
            guideline=(
                'Add a rule with statement { managed_rule_group_statement { vendor_name = "AWS" name = '
                '"AWSManagedRulesCommonRuleSet" } } and override_action { none {} }, and a rule with statement '
                "{ rate_based_statement { limit = ... } } and action { block {} }."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["rule", "rule_json"]
        kinds = rule_kinds(resource_view(self, conf))
        if kinds is UNKNOWN:
            return CheckResult.UNKNOWN
        managed, rate = any_true(kinds["managed"]), any_true(kinds["rate"])
        if managed is False:
            self.details.append("no enforcing AWS managed rule group (vendor AWS, override_action none)")
        if rate is False:
            self.details.append("no enforcing rate-based rule (action block, captcha or challenge)")
        return check_result(all_true([managed, rate]))


check = Wafv2WebAclHasManagedAndRateRules()
