"""CKV_C04_066: every S3 origin of a distribution uses Origin Access Control, none a legacy OAI (CloudFront.13).

An origin without custom_origin_config or vpc_origin_config is an S3 origin (the provider sends it as
S3OriginConfig). It passes with origin_access_control_id set and no s3_origin_config origin_access_identity.
"""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from edge_semantics import is_set
from tf_resource_view import UNKNOWN, BlockView, all_true, any_true, check_result, resource_view


def _is_s3_origin(origin: BlockView) -> Any:
    custom, vpc = origin.blocks("custom_origin_config"), origin.blocks("vpc_origin_config")
    if custom is UNKNOWN or vpc is UNKNOWN:
        return UNKNOWN
    return not custom and not vpc


def _uses_origin_access_control(origin: BlockView) -> Any:
    s3_configs = origin.blocks("s3_origin_config")
    legacy = UNKNOWN if s3_configs is UNKNOWN else any_true(is_set(c, "origin_access_identity") for c in s3_configs)
    return all_true([is_set(origin, "origin_access_control_id"), UNKNOWN if legacy is UNKNOWN else not legacy])


class CloudfrontS3OriginsUseOriginAccessControl(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="CloudFront S3 origins use Origin Access Control",
            id="CKV_C04_066",
            categories=(CheckCategories.IAM,),
            supported_resources=("aws_cloudfront_distribution",),
            guideline=(
                "Give every S3 origin origin_access_control_id = aws_cloudfront_origin_access_control.<x>.id "
                '(origin_access_control_origin_type = "s3", signing_behavior = "always") and drop '
                "s3_origin_config/origin_access_identity; the bucket policy grants cloudfront.amazonaws.com "
                "with an AWS:SourceArn condition on the distribution."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["origin"]
        origins = resource_view(self, conf).blocks("origin")
        if origins is UNKNOWN:
            return CheckResult.UNKNOWN
        verdicts = []
        for origin in origins:
            is_s3 = _is_s3_origin(origin)
            if is_s3 is False:
                continue
            verdict = _uses_origin_access_control(origin)
            verdicts.append(UNKNOWN if is_s3 is UNKNOWN and verdict is False else verdict)
            if verdict is False and is_s3 is True:
                self.details.append(f"S3 origin {origin.value('origin_id')} has no Origin Access Control")
        return check_result(all_true(verdicts))


check = CloudfrontS3OriginsUseOriginAccessControl()
