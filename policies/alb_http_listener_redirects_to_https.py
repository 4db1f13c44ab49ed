"""CKV_C04_060: an HTTP listener only redirects to HTTPS (FSBP ELB.1).

Every default action of a listener whose protocol is HTTP (the default of an application load balancer's
listener) and every action of the listener rules attached to it must be a redirect with protocol HTTPS;
a redirect that keeps "#{protocol}" stays on HTTP, and a forward, fixed-response or authenticate action
answers over plain HTTP.
"""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from edge_semantics import LISTENER_RULE_TYPES, LISTENER_TYPES, live_attachments, load_balancer_type
from tf_resource_view import UNKNOWN, BlockView, all_true, check_result, resource_view


def _redirects_to_https(action: BlockView) -> Any:
    action_type = action.value("type")
    if action_type is UNKNOWN:
        return UNKNOWN
    if action_type != "redirect":
        return False
    redirects = action.blocks("redirect")
    if redirects is UNKNOWN:
        return UNKNOWN
    protocol = redirects[0].value("protocol") if redirects else None
    return UNKNOWN if protocol is UNKNOWN else protocol == "HTTPS"


def _all_redirect_to_https(actions: Any) -> Any:
    if actions is UNKNOWN:
        return UNKNOWN
    return all_true(_redirects_to_https(a) for a in actions) if actions else False


class AlbHttpListenerRedirectsToHttps(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="HTTP listener only redirects to HTTPS",
            id="CKV_C04_060",
            categories=(CheckCategories.ENCRYPTION,),
            supported_resources=LISTENER_TYPES,
            guideline=(
                'Give an HTTP listener a single default_action { type = "redirect" redirect { protocol = "HTTPS" '
                'port = "443" status_code = "HTTP_301" } } and no listener rule that forwards or answers over HTTP.'
            ),
        )

    def _is_http(self, listener: Any) -> Any:
        protocol = listener.value("protocol")
        if protocol is not None:
            return UNKNOWN if protocol is UNKNOWN else protocol == "HTTP"
        # no protocol: HTTP on an application load balancer; a gateway load balancer's listener has none
        balancer_types = {load_balancer_type(t.view) for t in listener.targets("load_balancer_arn")}
        if not balancer_types or "application" in balancer_types:
            return True
        return UNKNOWN if UNKNOWN in balancer_types else False

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["protocol", "default_action"]
        listener = resource_view(self, conf)
        is_http = self._is_http(listener)
        if is_http is False:
            return CheckResult.PASSED
        verdict = _all_redirect_to_https(listener.blocks("default_action"))
        if verdict is False:
            self.details.append("a default action does not redirect to HTTPS")
        else:
            for rule_type in LISTENER_RULE_TYPES:
                rules, undecided = live_attachments(listener.attached(rule_type, via="listener_arn"))
                rule_verdicts = [_all_redirect_to_https(rule.blocks("action")) for rule in rules]
                if False in rule_verdicts:
                    self.details.append("a listener rule does not redirect to HTTPS")
                verdict = all_true([verdict, *rule_verdicts, UNKNOWN if undecided else True])
        if is_http is UNKNOWN and verdict is False:
            return CheckResult.UNKNOWN
        return check_result(verdict)


check = AlbHttpListenerRedirectsToHttps()
