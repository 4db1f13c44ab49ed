"""CKV_C04_072: a WAFv2 web ACL and each of its rules publish CloudWatch metrics (FSBP WAF.12)."""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import UNKNOWN, BlockView, all_true, as_bool, check_result, resource_view


def _metrics_enabled(block: BlockView) -> Any:
    configs = block.blocks("visibility_config")
    if configs is UNKNOWN:
        return UNKNOWN
    return as_bool(configs[0].value("cloudwatch_metrics_enabled")) if configs else False


class Wafv2WebAclMetricsEnabled(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="WAFv2 web ACL and its rules have CloudWatch metrics enabled",
            id="CKV_C04_072",
            categories=(CheckCategories.LOGGING,),
            supported_resources=("aws_wafv2_web_acl",),
            guideline=("Set visibility_config { cloudwatch_metrics_enabled = true } on the web ACL and on every rule."),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["visibility_config", "rule"]
        web_acl = resource_view(self, conf)
        rules = web_acl.blocks("rule")
        verdicts = [_metrics_enabled(web_acl)]
        verdicts += [UNKNOWN] if rules is UNKNOWN else [_metrics_enabled(rule) for rule in rules]
        verdict = all_true(verdicts)
        if verdict is False:
            self.details.append("cloudwatch_metrics_enabled is not true on the web ACL or on a rule")
        return check_result(verdict)


check = Wafv2WebAclMetricsEnabled()
