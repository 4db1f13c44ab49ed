"""CKV_C04_040: every container of a Batch job definition has a read-only root filesystem."""

from __future__ import annotations

from typing import Any

from batch_job_containers import as_flag, job_containers
from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import UNKNOWN, resource_view


class BatchJobDefinitionReadOnlyRootFilesystem(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="Batch job definition containers have a read-only root filesystem",
            id="CKV_C04_040",
            categories=(CheckCategories.GENERAL_SECURITY,),
            supported_resources=("aws_batch_job_definition",),
            guideline=(
                "Set readonlyRootFilesystem = true for every container (read_only_root_file_system in "
                "eks_properties); give scratch space through a volume mounted at /tmp."
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
        flags = [(container.where, as_flag(container.read_only_root_filesystem)) for container in containers]
        writable = [where for where, flag in flags if flag is False or flag is None]
        if writable:
            self.details.append(f"writable root filesystem: {', '.join(writable)}")
            return CheckResult.FAILED
        if any(flag is UNKNOWN for _, flag in flags):
            return CheckResult.UNKNOWN
        return CheckResult.PASSED


check = BatchJobDefinitionReadOnlyRootFilesystem()
