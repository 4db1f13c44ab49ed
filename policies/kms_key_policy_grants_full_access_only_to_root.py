"""CKV_C04_019: a key policy grants kms:* only to the account root.

An Allow statement with kms:* or * (or an Allow NotAction, which grants everything else) must name only
arn:<partition>:iam::<account>:root or the bare account ID. Judged on whatever holds the policy: the key's
policy argument, or an aws_kms_key_policy (a key without a policy argument keeps the default policy).
"""

from __future__ import annotations

import re
from typing import Any

from aws_semantics import Statement, policy_statements
from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import UNKNOWN, any_true, check_result, is_unresolved_text, resource_view

# the account root as a principal: its ARN (literal or interpolated) or the bare account ID
ACCOUNT_ROOT = re.compile(r"^(arn:[^:]+:iam::[^:]+:root|\d{12})$")
FULL_ACCESS_ACTIONS = {"kms:*", "*"}


def _is_other_than_root(principal: tuple[str, str]) -> Any:
    kind, identifier = principal
    if kind == "AWS" and isinstance(identifier, str) and ACCOUNT_ROOT.match(identifier):
        return False
    return UNKNOWN if is_unresolved_text(identifier) else True


def _grants_full_access_beyond_root(statement: Statement) -> Any:
    if not statement.allows():
        return False
    if statement.actions is UNKNOWN or statement.not_actions is UNKNOWN:
        return UNKNOWN
    full_access = any(action.lower() in FULL_ACCESS_ACTIONS for action in statement.actions) or (
        # Allow + NotAction grants every action it does not list
        bool(statement.not_actions)
        and not any(action.lower() in FULL_ACCESS_ACTIONS for action in statement.not_actions)
    )
    if not full_access:
        return False
    if statement.has_not_principal:
        return True
    if statement.principals is UNKNOWN:
        return UNKNOWN
    return any_true(_is_other_than_root(principal) for principal in statement.principals)


class KmsKeyPolicyGrantsFullAccessOnlyToRoot(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="KMS key policy grants kms:* to no principal other than the account root",
            id="CKV_C04_019",
            categories=(CheckCategories.IAM,),
            supported_resources=(
                "aws_kms_key",
                "aws_kms_key_policy",
                "aws_kms_replica_key",
                "aws_kms_external_key",
                "aws_kms_replica_external_key",
            ),
            guideline=(
                "Grant kms:* only to arn:<partition>:iam::<account>:root; give roles and services the "
                "specific kms: actions they need (e.g. kms:Decrypt, kms:GenerateDataKey)."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        statements = policy_statements(resource_view(self, conf), "policy")
        if statements is UNKNOWN:
            return CheckResult.UNKNOWN
        if not statements:
            return CheckResult.PASSED  # the default key policy grants kms:* to the account root only
        violation = any_true(_grants_full_access_beyond_root(s) for s in statements)
        return check_result(UNKNOWN if violation is UNKNOWN else not violation)


check = KmsKeyPolicyGrantsFullAccessOnlyToRoot()
