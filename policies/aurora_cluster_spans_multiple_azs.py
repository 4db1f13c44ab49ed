"""CKV_C04_004: an Aurora cluster runs at least two DB instances, and pinned AZs span at least two AZs.

The instance count is a relation between resources, so the check reads the graph checkov builds for the
whole scan (``self.graph``, set on every check by the resource registry). The same graph exists for HCL
and plan input: HCL nodes are the resources checkov could expand (``count``/``for_each`` it could
resolve), plan nodes are the expanded instances Terraform planned.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

AURORA_ENGINES = {"aurora-mysql", "aurora-postgresql"}
INSTANCE_TYPE = "aws_rds_cluster_instance"
CLUSTER_LINK_LABELS = {"cluster_identifier", "[cross-variable] cluster_identifier"}
# RDS identifiers are letters, digits and hyphens; anything else is an expression checkov left unrendered.
LITERAL_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9-]*$")
LITERAL_AZ = re.compile(r"^[a-z]{2}(-[a-z]+)+-\d+[a-z]$")
UNKNOWN_COUNT = -1


def _unwrap(value: Any) -> Any:
    return value[0] if isinstance(value, list) and len(value) == 1 else value


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


def _module_calls(attrs: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(calling file, module name) for every module between this node and its root module."""
    module = attrs.get("source_module_object_")
    while module is not None:
        yield module.path, module.name
        module = module.nested_tf_module


def _root(attrs: dict[str, Any], plan_input: bool) -> str:
    """What a scan of several roots at once (or of several plan files) shares one graph across."""
    if plan_input:
        return attrs.get("file_path_", "")
    calls = list(_module_calls(attrs))
    return os.path.dirname(calls[-1][0] if calls else attrs.get("file_path_", ""))


class AuroraClusterSpansMultipleAzs(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="Aurora cluster runs at least two DB instances spread over at least two AZs",
            id="CKV_C04_004",
            categories=(CheckCategories.BACKUP_AND_RECOVERY,),
            supported_resources=("aws_rds_cluster",),
            guideline=(
                "Give the cluster two or more aws_rds_cluster_instance resources (count, for_each or "
                "separate blocks) and do not pin them, or the cluster's availability_zones, to a single AZ."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["engine", "availability_zones"]
        engine = _unwrap(conf.get("engine"))
        if not isinstance(engine, str) or engine not in AURORA_ENGINES or self.graph is None:
            # not an Aurora cluster (or an engine checkov could not render): nothing this check can judge
            return CheckResult.UNKNOWN
        nodes = dict(_nodes(self.graph))
        plan_input = "__change_actions__" in conf
        cluster_index = self._own_node(nodes, conf, plan_input)
        if cluster_index is None:
            return CheckResult.UNKNOWN

        cluster_azs = self._pinned_cluster_azs(nodes, conf, cluster_index, plan_input)
        if cluster_azs is None:
            return CheckResult.UNKNOWN
        if cluster_azs and len(cluster_azs) < 2:
            self.details.append(f"availability_zones pins the cluster to {sorted(cluster_azs)}")
            return CheckResult.FAILED

        cluster_identifier = _unwrap(conf.get("cluster_identifier"))
        cluster_root = _root(nodes[cluster_index], plan_input)
        instance_count = 0
        instance_azs: set[str] = set()
        undecided = zone_undecided = False
        for index, attrs in nodes.items():
            if attrs.get("resource_type") != INSTANCE_TYPE:
                continue
            if _root(attrs, plan_input) != cluster_root:
                continue
            link = self._link(nodes, cluster_index, cluster_identifier, index, attrs)
            if link is None:
                undecided = True
                continue
            if not link:
                continue
            multiplicity = self._multiplicity(nodes, index, attrs, set(_module_calls(nodes[cluster_index])))
            if multiplicity == UNKNOWN_COUNT:
                self.details.append(f"the number of {attrs.get('__address__')} is not known before plan")
                return CheckResult.UNKNOWN
            instance_count += multiplicity
            zone = attrs.get("availability_zone")
            if multiplicity and isinstance(zone, str) and LITERAL_AZ.match(zone):
                instance_azs.add(zone)
            elif multiplicity and zone is not None and not plan_input:
                # an expression checkov could not render may pin the instance anywhere
                zone_undecided = True
            # in a plan, an AZ that is not a literal is known only after apply: RDS places the instance

        if instance_count < 2:
            if undecided:
                # some instance's cluster could not be resolved here; the plan tier attributes it
                return CheckResult.UNKNOWN
            self.details.append(f"{instance_count} DB instance(s) belong to the cluster")
            return CheckResult.FAILED
        if instance_azs and len(instance_azs) < 2 and not zone_undecided:
            self.details.append(f"the cluster's instances are pinned to {sorted(instance_azs)}")
            return CheckResult.FAILED
        return CheckResult.UNKNOWN if zone_undecided else CheckResult.PASSED

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

    def _pinned_cluster_azs(
        self, nodes: dict[int, dict[str, Any]], conf: dict[str, list[Any]], cluster_index: int, plan_input: bool
    ) -> set[str] | None:
        """The AZs the cluster pins (empty: not pinned), None when they cannot be known here."""
        if "availability_zones" not in conf:
            # HCL: not set. Plan: computed and not known before apply, so nothing is pinned by configuration
            return set()
        zones = _unwrap(conf["availability_zones"])
        if zones is None:
            return set()
        if not isinstance(zones, (list, set)):
            return None
        if not zones:
            # checkov renders a list variable that has no value as []: tell it from a literal []
            from_unset_variable = any(
                data.get("label", "").endswith("availability_zones")
                and nodes.get(target, {}).get("block_type_") == "variable"
                and "default" not in nodes[target]
                for _, target, data in _out_edges(self.graph, cluster_index)
            )
            return None if from_unset_variable and not plan_input else set()
        if not all(isinstance(zone, str) and LITERAL_AZ.match(zone) for zone in zones):
            return None
        return set(zones)

    def _link(
        self,
        nodes: dict[int, dict[str, Any]],
        cluster_index: int,
        cluster_identifier: Any,
        index: int,
        attrs: dict[str, Any],
    ) -> bool | None:
        """True when the instance belongs to the cluster, False when it belongs elsewhere, None if unknown."""
        targets = {
            target for _, target, data in _out_edges(self.graph, index) if data.get("label") in CLUSTER_LINK_LABELS
        }
        if cluster_index in targets:
            return True
        if any(nodes.get(target, {}).get("resource_type") == "aws_rds_cluster" for target in targets):
            return False
        value = attrs.get("cluster_identifier")
        if isinstance(value, str) and LITERAL_IDENTIFIER.match(value):
            return value == cluster_identifier
        return None

    def _multiplicity(
        self, nodes: dict[int, dict[str, Any]], index: int, attrs: dict[str, Any], cluster_calls: set[tuple[str, str]]
    ) -> int:
        """How many instances the node stands for; checkov keeps count/for_each it could not expand."""
        for module_file, module_name in _module_calls(attrs):
            if (module_file, module_name) in cluster_calls:
                continue  # a module that also repeats the cluster does not change its instance count
            module = next(
                (
                    module_attrs
                    for module_attrs in nodes.values()
                    if module_attrs.get("block_type_") == "module"
                    and module_attrs.get("block_name_") == module_name
                    and module_attrs.get("file_path_") == module_file
                ),
                {},
            )
            # a module count/for_each checkov could not resolve stays as its source text
            if isinstance(module.get("count"), str) or isinstance(module.get("for_each"), str):
                return UNKNOWN_COUNT
        if "count" in attrs:
            count = attrs["count"]
            return count if isinstance(count, int) and not isinstance(count, bool) else UNKNOWN_COUNT
        if "for_each" in attrs:
            # an expanded for_each leaves no for_each attribute: what remains is empty or unresolved
            referenced = any(data.get("label") == "for_each" for _, _, data in _out_edges(self.graph, index))
            return UNKNOWN_COUNT if referenced or attrs["for_each"] else 0
        return 1


check = AuroraClusterSpansMultipleAzs()
