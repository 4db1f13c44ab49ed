"""CKV_C04_042: every container of a Batch job definition runs with its own IAM role.

jobRoleArn (container_properties, node range containers), taskRoleArn (ecs_properties) or
service_account_name (eks_properties). Without it the job's AWS calls fall back to whatever the host offers.
"""

from __future__ import annotations

from typing import Any

from batch_job_containers import job_containers
from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import UNKNOWN, is_unresolved_text, resource_view

# Text that leaves a role possibly unset: an input variable or local checkov could not render.
MAYBE_NULL_PREFIXES = ("var.", "local.")


def _role_set(role: Any) -> Any:
    if role is UNKNOWN:
        return UNKNOWN
    if not isinstance(role, str) or not role.strip():
        return False
    if is_unresolved_text(role) and role.strip().startswith(MAYBE_NULL_PREFIXES):
        return UNKNOWN
    # a literal ARN, or a reference to a role (aws_iam_role.x.arn, module.x.role_arn): set
    return True


class BatchJobDefinitionHasJobRole(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="Batch job definition containers have a job role",
            id="CKV_C04_042",
            categories=(CheckCategories.IAM,),
            supported_resources=("aws_batch_job_definition",),
            guideline=(
                "Set jobRoleArn in container_properties (taskRoleArn in ecs_properties, service_account_name in "
                "eks_properties) to a role scoped to what the job needs."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["container_properties", "node_properties", "ecs_properties", "eks_properties"]
        containers = job_containers(resource_view(self, conf))
        if containers is UNKNOWN:
            return CheckResult.UNKNOWN
        if not containers:
            self.details.append("the job definition declares no container")
            return CheckResult.FAILED
        verdicts = [(container.where, _role_set(container.role)) for container in containers]
        without_role = [where for where, verdict in verdicts if verdict is False]
        if without_role:
            self.details.append(f"no job role: {', '.join(without_role)}")
            return CheckResult.FAILED
        if any(verdict is UNKNOWN for _, verdict in verdicts):
            return CheckResult.UNKNOWN
        return CheckResult.PASSED


check = BatchJobDefinitionHasJobRole()
