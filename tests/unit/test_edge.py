"""modules/edge through tests/unit/roots/edge: ALB, WAF, ACM, CloudFront and Route 53 of both frontend origins."""

from pathlib import Path

import pytest
import yaml

ROOT = "tests/unit/roots/edge"
INVENTORY = yaml.safe_load((Path(__file__).parent / "inventory" / "edge.yaml").read_text())
INSTANCES = sorted(INVENTORY["outputs"])
RATE_RULE = "rate-limit-per-ip"
RATE_RULE_PRIORITY = 20

pytestmark = [pytest.mark.unit, pytest.mark.terraform_plan(ROOT)]


@pytest.fixture(scope="module")
def plan(plan_summary):
    return plan_summary(ROOT)


def test_resource_counts(plan):
    plan.assert_counts(INVENTORY["counts"])


def test_resource_values(plan):
    plan.assert_values(INVENTORY["values"])


def test_policies_grant_exactly_the_inventory(plan):
    plan.assert_policies(INVENTORY["policies"])


def _module_config(plan, instance: str) -> dict:
    return plan.raw["configuration"]["root_module"]["module_calls"][instance]["module"]


def _statement_condition_references(plan, instance: str, document: str, sid: str) -> list[str]:
    """What the conditions of one statement of a policy document refer to, as written in the module."""
    (config,) = [r for r in _module_config(plan, instance)["resources"] if r["address"] == document]
    (statement,) = [s for s in config["expressions"]["statement"] if s["sid"]["constant_value"] == sid]
    return sorted(ref for condition in statement["condition"] for ref in condition["values"].get("references", []))


@pytest.mark.parametrize(
    ("document", "sid"),
    [
        ("data.aws_iam_policy_document.frontend_bucket", "CloudFrontReadsThroughOriginAccessControl"),
        ("data.aws_iam_policy_document.frontend_key", "CloudFrontDecryptsForTheDistribution"),
    ],
)
def test_cloudfront_grants_are_limited_to_the_distribution(plan, document, sid):
    references = _statement_condition_references(plan, "static_defaults", document, sid)
    assert references == ["aws_cloudfront_distribution.frontend", "aws_cloudfront_distribution.frontend.arn"]


@pytest.mark.parametrize("instance", INSTANCES)
def test_bucket_and_key_policies_are_the_policy_documents(plan, instance):
    module = f"module.{instance}"
    pairs = [
        (f"{module}.aws_s3_bucket_policy.logs", "policy", f"{module}.data.aws_iam_policy_document.logs"),
        (
            f"{module}.aws_kms_key.waf_logs_us_east_1",
            "policy",
            f"{module}.data.aws_iam_policy_document.waf_logs_us_east_1_key",
        ),
    ]
    if f"{module}.aws_s3_bucket.frontend[0]" in plan.values:
        pairs += [
            (
                f"{module}.aws_s3_bucket_policy.frontend[0]",
                "policy",
                f"{module}.data.aws_iam_policy_document.frontend_bucket[0]",
            ),
            (f"{module}.aws_kms_key.frontend[0]", "policy", f"{module}.data.aws_iam_policy_document.frontend_key[0]"),
        ]
    for address, attribute, document in pairs:
        assert plan.references(address, attribute) == [document], f"{address}.{attribute}"


def _rules(acl: dict) -> dict[str, dict]:
    return {rule["name"]: rule for rule in acl["rule"]}


@pytest.mark.parametrize("acl", ["alb", "cloudfront"])
@pytest.mark.parametrize("instance", INSTANCES)
def test_web_acl_rules(plan, instance, acl):
    expected = INVENTORY["waf"][instance]
    values = plan.value(f"module.{instance}.aws_wafv2_web_acl.{acl}")
    assert values["scope"] == ("REGIONAL" if acl == "alb" else "CLOUDFRONT")
    assert values["default_action"] == [{"allow": [{"custom_request_handling": []}], "block": []}]
    assert values["visibility_config"][0]["cloudwatch_metrics_enabled"] is True
    rules = _rules(values)

    managed = {
        rule["priority"]: rule["statement"][0]["managed_rule_group_statement"][0]
        for rule in rules.values()
        if rule["name"] != RATE_RULE
    }
    assert {priority: group["name"] for priority, group in managed.items()} == expected["managed_rule_groups"]
    for group in managed.values():
        rule = rules[group["name"]]
        assert group["vendor_name"] == "AWS", group
        assert group["rule_action_override"] == [], f"{group['name']} overrides rule actions"
        assert rule["override_action"] == [{"count": [], "none": [{}]}], f"{group['name']} does not block"

    rate = rules[RATE_RULE]
    assert rate["priority"] == RATE_RULE_PRIORITY
    assert rate["action"][0]["block"] == [{"custom_response": []}]
    (statement,) = rate["statement"][0]["rate_based_statement"]
    assert (statement["limit"], statement["aggregate_key_type"], statement["evaluation_window_sec"]) == (
        expected["rate_limit"],
        "IP",
        300,
    )
    skipped_host = expected.get("alb_rate_limit_skips_host") if acl == "alb" else None
    if skipped_host is None:
        assert statement["scope_down_statement"] == []
    else:
        (scope,) = statement["scope_down_statement"]
        match = scope["not_statement"][0]["statement"][0]["byte_match_statement"][0]
        assert (match["search_string"], match["positional_constraint"]) == (skipped_host, "EXACTLY")
        assert match["field_to_match"][0]["single_header"] == [{"name": "host"}]

    for rule in rules.values():
        visibility = rule["visibility_config"][0]
        assert visibility["cloudwatch_metrics_enabled"] and visibility["sampled_requests_enabled"], rule["name"]
        assert visibility["metric_name"] == f"{plan.module_input(instance, 'name_prefix')}-{acl}-{rule['name']}"


@pytest.mark.parametrize("instance", INSTANCES)
def test_web_acls_protect_the_alb_and_the_distribution_and_log(plan, instance):
    module = f"module.{instance}"
    association = f"{module}.aws_wafv2_web_acl_association.alb"
    assert plan.references(association, "resource_arn") == [f"{module}.aws_lb.this"]
    assert plan.references(association, "web_acl_arn") == [f"{module}.aws_wafv2_web_acl.alb"]
    distribution = f"{module}.aws_cloudfront_distribution.frontend"
    assert plan.references(distribution, "web_acl_id") == [f"{module}.aws_wafv2_web_acl.cloudfront"]
    for acl in ("alb", "cloudfront"):
        logging = f"{module}.aws_wafv2_web_acl_logging_configuration.{acl}"
        assert plan.references(logging, "resource_arn") == [f"{module}.aws_wafv2_web_acl.{acl}"]
        assert plan.references(logging, "log_destination_configs") == [f"{module}.aws_cloudwatch_log_group.waf_{acl}"]
    assert plan.references(f"{module}.aws_cloudwatch_log_group.waf_cloudfront", "kms_key_id") == [
        f"{module}.aws_kms_key.waf_logs_us_east_1"
    ]


@pytest.mark.parametrize("instance", INSTANCES)
def test_listeners_and_certificates_are_wired(plan, instance):
    module = f"module.{instance}"
    assert plan.references(f"{module}.aws_lb_listener.https", "certificate_arn") == [
        f"{module}.aws_acm_certificate_validation.alb"
    ]
    assert plan.references(f"{module}.aws_lb_listener_rule.api", "listener_arn") == [f"{module}.aws_lb_listener.https"]
    viewer_certificate = plan.plan.resources[f"{module}.aws_cloudfront_distribution.frontend"].blocks(
        "viewer_certificate"
    )[0]
    assert [target.address for target in viewer_certificate.targets("acm_certificate_arn")] == [
        f"{module}.aws_acm_certificate_validation.cloudfront"
    ]
    access_logs = plan.plan.resources[f"{module}.aws_lb.this"].blocks("access_logs")[0]
    assert [target.address for target in access_logs.targets("bucket")] == [f"{module}.aws_s3_bucket.logs"]


@pytest.mark.parametrize("instance", INSTANCES)
def test_us_east_1_resources_use_the_alias_provider(plan, instance):
    providers = {
        resource["address"]: resource["provider_config_key"] for resource in _module_config(plan, instance)["resources"]
    }
    on_alias = sorted(address for address, key in providers.items() if key == "aws.us_east_1")
    assert on_alias == INVENTORY["us_east_1"]
    assert set(providers.values()) == {"aws", "aws.us_east_1"}
    root_providers = plan.raw["configuration"]["provider_config"]
    assert root_providers["aws.us_east_1"]["expressions"]["region"] == {"constant_value": "us-east-1"}
    # The module reads the region of the provider it was given: the caller's us_east_1 alias.
    assert plan.value(f"module.{instance}.data.aws_region.us_east_1")["name"] == "us-east-1"
    assert plan.value(f"module.{instance}.data.aws_region.current")["name"] == "eu-west-1"


def test_naming_and_tagging_conventions(plan):
    problems = []
    for instance in INSTANCES:
        module = f"module.{instance}"
        # The harness exempts DNS record names and the aws-waf-logs- prefix AWS requires of WAF log groups.
        problems += plan.name_violations(module, plan.module_input(instance, "name_prefix"))
        problems += plan.tag_violations(module, plan.module_input(instance, "tags") or {}, {"Project": "unit"})
    assert not problems, "\n".join(problems)


def test_outputs(plan):
    plan.assert_module_outputs("modules/edge", INVENTORY["outputs"])
