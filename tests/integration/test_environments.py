"""envs/local and envs/hml (example.tfvars), applied once each under a unique prefix: the live state.

Everything is read back through the AWS APIs (boto3), not from Terraform: outputs, encryption, retention,
public access, the database's spread over AZs, Batch, the state machine, the security group rules, the EKS
cluster with its nodes, add-ons and IRSA roles, the ALB, the web ACLs, CloudFront, DNS and the alarms. Then
a second plan must show no changes, and the destroy must leave nothing carrying the run's prefix.
"""

import json

import pytest

from harness.environments import US_EAST_1, client_in_region, leftovers
from harness.integration import environment_param
from harness.live import as_list, assert_private_bucket_encrypted_with, is_key

pytestmark = pytest.mark.integration

# What differs between the two roots (envs/local/main.tf, envs/hml/example.tfvars); the rest is shared code.
EXPECTED = {
    "local": {
        "azs": 2,
        "aurora_instance_class": "db.r6g.large",
        "aurora_serverless_v2": None,
        "batch_max_vcpus": 16,
        "job_attempt_timeout_seconds": 300,
        "log_retention_days": 365,
        "final_snapshot": False,
        "eks_admin_role_arn": "arn:{partition}:iam::{account}:role/{prefix}-eks-admin",
        "eks_node_sizes": (1, 2),
        "waf_rate_limit": 2000,
    },
    "hml": {
        "azs": 3,
        "aurora_instance_class": "db.serverless",
        "aurora_serverless_v2": {"MinCapacity": 0.0, "MaxCapacity": 4.0, "SecondsUntilAutoPause": 3600},
        "batch_max_vcpus": 8,
        "job_attempt_timeout_seconds": 3600,
        "log_retention_days": 365,
        "final_snapshot": True,
        # example.tfvars' administrator: a role of the staging account, not of the run.
        "eks_admin_role_arn": "arn:aws:iam::111122223333:role/platform-admin",
        "eks_node_sizes": (1, 3),
        "waf_rate_limit": 2000,
    },
}


# Shared by both roots (envs/local/main.tf, envs/hml/example.tfvars).
KUBERNETES_VERSION = "1.35"
ADDON_VERSIONS = {
    "vpc-cni": "v1.20.4-eksbuild.1",
    "kube-proxy": "v1.35.0-eksbuild.3",
    "coredns": "v1.12.1-eksbuild.2",
    "eks-pod-identity-agent": "v1.3.8-eksbuild.2",
    "metrics-server": "v0.8.0-eksbuild.1",
    "amazon-cloudwatch-observability": "v4.3.0-eksbuild.1",
}
# Service account (namespace:name) of each IRSA role, by the key of the eks_irsa_role_arns output.
IRSA_SERVICE_ACCOUNTS = {
    "aws_load_balancer_controller": "kube-system:aws-load-balancer-controller",
    "cluster_autoscaler": "kube-system:cluster-autoscaler",
    "api": "api:api",
}
ALARMS = [
    "alb-elb-5xx",
    "alb-target-5xx",
    "alb-target-p99",
    "batch-backlog",
    "batch-failed-jobs",
    "eks-node-cpu",
    "eks-node-memory",
    "rds-connections",
    "rds-cpu",
    "rds-freeable-memory",
    "sfn-executions-failed",
    "sfn-executions-timed-out",
]
WAF_MANAGED_RULE_GROUPS = [
    "AWSManagedRulesAmazonIpReputationList",
    "AWSManagedRulesCommonRuleSet",
    "AWSManagedRulesKnownBadInputsRuleSet",
    "AWSManagedRulesSQLiRuleSet",  # the edge module's default (waf_sqli_rule_set), kept by both roots
]


@pytest.fixture(scope="module", params=[environment_param("local"), environment_param("hml")])
def env(request, platform_env):
    return platform_env(request.param)


@pytest.fixture
def expected(env):
    return EXPECTED[env.name]


def test_outputs_name_the_live_network_buckets_and_database(env, expected):
    outputs, ec2 = env.outputs, env.client("ec2")
    assert ec2.describe_vpcs(VpcIds=[outputs["vpc_id"]])["Vpcs"][0]["State"] == "available"
    for tier in ("public", "private", "database"):
        subnets = ec2.describe_subnets(SubnetIds=outputs[f"{tier}_subnet_ids"])["Subnets"]
        zones = {subnet["AvailabilityZone"] for subnet in subnets}
        assert {subnet["VpcId"] for subnet in subnets} == {outputs["vpc_id"]}, tier
        assert len(subnets) == len(zones) == expected["azs"], f"{tier} subnets: one per AZ, got {sorted(zones)}"
    account = env.target.account_id
    assert outputs["uploads_bucket_name"] == f"{env.prefix}-uploads-{account}"
    assert outputs["results_bucket_name"] == f"{env.prefix}-results-{account}"
    assert set(outputs["ecr_repository_urls"]) == {"frontend", "api", "batch"}
    cluster = env.client("rds").describe_db_clusters(DBClusterIdentifier=f"{env.prefix}-aurora")["DBClusters"][0]
    assert (outputs["aurora_endpoint"], outputs["aurora_reader_endpoint"]) == (
        cluster["Endpoint"],
        cluster["ReaderEndpoint"],
    )
    assert outputs["aurora_master_user_secret_arn"] == cluster["MasterUserSecret"]["SecretArn"]


@pytest.mark.parametrize("data_class", ["uploads", "results"])
def test_bucket_is_encrypted_with_the_project_key_versioned_and_private(env, data_class):
    bucket = env.outputs[f"{data_class}_bucket_name"]
    assert_private_bucket_encrypted_with(env.client("s3"), bucket, env.outputs["kms_key_arn"])


@pytest.mark.parametrize(
    "data_class, expiration_days, transitions",
    [
        ("uploads", 365, []),
        ("results", 1825, [(30, "STANDARD_IA"), (90, "GLACIER_IR")]),
    ],
)
def test_bucket_lifecycle_keeps_the_data_class_retention(env, data_class, expiration_days, transitions):
    bucket = env.outputs[f"{data_class}_bucket_name"]
    (rule,) = env.client("s3").get_bucket_lifecycle_configuration(Bucket=bucket)["Rules"]
    assert rule["Status"] == "Enabled"
    assert rule["Expiration"] == {"Days": expiration_days}
    assert [(item["Days"], item["StorageClass"]) for item in rule.get("Transitions", [])] == transitions
    assert rule["NoncurrentVersionExpiration"]["NoncurrentDays"] == 30
    assert rule["AbortIncompleteMultipartUpload"] == {"DaysAfterInitiation": 7}


@pytest.mark.parametrize("data_class", ["uploads", "results"])
def test_bucket_policy_refuses_plain_http_and_old_tls(env, data_class):
    bucket = env.outputs[f"{data_class}_bucket_name"]
    policy = json.loads(env.client("s3").get_bucket_policy(Bucket=bucket)["Policy"])
    arn = f"arn:{env.target.partition}:s3:::{bucket}"
    deny_everything_when = [
        {
            test: {key: as_list(value) for key, value in values.items()}
            for test, values in statement["Condition"].items()
        }
        for statement in policy["Statement"]
        if statement["Effect"] == "Deny"
        and statement["Principal"] in ("*", {"AWS": "*"})
        and as_list(statement["Action"]) == ["s3:*"]
        and sorted(as_list(statement["Resource"])) == [arn, f"{arn}/*"]
    ]
    assert {"Bool": {"aws:SecureTransport": ["false"]}} in deny_everything_when, policy
    assert {"NumericLessThan": {"s3:TlsVersion": ["1.2"]}} in deny_everything_when, policy


def test_kms_key_is_the_projects_and_rotates(env):
    kms, key_arn = env.client("kms"), env.outputs["kms_key_arn"]
    metadata = kms.describe_key(KeyId=key_arn)["KeyMetadata"]
    assert (metadata["KeyState"], metadata["KeyManager"], metadata["KeyUsage"]) == (
        "Enabled",
        "CUSTOMER",
        "ENCRYPT_DECRYPT",
    )
    assert kms.get_key_rotation_status(KeyId=key_arn)["KeyRotationEnabled"] is True
    aliases = kms.list_aliases(KeyId=metadata["KeyId"])["Aliases"]
    assert [alias["AliasName"] for alias in aliases] == [f"alias/{env.prefix}"]


def test_ecr_repositories_scan_on_push_are_immutable_and_encrypted(env):
    ecr = env.client("ecr")
    names = [f"{env.prefix}-{name}" for name in ("api", "batch", "frontend")]
    repositories = sorted(
        ecr.describe_repositories(repositoryNames=names)["repositories"], key=lambda r: r["repositoryName"]
    )
    assert [repository["repositoryUri"] for repository in repositories] == [
        env.outputs["ecr_repository_urls"][name] for name in ("api", "batch", "frontend")
    ]
    for repository in repositories:
        assert repository["imageTagMutability"] == "IMMUTABLE", repository["repositoryName"]
        assert repository["imageScanningConfiguration"] == {"scanOnPush": True}, repository["repositoryName"]
        assert repository["encryptionConfiguration"]["encryptionType"] == "KMS"
        assert is_key(repository["encryptionConfiguration"]["kmsKey"], env.outputs["kms_key_arn"])
        assert ecr.get_lifecycle_policy(repositoryName=repository["repositoryName"])["lifecyclePolicyText"]


def test_aurora_spreads_encrypted_instances_over_azs_with_a_managed_secret(env, expected):
    rds, key_arn = env.client("rds"), env.outputs["kms_key_arn"]
    cluster = rds.describe_db_clusters(DBClusterIdentifier=f"{env.prefix}-aurora")["DBClusters"][0]
    assert cluster["StorageEncrypted"] is True and is_key(cluster["KmsKeyId"], key_arn)
    assert cluster["IAMDatabaseAuthenticationEnabled"] is True
    assert cluster["EnabledCloudwatchLogsExports"] == ["postgresql"]
    assert cluster.get("ServerlessV2ScalingConfiguration") == expected["aurora_serverless_v2"]
    secret = cluster["MasterUserSecret"]
    assert is_key(secret["KmsKeyId"], key_arn)
    described_secret = env.client("secretsmanager").describe_secret(SecretId=secret["SecretArn"])
    assert is_key(described_secret["KmsKeyId"], key_arn) and "DeletedDate" not in described_secret
    members = [member["DBInstanceIdentifier"] for member in cluster["DBClusterMembers"]]
    instances = [rds.describe_db_instances(DBInstanceIdentifier=member)["DBInstances"][0] for member in members]
    assert len(instances) >= 2
    zones = {instance["AvailabilityZone"] for instance in instances}
    assert len(zones) >= 2, f"every instance in one AZ: {zones}"
    for instance in instances:
        name = instance["DBInstanceIdentifier"]
        assert instance["StorageEncrypted"] is True and is_key(instance["KmsKeyId"], key_arn), name
        assert instance["PubliclyAccessible"] is False, name
        assert instance["DBInstanceClass"] == expected["aurora_instance_class"], name
        assert instance["PerformanceInsightsEnabled"] is True, name
    assert sum(member["IsClusterWriter"] for member in cluster["DBClusterMembers"]) == 1


def test_batch_runs_the_worker_on_fargate_in_private_subnets(env, expected):
    batch, prefix, outputs = env.client("batch"), env.prefix, env.outputs
    (environment,) = batch.describe_compute_environments(computeEnvironments=[f"{prefix}-fargate"])[
        "computeEnvironments"
    ]
    assert (environment["type"], environment["state"], environment["status"]) == ("MANAGED", "ENABLED", "VALID")
    resources = environment["computeResources"]
    assert resources["type"] == "FARGATE" and resources["maxvCpus"] == expected["batch_max_vcpus"]
    assert sorted(resources["subnets"]) == sorted(outputs["private_subnet_ids"])
    batch_group = security_group(env, "batch")
    assert resources["securityGroupIds"] == [batch_group["GroupId"]]
    assert environment["serviceRole"].endswith(f":role/{prefix}-batch-service")

    (queue,) = batch.describe_job_queues(jobQueues=[outputs["batch_job_queue_arn"]])["jobQueues"]
    assert (queue["state"], queue["status"]) == ("ENABLED", "VALID")
    assert [item["computeEnvironment"] for item in queue["computeEnvironmentOrder"]] == [
        environment["computeEnvironmentArn"]
    ]

    (definition,) = batch.describe_job_definitions(jobDefinitionName=f"{prefix}-worker", status="ACTIVE")[
        "jobDefinitions"
    ]
    container = definition["containerProperties"]
    assert definition["platformCapabilities"] == ["FARGATE"]
    assert container["readonlyRootFilesystem"] is True and not container.get("privileged")
    assert {item["name"]: item["value"] for item in container["environment"]} == {
        "RESULTS_BUCKET": outputs["results_bucket_name"],
        "RESULTS_PREFIX": "results/",
    }
    assert container["jobRoleArn"].endswith(f":role/{prefix}-batch-job")
    assert container["executionRoleArn"].endswith(f":role/{prefix}-batch-execution")
    first_rule = definition["retryStrategy"]["evaluateOnExit"][0]
    assert (first_rule["onExitCode"], first_rule["action"].upper()) == ("65", "EXIT"), "bad input is not retried"
    assert definition["timeout"]["attemptDurationSeconds"] == expected["job_attempt_timeout_seconds"]
    assert container["logConfiguration"]["options"]["awslogs-group"] == f"/aws/batch/{prefix}-worker"


def test_state_machine_runs_the_job_with_logging_tracing_and_its_own_role(env):
    prefix, outputs, target = env.prefix, env.outputs, env.target
    described = env.client("stepfunctions").describe_state_machine(stateMachineArn=outputs["state_machine_arn"])
    assert described["status"] == "ACTIVE" and described["type"] == "STANDARD"
    task = json.loads(described["definition"])["States"]["RunWorkerJob"]
    assert task["Resource"] == f"arn:{target.partition}:states:::batch:submitJob.sync"
    job_definition = f"arn:{target.partition}:batch:{target.region}:{target.account_id}:job-definition/{prefix}-worker"
    assert task["Parameters"]["JobQueue"] == outputs["batch_job_queue_arn"]
    assert task["Parameters"]["JobDefinition"] == job_definition, "the latest ACTIVE revision, no revision pinned"
    overrides = {item["Name"]: item.get("Value.$") for item in task["Parameters"]["ContainerOverrides"]["Environment"]}
    assert (overrides["INPUT_BUCKET"], overrides["INPUT_KEY"]) == ("$.bucket", "$.key")
    assert [catch["ErrorEquals"] for catch in task["Catch"]] == [["States.ALL"]]

    logging = described["loggingConfiguration"]
    assert (logging["level"], logging["includeExecutionData"]) == ("ALL", True)
    log_group = f"/aws/vendedlogs/states/{prefix}-pipeline"
    assert [item["cloudWatchLogsLogGroup"]["logGroupArn"] for item in logging["destinations"]] == [
        f"arn:{target.partition}:logs:{target.region}:{target.account_id}:log-group:{log_group}:*"
    ]
    assert described["tracingConfiguration"] == {"enabled": True}
    assert is_key(described["encryptionConfiguration"]["kmsKeyId"], outputs["kms_key_arn"])

    iam = env.client("iam")
    role_name = f"{prefix}-pipeline-sfn"
    assert described["roleArn"] == iam.get_role(RoleName=role_name)["Role"]["Arn"]
    trust = iam.get_role(RoleName=role_name)["Role"]["AssumeRolePolicyDocument"]
    assert [statement["Principal"] for statement in trust["Statement"]] == [{"Service": "states.amazonaws.com"}]
    policy = iam.get_role_policy(RoleName=role_name, PolicyName=role_name)["PolicyDocument"]
    submit = [statement for statement in policy["Statement"] if "batch:SubmitJob" in as_list(statement["Action"])]
    assert [sorted(as_list(statement["Resource"])) for statement in submit] == [
        sorted([outputs["batch_job_queue_arn"], job_definition, f"{job_definition}:*"])
    ]


def security_group(env, role):
    groups = env.client("ec2").describe_security_groups(
        Filters=[
            {"Name": "group-name", "Values": [f"{env.prefix}-{role}"]},
            {"Name": "vpc-id", "Values": [env.outputs["vpc_id"]]},
        ]
    )["SecurityGroups"]
    assert len(groups) == 1, f"security group {env.prefix}-{role}: {groups}"
    return groups[0]


def rules_of(env, group_id):
    """Rules of a group as (direction, protocol, ports, peer), peers named after the run's groups."""
    ec2 = env.client("ec2")
    names = {
        group["GroupId"]: group["GroupName"].removeprefix(f"{env.prefix}-")
        for group in ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [env.outputs["vpc_id"]]}])[
            "SecurityGroups"
        ]
    }
    rules = ec2.describe_security_group_rules(Filters=[{"Name": "group-id", "Values": [group_id]}])[
        "SecurityGroupRules"
    ]
    return {
        (
            "egress" if rule["IsEgress"] else "ingress",
            rule["IpProtocol"],
            f"{rule['FromPort']}-{rule['ToPort']}",
            rule.get("CidrIpv4") or names[rule["ReferencedGroupInfo"]["GroupId"]],
        )
        for rule in rules
    }


def test_security_groups_allow_only_the_intended_flows(env):
    assert rules_of(env, security_group(env, "rds")["GroupId"]) == {
        ("ingress", "tcp", "5432-5432", "eks-nodes"),
        ("ingress", "tcp", "5432-5432", "batch"),
    }
    assert rules_of(env, security_group(env, "batch")["GroupId"]) == {
        ("egress", "tcp", "443-443", "0.0.0.0/0"),
        ("egress", "tcp", "5432-5432", "rds"),
    }
    alb = rules_of(env, security_group(env, "alb")["GroupId"])
    assert {rule for rule in alb if rule[0] == "ingress"} == {
        ("ingress", "tcp", "443-443", "0.0.0.0/0"),
        ("ingress", "tcp", "80-80", "0.0.0.0/0"),
    }
    default = env.client("ec2").describe_security_groups(
        Filters=[{"Name": "group-name", "Values": ["default"]}, {"Name": "vpc-id", "Values": [env.outputs["vpc_id"]]}]
    )["SecurityGroups"][0]
    assert rules_of(env, default["GroupId"]) == set(), "the VPC default group must allow nothing"


def test_log_groups_are_encrypted_and_expire(env, expected):
    pages = env.client("logs").get_paginator("describe_log_groups").paginate()
    groups = [group for page in pages for group in page["logGroups"] if env.prefix in group["logGroupName"]]
    assert sorted(group["logGroupName"] for group in groups) == sorted(
        [
            f"/aws/batch/{env.prefix}-worker",
            f"/aws/eks/{env.prefix}-eks/cluster",
            f"/aws/events/{env.prefix}-batch-job-failed",
            f"/aws/rds/cluster/{env.prefix}-aurora/postgresql",
            f"/aws/vendedlogs/states/{env.prefix}-batch-backlog",
            f"/aws/vendedlogs/states/{env.prefix}-pipeline",
            f"aws-waf-logs-{env.prefix}-alb",
            f"{env.prefix}-vpc-flow-logs",
        ]
    )
    for group in groups:
        assert is_key(group.get("kmsKeyId", ""), env.outputs["kms_key_arn"]), group["logGroupName"]
        assert group.get("retentionInDays") == expected["log_retention_days"], group["logGroupName"]
    # CloudFront's web ACL logs to us-east-1, under a key of that region the edge module creates.
    kms_east = client_in_region(env.target, "kms", US_EAST_1)
    (group,) = client_in_region(env.target, "logs", US_EAST_1).describe_log_groups(
        logGroupNamePrefix=f"aws-waf-logs-{env.prefix}-cloudfront"
    )["logGroups"]
    assert group.get("retentionInDays") == expected["log_retention_days"]
    key = kms_east.describe_key(KeyId=group["kmsKeyId"])["KeyMetadata"]
    assert (key["Arn"].split(":")[3], key["Description"]) == (
        US_EAST_1,
        f"{env.prefix} CloudFront WAF logs (us-east-1)",
    )
    assert kms_east.get_key_rotation_status(KeyId=key["KeyId"])["KeyRotationEnabled"] is True


def eks_admin_role_arn(env, expected):
    target = env.target
    return expected["eks_admin_role_arn"].format(
        partition=target.partition, account=target.account_id, prefix=env.prefix
    )


def test_eks_cluster_is_private_encrypted_logged_and_administered_through_access_entries(env, expected):
    eks, outputs = env.client("eks"), env.outputs
    name = outputs["eks_cluster_name"]
    assert name == f"{env.prefix}-eks"
    cluster = eks.describe_cluster(name=name)["cluster"]
    assert (cluster["status"], cluster["version"]) == ("ACTIVE", KUBERNETES_VERSION)
    assert cluster["endpoint"] == outputs["eks_cluster_endpoint"]
    assert cluster["roleArn"].endswith(f":role/{name}-cluster")
    network = cluster["resourcesVpcConfig"]
    assert (network["endpointPrivateAccess"], network["endpointPublicAccess"]) == (True, False)
    assert sorted(network["subnetIds"]) == sorted(outputs["private_subnet_ids"])
    (encryption,) = cluster["encryptionConfig"]
    assert encryption["resources"] == ["secrets"]
    assert is_key(encryption["provider"]["keyArn"], outputs["kms_key_arn"])
    enabled = {kind for item in cluster["logging"]["clusterLogging"] if item["enabled"] for kind in item["types"]}
    assert enabled == {"api", "audit", "authenticator", "controllerManager", "scheduler"}
    assert cluster["accessConfig"]["authenticationMode"] == "API"

    admin = eks_admin_role_arn(env, expected)
    assert admin in eks.list_access_entries(clusterName=name)["accessEntries"]
    entry = eks.describe_access_entry(clusterName=name, principalArn=admin)["accessEntry"]
    assert entry["type"] == "STANDARD"
    policies = eks.list_associated_access_policies(clusterName=name, principalArn=admin)["associatedAccessPolicies"]
    assert [(policy["policyArn"], policy["accessScope"]["type"]) for policy in policies] == [
        (f"arn:{env.target.partition}:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy", "cluster")
    ]


def test_eks_nodes_run_al2023_from_an_imdsv2_only_encrypted_launch_template(env, expected):
    eks, ec2, name = env.client("eks"), env.client("ec2"), env.outputs["eks_cluster_name"]
    assert eks.list_nodegroups(clusterName=name)["nodegroups"] == [f"{name}-nodes"]
    group = eks.describe_nodegroup(clusterName=name, nodegroupName=f"{name}-nodes")["nodegroup"]
    assert (group["status"], group["amiType"], group["capacityType"]) == (
        "ACTIVE",
        "AL2023_x86_64_STANDARD",
        "ON_DEMAND",
    )
    assert group["version"] == KUBERNETES_VERSION
    assert sorted(group["subnets"]) == sorted(env.outputs["private_subnet_ids"])
    sizes = group["scalingConfig"]
    assert (sizes["minSize"], sizes["maxSize"]) == expected["eks_node_sizes"]
    assert group["nodeRole"].endswith(f":role/{name}-node")

    template = group["launchTemplate"]
    assert template["name"] == f"{name}-nodes"
    (version,) = ec2.describe_launch_template_versions(LaunchTemplateId=template["id"], Versions=[template["version"]])[
        "LaunchTemplateVersions"
    ]
    data = version["LaunchTemplateData"]
    metadata = data["MetadataOptions"]
    assert (metadata["HttpEndpoint"], metadata["HttpTokens"], metadata["HttpPutResponseHopLimit"]) == (
        "enabled",
        "required",
        1,
    )
    (volume,) = data["BlockDeviceMappings"]
    assert volume["Ebs"]["Encrypted"] is True and volume["Ebs"]["VolumeType"] == "gp3"
    assert is_key(volume["Ebs"]["KmsKeyId"], env.outputs["kms_key_arn"])
    assert data["SecurityGroupIds"] == [security_group(env, "eks-nodes")["GroupId"]]


def test_eks_addons_are_pinned_and_the_aws_facing_ones_run_under_irsa(env):
    eks, name = env.client("eks"), env.outputs["eks_cluster_name"]
    assert sorted(eks.list_addons(clusterName=name)["addons"]) == sorted(ADDON_VERSIONS)
    addons = {addon: eks.describe_addon(clusterName=name, addonName=addon)["addon"] for addon in ADDON_VERSIONS}
    assert {addon: described["addonVersion"] for addon, described in addons.items()} == ADDON_VERSIONS
    roles = {addon: described.get("serviceAccountRoleArn") for addon, described in addons.items()}
    assert {addon: role.rsplit("/", 1)[-1] for addon, role in roles.items() if role} == {
        "vpc-cni": f"{name}-vpc-cni",
        "amazon-cloudwatch-observability": f"{name}-cloudwatch-observability",
    }


def test_irsa_roles_trust_only_their_service_account_through_the_cluster_oidc_provider(env):
    iam, outputs = env.client("iam"), env.outputs
    issuer = env.client("eks").describe_cluster(name=outputs["eks_cluster_name"])["cluster"]["identity"]["oidc"][
        "issuer"
    ]
    provider_arn = outputs["eks_oidc_provider_arn"]
    provider = iam.get_open_id_connect_provider(OpenIDConnectProviderArn=provider_arn)
    issuer_host = issuer.removeprefix("https://")
    assert provider["Url"].removeprefix("https://") == issuer_host
    assert provider_arn.endswith(f":oidc-provider/{issuer_host}")
    assert provider["ClientIDList"] == ["sts.amazonaws.com"]
    assert {"Key": "Name", "Value": f"{env.prefix}-eks-irsa"} in provider["Tags"]

    assert set(outputs["eks_irsa_role_arns"]) == set(IRSA_SERVICE_ACCOUNTS)
    for key, role_arn in outputs["eks_irsa_role_arns"].items():
        role = iam.get_role(RoleName=role_arn.rsplit("/", 1)[-1])["Role"]
        assert role["Arn"] == role_arn
        (statement,) = role["AssumeRolePolicyDocument"]["Statement"]
        assert statement["Effect"] == "Allow" and as_list(statement["Action"]) == ["sts:AssumeRoleWithWebIdentity"]
        assert statement["Principal"] == {"Federated": provider_arn}, key
        conditions = {name: as_list(value) for name, value in statement["Condition"]["StringEquals"].items()}
        assert conditions == {
            f"{issuer_host}:sub": [f"system:serviceaccount:{IRSA_SERVICE_ACCOUNTS[key]}"],
            f"{issuer_host}:aud": ["sts.amazonaws.com"],
        }, key


def load_balancer(env):
    (balancer,) = env.client("elbv2").describe_load_balancers(Names=[f"{env.prefix}-alb"])["LoadBalancers"]
    return balancer


def certificate(env, region, domain):
    """The run's ISSUED certificate of ``domain`` in ``region``."""
    acm = client_in_region(env.target, "acm", region)
    arns = [
        item["CertificateArn"]
        for item in acm.list_certificates(CertificateStatuses=["ISSUED"])["CertificateSummaryList"]
        if item["DomainName"] == domain
        and any(
            tag["Value"].startswith(env.prefix)
            for tag in acm.list_tags_for_certificate(CertificateArn=item["CertificateArn"])["Tags"]
        )
    ]
    assert len(arns) == 1, f"ISSUED certificates of {domain} in {region}: {arns}"
    return arns[0]


def test_alb_is_public_logs_and_serves_only_https_with_the_api_certificate(env):
    elbv2, outputs = env.client("elbv2"), env.outputs
    balancer = load_balancer(env)
    assert (balancer["DNSName"], balancer["Type"]) == (outputs["alb_dns_name"], "application")
    # The provider sends no Scheme for internal = false (AWS then answers "internet-facing"); the emulator stores
    # none and returns none, so only "internal" is refused there.
    assert balancer.get("Scheme", "internet-facing") == "internet-facing"
    assert sorted(zone["SubnetId"] for zone in balancer["AvailabilityZones"]) == sorted(outputs["public_subnet_ids"])
    assert balancer["SecurityGroups"] == [security_group(env, "alb")["GroupId"]]
    attributes = {
        item["Key"]: item["Value"]
        for item in elbv2.describe_load_balancer_attributes(LoadBalancerArn=balancer["LoadBalancerArn"])["Attributes"]
    }
    assert attributes["routing.http.drop_invalid_header_fields.enabled"] == "true"
    assert attributes["access_logs.s3.enabled"] == "true"
    assert attributes["access_logs.s3.bucket"] == f"{env.prefix}-edge-logs-{env.target.account_id}"
    assert attributes["deletion_protection.enabled"] == "false", "the run must be able to destroy it"

    listeners = {
        listener["Port"]: listener
        for listener in elbv2.describe_listeners(LoadBalancerArn=balancer["LoadBalancerArn"])["Listeners"]
    }
    assert sorted(listeners) == [80, 443]
    (redirect,) = listeners[80]["DefaultActions"]
    assert redirect["Type"] == "redirect"
    assert {key: redirect["RedirectConfig"][key] for key in ("Protocol", "Port", "StatusCode")} == {
        "Protocol": "HTTPS",
        "Port": "443",
        "StatusCode": "HTTP_301",
    }
    https = listeners[443]
    assert (https["Protocol"], https["SslPolicy"]) == ("HTTPS", "ELBSecurityPolicy-TLS13-1-2-2021-06")
    assert [item["CertificateArn"] for item in https["Certificates"]] == [
        certificate(env, env.target.region, outputs["api_fqdn"])
    ]
    (fallback,) = https["DefaultActions"]
    assert (fallback["Type"], fallback["FixedResponseConfig"]["StatusCode"]) == ("fixed-response", "404")

    (group,) = elbv2.describe_target_groups(TargetGroupArns=[outputs["api_target_group_arn"]])["TargetGroups"]
    assert (group["TargetGroupName"], group["TargetType"], group["Protocol"]) == (f"{env.prefix}-api", "ip", "HTTP")
    assert group["VpcId"] == outputs["vpc_id"]
    rules = [rule for rule in elbv2.describe_rules(ListenerArn=https["ListenerArn"])["Rules"] if not rule["IsDefault"]]
    assert [
        (
            [
                value
                for condition in rule["Conditions"]
                for value in condition.get("Values") or condition["HostHeaderConfig"]["Values"]
            ],
            [(action["Type"], action["TargetGroupArn"]) for action in rule["Actions"]],
        )
        for rule in rules
    ] == [([outputs["api_fqdn"]], [("forward", outputs["api_target_group_arn"])])]


def web_acl_of(env, scope, region):
    wafv2 = client_in_region(env.target, "wafv2", region)
    name = f"{env.prefix}-{'alb' if scope == 'REGIONAL' else 'cloudfront'}"
    (summary,) = [acl for acl in wafv2.list_web_acls(Scope=scope)["WebACLs"] if acl["Name"] == name]
    return wafv2, wafv2.get_web_acl(Name=name, Scope=scope, Id=summary["Id"])["WebACL"]


@pytest.mark.parametrize("scope, region", [("REGIONAL", None), ("CLOUDFRONT", US_EAST_1)])
def test_web_acls_rate_limit_use_the_managed_groups_and_log(env, expected, scope, region):
    wafv2, acl = web_acl_of(env, scope, region)
    assert acl["DefaultAction"] == {"Allow": {}}
    rules = {rule["Name"]: rule for rule in acl["Rules"]}
    rate = rules["rate-limit-per-ip"]
    assert "Block" in rate["Action"]
    statement = rate["Statement"]["RateBasedStatement"]
    assert (statement["Limit"], statement["AggregateKeyType"]) == (expected["waf_rate_limit"], "IP")
    managed = sorted(
        rule["Statement"]["ManagedRuleGroupStatement"]["Name"]
        for rule in acl["Rules"]
        if "ManagedRuleGroupStatement" in rule["Statement"]
    )
    assert managed == WAF_MANAGED_RULE_GROUPS
    assert all(rule["OverrideAction"] == {"None": {}} for rule in acl["Rules"] if rule["Name"] in managed)

    logging = wafv2.get_logging_configuration(ResourceArn=acl["ARN"])["LoggingConfiguration"]
    target = env.target
    group = f"aws-waf-logs-{env.prefix}-{'alb' if scope == 'REGIONAL' else 'cloudfront'}"
    assert [destination.removesuffix(":*") for destination in logging["LogDestinationConfigs"]] == [
        f"arn:{target.partition}:logs:{region or target.region}:{target.account_id}:log-group:{group}"
    ]
    assert sorted(field["SingleHeader"]["Name"] for field in logging.get("RedactedFields", [])) == [
        "authorization",
        "cookie",
    ]


def test_the_regional_web_acl_protects_the_alb(env):
    _, acl = web_acl_of(env, "REGIONAL", None)
    associated = env.client("wafv2").get_web_acl_for_resource(ResourceArn=load_balancer(env)["LoadBalancerArn"])
    assert associated["WebACL"]["ARN"] == acl["ARN"]


def test_cloudfront_serves_the_private_bucket_over_tls_behind_its_web_acl(env):
    cloudfront, outputs, prefix = env.client("cloudfront"), env.outputs, env.prefix
    (summary,) = [
        item
        for item in cloudfront.list_distributions()["DistributionList"].get("Items", [])
        if item["DomainName"] == outputs["cloudfront_domain_name"]
    ]
    distribution = cloudfront.get_distribution(Id=summary["Id"])["Distribution"]
    config = distribution["DistributionConfig"]
    assert config["Enabled"] is True and config["Comment"] == f"{prefix} frontend (s3 origin)"
    assert config["Aliases"]["Items"] == [outputs["frontend_fqdn"]]
    viewer = config["ViewerCertificate"]
    assert (viewer["MinimumProtocolVersion"], viewer["SSLSupportMethod"]) == ("TLSv1.2_2021", "sni-only")
    assert viewer["ACMCertificateArn"] == certificate(env, US_EAST_1, outputs["frontend_fqdn"])
    _, acl = web_acl_of(env, "CLOUDFRONT", US_EAST_1)
    assert config["WebACLId"] == acl["ARN"]

    (origin,) = config["Origins"]["Items"]
    bucket = outputs["frontend_bucket_name"]
    assert bucket == f"{prefix}-frontend-{env.target.account_id}"
    assert origin["DomainName"] == f"{bucket}.s3.{env.target.region}.amazonaws.com"
    access = cloudfront.get_origin_access_control(Id=origin["OriginAccessControlId"])["OriginAccessControl"]
    access_config = access["OriginAccessControlConfig"]
    assert access_config["Name"] == f"{prefix}-frontend"
    assert (
        access_config["SigningProtocol"],
        access_config["SigningBehavior"],
        access_config["OriginAccessControlOriginType"],
    ) == ("sigv4", "always", "s3")

    behavior = config["DefaultCacheBehavior"]
    assert (behavior["TargetOriginId"], behavior["ViewerProtocolPolicy"]) == (origin["Id"], "redirect-to-https")
    policy = cloudfront.get_response_headers_policy(Id=behavior["ResponseHeadersPolicyId"])["ResponseHeadersPolicy"]
    policy_config = policy["ResponseHeadersPolicyConfig"]
    assert policy_config["Name"] == f"{prefix}-security-headers"
    hsts = policy_config["SecurityHeadersConfig"]["StrictTransportSecurity"]
    assert hsts["IncludeSubdomains"] is True and hsts["AccessControlMaxAgeSec"] >= 31536000


def test_dns_aliases_point_the_api_at_the_alb_and_the_frontend_at_cloudfront(env):
    route53, outputs = env.client("route53"), env.outputs
    domain = outputs["frontend_fqdn"]  # the frontend is served at the apex of the environment's zone
    assert outputs["api_fqdn"] == f"api.{domain}"
    zones = [zone for zone in route53.list_hosted_zones()["HostedZones"] if zone["Name"] == f"{domain}."]
    assert len(zones) == 1, zones
    records = route53.list_resource_record_sets(HostedZoneId=zones[0]["Id"])["ResourceRecordSets"]
    aliases = {
        (record["Name"].rstrip("."), record["Type"]): record["AliasTarget"]["DNSName"]
        .rstrip(".")
        .lower()
        .removeprefix("dualstack.")
        for record in records
        if "AliasTarget" in record
    }
    assert aliases == {
        (outputs["api_fqdn"], "A"): outputs["alb_dns_name"].lower(),
        (domain, "A"): outputs["cloudfront_domain_name"],
        (domain, "AAAA"): outputs["cloudfront_domain_name"],
    }


def test_alarms_notify_the_encrypted_topic_and_the_dashboard_exists(env):
    outputs, prefix = env.outputs, env.prefix
    topic = outputs["alarm_topic_arn"]
    assert topic.endswith(f":{prefix}-alarms")
    attributes = env.client("sns").get_topic_attributes(TopicArn=topic)["Attributes"]
    kms = env.client("kms")
    key = kms.describe_key(KeyId=attributes["KmsMasterKeyId"])["KeyMetadata"]
    assert key["Description"] == f"{prefix} alarm topic key", "the topic has a key of its own, not the project's"
    assert not is_key(key["Arn"], outputs["kms_key_arn"])
    assert kms.get_key_rotation_status(KeyId=key["KeyId"])["KeyRotationEnabled"] is True

    pages = env.client("cloudwatch").get_paginator("describe_alarms").paginate(AlarmNamePrefix=f"{prefix}-")
    alarms = {alarm["AlarmName"]: alarm for page in pages for alarm in page["MetricAlarms"]}
    assert sorted(alarms) == [f"{prefix}-{name}" for name in ALARMS]
    for name, alarm in alarms.items():
        assert alarm["ActionsEnabled"] is True, name
        assert (alarm["AlarmActions"], alarm["OKActions"]) == ([topic], [topic]), name

    assert outputs["dashboard_name"] == f"{prefix}-platform"
    dashboard = env.client("cloudwatch").get_dashboard(DashboardName=outputs["dashboard_name"])
    assert json.loads(dashboard["DashboardBody"])["widgets"]


def test_eventbridge_feeds_the_batch_alarms(env):
    events, prefix = env.client("events"), env.prefix
    rules = {rule["Name"]: rule for rule in events.list_rules(NamePrefix=prefix)["Rules"]}
    assert sorted(rules) == [f"{prefix}-batch-backlog", f"{prefix}-batch-job-failed"]
    assert rules[f"{prefix}-batch-backlog"]["ScheduleExpression"] == "rate(1 minute)"
    assert json.loads(rules[f"{prefix}-batch-job-failed"]["EventPattern"])["detail-type"] == ["Batch Job State Change"]
    (target,) = events.list_targets_by_rule(Rule=f"{prefix}-batch-backlog")["Targets"]
    described = env.client("stepfunctions").describe_state_machine(stateMachineArn=target["Arn"])
    assert (described["name"], described["type"]) == (f"{prefix}-batch-backlog", "EXPRESS")
    assert target["RoleArn"].endswith(f":role/{prefix}-batch-backlog-schedule")


@pytest.mark.ends_environment
def test_second_plan_shows_no_changes(env):
    assert env.plan_changes() == []


@pytest.mark.ends_environment
def test_destroy_leaves_nothing_behind(env, expected, record_environment_timings):
    env.destroy()
    record_environment_timings(env)
    final_snapshots = [f"{env.prefix}-aurora-final"] if expected["final_snapshot"] else []
    assert env.final_snapshots == final_snapshots, "the destroy's final snapshot (deleted by the run)"
    assert leftovers(env.target, env.prefix) == {}
