"""Checks on live AWS state shared by the integration tests (each test module reads back its own root)."""

from __future__ import annotations

from typing import Any


def as_list(value: Any) -> list[Any]:
    """IAM policy fields hold one value or a list of them."""
    return value if isinstance(value, list) else [value]


def is_key(value: str, key_arn: str) -> bool:
    """KMS references come back as the key ARN or its ID depending on the service."""
    return value in (key_arn, key_arn.rsplit("/", 1)[-1])


def assert_private_bucket_encrypted_with(s3: Any, bucket: str, key_arn: str) -> None:
    """SSE-KMS with ``key_arn`` and a bucket key, versioning on, every public access block, owner-enforced."""
    (rule,) = s3.get_bucket_encryption(Bucket=bucket)["ServerSideEncryptionConfiguration"]["Rules"]
    assert rule["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] == "aws:kms"
    assert is_key(rule["ApplyServerSideEncryptionByDefault"]["KMSMasterKeyID"], key_arn)
    assert rule["BucketKeyEnabled"] is True
    assert s3.get_bucket_versioning(Bucket=bucket)["Status"] == "Enabled"
    assert s3.get_public_access_block(Bucket=bucket)["PublicAccessBlockConfiguration"] == {
        "BlockPublicAcls": True,
        "IgnorePublicAcls": True,
        "BlockPublicPolicy": True,
        "RestrictPublicBuckets": True,
    }
    ownership = s3.get_bucket_ownership_controls(Bucket=bucket)["OwnershipControls"]["Rules"]
    assert ownership == [{"ObjectOwnership": "BucketOwnerEnforced"}]
