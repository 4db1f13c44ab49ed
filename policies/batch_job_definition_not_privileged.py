"""CKV_C04_039: no container of a Batch job definition runs privileged."""

from __future__ import annotations

from typing import Any

from batch_job_containers import as_flag, job_containers
from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import UNKNOWN, resource_view


class BatchJobDefinitionNotPrivileged(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="Batch job definition containers do not run privileged",
            id="CKV_C04_039",
            categories=(CheckCategories.GENERAL_SECURITY,),
            supported_resources=("aws_batch_job_definition",),
            guideline=(
                "Remove privileged (or set it to false) in container_properties, every node range container, "
                "ecs_properties containers and eks_properties security_context: a privileged container owns its host."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["container_properties", "node_properties", "ecs_properties", "eks_properties"]
        containers = job_containers(resource_view(self, conf))
        if containers is UNKNOWN:
            return CheckResult.UNKNOWN
        flags = [(container.where, as_flag(container.privileged)) for container in containers]
        privileged = [where for where, flag in flags if flag is True]
        if privileged:
            self.details.append(f"privileged: {', '.join(privileged)}")
            return CheckResult.FAILED
        if any(flag is UNKNOWN for _, flag in flags):
            return CheckResult.UNKNOWN
        return CheckResult.PASSED


check = BatchJobDefinitionNotPrivileged()
