"""The containers of an aws_batch_job_definition, for the CKV_C04 Batch checks (not a check itself).

A job definition describes its containers in one of four places, each read the same way in both tiers:
- container_properties (a JSON string: jsonencode(), a heredoc or a literal; checkov hands HCL the decoded
  object, a plan the string): one container, keys privileged, readonlyRootFilesystem, environment, jobRoleArn;
- node_properties (JSON): nodeRangeProperties[].container, same keys;
- ecs_properties (JSON): taskProperties[] with taskRoleArn and containers[];
- eks_properties (blocks): pod_properties with service_account_name and containers { security_context, env }.
Values are returned raw (a JSON value, None when absent); UNKNOWN when the input cannot tell.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from tf_resource_view import UNKNOWN, BlockView, is_unresolved_text


@dataclass(frozen=True)
class Container:
    where: str  # e.g. "container_properties", "ecs_properties.taskProperties[0].containers[1]"
    privileged: Any
    read_only_root_filesystem: Any
    environment: Any  # list of {"name": ..., "value": ...}, or UNKNOWN
    role: Any  # jobRoleArn, taskRoleArn or service_account_name


def _decoded(value: Any) -> Any:
    if value is None or value is UNKNOWN or isinstance(value, dict):
        return value
    if isinstance(value, str):
        if is_unresolved_text(value):
            return UNKNOWN
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return UNKNOWN
    return UNKNOWN


def _items(value: Any) -> Any:
    if value is None:
        return []
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list) and all(isinstance(item, dict) for item in value):
        return value
    return UNKNOWN


def _ecs_style(where: str, container: dict[str, Any], role: Any) -> Container:
    environment = _items(container.get("environment"))
    return Container(
        where=where,
        privileged=container.get("privileged"),
        read_only_root_filesystem=container.get("readonlyRootFilesystem"),
        environment=environment,
        role=role,
    )


def _from_ecs_properties(where: str, properties: dict[str, Any]) -> Any:
    tasks = _items(properties.get("taskProperties"))
    if tasks is UNKNOWN:
        return UNKNOWN
    found = []
    for task_index, task in enumerate(tasks):
        containers = _items(task.get("containers"))
        if containers is UNKNOWN:
            return UNKNOWN
        found += [
            _ecs_style(f"{where}.taskProperties[{task_index}].containers[{index}]", container, task.get("taskRoleArn"))
            for index, container in enumerate(containers)
        ]
    return found


def _from_eks_properties(view: BlockView) -> Any:
    found = []
    eks = view.blocks("eks_properties")
    if eks is UNKNOWN:
        return UNKNOWN
    for eks_block in eks:
        pods = eks_block.blocks("pod_properties")
        if pods is UNKNOWN:
            return UNKNOWN
        for pod in pods:
            containers = pod.blocks("containers")
            if containers is UNKNOWN:
                return UNKNOWN
            for index, container in enumerate(containers):
                contexts = container.blocks("security_context")
                env = container.blocks("env")
                if contexts is UNKNOWN or env is UNKNOWN:
                    return UNKNOWN
                context = contexts[0] if contexts else None
                found.append(
                    Container(
                        where=f"eks_properties.pod_properties.containers[{index}]",
                        privileged=context.value("privileged") if context else None,
                        read_only_root_filesystem=context.value("read_only_root_file_system") if context else None,
                        environment=[{"name": e.value("name"), "value": e.value("value")} for e in env],
                        role=pod.value("service_account_name"),
                    )
                )
    return found


def job_containers(view: BlockView) -> Any:
    """Every container the job definition runs, or UNKNOWN when a definition cannot be read here."""
    found: list[Container] = []
    container_properties = _decoded(view.value("container_properties"))
    if container_properties is UNKNOWN:
        return UNKNOWN
    if isinstance(container_properties, dict):
        found.append(_ecs_style("container_properties", container_properties, container_properties.get("jobRoleArn")))

    node_properties = _decoded(view.value("node_properties"))
    if node_properties is UNKNOWN:
        return UNKNOWN
    if isinstance(node_properties, dict):
        ranges = _items(node_properties.get("nodeRangeProperties"))
        if ranges is UNKNOWN:
            return UNKNOWN
        for index, node_range in enumerate(ranges):
            where = f"node_properties.nodeRangeProperties[{index}]"
            container = node_range.get("container")
            if isinstance(container, dict):
                found.append(_ecs_style(f"{where}.container", container, container.get("jobRoleArn")))
            ecs = node_range.get("ecsProperties")
            if isinstance(ecs, dict):
                from_ecs = _from_ecs_properties(f"{where}.ecsProperties", ecs)
                if from_ecs is UNKNOWN:
                    return UNKNOWN
                found += from_ecs

    ecs_properties = _decoded(view.value("ecs_properties"))
    if ecs_properties is UNKNOWN:
        return UNKNOWN
    if isinstance(ecs_properties, dict):
        from_ecs = _from_ecs_properties("ecs_properties", ecs_properties)
        if from_ecs is UNKNOWN:
            return UNKNOWN
        found += from_ecs

    from_eks = _from_eks_properties(view)
    if from_eks is UNKNOWN:
        return UNKNOWN
    return found + from_eks


def as_flag(value: Any) -> Any:
    """True/False for a JSON or HCL boolean (or its text), None when absent, UNKNOWN when unresolved."""
    if value is None or isinstance(value, bool) or value is UNKNOWN:
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return UNKNOWN
