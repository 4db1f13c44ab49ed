"""CKV_C04_038: a state machine sends X-Ray traces (tracing_configuration.enabled = true)."""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import UNKNOWN, as_bool, resource_view


class SfnStateMachineTracingEnabled(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="Step Functions state machine has X-Ray tracing enabled",
            id="CKV_C04_038",
            categories=(CheckCategories.LOGGING,),
            supported_resources=("aws_sfn_state_machine",),
            guideline="Add tracing_configuration { enabled = true } to the aws_sfn_state_machine.",
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["tracing_configuration/[0]/enabled"]
        blocks = resource_view(self, conf).blocks("tracing_configuration")
        if blocks is UNKNOWN:
            return CheckResult.UNKNOWN
        enabled = as_bool(blocks[0].value("enabled")) if blocks else False
        if enabled is UNKNOWN:
            return CheckResult.UNKNOWN
        if enabled is True:
            return CheckResult.PASSED
        self.details.append("tracing_configuration is absent or disabled")
        return CheckResult.FAILED


check = SfnStateMachineTracingEnabled()
