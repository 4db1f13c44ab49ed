"""harness.environments.leftovers finds what a run left behind, and only that run's resources."""

import json
import uuid

import pytest

from harness.environments import EMULATOR_REGION, Target, leftovers

pytestmark = pytest.mark.unit


@pytest.fixture
def target(emulator, project_toolchain):
    return Target.on_emulator(emulator, project_toolchain)


def test_leftovers_name_what_carries_the_prefix_and_nothing_else(target):
    prefix, other = f"it-unit-{uuid.uuid4().hex[:6]}", f"it-other-{uuid.uuid4().hex[:6]}"
    s3, iam, logs, kms = (target.client(service) for service in ("s3", "iam", "logs", "kms"))
    for name in (prefix, other):
        s3.create_bucket(Bucket=f"{name}-uploads", CreateBucketConfiguration={"LocationConstraint": EMULATOR_REGION})
        iam.create_role(RoleName=f"{name}-batch-job", AssumeRolePolicyDocument=json.dumps({"Statement": []}))
        logs.create_log_group(logGroupName=f"/aws/batch/{name}-worker")
    live_key = kms.create_key(Description=f"{prefix} project customer-managed key")["KeyMetadata"]["Arn"]
    deleted_key = kms.create_key(Description=f"{prefix} project customer-managed key")["KeyMetadata"]["KeyId"]
    kms.schedule_key_deletion(KeyId=deleted_key, PendingWindowInDays=7)

    assert leftovers(target, prefix) == {
        "s3 buckets": [f"{prefix}-uploads"],
        "kms keys (not pending deletion)": [live_key],
        "iam roles": [f"{prefix}-batch-job"],
        "log groups": [f"/aws/batch/{prefix}-worker"],
    }


def test_only_active_job_definitions_are_left_over(target):
    prefix = f"it-unit-{uuid.uuid4().hex[:6]}"
    batch = target.client("batch")
    properties = {"image": "unused", "command": ["true"], "vcpus": 1, "memory": 512}
    first, second = (
        batch.register_job_definition(
            jobDefinitionName=f"{prefix}-worker", type="container", containerProperties=properties
        )["jobDefinitionArn"]
        for _ in range(2)
    )
    batch.deregister_job_definition(jobDefinition=first)
    assert leftovers(target, prefix) == {"batch job definitions (ACTIVE)": [second]}
    batch.deregister_job_definition(jobDefinition=second)
    assert leftovers(target, prefix) == {}


def create_edge_and_cluster_resources(target, name):
    """One resource of every kind modules/eks, modules/edge and modules/observability create, named after ``name``."""
    east = {service: target.emulator.client(service, region="us-east-1") for service in ("acm", "kms", "logs", "wafv2")}
    ec2, elbv2 = target.client("ec2"), target.client("elbv2")
    vpc = ec2.create_vpc(CidrBlock="10.99.0.0/16")["Vpc"]["VpcId"]
    subnets = [
        ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.99.{index}.0/24", AvailabilityZone=f"{EMULATOR_REGION}{zone}")[
            "Subnet"
        ]["SubnetId"]
        for index, zone in enumerate("ab")
    ]
    target.client("eks").create_cluster(
        name=f"{name}-eks",
        roleArn=f"arn:aws:iam::{target.account_id}:role/{name}-eks-cluster",
        resourcesVpcConfig={"subnetIds": subnets},
    )
    ec2.create_launch_template(LaunchTemplateName=f"{name}-eks-nodes", LaunchTemplateData={"InstanceType": "t3.large"})
    target.client("iam").create_open_id_connect_provider(
        Url=f"https://oidc.eks.{EMULATOR_REGION}.amazonaws.com/id/{uuid.uuid4().hex.upper()}",
        ClientIDList=["sts.amazonaws.com"],
        ThumbprintList=["9e99a48a9960b14926bb7f3b02e22da2b0ab7280"],
        Tags=[{"Key": "Name", "Value": f"{name}-eks-irsa"}],
    )
    elbv2.create_load_balancer(Name=f"{name}-alb", Subnets=subnets, Type="application")
    elbv2.create_target_group(Name=f"{name}-api", Protocol="HTTP", Port=8000, VpcId=vpc, TargetType="ip")
    visibility = {"SampledRequestsEnabled": True, "CloudWatchMetricsEnabled": True, "MetricName": "unit"}
    for scope, wafv2 in (("REGIONAL", target.client("wafv2")), ("CLOUDFRONT", east["wafv2"])):
        wafv2.create_web_acl(
            Name=f"{name}-{scope.lower()}", Scope=scope, DefaultAction={"Allow": {}}, VisibilityConfig=visibility
        )
    for acm, host in ((target.client("acm"), "api"), (east["acm"], "app")):
        # The environment's domain, not the run's: only the Name tag tells runs apart.
        acm.request_certificate(
            DomainName=f"{host}.hml.example.com",
            ValidationMethod="DNS",
            Tags=[{"Key": "Name", "Value": f"{name}-{host}"}],
        )
    cloudfront = target.client("cloudfront")
    oac = cloudfront.create_origin_access_control(
        OriginAccessControlConfig={
            "Name": f"{name}-frontend",
            "SigningProtocol": "sigv4",
            "SigningBehavior": "always",
            "OriginAccessControlOriginType": "s3",
        }
    )["OriginAccessControl"]["Id"]
    headers = cloudfront.create_response_headers_policy(
        ResponseHeadersPolicyConfig={
            "Name": f"{name}-security-headers",
            "SecurityHeadersConfig": {"ContentTypeOptions": {"Override": True}},
        }
    )["ResponseHeadersPolicy"]["Id"]
    origin = f"{name}-frontend.s3.{EMULATOR_REGION}.amazonaws.com"
    distribution = cloudfront.create_distribution(
        DistributionConfig={
            "CallerReference": name,
            "Comment": f"{name} frontend (s3 origin)",
            "Enabled": True,
            "Origins": {
                "Quantity": 1,
                "Items": [
                    {
                        "Id": "s3",
                        "DomainName": origin,
                        "OriginAccessControlId": oac,
                        "S3OriginConfig": {"OriginAccessIdentity": ""},
                    }
                ],
            },
            "DefaultCacheBehavior": {
                "TargetOriginId": "s3",
                "ViewerProtocolPolicy": "redirect-to-https",
                "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6",
                "ResponseHeadersPolicyId": headers,
            },
        }
    )["Distribution"]["Id"]
    target.client("route53").create_hosted_zone(Name=f"{name}.platform.test", CallerReference=name)
    target.client("sns").create_topic(Name=f"{name}-alarms")
    cloudwatch = target.client("cloudwatch")
    cloudwatch.put_metric_alarm(
        AlarmName=f"{name}-alb-5xx",
        MetricName="HTTPCode_ELB_5XX_Count",
        Namespace="AWS/ApplicationELB",
        Statistic="Sum",
        Period=300,
        EvaluationPeriods=1,
        Threshold=10,
        ComparisonOperator="GreaterThanThreshold",
    )
    cloudwatch.put_dashboard(DashboardName=f"{name}-platform", DashboardBody=json.dumps({"widgets": []}))
    target.client("events").put_rule(Name=f"{name}-batch-backlog", ScheduleExpression="rate(1 minute)")
    target.client("logs").put_resource_policy(
        policyName=f"{name}-batch-job-failed", policyDocument=json.dumps({"Version": "2012-10-17", "Statement": []})
    )
    key = east["kms"].create_key(Description=f"{name} CloudFront WAF logs (us-east-1)")["KeyMetadata"]
    east["kms"].create_alias(AliasName=f"alias/{name}-cloudfront-waf-logs", TargetKeyId=key["KeyId"])
    east["logs"].create_log_group(logGroupName=f"aws-waf-logs-{name}-cloudfront")
    return {"distribution": distribution, "us-east-1 key": key["Arn"]}


def test_leftovers_name_the_cluster_edge_and_alarm_resources_of_the_run_only(target):
    prefix, other = f"it-unit-{uuid.uuid4().hex[:6]}", f"it-other-{uuid.uuid4().hex[:6]}"
    created = create_edge_and_cluster_resources(target, prefix)
    create_edge_and_cluster_resources(target, other)
    found = leftovers(target, prefix)

    certificates = {kind: found.pop(kind) for kind in ("acm certificates", "acm certificates (us-east-1)")}
    assert [len(arns) for arns in certificates.values()] == [1, 1], certificates
    assert [arn.split(":")[3] for arns in certificates.values() for arn in arns] == [EMULATOR_REGION, "us-east-1"]
    (oidc_provider,) = found.pop("iam oidc providers")
    assert oidc_provider.startswith(f"arn:aws:iam::{target.account_id}:oidc-provider/oidc.eks.")
    (load_balancer,) = found.pop("load balancers")
    assert load_balancer == f"{prefix}-alb"
    assert found.pop("vpcs", None) is None, "the test's VPC carries no Name tag"
    assert found == {
        "eks clusters": [f"{prefix}-eks"],
        "launch templates": [f"{prefix}-eks-nodes"],
        "target groups": [f"{prefix}-api"],
        "waf web acls (REGIONAL)": [f"{prefix}-regional"],
        "waf web acls (CLOUDFRONT, us-east-1)": [f"{prefix}-cloudfront"],
        "cloudfront distributions": [created["distribution"]],
        "cloudfront response headers policies": [f"{prefix}-security-headers"],
        "cloudfront origin access controls": [f"{prefix}-frontend"],
        "route53 hosted zones": [f"{prefix}.platform.test."],
        "sns topics": [f"arn:aws:sns:{EMULATOR_REGION}:{target.account_id}:{prefix}-alarms"],
        "cloudwatch alarms": [f"{prefix}-alb-5xx"],
        "cloudwatch dashboards": [f"{prefix}-platform"],
        "eventbridge rules": [f"{prefix}-batch-backlog"],
        "log resource policies": [f"{prefix}-batch-job-failed"],
        "kms keys (us-east-1, not pending deletion)": [created["us-east-1 key"]],
        "kms aliases (us-east-1)": [f"alias/{prefix}-cloudfront-waf-logs"],
        "log groups (us-east-1)": [f"aws-waf-logs-{prefix}-cloudfront"],
    }
