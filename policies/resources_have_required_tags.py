"""CKV_C04_047: taggable resources carry the Project, Environment and Owner tags, with values.

A tag counts whether the resource sets it or the provider's default_tags do (resource tags win, as in
Terraform): HCL reads the aws provider block of the scan (checkov's graph keeps it; checkov's HCL resource
view does not merge default_tags), a plan reads tags_all. Scanning a module on its own leaves its provider,
and so its default tags, outside the input: a resource whose own tags are incomplete is UNKNOWN there and
the plan of an environment decides.

The judged types are listed in TAGGED_RESOURCE_TYPES: the platform's taggable resources with a tags map;
sub-resources (rules, associations, policies of a bucket) and aws_autoscaling_group (tag blocks) are not.
Bucket DataClass tags are CKV_C04_01x's business.
"""

from __future__ import annotations

import os
from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from tf_resource_view import UNKNOWN, is_unresolved_text, resource_view

REQUIRED_TAGS = ("Project", "Environment", "Owner")
DEFAULT_PROVIDER_ADDRESS = "aws.default"
TAGGED_RESOURCE_TYPES = (
    # network
    "aws_vpc",
    "aws_subnet",
    "aws_internet_gateway",
    "aws_nat_gateway",
    "aws_eip",
    "aws_route_table",
    "aws_network_acl",
    "aws_security_group",
    "aws_vpc_endpoint",
    "aws_flow_log",
    "aws_lb",
    "aws_lb_target_group",
    "aws_wafv2_web_acl",
    "aws_acm_certificate",
    "aws_route53_zone",
    "aws_cloudfront_distribution",
    # data and keys
    "aws_s3_bucket",
    "aws_kms_key",
    "aws_ecr_repository",
    "aws_secretsmanager_secret",
    "aws_ssm_parameter",
    "aws_rds_cluster",
    "aws_rds_cluster_instance",
    "aws_db_instance",
    "aws_db_subnet_group",
    "aws_dynamodb_table",
    "aws_efs_file_system",
    # compute and orchestration
    "aws_batch_compute_environment",
    "aws_batch_job_queue",
    "aws_batch_job_definition",
    "aws_sfn_state_machine",
    "aws_lambda_function",
    "aws_ecs_cluster",
    "aws_ecs_service",
    "aws_ecs_task_definition",
    "aws_eks_cluster",
    "aws_eks_node_group",
    "aws_instance",
    "aws_launch_template",
    # identity, messaging, observability
    "aws_iam_role",
    "aws_iam_policy",
    "aws_iam_openid_connect_provider",
    "aws_sns_topic",
    "aws_sqs_queue",
    "aws_cloudwatch_log_group",
    "aws_cloudwatch_metric_alarm",
    "aws_cloudwatch_event_rule",
)


class ResourcesHaveRequiredTags(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="Resource carries the Project, Environment and Owner tags",
            id="CKV_C04_047",
            categories=(CheckCategories.CONVENTION,),
            supported_resources=TAGGED_RESOURCE_TYPES,
            guideline=(
                'Set Project, Environment and Owner in the environment\'s provider "aws" default_tags (the '
                "platform's way) or in the resource's tags; a resource tag with an empty value overrides the default."
            ),
        )

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        self.evaluated_keys = ["tags", "tags_all"]
        view = resource_view(self, conf)
        provider_outside_input = "__file__" not in conf and not self._provider_in_input(conf)
        if provider_outside_input:
            own_tags = view.value("tags")
            if own_tags is UNKNOWN or (own_tags is not None and not isinstance(own_tags, dict)):
                return CheckResult.UNKNOWN
            values = {key: (own_tags or {}).get(key) for key in REQUIRED_TAGS}
            values = {key: UNKNOWN if is_unresolved_text(value) else value for key, value in values.items()}
        else:
            values = {key: view.tag(key) for key in REQUIRED_TAGS}
        # an empty value set on the resource overrides any default: decidable without the provider
        blank = [key for key, value in values.items() if isinstance(value, str) and not value.strip()]
        absent = [key for key, value in values.items() if value is None]
        if blank or (absent and not provider_outside_input):
            self.details.append(f"missing or empty: {', '.join(blank + absent)}")
            return CheckResult.FAILED
        if absent or any(value is UNKNOWN for value in values.values()):
            return CheckResult.UNKNOWN
        return CheckResult.PASSED

    def _provider_in_input(self, conf: dict[str, Any]) -> bool:
        """Whether the HCL scan holds the aws provider block that configures this resource.

        Terraform takes a resource's provider from its own folder or, for a module, from the folder that calls
        it (and so on up): a provider block in one of those folders (or a parent folder of the scan) counts.
        A module folder scanned on its own has none.
        """
        if self.graph is None:
            return False
        vertices = dict(self.graph.nodes()) if hasattr(self.graph, "edge_list") else dict(self.graph.nodes(data=True))
        resource = next(
            (
                attributes
                for attributes in vertices.values()
                if any(
                    candidate is conf
                    for candidate in attributes.get("config_", {}).get(attributes.get("resource_type"), {}).values()
                )
            ),
            None,
        )
        if resource is None:
            return False
        folders = {os.path.dirname(resource.get("file_path_", ""))}
        module = resource.get("source_module_object_")
        while module is not None:
            folders.add(os.path.dirname(module.path))
            module = module.nested_tf_module
        wanted = conf.get("__provider_address__", DEFAULT_PROVIDER_ADDRESS)
        return any(
            attributes.get("block_type_") == "provider"
            and attributes.get("__address__") == wanted
            and any(
                folder == os.path.dirname(attributes.get("file_path_", ""))
                or folder.startswith(os.path.dirname(attributes.get("file_path_", "")) + os.sep)
                for folder in folders
            )
            for attributes in vertices.values()
        )


check = ResourcesHaveRequiredTags()
