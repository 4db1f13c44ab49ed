"""AWS meanings shared by the CKV_C04 checks (not a check itself): KMS key ownership, policy statements."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from tf_resource_view import UNKNOWN, BlockView, Target

CUSTOMER_MANAGED = "customer-managed"
AWS_MANAGED = "aws-managed"

KMS_KEY_RESOURCE_TYPES = frozenset(
    {"aws_kms_key", "aws_kms_replica_key", "aws_kms_external_key", "aws_kms_replica_external_key"}
)
_AWS_MANAGED_ALIAS = re.compile(r"(^|:)alias/aws/")


def _kind_of_identifier(identifier: str) -> str:
    return AWS_MANAGED if _AWS_MANAGED_ALIAS.search(identifier) else CUSTOMER_MANAGED


def _kind_of_target(target: Target) -> Any:
    if target.mode == "managed" and target.resource_type in KMS_KEY_RESOURCE_TYPES:
        return CUSTOMER_MANAGED
    if target.mode == "managed" and target.resource_type == "aws_kms_alias":
        return CUSTOMER_MANAGED  # alias/aws/* names are reserved: a managed alias points at a customer key
    if target.mode == "data" and target.resource_type in ("aws_kms_key", "aws_kms_alias"):
        identifier = target.view.value("key_id" if target.resource_type == "aws_kms_key" else "name")
        return _kind_of_identifier(identifier) if isinstance(identifier, str) else UNKNOWN
    return UNKNOWN


def kms_key_kind(block: BlockView, attribute: str) -> Any:
    """CUSTOMER_MANAGED, AWS_MANAGED, None when no key is set, or UNKNOWN."""
    value = block.value(attribute)
    if value is None or value == "":
        return None
    target_kinds = {_kind_of_target(t) for t in block.targets(attribute)}
    if (isinstance(value, str) and _kind_of_identifier(value) == AWS_MANAGED) or AWS_MANAGED in target_kinds:
        return AWS_MANAGED
    if isinstance(value, str):
        return CUSTOMER_MANAGED
    if target_kinds == {CUSTOMER_MANAGED}:
        return CUSTOMER_MANAGED
    return UNKNOWN


@dataclass(frozen=True)
class Statement:
    """One IAM policy statement; UNKNOWN fields could not be read from the input."""

    effect: Any
    # tuple of (type, identifier); ("*", "*") is everyone; () when there is no Principal; an identifier may be
    # partly unresolved HCL text (see tf_resource_view.is_unresolved_text)
    principals: Any
    has_not_principal: bool
    actions: Any  # tuple of str
    not_actions: Any
    conditions: Any  # tuple of (operator, key, values)

    def allows(self) -> bool:
        return self.effect == "Allow"

    def denies(self) -> bool:
        return self.effect == "Deny"


def _as_tuple(value: Any) -> tuple:
    if value is None:
        return ()
    return tuple(value) if isinstance(value, list) else (value,)


def _as_text(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _statement_from_json(raw: dict[str, Any]) -> Statement:
    principal = raw.get("Principal")
    if principal == "*":
        principals: tuple = (("*", "*"),)
    elif isinstance(principal, dict):
        principals = tuple((kind, ident) for kind, idents in principal.items() for ident in _as_tuple(idents))
    else:
        principals = ()
    conditions = tuple(
        (operator, key, tuple(_as_text(v) for v in _as_tuple(values)))
        for operator, entries in (raw.get("Condition") or {}).items()
        if isinstance(entries, dict)
        for key, values in entries.items()
    )
    return Statement(
        effect=raw.get("Effect", "Allow"),
        principals=principals,
        has_not_principal="NotPrincipal" in raw,
        actions=_as_tuple(raw.get("Action")),
        not_actions=_as_tuple(raw.get("NotAction")),
        conditions=conditions,
    )


def _statements_from_json(document: Any) -> Any:
    if not isinstance(document, dict):
        return UNKNOWN
    statements = document.get("Statement", [])
    statements = statements if isinstance(statements, list) else [statements]
    return [_statement_from_json(s) for s in statements if isinstance(s, dict)]


def _statement_from_document_block(block: BlockView) -> Statement:
    principal_blocks = block.blocks("principals")
    principals: Any = UNKNOWN if principal_blocks is UNKNOWN else ()
    if principal_blocks is not UNKNOWN:
        for principal in principal_blocks:
            # identifiers stay as text, partly unresolved ones included ("arn:${partition}:iam::...:root")
            kind, identifiers = principal.value("type"), principal.value("identifiers")
            if kind is UNKNOWN or identifiers is UNKNOWN:
                principals = UNKNOWN
                break
            principals += tuple((kind, identifier) for identifier in _as_tuple(identifiers))
    condition_blocks = block.blocks("condition")
    conditions: Any = UNKNOWN if condition_blocks is UNKNOWN else ()
    if condition_blocks is not UNKNOWN:
        for condition in condition_blocks:
            values = condition.string_list("values")
            if values is UNKNOWN:
                conditions = UNKNOWN
                break
            conditions += ((condition.value("test"), condition.value("variable"), tuple(map(_as_text, values))),)
    not_principals = block.blocks("not_principals")
    actions, not_actions = block.string_list("actions"), block.string_list("not_actions")
    effect = block.value("effect")
    return Statement(
        effect="Allow" if effect is None else effect,
        principals=principals,
        has_not_principal=not_principals is UNKNOWN or bool(not_principals),
        actions=UNKNOWN if actions is UNKNOWN else tuple(actions),
        not_actions=UNKNOWN if not_actions is UNKNOWN else tuple(not_actions),
        conditions=conditions,
    )


def policy_statements(block: BlockView, attribute: str = "policy") -> Any:
    """Statements of a JSON policy attribute (literal, jsonencode or aws_iam_policy_document), None, UNKNOWN."""
    value = block.value(attribute)
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            return UNKNOWN
    if isinstance(value, dict):
        return _statements_from_json(value)
    documents = [
        t for t in block.targets(attribute) if t.mode == "data" and t.resource_type == "aws_iam_policy_document"
    ]
    if len(documents) != 1:
        return UNKNOWN
    statement_blocks = documents[0].view.blocks("statement")
    if statement_blocks is UNKNOWN:
        return UNKNOWN
    return [_statement_from_document_block(s) for s in statement_blocks]
