"""CKV_C04_010: the bucket policy denies plain-HTTP requests (Security Hub S3.5).

A statement must Deny s3:* (or *) to every principal when aws:SecureTransport is false (Bool or
BoolIfExists). The policy comes from aws_s3_bucket_policy (which wins) or the legacy inline policy, as JSON,
jsonencode() or an aws_iam_policy_document.
"""

from __future__ import annotations

from typing import Any

from aws_semantics import Statement, policy_statements
from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import UNKNOWN, all_true, any_true, check_result, is_unresolved_text, resource_view

EVERYONE = {("*", "*"), ("AWS", "*")}
BOOL_OPERATORS = {"bool", "boolifexists"}


def _denies_plain_http(statement: Statement) -> Any:
    if statement.principals is UNKNOWN or statement.actions is UNKNOWN or statement.conditions is UNKNOWN:
        return all_true([statement.denies(), UNKNOWN])
    everyone: Any = any(principal in EVERYONE for principal in statement.principals)
    if not everyone and any(is_unresolved_text(identifier) for _, identifier in statement.principals):
        everyone = UNKNOWN
    all_s3_actions = not statement.not_actions and any(a.lower() in ("s3:*", "*") for a in statement.actions)
    insecure_transport = any(
        str(operator).lower() in BOOL_OPERATORS
        and str(key).lower() == "aws:securetransport"
        and "false" in (v.lower() for v in values)
        for operator, key, values in statement.conditions
    )
    return all_true([statement.denies(), everyone, all_s3_actions, insecure_transport])


class S3BucketPolicyDeniesInsecureTransport(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="S3 bucket policy denies requests that do not use TLS",
            id="CKV_C04_010",
            categories=(CheckCategories.NETWORKING,),
            supported_resources=("aws_s3_bucket",),
            guideline=(
                "Attach an aws_s3_bucket_policy with a statement Effect Deny, Principal *, Action s3:*, "
                "Resource the bucket and bucket/*, Condition Bool aws:SecureTransport = false."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        bucket = resource_view(self, conf)
        attached = bucket.attached("aws_s3_bucket_policy")
        # a separate aws_s3_bucket_policy replaces the legacy inline policy argument
        holders = attached.views or [bucket]
        verdicts = []
        for holder in holders:
            statements = policy_statements(holder, "policy")
            if statements is UNKNOWN:
                verdicts.append(UNKNOWN)
            elif statements:
                verdicts += [_denies_plain_http(s) for s in statements]
        verdict = any_true(verdicts)
        if verdict is False and attached.undecided:
            verdict = UNKNOWN
        return check_result(verdict)


check = S3BucketPolicyDeniesInsecureTransport()
