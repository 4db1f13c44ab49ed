"""IAM statements that grant every action of a service (or of all services) on every resource, for the
CKV_C04 IAM checks (not a check itself). FSBP IAM.1 (full "*:*" administrative privileges) and IAM.21
("service:*" wildcard actions), both read as: an Allow statement whose actions reach a whole service and
whose resources reach everything.

- Action "*", "*:*" or "<service>:*" (any case) is a whole-service grant; so is NotAction in an Allow
  statement, which grants every action except the listed ones.
- Resource "*" reaches everything; so does NotResource in an Allow statement.
- Deny statements never grant anything. Conditions do not narrow a grant here: a condition key can be
  satisfied by whoever holds the policy, so "*" on "*" under a condition is still an administrator.
- A statement that names principals (Principal / NotPrincipal, principals blocks) belongs to a resource or
  trust policy, where Resource "*" designates the resource the policy is attached to (a KMS key policy must
  say "*"): identity-policy rules do not apply to it; resource policies have checks of their own.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from tf_resource_view import UNKNOWN, BlockView, is_unresolved_text

WHOLE_SERVICE_ACTION = re.compile(r"^(\*|\*:\*|[a-z0-9-]+:\*)$", re.IGNORECASE)
# Unresolved text that may stand for any value, "*" included (an input or a local checkov could not render).
OPAQUE_PREFIXES = ("var.", "local.", "${var.", "${local.")


@dataclass(frozen=True)
class Grant:
    """One statement; each field a tuple of values, or UNKNOWN when the input cannot tell."""

    effect: Any
    actions: Any
    not_actions: Any
    resources: Any
    not_resources: Any
    names_principals: Any  # True for a resource or trust policy statement


def _values(raw: Any) -> Any:
    if raw is None:
        return ()
    if raw is UNKNOWN:
        return UNKNOWN
    items = raw if isinstance(raw, list) else [raw]
    if any(isinstance(item, (list, dict)) for item in items):
        return UNKNOWN
    return tuple(items)


def _grant_from_json(statement: dict[str, Any]) -> Grant:
    return Grant(
        effect=statement.get("Effect", "Allow"),
        actions=_values(statement.get("Action")),
        not_actions=_values(statement.get("NotAction")),
        resources=_values(statement.get("Resource")),
        not_resources=_values(statement.get("NotResource")),
        names_principals="Principal" in statement or "NotPrincipal" in statement,
    )


def grants_from_json(document: Any) -> Any:
    """Grants of a decoded or JSON-text policy document; UNKNOWN if it cannot be read."""
    if isinstance(document, str):
        if is_unresolved_text(document):
            return UNKNOWN
        try:
            document = json.loads(document)
        except json.JSONDecodeError:
            return UNKNOWN
    if not isinstance(document, dict):
        return UNKNOWN
    statements = document.get("Statement", [])
    statements = statements if isinstance(statements, list) else [statements]
    if not all(isinstance(statement, dict) for statement in statements):
        return UNKNOWN
    return [_grant_from_json(statement) for statement in statements]


def grants_from_policy_document(document: BlockView) -> Any:
    """Grants of a data "aws_iam_policy_document" (its own statement blocks)."""
    statements = document.blocks("statement")
    if statements is UNKNOWN:
        return UNKNOWN
    grants = []
    for statement in statements:
        effect = statement.value("effect")
        principals = [statement.blocks("principals"), statement.blocks("not_principals")]
        names_principals = UNKNOWN if UNKNOWN in principals else any(principals)
        grants.append(
            Grant(
                effect="Allow" if effect is None else effect,
                actions=_values(statement.value("actions")),
                not_actions=_values(statement.value("not_actions")),
                resources=_values(statement.value("resources")),
                not_resources=_values(statement.value("not_resources")),
                names_principals=names_principals,
            )
        )
    return grants


def policy_grants(block: BlockView, attribute: str = "policy") -> Any:
    """Grants of a JSON policy attribute: literal, jsonencode(), heredoc, or an aws_iam_policy_document."""
    value = block.value(attribute)
    if value is None or value == "":
        return []
    if value is not UNKNOWN:
        return grants_from_json(value)
    documents = [
        target
        for target in block.targets(attribute)
        if target.mode == "data" and target.resource_type == "aws_iam_policy_document"
    ]
    if len(documents) != 1:
        return UNKNOWN
    return grants_from_policy_document(documents[0].view)


def _any_matches(values: Any, matches: Any) -> Any:
    """True if a value matches, UNKNOWN if none does but one is opaque, else False."""
    if values is UNKNOWN:
        return UNKNOWN
    undecided = False
    for value in values:
        if value is UNKNOWN or (isinstance(value, str) and value.strip().startswith(OPAQUE_PREFIXES)):
            undecided = True
        elif isinstance(value, str) and matches(value.strip()):
            return True
        # None in a plan list, or an interpolated ARN: a value known after apply is never a bare wildcard
    return UNKNOWN if undecided else False


def _present(values: Any) -> Any:
    return UNKNOWN if values is UNKNOWN else bool(values)


def _either(first: Any, second: Any) -> Any:
    if first is True or second is True:
        return True
    return UNKNOWN if UNKNOWN in (first, second) else False


def grants_whole_services_on_everything(grant: Grant) -> Any:
    """True, False, or UNKNOWN when the statement's effect, actions or resources cannot be read here."""
    if grant.effect is UNKNOWN or (isinstance(grant.effect, str) and is_unresolved_text(grant.effect)):
        return UNKNOWN
    if grant.effect != "Allow" or grant.names_principals is True:
        return False
    broad_actions = _either(_present(grant.not_actions), _any_matches(grant.actions, WHOLE_SERVICE_ACTION.match))
    broad_resources = _either(_present(grant.not_resources), _any_matches(grant.resources, lambda value: value == "*"))
    if broad_actions is False or broad_resources is False:
        return False
    if broad_actions is True and broad_resources is True and grant.names_principals is False:
        return True
    return UNKNOWN


def describe(grant: Grant) -> str:
    def field(name: str, values: Any, negated: Any) -> str:
        if negated is not UNKNOWN and negated:
            return f"Not{name} {list(negated)}"
        return f"{name} {values if values is UNKNOWN else list(values)}"

    actions = field("Action", grant.actions, grant.not_actions)
    return f"Allow {actions} on {field('Resource', grant.resources, grant.not_resources)}"
