"""CKV_C04_027: an Aurora PostgreSQL cluster exports its postgresql log to CloudWatch Logs (FSBP RDS.37)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.common.util.var_utils import is_terraform_variable_dependent
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

POSTGRESQL_ENGINES = {"aurora-postgresql", "postgres"}


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


class AuroraPostgresqlClusterExportsPostgresqlLog(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="PostgreSQL RDS cluster exports the postgresql log to CloudWatch Logs",
            id="CKV_C04_027",
            categories=(CheckCategories.LOGGING,),
            supported_resources=("aws_rds_cluster",),
            guideline='Add "postgresql" to enabled_cloudwatch_logs_exports.',
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["engine", "enabled_cloudwatch_logs_exports"]
        if _unwrap(conf.get("engine")) not in POSTGRESQL_ENGINES:
            # MySQL engines export other logs; an engine checkov could not render cannot be judged either
            return CheckResult.UNKNOWN
        if "enabled_cloudwatch_logs_exports" not in conf:
            return CheckResult.UNKNOWN if "__change_actions__" in conf else CheckResult.FAILED
        exports = _unwrap(conf["enabled_cloudwatch_logs_exports"])
        if isinstance(exports, str):
            exports = [exports]
        if isinstance(exports, (list, set)) and "postgresql" in exports:
            return CheckResult.PASSED
        if exports == [] and self._from_variable_without_value(conf):
            return CheckResult.UNKNOWN
        if isinstance(exports, (list, set)) and any(is_terraform_variable_dependent(e) for e in exports):
            return CheckResult.UNKNOWN
        self.details.append("enabled_cloudwatch_logs_exports does not contain postgresql")
        return CheckResult.FAILED

    def _from_variable_without_value(self, conf: dict[str, list[Any]]) -> bool:
        """checkov renders a list variable that has no value as []: tell it from a literal []."""
        if self.graph is None or "__change_actions__" in conf:
            return False
        nodes = dict(_nodes(self.graph))
        scanned_file = self.entity_path.rsplit(":", 2)[0]
        for index, attrs in nodes.items():
            if attrs.get("__address__") != conf.get("__address__") or not attrs.get("file_path_", "").endswith(
                scanned_file
            ):
                continue
            for _, target, data in _out_edges(self.graph, index):
                variable = nodes.get(target, {})
                if (
                    data.get("label", "").endswith("enabled_cloudwatch_logs_exports")
                    and variable.get("block_type_") == "variable"
                    and "default" not in variable
                ):
                    return True
        return False


check = AuroraPostgresqlClusterExportsPostgresqlLog()
