"""CKV_C04_037: a state machine logs every execution event to CloudWatch Logs.

FSBP StepFunctions.1 only asks for logging at level ERROR or above; the platform requires level ALL (every
state transition is evidence when an execution is investigated) and a log destination.
"""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import UNKNOWN, resource_view

REQUIRED_LEVEL = "ALL"


class SfnStateMachineLogsAllEvents(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="Step Functions state machine logs at level ALL to a log destination",
            id="CKV_C04_037",
            categories=(CheckCategories.LOGGING,),
            supported_resources=("aws_sfn_state_machine",),
            guideline=(
                'Add logging_configuration { level = "ALL", log_destination = '
                '"${aws_cloudwatch_log_group.x.arn}:*" }; ERROR or FATAL drops the successful transitions.'
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["logging_configuration"]
        blocks = resource_view(self, conf).blocks("logging_configuration")
        if blocks is UNKNOWN:
            return CheckResult.UNKNOWN
        if not blocks:
            self.details.append("no logging_configuration: logging is OFF")
            return CheckResult.FAILED
        logging = blocks[0]
        level = logging.value("level")
        destination = logging.value("log_destination")
        if destination is UNKNOWN:
            # an ARN built from a log group this configuration creates is set, though known only after apply
            has_destination = True if logging.targets("log_destination") else UNKNOWN
        else:
            has_destination = destination not in (None, "")
        if (level is not UNKNOWN and level != REQUIRED_LEVEL) or has_destination is False:
            self.details.append(f"level is {level!r}, log_destination is {destination!r}")
            return CheckResult.FAILED
        if level is UNKNOWN or has_destination is UNKNOWN:
            return CheckResult.UNKNOWN
        return CheckResult.PASSED


check = SfnStateMachineLogsAllEvents()
