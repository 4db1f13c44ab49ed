"""Meanings shared by the ALB, CloudFront and WAF checks (CKV_C04_060-073; not a check itself)."""

from __future__ import annotations

from typing import Any

from tf_resource_view import UNKNOWN, Attachments, BlockView, ResourceView, as_int, is_unresolved_text

LOAD_BALANCER_TYPES = ("aws_lb", "aws_alb")
LISTENER_TYPES = ("aws_lb_listener", "aws_alb_listener")
LISTENER_RULE_TYPES = ("aws_lb_listener_rule", "aws_alb_listener_rule")


def is_set(block: BlockView, name: str) -> Any:
    """True when the attribute holds (or will hold) a non-empty value, False when absent or empty, else UNKNOWN.

    A reference to a resource or data source (an ARN or ID known only after apply, or text HCL cannot
    render) counts as set: what it names always has that attribute.
    """
    value = block.value(name)
    if value is None or value == "":
        return False
    if value is not UNKNOWN and not is_unresolved_text(value):
        return True
    return True if block.targets(name) else UNKNOWN


def exists(view: ResourceView) -> Any:
    """False for a resource whose count is 0 (HCL keeps it, a plan drops it), UNKNOWN for an unresolved count."""
    count = as_int(view.value("count"))
    if count is UNKNOWN or (count is None and view.value("count") is not None):
        return UNKNOWN
    return count != 0


def live_attachments(attachments: Attachments) -> tuple[list[ResourceView], bool]:
    """The attached resources that exist, and whether the input leaves any attachment undecided."""
    live, undecided = [], attachments.undecided
    for view in attachments.views:
        present = exists(view)
        if present is UNKNOWN:
            undecided = True
        elif present:
            live.append(view)
    return live, undecided


def load_balancer_type(view: BlockView) -> Any:
    """'application' (the default), 'network', 'gateway' or UNKNOWN."""
    value = view.value("load_balancer_type")
    return "application" if value is None else value


def is_internet_facing(view: BlockView) -> Any:
    internal = view.value("internal")
    if internal is UNKNOWN:
        return UNKNOWN
    return not (internal is True or str(internal).lower() == "true")
