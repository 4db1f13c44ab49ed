"""CKV_C04_023: RDS manages the cluster's master password in Secrets Manager; no password in configuration."""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

MAYBE_NULL_REFERENCES = ("var.", "local.", "module.")


def _unwrap(value: Any) -> Any:
    return value[0] if isinstance(value, list) and len(value) == 1 else value


class AuroraClusterMasterPasswordManagedBySecretsManager(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="RDS cluster master password is managed by RDS in Secrets Manager, not set in configuration",
            id="CKV_C04_023",
            categories=(CheckCategories.SECRETS,),
            supported_resources=("aws_rds_cluster",),
            guideline=(
                "Set manage_master_user_password = true (optionally master_user_secret_kms_key_id) and "
                "remove master_password: a password in configuration is stored in plain text in the state."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["manage_master_user_password", "master_password"]
        plan_input = "__change_actions__" in conf
        password = _unwrap(conf.get("master_password"))
        # a literal or another resource's attribute (random_password...): stored in plain text in the state.
        # An unrendered variable may be null; manage_master_user_password decides then.
        if password not in (None, "") and not (
            not plan_input and isinstance(password, str) and password.startswith(MAYBE_NULL_REFERENCES)
        ):
            self.details.append("master_password is set in configuration")
            return CheckResult.FAILED
        if "manage_master_user_password" not in conf:
            return CheckResult.UNKNOWN if plan_input else CheckResult.FAILED
        managed = _unwrap(conf["manage_master_user_password"])
        if isinstance(managed, str) and managed.lower() in ("true", "false"):
            managed = managed.lower() == "true"
        if managed is True:
            # the provider rejects master_password next to it, so an unrendered password variable is null
            return CheckResult.PASSED
        if managed not in (None, False):
            # an expression checkov could not evaluate
            return CheckResult.UNKNOWN
        self.details.append("manage_master_user_password is not true")
        return CheckResult.FAILED


check = AuroraClusterMasterPasswordManagedBySecretsManager()
