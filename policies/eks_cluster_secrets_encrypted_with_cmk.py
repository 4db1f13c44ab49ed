"""CKV_C04_051: Kubernetes secrets of an EKS cluster are envelope-encrypted with a customer-managed KMS key.

FSBP EKS.3: an encryption_config block whose resources include "secrets" and whose provider key_arn names a
customer-managed key (alias/aws/* keys are AWS-managed and cannot be governed by the project key policy).
"""

from __future__ import annotations

from typing import Any

from aws_semantics import AWS_MANAGED, CUSTOMER_MANAGED, kms_key_kind
from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import UNKNOWN, BlockView, resource_view


def _encrypts_secrets_with_cmk(encryption_config: BlockView) -> Any:
    resources = encryption_config.string_list("resources")
    providers = encryption_config.blocks("provider")
    if resources is not UNKNOWN and "secrets" not in resources:
        return False
    if providers is UNKNOWN:
        return UNKNOWN
    kinds = {kms_key_kind(provider, "key_arn") for provider in providers}
    if not kinds or kinds & {None, AWS_MANAGED}:
        return False
    if resources is UNKNOWN or UNKNOWN in kinds:
        return UNKNOWN
    return kinds == {CUSTOMER_MANAGED}


class EksClusterSecretsEncryptedWithCmk(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="EKS cluster encrypts Kubernetes secrets with a customer-managed KMS key",
            id="CKV_C04_051",
            categories=(CheckCategories.ENCRYPTION,),
            supported_resources=("aws_eks_cluster",),
            guideline=(
                'Add encryption_config { resources = ["secrets"] provider { key_arn = <project CMK ARN> } } and let '
                "the key policy allow the cluster role to use the key."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["encryption_config"]
        encryption_configs = resource_view(self, conf).blocks("encryption_config")
        if encryption_configs is UNKNOWN:
            return CheckResult.UNKNOWN
        verdicts = [_encrypts_secrets_with_cmk(config) for config in encryption_configs]
        if True in verdicts:
            return CheckResult.PASSED
        if UNKNOWN in verdicts:
            return CheckResult.UNKNOWN
        self.details.append(
            "no encryption_config encrypts secrets with a customer-managed key"
            if encryption_configs
            else "no encryption_config block"
        )
        return CheckResult.FAILED


check = EksClusterSecretsEncryptedWithCmk()
