"""envs/local and envs/hml (example.tfvars), applied once each under a unique prefix: the live state.

Everything is read back through the AWS APIs (boto3), not from Terraform: outputs, encryption, retention,
public access, the database's spread over AZs, Batch, the state machine, the security group rules. Then
a second plan must show no changes, and the destroy must leave nothing carrying the run's prefix.
"""

import json

import pytest

from harness.environments import leftovers
from harness.integration import environment_param

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
    },
    "hml": {
        "azs": 3,
        "aurora_instance_class": "db.serverless",
        "aurora_serverless_v2": {"MinCapacity": 0.0, "MaxCapacity": 4.0, "SecondsUntilAutoPause": 3600},
        "batch_max_vcpus": 8,
        "job_attempt_timeout_seconds": 3600,
        "log_retention_days": 365,
        "final_snapshot": True,
    },
}


@pytest.fixture(scope="module", params=[environment_param("local"), environment_param("hml")])
def env(request, platform_env):
    return platform_env(request.param)


@pytest.fixture
def expected(env):
    return EXPECTED[env.name]


def is_key(value, key_arn):
    """KMS references come back as the key ARN or its ID depending on the service."""
    return value in (key_arn, key_arn.rsplit("/", 1)[-1])


def as_list(value):
    return value if isinstance(value, list) else [value]


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
    s3, bucket = env.client("s3"), env.outputs[f"{data_class}_bucket_name"]
    (rule,) = s3.get_bucket_encryption(Bucket=bucket)["ServerSideEncryptionConfiguration"]["Rules"]
    assert rule["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] == "aws:kms"
    assert is_key(rule["ApplyServerSideEncryptionByDefault"]["KMSMasterKeyID"], env.outputs["kms_key_arn"])
    assert rule["BucketKeyEnabled"] is True
    assert s3.get_bucket_versioning(Bucket=bucket)["Status"] == "Enabled"
    assert s3.get_public_access_block(Bucket=bucket)["PublicAccessBlockConfiguration"] == {
        "BlockPublicAcls": True,
        "IgnorePublicAcls": True,
        "BlockPublicPolicy": True,
        "RestrictPublicBuckets": True,
    }
    ownership = s3.get_bucket_ownership_controls(Bucket=bucket)["OwnershipControls"]["Rules"]
    assert ownership == [{"ObjectOwnership": "BucketOwnerEnforced"}]


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
            f"/aws/rds/cluster/{env.prefix}-aurora/postgresql",
            f"/aws/vendedlogs/states/{env.prefix}-pipeline",
            f"{env.prefix}-vpc-flow-logs",
        ]
    )
    for group in groups:
        assert is_key(group.get("kmsKeyId", ""), env.outputs["kms_key_arn"]), group["logGroupName"]
        assert group.get("retentionInDays") == expected["log_retention_days"], group["logGroupName"]


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
