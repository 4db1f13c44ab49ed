"""CKV_C04_020: cluster storage is encrypted with a customer-managed KMS key (FSBP RDS.27, plus the CMK)."""

from __future__ import annotations

import re
from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

AWS_MANAGED_KEY = "alias/aws/rds"
# A reference to a key this configuration creates is a customer-managed key by construction.
CUSTOMER_KEY_RESOURCES = ("aws_kms_key.", "aws_kms_replica_key.", "aws_kms_external_key.")
# A key ARN, alias ARN, alias name or key id written out; anything else is an unrendered expression.
LITERAL_KEY = re.compile(r"^(arn:aws[a-z-]*:kms:|alias/|[0-9a-f]{8}-[0-9a-f]{4}-)")


def _unwrap(value: Any) -> Any:
    return value[0] if isinstance(value, list) and len(value) == 1 else value


class AuroraClusterStorageEncryptedWithCmk(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="RDS cluster storage is encrypted with a customer-managed KMS key",
            id="CKV_C04_020",
            categories=(CheckCategories.ENCRYPTION,),
            supported_resources=("aws_rds_cluster",),
            guideline=(
                "Set storage_encrypted = true and kms_key_id to the ARN of the project CMK "
                "(var.kms_key_arn), never the AWS-managed alias/aws/rds."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["storage_encrypted", "kms_key_id"]
        plan_input = "__change_actions__" in conf
        encrypted = self._storage_encrypted(conf, plan_input)
        key = self._customer_key(conf, plan_input)
        if CheckResult.FAILED in (encrypted, key):
            return CheckResult.FAILED
        if CheckResult.UNKNOWN in (encrypted, key):
            return CheckResult.UNKNOWN
        return CheckResult.PASSED

    def _storage_encrypted(self, conf: dict[str, list[Any]], plan_input: bool) -> CheckResult:
        if "storage_encrypted" not in conf:
            # unset defaults to false; in a plan an absent value is one known only after apply
            return CheckResult.UNKNOWN if plan_input else CheckResult.FAILED
        value = _unwrap(conf["storage_encrypted"])
        if isinstance(value, str) and value.lower() in ("true", "false"):
            value = value.lower() == "true"
        if value is True:
            return CheckResult.PASSED
        if value not in (None, False):
            # an expression checkov could not evaluate
            return CheckResult.UNKNOWN
        self.details.append("storage_encrypted is not true")
        return CheckResult.FAILED

    def _customer_key(self, conf: dict[str, list[Any]], plan_input: bool) -> CheckResult:
        if "kms_key_id" not in conf:
            # HCL: unset means the AWS-managed key. Plan: computed, so a key from a module input is unknown
            if plan_input:
                return CheckResult.UNKNOWN
            self.details.append("kms_key_id is not set: the AWS-managed key alias/aws/rds is used")
            return CheckResult.FAILED
        key = _unwrap(conf["kms_key_id"])
        if not isinstance(key, str) or not key:
            self.details.append("kms_key_id is not set: the AWS-managed key alias/aws/rds is used")
            return CheckResult.FAILED
        if key.endswith(AWS_MANAGED_KEY):
            self.details.append("kms_key_id is the AWS-managed key alias/aws/rds")
            return CheckResult.FAILED
        if key.startswith(CUSTOMER_KEY_RESOURCES) or LITERAL_KEY.match(key):
            return CheckResult.PASSED
        # a variable without a value, a key read through a data source: the plan tier resolves it
        return CheckResult.UNKNOWN


check = AuroraClusterStorageEncryptedWithCmk()
