"""CKV_C04_057: a role trusted through an EKS cluster's OIDC issuer (IRSA) names one service account.

Every Allow sts:AssumeRoleWithWebIdentity statement whose Federated principal is an EKS OIDC provider
(oidc.eks.<region>.amazonaws.com/id/<id>, or an aws_iam_openid_connect_provider whose url comes from an
aws_eks_cluster) must pin, exactly (how conditions are read: oidc_trust):

- <issuer>:sub to system:serviceaccount:<namespace>:<service account>: no wildcard, no
  system:serviceaccounts:<namespace> group;
- <issuer>:aud to sts.amazonaws.com.

Without the subject pin every pod of the cluster that can mount a projected token (any namespace, any service
account) can assume the role. Roles without such a statement pass.
"""

from __future__ import annotations

import re
from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from oidc_trust import EKS, judge_trust
from tf_resource_view import check_result, resource_view

# Kubernetes names: a namespace is a DNS label, a service account a DNS subdomain
SERVICE_ACCOUNT_SUBJECT = re.compile(
    r"^system:serviceaccount:[a-z0-9]([-a-z0-9]*[a-z0-9])?:[a-z0-9]([-.a-z0-9]*[a-z0-9])?$"
)
SUBJECT_SHAPE = "system:serviceaccount:<namespace>:<service account>"


def _pins_service_account(value: str) -> bool:
    return bool(SERVICE_ACCOUNT_SUBJECT.match(value))


class IamRoleEksIrsaTrustPinsServiceAccount(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="IAM role trusted by an EKS OIDC issuer (IRSA) pins one service account and the audience",
            id="CKV_C04_057",
            categories=(CheckCategories.IAM,),
            supported_resources=("aws_iam_role",),
            guideline=(
                'Add StringEquals conditions "<issuer host>:sub" = "system:serviceaccount:<namespace>:<name>" and '
                '"<issuer host>:aud" = "sts.amazonaws.com", the host being the provider url without https://.'
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["assume_role_policy"]
        verdict = judge_trust(resource_view(self, conf), EKS, _pins_service_account, SUBJECT_SHAPE, self.details)
        return check_result(verdict)


check = IamRoleEksIrsaTrustPinsServiceAccount()
