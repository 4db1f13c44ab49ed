"""CKV_C04_071: a WAFv2 web ACL has a logging configuration (FSBP WAF.11).

A relation (aws_wafv2_web_acl_logging_configuration.resource_arn -> aws_wafv2_web_acl), judged from the
resource views like the other relation checks so that the logging configuration may live in another module.
"""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from edge_semantics import live_attachments
from tf_resource_view import UNKNOWN, BlockView, any_true, resource_view


def _has_destination(configuration: BlockView) -> Any:
    destinations = configuration.string_list("log_destination_configs")
    if destinations is UNKNOWN:
        # a log group, bucket or stream of the configuration, or a value the input cannot tell
        return True if configuration.targets("log_destination_configs") else UNKNOWN
    return bool(destinations)


class Wafv2WebAclLoggingEnabled(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="WAFv2 web ACL has logging enabled",
            id="CKV_C04_071",
            categories=(CheckCategories.LOGGING,),
            supported_resources=("aws_wafv2_web_acl",),
            guideline=(
                "Add an aws_wafv2_web_acl_logging_configuration with resource_arn = <the web ACL>.arn and "
                "log_destination_configs = [a CloudWatch log group named aws-waf-logs-*, an S3 bucket or a "
                "Firehose stream]."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["arn"]
        configurations, undecided = live_attachments(
            resource_view(self, conf).attached("aws_wafv2_web_acl_logging_configuration", via="resource_arn")
        )
        verdict = any_true(_has_destination(c) for c in configurations)
        if verdict is True:
            return CheckResult.PASSED
        if undecided or verdict is UNKNOWN:
            return CheckResult.UNKNOWN
        self.details.append("no aws_wafv2_web_acl_logging_configuration points at this web ACL")
        return CheckResult.FAILED


check = Wafv2WebAclLoggingEnabled()
