"""CKV_C04_026: an RDS cluster uses a cluster parameter group, managed alongside it, that forces TLS.

The parameter group is another resource, found through checkov's graph (``self.graph``): the edge from
``db_cluster_parameter_group_name`` to the group (also through module inputs), or a group whose literal
name the cluster names.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.common.util.var_utils import is_terraform_variable_dependent
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

GROUP_TYPE = "aws_rds_cluster_parameter_group"
GROUP_LINK_LABELS = {"db_cluster_parameter_group_name", "[cross-variable] db_cluster_parameter_group_name"}
# family prefix -> (parameter, values that force TLS)
TLS_PARAMETERS = {
    "aurora-postgresql": ("rds.force_ssl", {"1"}),
    "postgres": ("rds.force_ssl", {"1"}),
    "aurora-mysql": ("require_secure_transport", {"1", "on"}),
    "mysql": ("require_secure_transport", {"1", "on"}),
}


def _unwrap(value: Any) -> Any:
    return value[0] if isinstance(value, list) and len(value) == 1 else value


def _text(value: Any) -> Any:
    value = _unwrap(value)
    return str(value).lower() if isinstance(value, (str, int)) and not isinstance(value, bool) else value


def _nodes(graph: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    if hasattr(graph, "node_indices"):  # rustworkx: the payload is (index, attributes)
        for index in graph.node_indices():
            yield graph[index]
    else:  # networkx
        yield from graph.nodes(data=True)


def _out_edges(graph: Any, index: int) -> list[tuple[int, int, dict[str, Any]]]:
    if hasattr(graph, "node_indices"):
        return list(graph.out_edges(index))
    return list(graph.out_edges(index, data=True))


def _root(attrs: dict[str, Any], plan_input: bool) -> str:
    """What a scan of several roots at once (or of several plan files) shares one graph across."""
    if plan_input:
        return attrs.get("file_path_", "")
    module, caller = attrs.get("source_module_object_"), attrs.get("file_path_", "")
    while module is not None:
        caller, module = module.path, module.nested_tf_module
    return os.path.dirname(caller)


def _group_conf(attrs: dict[str, Any]) -> dict[str, Any]:
    """The group's configuration in the shape checkov hands to checks (list-wrapped values)."""
    by_name = attrs.get("config_", {}).get(GROUP_TYPE, {})
    return next(iter(by_name.values()), {}) if by_name else {}


def _forces_tls(group: dict[str, Any], details: list[str]) -> CheckResult:
    family = _unwrap(group.get("family"))
    wanted = next(
        (tls for prefix, tls in TLS_PARAMETERS.items() if isinstance(family, str) and family.startswith(prefix)),
        None,
    )
    if wanted is None:
        return CheckResult.UNKNOWN
    name, values = wanted
    undecided = "dynamic" in group
    for parameter in group.get("parameter") or []:
        if parameter == []:
            continue  # a plan's empty parameter set arrives as [[]]
        if not isinstance(parameter, dict):
            undecided = True
            continue
        parameter_name, value = _text(parameter.get("name")), _text(parameter.get("value"))
        if parameter_name != name:
            # a name checkov could not render may still be the TLS switch
            undecided = (
                undecided or not isinstance(parameter_name, str) or is_terraform_variable_dependent(parameter_name)
            )
            continue
        if is_terraform_variable_dependent(value):
            undecided = True
        elif value in values:
            return CheckResult.PASSED
        else:
            details.append(f"the parameter group sets {name} = {value}")
            return CheckResult.FAILED
    if undecided:
        return CheckResult.UNKNOWN
    details.append(f"the parameter group does not set {name}: the engine default does not force TLS")
    return CheckResult.FAILED


class AuroraClusterUsesTlsParameterGroup(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="RDS cluster uses a cluster parameter group that forces TLS",
            id="CKV_C04_026",
            categories=(CheckCategories.ENCRYPTION,),
            supported_resources=("aws_rds_cluster",),
            guideline=(
                "Create an aws_rds_cluster_parameter_group that forces TLS (rds.force_ssl = 1, or "
                "require_secure_transport = ON for MySQL) next to the cluster and set "
                "db_cluster_parameter_group_name to its name; default.* groups do not force TLS."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["db_cluster_parameter_group_name"]
        plan_input = "__change_actions__" in conf
        if "db_cluster_parameter_group_name" not in conf:
            # HCL: the engine's default group. Plan: computed, so absent means not known before apply
            if plan_input:
                return CheckResult.UNKNOWN
            self.details.append("db_cluster_parameter_group_name is not set: the default group is used")
            return CheckResult.FAILED
        group_name = _unwrap(conf["db_cluster_parameter_group_name"])
        if not isinstance(group_name, str) or not group_name or group_name.startswith("default."):
            self.details.append("the cluster uses a default parameter group")
            return CheckResult.FAILED
        if self.graph is None:
            return CheckResult.UNKNOWN
        nodes = dict(_nodes(self.graph))
        cluster_index = self._own_node(nodes, conf, plan_input)
        if cluster_index is None:
            return CheckResult.UNKNOWN
        groups = [
            nodes[target]
            for _, target, data in _out_edges(self.graph, cluster_index)
            if data.get("label") in GROUP_LINK_LABELS and nodes.get(target, {}).get("resource_type") == GROUP_TYPE
        ]
        if not groups and is_terraform_variable_dependent(group_name):
            return CheckResult.UNKNOWN
        if not groups:
            cluster_root = _root(nodes[cluster_index], plan_input)
            groups = [
                attrs
                for attrs in nodes.values()
                if attrs.get("resource_type") == GROUP_TYPE
                and attrs.get("name") == group_name
                and _root(attrs, plan_input) == cluster_root
            ]
        if not groups:
            self.details.append(f"parameter group {group_name!r} is not managed in this configuration")
            return CheckResult.FAILED
        return _forces_tls(_group_conf(groups[0]), self.details)

    def _own_node(self, nodes: dict[int, dict[str, Any]], conf: dict[str, list[Any]], plan_input: bool) -> int | None:
        """The graph node of the cluster under scan: one graph holds every root (and plan file) scanned."""
        candidates = [
            index
            for index, attrs in nodes.items()
            if attrs.get("resource_type") == "aws_rds_cluster" and attrs.get("__address__") == conf.get("__address__")
        ]
        if len(candidates) > 1:
            plan_file = _unwrap(conf.get("__file__")) if plan_input else None
            scanned_file = self.entity_path.rsplit(":", 2)[0]
            candidates = [
                index
                for index in candidates
                if (
                    nodes[index].get("file_path_") == plan_file
                    if plan_file
                    else nodes[index].get("file_path_", "").endswith(scanned_file)
                )
            ]
        return candidates[0] if len(candidates) == 1 else None


check = AuroraClusterUsesTlsParameterGroup()
