"""CKV_C04_016: ECR repositories are encrypted with a customer-managed KMS key.

encryption_type must be KMS with a kms_key that is not AWS-managed: KMS without kms_key uses aws/ecr,
and no encryption_configuration means AES256.
"""

from __future__ import annotations

from typing import Any

from aws_semantics import CUSTOMER_MANAGED, kms_key_kind
from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import UNKNOWN, BlockView, any_true, check_result, resource_view


def _uses_customer_key(encryption: BlockView) -> Any:
    encryption_type = encryption.value("encryption_type")
    if encryption_type is UNKNOWN:
        return UNKNOWN
    if encryption_type != "KMS":
        return False
    kind = kms_key_kind(encryption, "kms_key")
    return kind if kind is UNKNOWN else kind == CUSTOMER_MANAGED


class EcrRepositoryEncryptedWithCustomerKmsKey(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="ECR repository is encrypted with a customer-managed KMS key",
            id="CKV_C04_016",
            categories=(CheckCategories.ENCRYPTION,),
            supported_resources=("aws_ecr_repository",),
            guideline=(
                'Add encryption_configuration { encryption_type = "KMS", kms_key = <customer-managed key ARN> } '
                "to the aws_ecr_repository (without kms_key ECR uses the AWS-managed aws/ecr key)."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        encryption = resource_view(self, conf).blocks("encryption_configuration")
        if encryption is UNKNOWN:
            return CheckResult.UNKNOWN
        return check_result(any_true(_uses_customer_key(block) for block in encryption))


check = EcrRepositoryEncryptedWithCustomerKmsKey()
