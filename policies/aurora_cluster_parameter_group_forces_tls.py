"""CKV_C04_025: an RDS cluster parameter group forces TLS on client connections."""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.common.util.var_utils import is_terraform_variable_dependent
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

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


class AuroraClusterParameterGroupForcesTls(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="RDS cluster parameter group forces TLS connections",
            id="CKV_C04_025",
            categories=(CheckCategories.ENCRYPTION,),
            supported_resources=("aws_rds_cluster_parameter_group",),
            guideline=(
                'Add parameter { name = "rds.force_ssl", value = "1" } (PostgreSQL families) or '
                '{ name = "require_secure_transport", value = "ON" } (MySQL families).'
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["family", "parameter"]
        # dynamic parameter blocks stay unrendered in HCL (UNKNOWN): the plan shows the expanded parameters
        return _forces_tls(conf, self.details)


check = AuroraClusterParameterGroupForcesTls()
