"""CKV_C04_011: ACLs are disabled (Security Hub S3.12).

An aws_s3_bucket_ownership_controls sets BucketOwnerEnforced, and no ACL grants anything: the bucket's
legacy acl/grant and any aws_s3_bucket_acl are absent or the owner-only "private" canned ACL.
"""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import UNKNOWN, all_true, any_true, check_result, resource_view

# canned ACLs that grant nothing beyond the bucket owner
OWNER_ONLY_ACLS = (None, "private")


def _is_owner_default_grant(grants: list[Any]) -> Any:
    """A lone CanonicalUser FULL_CONTROL grant is what S3 reports for every bucket (its owner): once a
    bucket exists, plans read it back into `grant` although no configuration wrote it."""
    if len(grants) != 1:
        return False
    grant = grants[0]
    values = [grant.value("type"), grant.value("permissions"), grant.value("uri")]
    if any(value is UNKNOWN for value in values):
        return UNKNOWN
    grant_type, permissions, uri = values
    return grant_type == "CanonicalUser" and list(permissions or []) == ["FULL_CONTROL"] and not uri


def _acl_grants_nobody_else(holder: Any) -> Any:
    acl = holder.value("acl")
    grants = holder.blocks("grant")
    policies = holder.blocks("access_control_policy")
    if acl is UNKNOWN or grants is UNKNOWN or policies is UNKNOWN:
        return UNKNOWN
    if grants:
        owner_only = _is_owner_default_grant(grants)
        if owner_only is not True:
            return owner_only if owner_only is UNKNOWN else False
    return acl in OWNER_ONLY_ACLS and not policies


class S3BucketOwnershipEnforcedWithoutAcls(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="S3 bucket enforces bucket-owner object ownership and grants no ACLs",
            id="CKV_C04_011",
            categories=(CheckCategories.IAM,),
            supported_resources=("aws_s3_bucket",),
            guideline=(
                'Add aws_s3_bucket_ownership_controls with rule { object_ownership = "BucketOwnerEnforced" } '
                "and remove ACLs (acl, grant, aws_s3_bucket_acl); grant access with the bucket policy."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        bucket = resource_view(self, conf)
        controls = bucket.attached("aws_s3_bucket_ownership_controls")
        acls = bucket.attached("aws_s3_bucket_acl")
        enforced = []
        for control in controls.views:
            rules = control.blocks("rule")
            if rules is UNKNOWN:
                enforced.append(UNKNOWN)
                continue
            for rule in rules:
                ownership = rule.value("object_ownership")
                enforced.append(ownership if ownership is UNKNOWN else ownership == "BucketOwnerEnforced")
        no_acls = all_true(_acl_grants_nobody_else(holder) for holder in [bucket, *acls.views])
        verdict = all_true([any_true(enforced), no_acls])
        if verdict is False and (controls.undecided or acls.undecided) and no_acls is not False:
            verdict = UNKNOWN
        return check_result(verdict)


check = S3BucketOwnershipEnforcedWithoutAcls()
