"""CKV_C04_024: an RDS cluster's master username is set and is not an engine default (FSBP RDS.24)."""

from __future__ import annotations

import re
from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

# The names engines, tutorials and scanners try first.
DEFAULT_ADMIN_USERNAMES = {"postgres", "admin", "root", "rdsadmin"}
# What RDS accepts as a master username; anything else is an unrendered expression.
LITERAL_USERNAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


def _unwrap(value: Any) -> Any:
    return value[0] if isinstance(value, list) and len(value) == 1 else value


class AuroraClusterAdminUsernameNotDefault(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="RDS cluster master username is set and is not a default name",
            id="CKV_C04_024",
            categories=(CheckCategories.IAM,),
            supported_resources=("aws_rds_cluster",),
            guideline=(
                'Set master_username to a name of your own (e.g. "<project>_admin"), not '
                f"{', '.join(sorted(DEFAULT_ADMIN_USERNAMES))}."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["master_username"]
        if "master_username" not in conf:
            # HCL: not set. Plan: the attribute is computed, so absent means not known before apply
            if "__change_actions__" in conf:
                return CheckResult.UNKNOWN
            self.details.append("master_username is not set")
            return CheckResult.FAILED
        username = _unwrap(conf["master_username"])
        if not isinstance(username, str) or not username:
            self.details.append("master_username is not set")
            return CheckResult.FAILED
        if not LITERAL_USERNAME.match(username):
            # an expression checkov could not evaluate (var.x, lower(var.x), "${...}")
            return CheckResult.UNKNOWN
        if username.lower() in DEFAULT_ADMIN_USERNAMES:
            self.details.append(f"master_username is the default name {username!r}")
            return CheckResult.FAILED
        return CheckResult.PASSED


check = AuroraClusterAdminUsernameNotDefault()
