"""Who owns the KMS key an attribute names: the customer, AWS (alias/aws/<service>), or not known."""

from __future__ import annotations

import re
from typing import Any

from plancheck.plan import UNKNOWN, Block, Resource

CUSTOMER_MANAGED = "customer-managed"
AWS_MANAGED = "aws-managed"

# Keys this configuration creates are customer-managed by construction (alias/aws/* names are reserved).
CUSTOMER_KEY_TYPES = {"aws_kms_key", "aws_kms_replica_key", "aws_kms_external_key", "aws_kms_replica_external_key"}
_AWS_MANAGED_ALIAS = re.compile(r"(^|:)alias/aws/")


def _looked_up_kind(lookup: Resource) -> Any:
    """A data source that reads a key: AWS-managed when it names alias/aws/*."""
    attribute = "name" if lookup.type == "aws_kms_alias" else "key_id"
    identifier = lookup.value(attribute)
    if not isinstance(identifier, str):
        identifier = lookup.constant(attribute)
    if not isinstance(identifier, str):
        return UNKNOWN
    return AWS_MANAGED if _AWS_MANAGED_ALIAS.search(identifier) else CUSTOMER_MANAGED


def key_kind(block: Block, attribute: str) -> Any:
    """CUSTOMER_MANAGED, AWS_MANAGED, None when no key is set, or UNKNOWN."""
    value = block.value(attribute)
    if value is None or value == "":
        return None
    kinds = set()
    for target in block.targets(attribute):
        if target.mode == "data" and target.type in ("aws_kms_alias", "aws_kms_key"):
            kinds.add(_looked_up_kind(target))
        elif target.mode == "managed" and (target.type in CUSTOMER_KEY_TYPES or target.type == "aws_kms_alias"):
            kinds.add(CUSTOMER_MANAGED)
        else:
            kinds.add(UNKNOWN)
    # a known ARN read through a data source looks like any key ARN: the lookup tells whose key it is
    if AWS_MANAGED in kinds or (isinstance(value, str) and _AWS_MANAGED_ALIAS.search(value)):
        return AWS_MANAGED
    if isinstance(value, str) or kinds == {CUSTOMER_MANAGED}:
        return CUSTOMER_MANAGED
    return UNKNOWN
