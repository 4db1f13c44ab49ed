"""CKV_C04_065: a distribution serves viewers with its own certificate and a TLS 1.2+ minimum protocol.

The default *.cloudfront.net certificate pins the minimum protocol to TLSv1 (CloudFront ignores any other
minimum_protocol_version with it), so a distribution meets TLS 1.2 only with an ACM or IAM certificate for
its aliases and minimum_protocol_version TLSv1.2_2019 or newer (AWS Config rule
cloudfront-security-policy-check; FSBP CloudFront.7 for the custom certificate).
"""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from edge_semantics import is_set
from tf_resource_view import UNKNOWN, any_true, as_bool, resource_view

ALLOWED_MINIMUM_PROTOCOLS = frozenset({"TLSv1.2_2019", "TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"})


class CloudfrontViewerTls12CustomCertificate(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="CloudFront distribution uses its own certificate with a TLS 1.2+ minimum protocol",
            id="CKV_C04_065",
            categories=(CheckCategories.ENCRYPTION,),
            supported_resources=("aws_cloudfront_distribution",),
            guideline=(
                "Give the distribution aliases and viewer_certificate { acm_certificate_arn = <us-east-1 ACM "
                'certificate> ssl_support_method = "sni-only" minimum_protocol_version = "TLSv1.2_2021" }; '
                "the default cloudfront.net certificate always accepts TLSv1."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["viewer_certificate"]
        certificates = resource_view(self, conf).blocks("viewer_certificate")
        if certificates is UNKNOWN:
            return CheckResult.UNKNOWN
        if not certificates:
            self.details.append("no viewer_certificate")
            return CheckResult.FAILED
        certificate = certificates[0]
        own = any_true([is_set(certificate, "acm_certificate_arn"), is_set(certificate, "iam_certificate_id")])
        default = as_bool(certificate.value("cloudfront_default_certificate"))
        if default is True or own is False:
            self.details.append("the default cloudfront.net certificate allows TLSv1")
            return CheckResult.FAILED
        minimum = certificate.value("minimum_protocol_version")
        if minimum is not UNKNOWN and minimum not in ALLOWED_MINIMUM_PROTOCOLS:
            self.details.append(f"minimum_protocol_version {minimum} is older than TLSv1.2_2019")
            return CheckResult.FAILED
        if own is UNKNOWN or default is UNKNOWN or minimum is UNKNOWN:
            return CheckResult.UNKNOWN
        return CheckResult.PASSED


check = CloudfrontViewerTls12CustomCertificate()
