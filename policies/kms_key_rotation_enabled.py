"""CKV_C04_017: symmetric KMS keys rotate automatically (Security Hub KMS.4).

KMS rotates only symmetric encryption keys, so asymmetric and HMAC keys pass (with a detail saying why).
"""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import UNKNOWN, as_bool, resource_view

SYMMETRIC = "SYMMETRIC_DEFAULT"


class KmsKeyRotationEnabled(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="KMS symmetric key has automatic rotation enabled",
            id="CKV_C04_017",
            categories=(CheckCategories.ENCRYPTION,),
            supported_resources=("aws_kms_key",),
            guideline="Set enable_key_rotation = true on the aws_kms_key.",
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        key = resource_view(self, conf)
        spec = key.value("customer_master_key_spec")
        if spec is UNKNOWN:
            return CheckResult.UNKNOWN
        if spec not in (None, SYMMETRIC):
            # KMS rotates only symmetric encryption keys; asymmetric and HMAC keys cannot comply
            self.details.append(f"{spec} keys do not support automatic rotation")
            return CheckResult.PASSED
        rotation = as_bool(key.value("enable_key_rotation"))
        if rotation is UNKNOWN:
            return CheckResult.UNKNOWN
        return CheckResult.PASSED if rotation else CheckResult.FAILED


check = KmsKeyRotationEnabled()
