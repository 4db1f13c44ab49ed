"""Web identity (OIDC) trust of IAM roles, for the CKV_C04 OIDC trust checks (not a check itself).

A role's trust policy lets a workload of an OIDC issuer assume it when an Allow statement grants
sts:AssumeRoleWithWebIdentity to a Federated principal naming that issuer's IAM OIDC provider. Who, among
everything the issuer signs tokens for, may do so is decided only by the statement's conditions on
"<issuer host>:sub" (the subject) and "<issuer host>:aud" (the audience). The checks require both pinned:

- an exact condition: StringEquals, or StringLike whose values hold no "*" or "?" (an exact match then);
- every value of the subject condition of the required shape, the audience condition's values exactly
  sts.amazonaws.com. Conditions are ANDed, so one exact pin is enough whatever other conditions say.

Reading the input (trust policy as literal JSON, jsonencode() or a data "aws_iam_policy_document"):
- The issuer of a principal comes from its identifier (a literal ARN names the issuer host), or from the
  aws_iam_openid_connect_provider it refers to: the provider's url, or its reference to an aws_eks_cluster
  (an IRSA provider whose URL is known only after apply).
- A condition key is "<host>:<claim>". In HCL, checkov leaves a key built by interpolation as text whose
  literal ":sub" / ":aud" suffix still names the claim; in a plan the same key is unknown until apply and the
  configuration keeps only its references. A condition whose claim is unknown is then judged on its values:
  values that could not pin the missing claim (a wildcard, another shape) decide; values that could, cannot.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tf_resource_view import UNKNOWN, BlockView, ResourceView, all_true, any_true, is_unresolved_text

GITHUB_ACTIONS = "github-actions"
EKS = "eks"
OTHER = "other"

GITHUB_HOST = "token.actions.githubusercontent.com"
_EKS_HOST = re.compile(r"oidc\.eks\.[a-z0-9-]+\.amazonaws\.com(\.cn)?/id/")
WEB_IDENTITY_ACTIONS = {"sts:assumerolewithwebidentity", "sts:*", "*"}
EXACT_OPERATORS = ("StringEquals", "StringLike")
AUDIENCE = "sts.amazonaws.com"
# a reference checkov left inside a string after dropping its ${ } ("system:serviceaccount:var.namespace:api")
_EMBEDDED_REFERENCE = re.compile(
    r"(^|[^A-Za-z0-9_])((var|local|module|data|each|count)\.[A-Za-z_]|aws_[a-z0-9_]+\.[A-Za-z0-9_-]+\.)"
)
_CLAIM_SUFFIX = re.compile(r":([A-Za-z_]+)$")
_PROVIDER_REFERENCE = re.compile(r"(?:data\.)?aws_iam_openid_connect_provider\.([A-Za-z0-9_-]+)")


@dataclass(frozen=True)
class Condition:
    operator: Any  # "StringEquals", ... or UNKNOWN
    claim: Any  # "sub", "aud", ... or UNKNOWN when the key cannot be read
    values: Any  # tuple of str (items may be unresolved text) or UNKNOWN


@dataclass(frozen=True)
class Trust:
    """One statement of a trust policy."""

    grants_web_identity: Any  # True / False / UNKNOWN
    issuers: Any  # frozenset of GITHUB_ACTIONS / EKS / OTHER / UNKNOWN
    conditions: Any  # tuple of Condition, or UNKNOWN


def _issuer_of_text(text: str) -> Any:
    if GITHUB_HOST in text:
        return GITHUB_ACTIONS
    if _EKS_HOST.search(text) or "aws_eks_cluster." in text:
        return EKS
    return UNKNOWN if is_unresolved_text(text) or _EMBEDDED_REFERENCE.search(text) else OTHER


def _issuer_of_provider(provider: ResourceView) -> Any:
    url = provider.text("url")
    if isinstance(url, str):
        issuer = _issuer_of_text(url)
        if issuer is not UNKNOWN:
            return issuer
    if any(target.resource_type == "aws_eks_cluster" for target in provider.targets("url")):
        return EKS
    return UNKNOWN


def _issuer_of_identifier(identifier: Any, providers: dict[str, ResourceView]) -> Any:
    """providers: the OIDC provider resources the attribute holding the identifier refers to, by name."""
    if isinstance(identifier, str):
        issuer = _issuer_of_text(identifier)
        if issuer is not UNKNOWN:
            return issuer
        named = _PROVIDER_REFERENCE.search(identifier)
        if named and named.group(1) in providers:
            return _issuer_of_provider(providers[named.group(1)])
    if len(providers) == 1:  # a plan keeps the reference, not the text
        return _issuer_of_provider(next(iter(providers.values())))
    return UNKNOWN


def _oidc_providers(block: BlockView, attribute: str) -> dict[str, ResourceView]:
    return {
        target.view.address.rsplit(".", 1)[-1].split("[")[0]: target.view
        for target in block.targets(attribute)
        if target.resource_type == "aws_iam_openid_connect_provider"
    }


def _claim_of_key(key: Any) -> Any:
    if not isinstance(key, str):
        return UNKNOWN
    if not is_unresolved_text(key):
        return key.rpartition(":")[2] if ":" in key else UNKNOWN
    suffix = _CLAIM_SUFFIX.search(key.strip())
    return suffix.group(1) if suffix else UNKNOWN


def _as_texts(values: Any) -> Any:
    if values is UNKNOWN:
        return UNKNOWN
    items = values if isinstance(values, list) else [values]
    if any(item is None or item is UNKNOWN or isinstance(item, (dict, list)) for item in items):
        return UNKNOWN  # None: a list element known only after apply
    return tuple(str(item).lower() if isinstance(item, bool) else str(item) for item in items)


def _grants_web_identity(effect: Any, actions: Any, not_actions: Any) -> Any:
    if effect is UNKNOWN or actions is UNKNOWN or not_actions is UNKNOWN:
        return UNKNOWN
    if effect != "Allow":
        return False
    if not_actions:
        return not any(str(a).lower() in WEB_IDENTITY_ACTIONS for a in not_actions)
    if any(is_unresolved_text(a) for a in actions):
        return UNKNOWN if not any(str(a).lower() in WEB_IDENTITY_ACTIONS for a in actions) else True
    return any(str(a).lower() in WEB_IDENTITY_ACTIONS for a in actions)


def _trust_from_json(raw: dict[str, Any], providers: dict[str, ResourceView]) -> Trust:
    principal = raw.get("Principal")
    federated = principal.get("Federated") if isinstance(principal, dict) else None
    identifiers = federated if isinstance(federated, list) else ([federated] if federated is not None else [])
    conditions = tuple(
        Condition(operator, _claim_of_key(key), _as_texts(values))
        for operator, entries in (raw.get("Condition") or {}).items()
        if isinstance(entries, dict)
        for key, values in entries.items()
    )
    as_list = _as_texts
    return Trust(
        grants_web_identity=_grants_web_identity(
            raw.get("Effect", "Allow"), as_list(raw.get("Action", [])), as_list(raw.get("NotAction", []))
        ),
        issuers=frozenset(_issuer_of_identifier(i, providers) for i in identifiers),
        conditions=conditions,
    )


def _trust_from_document_block(statement: BlockView) -> Trust:
    issuers: Any = set()
    principal_blocks = statement.blocks("principals")
    if principal_blocks is UNKNOWN:
        issuers = {UNKNOWN}
    else:
        for principal in principal_blocks:
            kind = principal.value("type")
            if kind not in ("Federated", UNKNOWN):
                continue
            providers = _oidc_providers(principal, "identifiers")
            identifiers = principal.value("identifiers")
            items = identifiers if isinstance(identifiers, list) else [identifiers]
            issuers |= {_issuer_of_identifier(i, providers) for i in items}
    conditions: Any = ()
    condition_blocks = statement.blocks("condition")
    if condition_blocks is UNKNOWN:
        conditions = UNKNOWN
    else:
        conditions = tuple(
            Condition(c.value("test"), _claim_of_key(c.text("variable")), _as_texts(c.value("values")))
            for c in condition_blocks
        )
    effect = statement.value("effect")
    return Trust(
        grants_web_identity=_grants_web_identity(
            "Allow" if effect is None else effect,
            _as_texts(statement.value("actions") or []),
            _as_texts(statement.value("not_actions") or []),
        ),
        issuers=frozenset(issuers),
        conditions=conditions,
    )


def trust_statements(role: ResourceView, attribute: str = "assume_role_policy") -> Any:
    """The statements of a role's trust policy as Trusts, or UNKNOWN when the document cannot be read."""
    document = role.value(attribute)
    if isinstance(document, str):
        try:
            document = json.loads(document)
        except json.JSONDecodeError:
            return UNKNOWN
    if isinstance(document, dict):
        statements = document.get("Statement", [])
        statements = statements if isinstance(statements, list) else [statements]
        providers = _oidc_providers(role, attribute)
        return [_trust_from_json(s, providers) for s in statements if isinstance(s, dict)]
    documents = [
        t for t in role.targets(attribute) if t.mode == "data" and t.resource_type == "aws_iam_policy_document"
    ]
    if len(documents) != 1:
        return UNKNOWN
    statement_blocks = documents[0].view.blocks("statement")
    if statement_blocks is UNKNOWN:
        return UNKNOWN
    return [_trust_from_document_block(s) for s in statement_blocks]


def _pins(condition: Condition, value_pins: Callable[[str], bool]) -> Any:
    """Whether the condition, were it on the claim, pins it (every value of the required shape, exactly)."""
    if condition.operator is UNKNOWN or condition.values is UNKNOWN:
        return UNKNOWN
    if condition.operator not in EXACT_OPERATORS or not condition.values:
        return False
    verdicts = []
    for value in condition.values:
        if condition.operator == "StringLike" and ("*" in value or "?" in value):
            return False
        if is_unresolved_text(value) or _EMBEDDED_REFERENCE.search(value):
            verdicts.append(UNKNOWN)
        else:
            verdicts.append(value_pins(value))
    return all_true(verdicts)


def claim_pinned(conditions: tuple[Condition, ...], claim: str, value_pins: Callable[[str], bool]) -> Any:
    """True if some condition pins the claim, False if none can, UNKNOWN otherwise."""
    verdicts = []
    for condition in conditions:
        if condition.claim is UNKNOWN:
            verdicts.append(False if _pins(condition, value_pins) is False else UNKNOWN)
        elif condition.claim == claim:
            verdicts.append(_pins(condition, value_pins))
    return any_true(verdicts)


def is_audience(value: str) -> bool:
    return value == AUDIENCE


def judge_trust(
    role: ResourceView, issuer: str, subject_pins: Callable[[str], bool], subject_shape: str, details: list[str]
) -> Any:
    """True when every web identity statement for the issuer pins subject and audience; False (with details)
    when one does not; UNKNOWN when the input cannot tell. Roles the issuer cannot assume pass."""
    statements = trust_statements(role)
    if statements is UNKNOWN:
        return UNKNOWN
    verdicts = []
    for trust in statements:
        if trust.grants_web_identity is False or trust.issuers.isdisjoint({issuer, UNKNOWN}):
            continue
        in_scope = UNKNOWN if trust.grants_web_identity is UNKNOWN or issuer not in trust.issuers else True
        if trust.conditions is UNKNOWN:
            verdicts.append(UNKNOWN)
            continue
        subject = claim_pinned(trust.conditions, "sub", subject_pins)
        audience = claim_pinned(trust.conditions, "aud", is_audience)
        pinned = all_true([subject, audience])
        if pinned is False and in_scope is True:
            if subject is False:
                details.append(f"the subject (:sub) is not pinned exactly to {subject_shape}")
            if audience is False:
                details.append(f"the audience (:aud) is not pinned exactly to {AUDIENCE}")
            return False
        verdicts.append(UNKNOWN if pinned is False else pinned)
    return all_true(verdicts)
