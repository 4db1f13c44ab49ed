"""Instance metadata service settings of launch templates, for the CKV_C04 IMDSv2 checks (not a check itself).

IMDSv2 is enforced only by metadata_options.http_tokens = "required"; an absent metadata_options block or
http_tokens leaves the default ("optional", IMDSv1 allowed, unless the AMI itself demands v2, which the
configuration cannot show).
"""

from __future__ import annotations

from typing import Any

from tf_resource_view import UNKNOWN, ResourceView


def requires_imdsv2(launch_template: ResourceView) -> Any:
    """True, False, or UNKNOWN when the launch template's metadata options cannot be read."""
    metadata_options = launch_template.blocks("metadata_options")
    if metadata_options is UNKNOWN:
        return UNKNOWN
    if not metadata_options:
        return False
    http_tokens = metadata_options[0].value("http_tokens")
    return UNKNOWN if http_tokens is UNKNOWN else http_tokens == "required"
