"""CKV_C04_043: no IAM policy attached through Terraform grants a whole service (or all) on every resource.

FSBP IAM.1 and IAM.21 for the identity-policy resources and aws_iam_role's inline_policy blocks; what counts
as such a grant (NotAction, NotResource, Deny, conditions) is in iam_wildcard_grants. A policy built from a
data "aws_iam_policy_document" is read through that document in HCL, and as the rendered JSON in a plan;
the document itself is CKV_C04_044.
"""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from iam_wildcard_grants import describe, grants_whole_services_on_everything, policy_grants
from tf_resource_view import UNKNOWN, resource_view


class IamPolicyGrantsNoServiceWildcardOnAllResources(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name='IAM policy does not Allow "*" or "service:*" actions on resource "*"',
            id="CKV_C04_043",
            categories=(CheckCategories.IAM,),
            supported_resources=(
                "aws_iam_policy",
                "aws_iam_role_policy",
                "aws_iam_user_policy",
                "aws_iam_group_policy",
                "aws_iam_role",
            ),
            guideline=(
                "List the actions the principal needs (s3:GetObject, not s3:* or *) and the ARNs it needs them on "
                '(not "*"); replace Allow + NotAction/NotResource with explicit lists.'
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        view = resource_view(self, conf)
        if self.entity_type == "aws_iam_role":
            self.evaluated_keys = ["inline_policy"]
            inline_policies = view.blocks("inline_policy")
            if inline_policies is UNKNOWN:
                return CheckResult.UNKNOWN
            documents = [policy_grants(inline, "policy") for inline in inline_policies]
        else:
            self.evaluated_keys = ["policy"]
            documents = [policy_grants(view, "policy")]

        undecided = False
        for grants in documents:
            if grants is UNKNOWN:
                undecided = True
                continue
            for grant in grants:
                verdict = grants_whole_services_on_everything(grant)
                if verdict is True:
                    self.details.append(describe(grant))
                    return CheckResult.FAILED
                undecided = undecided or verdict is UNKNOWN
        return CheckResult.UNKNOWN if undecided else CheckResult.PASSED


check = IamPolicyGrantsNoServiceWildcardOnAllResources()
