"""CKV_C04_044: no data "aws_iam_policy_document" grants a whole service (or all) on every resource.

The document itself, wherever it is used; statements that name principals (key, bucket or trust policies)
are not identity grants and are left to the resource-policy checks (see iam_wildcard_grants). checkov's plan
runner scans only documents Terraform reads at apply (those in planned_values); one read during planning is
judged in plan JSON where its rendered JSON lands, by CKV_C04_043. Statements pulled in through
source_policy_documents / override_policy_documents are judged in their own documents.
"""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.data.base_check import BaseDataCheck
from iam_wildcard_grants import describe, grants_from_policy_document, grants_whole_services_on_everything
from tf_resource_view import UNKNOWN, resource_view


class IamPolicyDocumentNoServiceWildcardOnAllResources(BaseDataCheck):
    def __init__(self) -> None:
        super().__init__(
            name='IAM policy document does not Allow "*" or "service:*" actions on resources "*"',
            id="CKV_C04_044",
            categories=(CheckCategories.IAM,),
            supported_data=("aws_iam_policy_document",),
            guideline=(
                "In every statement with effect Allow, list the actions needed (s3:GetObject, not s3:* or *) and "
                'the resource ARNs (not "*"); replace not_actions/not_resources with explicit lists.'
            ),
        )

    def scan_data_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["statement"]
        grants = grants_from_policy_document(resource_view(self, conf))
        if grants is UNKNOWN:
            return CheckResult.UNKNOWN
        undecided = False
        for grant in grants:
            verdict = grants_whole_services_on_everything(grant)
            if verdict is True:
                self.details.append(describe(grant))
                return CheckResult.FAILED
            undecided = undecided or verdict is UNKNOWN
        return CheckResult.UNKNOWN if undecided else CheckResult.PASSED


check = IamPolicyDocumentNoServiceWildcardOnAllResources()
