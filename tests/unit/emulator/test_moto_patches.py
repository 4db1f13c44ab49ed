"""The moto patches hold on the pinned moto: fail loudly when an upgrade moves what they hook into."""

import json
import time
import uuid

import botocore.exceptions
import pytest

from harness.emulator import moto_patches, provider_aliases, render_provider_override

pytestmark = pytest.mark.unit


def test_moto_is_the_pinned_version():
    import moto

    assert moto.__version__ == moto_patches.PINNED_MOTO_VERSION


def test_hook_points_exist_in_moto():
    from moto.batch.models import Job
    from moto.logs.models import LogsBackend
    from moto.stepfunctions.parser.asl.component.state.exec.state_task.service.state_task_service import (
        StateTaskService,
    )
    from moto.stepfunctions.parser.asl.component.state.exec.state_task.service.state_task_service_batch import (
        StateTaskServiceBatch,
    )
    from moto.stepfunctions.responses import StepFunctionResponse

    for name in ("_to_boto_request", "_from_boto_response", "_get_boto_service_action"):
        assert hasattr(StateTaskService, name), name
    assert issubclass(StateTaskServiceBatch, StateTaskService)
    from moto.rds.models import DBCluster, DBInstance, RDSBackend

    assert isinstance(DBCluster.__dict__["scaling_configuration_info"], property)
    assert hasattr(RDSBackend, "modify_db_instance") and hasattr(DBInstance, "__init__")
    for name in (
        "run",
        "describe",
        "_add_parameters_to_command",
        "_mark_stopped",
        "_wait_for_dependencies",
        "_get_container_property",
    ):
        assert hasattr(Job, name), name
    for name in ("ensure_log_group", "ensure_log_stream", "put_log_events"):
        assert hasattr(LogsBackend, name), name
    assert hasattr(StepFunctionResponse, "stepfunction_backend")
    from moto.ec2.models.security_groups import SecurityGroupRule

    assert isinstance(SecurityGroupRule.__dict__["description"], property)
    from moto.batch.models import BatchBackend
    from moto.s3.models import FakeBucket

    assert hasattr(BatchBackend, "get_job_definition")
    assert hasattr(FakeBucket, "get_permission")
    assert isinstance(FakeBucket.__dict__["_log_permissions_enabled_policy"], staticmethod)
    from moto.cloudfront import urls as cloudfront_urls
    from moto.cloudfront.models import DefaultCacheBehaviour, Origin, ViewerCertificate
    from moto.ec2.models.launch_templates import LaunchTemplateBackend
    from moto.eks import urls as eks_urls
    from moto.eks.models import EKSBackend
    from moto.eks.responses import EKSResponse
    from moto.elbv2.models import ELBv2Backend, FakeLoadBalancer
    from moto.route53 import models as route53_models

    assert isinstance(eks_urls.url_paths, dict) and isinstance(cloudfront_urls.url_paths, dict)
    for name in ("create_cluster", "create_nodegroup", "update_nodegroup_config", "eks_backend"):
        assert hasattr(EKSResponse, name), name
    for name in ("delete_cluster", "tag_resource", "untag_resource", "list_tags_for_resource"):
        assert hasattr(EKSBackend, name), name
    for cls in (Origin, DefaultCacheBehaviour, ViewerCertificate):
        assert "__init__" in cls.__dict__, cls
    assert hasattr(LaunchTemplateBackend, "create_launch_template")
    assert callable(route53_models.create_route53_zone_id)
    assert (
        hasattr(ELBv2Backend, "delete_load_balancer") and "deletion_protection.enabled" in FakeLoadBalancer.VALID_ATTRS
    )
    from moto.stepfunctions.parser.asl.parse.preprocessor import Preprocessor

    assert "_query_language_per_scope" in Preprocessor.__dict__


def test_apply_refuses_another_moto_version(monkeypatch):
    import moto

    monkeypatch.setattr(moto, "__version__", "9.9.9")
    monkeypatch.setattr(moto_patches, "_applied", False)
    with pytest.raises(moto_patches.MotoVersionError, match="targets moto 5.2.5, found 9.9.9"):
        moto_patches.apply()


def test_provider_override_points_every_service_at_the_endpoint():
    text = render_provider_override("http://127.0.0.1:1234", aliases=("us_east_1",))
    assert text.count('provider "aws"') == 2
    assert 'alias = "us_east_1"' in text
    assert 's3             = "http://127.0.0.1:1234"' in text
    assert "s3_use_path_style           = true" in text
    assert "access_key" not in text and "secret_key" not in text


def test_state_machine_definition_is_validated(emulator):
    sfn = emulator.client("stepfunctions")
    good = sfn.validate_state_machine_definition(
        definition=json.dumps({"StartAt": "A", "States": {"A": {"Type": "Pass", "End": True}}})
    )
    assert good["result"] == "OK" and good["diagnostics"] == []
    bad = sfn.validate_state_machine_definition(definition=json.dumps({"StartAt": "A", "States": {}}))
    assert bad["result"] == "FAIL"
    assert bad["diagnostics"][0]["severity"] == "ERROR"


# A JSONPath-only field (Parameters) and a JSONata-only one (Arguments): each fails in the other language.
JSONPATH_DEFINITION = json.dumps(
    {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"value.$": "$.input"}, "End": True}}}
)
JSONATA_DEFINITION = json.dumps(
    {
        "QueryLanguage": "JSONata",
        "StartAt": "A",
        "States": {
            "A": {
                "Type": "Task",
                "Resource": "arn:aws:states:::aws-sdk:batch:listJobs",
                "Arguments": {"JobQueue": "queue"},
                "Output": {"count": "{% $count($states.result.JobSummaryList) %}"},
                "End": True,
            }
        },
    }
)


# Valid JSON, invalid ASL: a JSONPath state inside a JSONata machine. moto's parser fails half-way through it.
DOWNGRADE_DEFINITION = json.dumps(
    {
        "QueryLanguage": "JSONata",
        "StartAt": "A",
        "States": {"A": {"Type": "Pass", "QueryLanguage": "JSONPath", "End": True}},
    }
)


def test_a_failed_definition_parse_leaves_no_query_language_behind():
    from moto.stepfunctions.parser.asl.parse.asl_parser import AmazonStateLanguageParser

    moto_patches._give_each_definition_parse_its_own_query_language_scopes()
    with pytest.raises(ValueError, match="Cannot downgrade from JSONata"):
        AmazonStateLanguageParser.parse(DOWNGRADE_DEFINITION)
    AmazonStateLanguageParser.parse(JSONPATH_DEFINITION)


def test_definitions_parsed_at_the_same_time_keep_their_own_query_language():
    import sys
    import threading

    from moto.stepfunctions.parser.asl.parse.asl_parser import AmazonStateLanguageParser

    moto_patches._give_each_definition_parse_its_own_query_language_scopes()
    threads, rounds = 4, 15
    start, errors = threading.Barrier(threads), []

    def parse(definition):
        start.wait()
        for _ in range(rounds):
            try:
                AmazonStateLanguageParser.parse(definition)
            except Exception as error:  # any failure is the finding
                errors.append(f"{type(error).__name__}: {str(error)[:160]}")

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible: the parses interleave
    try:
        workers = [
            threading.Thread(target=parse, args=((JSONPATH_DEFINITION, JSONATA_DEFINITION)[i % 2],))
            for i in range(threads)
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
    finally:
        sys.setswitchinterval(interval)
    assert errors == []


def test_state_machines_in_both_query_languages_are_created_side_by_side(emulator):
    from concurrent.futures import ThreadPoolExecutor

    sfn, iam = emulator.client("stepfunctions"), emulator.client("iam")
    suffix = uuid.uuid4().hex[:6]
    role = iam.create_role(RoleName=f"unit-sfn-{suffix}", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    # moto answers an invalid definition without an error code; the message is InvalidDefinition's.
    with pytest.raises(botocore.exceptions.ClientError, match="Cannot downgrade from JSONata"):
        sfn.create_state_machine(name=f"unit-{suffix}-invalid", definition=DOWNGRADE_DEFINITION, roleArn=role)

    def create(index):
        definition = (JSONPATH_DEFINITION, JSONATA_DEFINITION)[index % 2]
        name = f"unit-{suffix}-{index}"
        return sfn.create_state_machine(name=name, definition=definition, roleArn=role)["stateMachineArn"]

    with ThreadPoolExecutor(max_workers=4) as pool:
        arns = list(pool.map(create, range(16)))
    assert len(set(arns)) == 16
    for arn in arns:
        sfn.delete_state_machine(stateMachineArn=arn)


@pytest.fixture(scope="module")
def batch_queue(emulator):
    iam, ec2, batch = emulator.client("iam"), emulator.client("ec2"), emulator.client("batch")
    suffix = uuid.uuid4().hex[:6]
    role = iam.create_role(RoleName=f"unit-batch-{suffix}", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    vpc = ec2.create_vpc(CidrBlock="10.9.0.0/16")["Vpc"]["VpcId"]
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.9.1.0/24")["Subnet"]["SubnetId"]
    group = ec2.create_security_group(GroupName=f"unit-{suffix}", Description="unit", VpcId=vpc)["GroupId"]
    environment = batch.create_compute_environment(
        computeEnvironmentName=f"unit-{suffix}",
        type="MANAGED",
        serviceRole=role,
        computeResources={"type": "FARGATE", "maxvCpus": 4, "subnets": [subnet], "securityGroupIds": [group]},
    )["computeEnvironmentArn"]
    queue = batch.create_job_queue(
        jobQueueName=f"unit-{suffix}",
        priority=1,
        state="ENABLED",
        computeEnvironmentOrder=[{"order": 1, "computeEnvironment": environment}],
    )["jobQueueArn"]
    return batch, queue, role


def _run_job(batch, queue, role, command, timeout=None, retry=None, overrides=None):
    name = f"unit-{uuid.uuid4().hex[:8]}"
    definition = batch.register_job_definition(
        jobDefinitionName=name,
        type="container",
        platformCapabilities=["FARGATE"],
        containerProperties={
            "image": "unused",
            "command": command,
            "executionRoleArn": role,
            "environment": [{"name": "FROM_DEFINITION", "value": "definition"}],
            "resourceRequirements": [{"type": "VCPU", "value": "0.25"}, {"type": "MEMORY", "value": "512"}],
        },
        **({"timeout": {"attemptDurationSeconds": timeout}} if timeout else {}),
        **({"retryStrategy": retry} if retry else {}),
    )["jobDefinitionArn"]
    job_id = batch.submit_job(
        jobName=name, jobQueue=queue, jobDefinition=definition, containerOverrides=overrides or {}
    )["jobId"]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        job = batch.describe_jobs(jobs=[job_id])["jobs"][0]
        if job["status"] in ("SUCCEEDED", "FAILED"):
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} did not finish")


def test_batch_job_runs_command_with_merged_environment(batch_queue, emulator):
    batch, queue, role = batch_queue
    command = [
        "python",
        "-c",
        "import os; print(os.environ['FROM_DEFINITION'], os.environ['FROM_OVERRIDE'], os.environ['AWS_ENDPOINT_URL'])",
    ]
    job = _run_job(
        batch,
        queue,
        role,
        command,
        overrides={"environment": [{"name": "FROM_OVERRIDE", "value": "override"}]},
    )
    assert job["status"] == "SUCCEEDED"
    assert job["container"]["exitCode"] == 0
    events = emulator.client("logs").get_log_events(
        logGroupName="/aws/batch/job", logStreamName=job["container"]["logStreamName"]
    )["events"]
    assert [e["message"] for e in events] == [f"definition override {emulator.endpoint}"]
    # _run_job polled DescribeJobs until the end; the description still lists each variable once.
    again = batch.describe_jobs(jobs=[job["jobId"]])["jobs"][0]
    for described in (job, again):
        assert sorted((e["name"], e["value"]) for e in described["container"]["environment"]) == [
            ("AWS_BATCH_JOB_ID", job["jobId"]),
            ("FROM_DEFINITION", "definition"),
            ("FROM_OVERRIDE", "override"),
        ]


def test_batch_retry_strategy_honours_evaluate_on_exit(batch_queue):
    batch, queue, role = batch_queue
    retry = {"attempts": 3, "evaluateOnExit": [{"onExitCode": "65", "action": "EXIT"}]}
    bad_input = _run_job(batch, queue, role, ["python", "-c", "raise SystemExit(65)"], retry=retry)
    assert bad_input["status"] == "FAILED"
    assert bad_input["container"]["exitCode"] == 65
    assert len(bad_input["attempts"]) == 1
    transient = _run_job(batch, queue, role, ["python", "-c", "raise SystemExit(75)"], retry=retry)
    assert transient["status"] == "FAILED"
    assert [a["container"]["exitCode"] for a in transient["attempts"]] == [75, 75, 75]


def test_batch_attempt_timeout_kills_the_job(batch_queue):
    batch, queue, role = batch_queue
    started = time.monotonic()
    job = _run_job(batch, queue, role, ["python", "-c", "import time; time.sleep(30)"], timeout=1)
    assert time.monotonic() - started < 15
    assert job["status"] == "FAILED"
    assert job["statusReason"] == "Job attempt duration exceeded timeout"
    assert "exitCode" not in job["container"]


def test_security_group_rule_to_group_keeps_its_description(emulator):
    ec2 = emulator.client("ec2")
    vpc = ec2.create_vpc(CidrBlock="10.8.0.0/16")["Vpc"]["VpcId"]
    source = ec2.create_security_group(GroupName="unit-src", Description="source", VpcId=vpc)["GroupId"]
    target = ec2.create_security_group(GroupName="unit-dst", Description="target", VpcId=vpc)["GroupId"]
    ec2.authorize_security_group_ingress(
        GroupId=target,
        IpPermissions=[
            {
                "IpProtocol": "tcp",
                "FromPort": 5432,
                "ToPort": 5432,
                "UserIdGroupPairs": [{"GroupId": source, "Description": "postgres from source"}],
            }
        ],
    )
    rules = ec2.describe_security_group_rules(Filters=[{"Name": "group-id", "Values": [target]}])["SecurityGroupRules"]
    ingress = [rule for rule in rules if not rule["IsEgress"]]
    assert [rule.get("Description") for rule in ingress] == ["postgres from source"]


def test_aurora_instance_keeps_performance_insights_and_cluster_has_no_v1_scaling(emulator):
    rds, kms = emulator.client("rds"), emulator.client("kms")
    key = kms.create_key()["KeyMetadata"]["Arn"]
    cluster = f"unit-{uuid.uuid4().hex[:6]}"
    rds.create_db_cluster(
        DBClusterIdentifier=cluster,
        Engine="aurora-postgresql",
        EngineVersion="16.8",
        MasterUsername="platform_admin",
        ManageMasterUserPassword=True,
    )
    rds.create_db_instance(
        DBInstanceIdentifier=f"{cluster}-1",
        DBClusterIdentifier=cluster,
        Engine="aurora-postgresql",
        DBInstanceClass="db.r6g.large",
        EnablePerformanceInsights=True,
        PerformanceInsightsKMSKeyId=key,
        PerformanceInsightsRetentionPeriod=7,
    )
    instance = rds.describe_db_instances(DBInstanceIdentifier=f"{cluster}-1")["DBInstances"][0]
    assert instance["PerformanceInsightsEnabled"] is True
    assert instance["PerformanceInsightsKMSKeyId"] == key
    assert instance["PerformanceInsightsRetentionPeriod"] == 7
    assert instance["CACertificateIdentifier"] == "rds-ca-rsa2048-g1"
    described = rds.describe_db_clusters(DBClusterIdentifier=cluster)["DBClusters"][0]
    assert "ScalingConfigurationInfo" not in described


def test_job_definition_without_revision_is_the_latest_active_one(batch_queue):
    batch, queue, role = batch_queue
    name = f"unit-{uuid.uuid4().hex[:8]}"
    properties = {
        "image": "unused",
        "command": ["python", "-c", "pass"],
        "executionRoleArn": role,
        "resourceRequirements": [{"type": "VCPU", "value": "0.25"}, {"type": "MEMORY", "value": "512"}],
    }
    first, second = (
        batch.register_job_definition(
            jobDefinitionName=name, type="container", platformCapabilities=["FARGATE"], containerProperties=properties
        )["jobDefinitionArn"]
        for _ in range(2)
    )
    batch.deregister_job_definition(jobDefinition=second)
    unrevisioned_arn = first.rsplit(":", 1)[0]
    for reference in (name, unrevisioned_arn):
        job_id = batch.submit_job(jobName="unit", jobQueue=queue, jobDefinition=reference)["jobId"]
        assert batch.describe_jobs(jobs=[job_id])["jobs"][0]["jobDefinition"] == first, reference
    batch.deregister_job_definition(jobDefinition=first)
    with pytest.raises(batch.exceptions.ClientException, match="does not exist"):
        batch.submit_job(jobName="unit", jobQueue=queue, jobDefinition=name)


def _deny_plain_http(bucket):
    """The platform's TLS-only statement: a Deny to every principal ("*", a string) under a condition."""
    return {
        "Effect": "Deny",
        "Principal": "*",
        "Action": "s3:*",
        "Resource": [f"arn:aws:s3:::{bucket}", f"arn:aws:s3:::{bucket}/*"],
        "Condition": {"Bool": {"aws:SecureTransport": "false"}},
    }


def test_bucket_policy_conditions_do_not_refuse_object_requests(emulator):
    s3 = emulator.client("s3")
    bucket = f"unit-{uuid.uuid4().hex[:8]}"
    s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
    policy = {"Version": "2012-10-17", "Statement": [_deny_plain_http(bucket)]}
    s3.put_bucket_policy(Bucket=bucket, Policy=json.dumps(policy))
    s3.put_object(Bucket=bucket, Key="a.txt", Body=b"kept")
    assert s3.get_object(Bucket=bucket, Key="a.txt")["Body"].read() == b"kept"
    deleted = s3.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": "a.txt"}]})
    assert [item["Key"] for item in deleted["Deleted"]] == ["a.txt"] and "Errors" not in deleted


def test_access_logging_reads_a_target_policy_that_starts_with_a_wildcard_principal(emulator):
    s3 = emulator.client("s3")
    source, target = (f"unit-{uuid.uuid4().hex[:8]}" for _ in range(2))
    for bucket in (source, target):
        s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
    deny_plain_http = _deny_plain_http(target)

    def log_delivery(prefix):
        return {
            "Effect": "Allow",
            "Principal": {"Service": ["logging.s3.amazonaws.com"]},
            "Action": ["s3:PutObject"],
            "Resource": [f"arn:aws:s3:::{target}/{prefix}*"],
            "Condition": {"StringEquals": {"aws:SourceAccount": "123456789012"}},
        }

    def policy(*statements):
        s3.put_bucket_policy(Bucket=target, Policy=json.dumps({"Version": "2012-10-17", "Statement": statements}))

    def enable_logging():
        s3.put_bucket_logging(
            Bucket=source,
            BucketLoggingStatus={"LoggingEnabled": {"TargetBucket": target, "TargetPrefix": f"s3-access/{source}/"}},
        )

    for refused in ((deny_plain_http,), (deny_plain_http, log_delivery("elsewhere/"))):
        policy(*refused)
        with pytest.raises(botocore.exceptions.ClientError, match="InvalidTargetBucketForLogging"):
            enable_logging()
    policy(deny_plain_http, log_delivery("s3-access/"))
    enable_logging()
    assert s3.get_bucket_logging(Bucket=source)["LoggingEnabled"]["TargetBucket"] == target


def test_security_group_rule_call_retried_by_the_sdk_gets_the_first_answer(emulator):
    ec2 = emulator.client("ec2")
    vpc = ec2.create_vpc(CidrBlock="10.7.0.0/16")["Vpc"]["VpcId"]
    group = ec2.create_security_group(GroupName="unit-retry", Description="retry", VpcId=vpc)["GroupId"]
    permission = [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "10.7.0.0/16"}]}]
    first = ec2.authorize_security_group_ingress(GroupId=group, IpPermissions=permission)
    retried = ec2.authorize_security_group_ingress(GroupId=group, IpPermissions=permission)
    assert [r["SecurityGroupRuleId"] for r in retried["SecurityGroupRules"]] == [
        r["SecurityGroupRuleId"] for r in first["SecurityGroupRules"]
    ]
    rules = ec2.describe_security_group_rules(Filters=[{"Name": "group-id", "Values": [group]}])["SecurityGroupRules"]
    assert len([rule for rule in rules if not rule["IsEgress"]]) == 1
    ec2.revoke_security_group_ingress(GroupId=group, IpPermissions=permission)
    ec2.revoke_security_group_ingress(GroupId=group, IpPermissions=permission)
    other = [{"IpProtocol": "tcp", "FromPort": 8443, "ToPort": 8443, "IpRanges": [{"CidrIp": "10.7.0.0/16"}]}]
    with pytest.raises(ec2.exceptions.ClientError, match="InvalidPermission.NotFound"):
        ec2.revoke_security_group_ingress(GroupId=group, IpPermissions=other)


def test_provider_aliases_are_read_from_the_root(tmp_path):
    (tmp_path / "providers.tf").write_text(
        'provider "aws" {\n  region = "eu-west-1"\n  default_tags {\n    tags = { A = "b" }\n  }\n}\n\n'
        'provider "aws" {\n  alias  = "us_east_1"\n  region = "us-east-1"\n}\n'
    )
    (tmp_path / "emulator_override.tf").write_text('provider "aws" {\n  alias = "stale"\n}\n')
    assert provider_aliases(tmp_path) == ("us_east_1",)
    assert provider_aliases(tmp_path / "missing") == ()


def _eks_cluster(emulator, access_config=None):
    ec2, iam, eks = emulator.client("ec2"), emulator.client("iam"), emulator.client("eks")
    suffix = uuid.uuid4().hex[:6]
    vpc = ec2.create_vpc(CidrBlock="10.6.0.0/16")["Vpc"]["VpcId"]
    subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.6.{index}.0/24")["Subnet"]["SubnetId"] for index in range(2)]
    role = iam.create_role(RoleName=f"unit-eks-{suffix}", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    name = f"unit-{suffix}"
    eks.create_cluster(
        name=name,
        roleArn=role,
        version="1.31",
        resourcesVpcConfig={"subnetIds": subnets, "endpointPrivateAccess": True, "endpointPublicAccess": False},
        **({"accessConfig": access_config} if access_config else {}),
    )
    return eks, ec2, name, vpc, subnets, role


def test_eks_cluster_keeps_access_config_and_gets_a_cluster_security_group(emulator):
    eks, ec2, name, vpc, _, _ = _eks_cluster(
        emulator, {"authenticationMode": "API", "bootstrapClusterCreatorAdminPermissions": False}
    )
    cluster = eks.describe_cluster(name=name)["cluster"]
    assert cluster["accessConfig"] == {"authenticationMode": "API"}
    vpc_config = cluster["resourcesVpcConfig"]
    assert vpc_config["vpcId"] == vpc and "publicAccessCidrs" not in vpc_config
    group = ec2.describe_security_groups(GroupIds=[vpc_config["clusterSecurityGroupId"]])["SecurityGroups"][0]
    assert group["VpcId"] == vpc and group["GroupName"].startswith(f"eks-cluster-sg-{name}-")
    update = eks.update_cluster_config(name=name, accessConfig={"authenticationMode": "API"})["update"]
    assert eks.describe_update(name=name, updateId=update["id"])["update"]["status"] == "Successful"
    logging = {"clusterLogging": [{"types": ["api", "audit"], "enabled": True}]}
    update = eks.update_cluster_config(name=name, logging=logging)["update"]
    assert update["type"] == "LoggingUpdate"
    assert eks.describe_cluster(name=name)["cluster"]["logging"] == logging
    eks.delete_cluster(name=name)
    assert not ec2.describe_security_groups(
        Filters=[{"Name": "group-id", "Values": [vpc_config["clusterSecurityGroupId"]]}]
    )["SecurityGroups"]
    default = _eks_cluster(emulator)
    assert default[0].describe_cluster(name=default[2])["cluster"]["accessConfig"] == {
        "authenticationMode": "CONFIG_MAP"
    }


def test_eks_node_group_without_remote_access_has_none(emulator):
    eks, _, name, _, subnets, role = _eks_cluster(emulator)
    eks.create_nodegroup(
        clusterName=name,
        nodegroupName="default",
        nodeRole=role,
        subnets=subnets,
        amiType="AL2023_x86_64_STANDARD",
        updateConfig={"maxUnavailable": 1},
    )
    nodegroup = eks.describe_nodegroup(clusterName=name, nodegroupName="default")["nodegroup"]
    assert "remoteAccess" not in nodegroup and "remoteAccessSecurityGroup" not in nodegroup["resources"]
    assert nodegroup["updateConfig"] == {"maxUnavailable": 1}
    assert nodegroup["version"] == "1.31"
    update = eks.update_nodegroup_config(
        clusterName=name, nodegroupName="default", scalingConfig={"minSize": 1, "maxSize": 3, "desiredSize": 2}
    )["update"]
    described = eks.describe_update(name=name, updateId=update["id"], nodegroupName="default")["update"]
    assert described["status"] == "Successful"
    update = eks.update_nodegroup_version(clusterName=name, nodegroupName="default", version="1.32")["update"]
    assert eks.describe_update(name=name, updateId=update["id"], nodegroupName="default")["update"]["type"] == (
        "VersionUpdate"
    )
    assert eks.describe_nodegroup(clusterName=name, nodegroupName="default")["nodegroup"]["version"] == "1.32"


def test_eks_access_entries_and_policy_associations(emulator):
    eks, _, name, _, _, role = _eks_cluster(emulator, {"authenticationMode": "API"})
    created = eks.create_access_entry(clusterName=name, principalArn=role, tags={"Team": "platform"})["accessEntry"]
    assert created["type"] == "STANDARD"
    assert (
        created["username"] == f"arn:aws:sts::123456789012:assumed-role/{role.rsplit('/', 1)[-1]}/{{{{SessionName}}}}"
    )
    assert eks.describe_access_entry(clusterName=name, principalArn=role)["accessEntry"] == created
    assert eks.list_access_entries(clusterName=name)["accessEntries"] == [role]
    with pytest.raises(eks.exceptions.ResourceInUseException):
        eks.create_access_entry(clusterName=name, principalArn=role)
    admin = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
    view = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy"
    eks.associate_access_policy(clusterName=name, principalArn=role, policyArn=admin, accessScope={"type": "cluster"})
    eks.associate_access_policy(
        clusterName=name, principalArn=role, policyArn=view, accessScope={"type": "namespace", "namespaces": ["apps"]}
    )
    listed = eks.list_associated_access_policies(clusterName=name, principalArn=role)["associatedAccessPolicies"]
    assert {(p["policyArn"], p["accessScope"]["type"]) for p in listed} == {(admin, "cluster"), (view, "namespace")}
    with pytest.raises(eks.exceptions.InvalidParameterException):
        eks.associate_access_policy(
            clusterName=name, principalArn=role, policyArn="arn:aws:iam::aws:policy/X", accessScope={"type": "cluster"}
        )
    eks.disassociate_access_policy(clusterName=name, principalArn=role, policyArn=view)
    listed = eks.list_associated_access_policies(clusterName=name, principalArn=role)["associatedAccessPolicies"]
    assert [p["policyArn"] for p in listed] == [admin]
    eks.tag_resource(resourceArn=created["accessEntryArn"], tags={"Extra": "1"})
    assert eks.list_tags_for_resource(resourceArn=created["accessEntryArn"])["tags"] == {
        "Team": "platform",
        "Extra": "1",
    }
    eks.delete_access_entry(clusterName=name, principalArn=role)
    with pytest.raises(eks.exceptions.ResourceNotFoundException):
        eks.describe_access_entry(clusterName=name, principalArn=role)
    config_map = _eks_cluster(emulator)
    with pytest.raises(eks.exceptions.InvalidRequestException, match="authentication mode"):
        eks.create_access_entry(clusterName=config_map[2], principalArn=role)


def test_eks_addons_are_crud_and_active(emulator):
    eks, _, name, _, _, role = _eks_cluster(emulator)
    addon = eks.create_addon(
        clusterName=name,
        addonName="aws-ebs-csi-driver",
        addonVersion="v1.38.1-eksbuild.2",
        serviceAccountRoleArn=role,
        resolveConflicts="OVERWRITE",
    )["addon"]
    assert addon["status"] == "ACTIVE"
    described = eks.describe_addon(clusterName=name, addonName="aws-ebs-csi-driver")["addon"]
    assert described["addonVersion"] == "v1.38.1-eksbuild.2" and described["serviceAccountRoleArn"] == role
    assert eks.list_addons(clusterName=name)["addons"] == ["aws-ebs-csi-driver"]
    with pytest.raises(eks.exceptions.ResourceInUseException):
        eks.create_addon(clusterName=name, addonName="aws-ebs-csi-driver")
    update = eks.update_addon(clusterName=name, addonName="aws-ebs-csi-driver", addonVersion="v1.39.0-eksbuild.1")
    assert eks.describe_update(name=name, updateId=update["update"]["id"], addonName="aws-ebs-csi-driver")
    assert eks.describe_addon(clusterName=name, addonName="aws-ebs-csi-driver")["addon"]["addonVersion"] == (
        "v1.39.0-eksbuild.1"
    )
    eks.delete_addon(clusterName=name, addonName="aws-ebs-csi-driver")
    with pytest.raises(eks.exceptions.ResourceNotFoundException):
        eks.describe_addon(clusterName=name, addonName="aws-ebs-csi-driver")


def test_cloudfront_response_headers_policy_round_trips(emulator):
    cloudfront = emulator.client("cloudfront", region="us-east-1")
    config = {
        "Name": f"unit-{uuid.uuid4().hex[:6]}",
        "Comment": "security headers",
        "SecurityHeadersConfig": {
            "StrictTransportSecurity": {
                "Override": True,
                "IncludeSubdomains": True,
                "Preload": True,
                "AccessControlMaxAgeSec": 31536000,
            },
            "FrameOptions": {"Override": True, "FrameOption": "DENY"},
            "ContentTypeOptions": {"Override": True},
        },
    }
    created = cloudfront.create_response_headers_policy(ResponseHeadersPolicyConfig=config)
    policy_id = created["ResponseHeadersPolicy"]["Id"]
    fetched = cloudfront.get_response_headers_policy(Id=policy_id)
    assert fetched["ResponseHeadersPolicy"]["ResponseHeadersPolicyConfig"] == config
    assert fetched["ETag"] == created["ETag"]
    with pytest.raises(cloudfront.exceptions.ResponseHeadersPolicyAlreadyExists):
        cloudfront.create_response_headers_policy(ResponseHeadersPolicyConfig=config)
    with pytest.raises(cloudfront.exceptions.InvalidIfMatchVersion):
        cloudfront.update_response_headers_policy(Id=policy_id, IfMatch="stale", ResponseHeadersPolicyConfig=config)
    changed = {**config, "Comment": "changed"}
    updated = cloudfront.update_response_headers_policy(
        Id=policy_id, IfMatch=created["ETag"], ResponseHeadersPolicyConfig=changed
    )
    assert cloudfront.get_response_headers_policy_config(Id=policy_id)["ResponseHeadersPolicyConfig"] == changed
    listed = cloudfront.list_response_headers_policies(Type="custom")["ResponseHeadersPolicyList"]["Items"]
    assert policy_id in [item["ResponseHeadersPolicy"]["Id"] for item in listed]
    cloudfront.delete_response_headers_policy(Id=policy_id, IfMatch=updated["ETag"])
    with pytest.raises(cloudfront.exceptions.NoSuchResponseHeadersPolicy):
        cloudfront.get_response_headers_policy(Id=policy_id)


def test_launch_template_tags_stay_out_of_the_template_data(emulator):
    ec2 = emulator.client("ec2")
    created = ec2.create_launch_template(
        LaunchTemplateName=f"unit-{uuid.uuid4().hex[:6]}",
        LaunchTemplateData={
            "MetadataOptions": {"HttpTokens": "required"},
            "TagSpecifications": [{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "node"}]}],
        },
        TagSpecifications=[{"ResourceType": "launch-template", "Tags": [{"Key": "Project", "Value": "unit"}]}],
    )["LaunchTemplate"]
    assert created["Tags"] == [{"Key": "Project", "Value": "unit"}]
    version = ec2.describe_launch_template_versions(LaunchTemplateId=created["LaunchTemplateId"])[
        "LaunchTemplateVersions"
    ][0]
    assert version["LaunchTemplateData"]["TagSpecifications"] == [
        {"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "node"}]}
    ]


def test_cloudfront_distribution_returns_oac_certificate_and_no_forwarded_values_with_a_cache_policy(emulator):
    cloudfront = emulator.client("cloudfront", region="us-east-1")
    control = cloudfront.create_origin_access_control(
        OriginAccessControlConfig={
            "Name": f"unit-{uuid.uuid4().hex[:6]}",
            "SigningProtocol": "sigv4",
            "SigningBehavior": "always",
            "OriginAccessControlOriginType": "s3",
        }
    )["OriginAccessControl"]["Id"]
    certificate = "arn:aws:acm:us-east-1:123456789012:certificate/0e3f2c6a-1111-2222-3333-444455556666"
    config = {
        "CallerReference": uuid.uuid4().hex,
        "Comment": "unit",
        "Enabled": True,
        "Origins": {
            "Quantity": 1,
            "Items": [
                {
                    "Id": "site",
                    "DomainName": "unit-site.s3.eu-west-1.amazonaws.com",
                    "OriginAccessControlId": control,
                    "S3OriginConfig": {"OriginAccessIdentity": ""},
                }
            ],
        },
        "DefaultCacheBehavior": {
            "TargetOriginId": "site",
            "ViewerProtocolPolicy": "redirect-to-https",
            "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6",
        },
        "ViewerCertificate": {
            "ACMCertificateArn": certificate,
            "SSLSupportMethod": "sni-only",
            "MinimumProtocolVersion": "TLSv1.2_2021",
        },
    }
    distribution_id = cloudfront.create_distribution(DistributionConfig=config)["Distribution"]["Id"]
    described = cloudfront.get_distribution_config(Id=distribution_id)["DistributionConfig"]
    assert described["Origins"]["Items"][0]["OriginAccessControlId"] == control
    assert "ForwardedValues" not in described["DefaultCacheBehavior"]
    viewer = described["ViewerCertificate"]
    assert viewer["CloudFrontDefaultCertificate"] is False
    assert (viewer["ACMCertificateArn"], viewer["CertificateSource"], viewer["Certificate"]) == (
        certificate,
        "acm",
        certificate,
    )


def test_hosted_zone_ids_look_like_aws_ones(emulator):
    route53 = emulator.client("route53")
    for index in range(5):
        zone = route53.create_hosted_zone(
            Name=f"unit{index}-{uuid.uuid4().hex[:6]}.example.com", CallerReference=uuid.uuid4().hex
        )
        zone_id = zone["HostedZone"]["Id"].rsplit("/", 1)[-1]
        assert zone_id.startswith("Z") and len(zone_id) == 22 and zone_id.isalnum(), zone_id
        assert route53.get_hosted_zone(Id=zone_id)["HostedZone"]["Name"].startswith(f"unit{index}-")


def test_load_balancer_with_deletion_protection_is_not_deleted(emulator):
    ec2, elbv2 = emulator.client("ec2"), emulator.client("elbv2")
    vpc = ec2.create_vpc(CidrBlock="10.5.0.0/16")["Vpc"]["VpcId"]
    subnets = [
        ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.5.{index}.0/24", AvailabilityZone=f"eu-west-1{zone}")["Subnet"][
            "SubnetId"
        ]
        for index, zone in enumerate("ab")
    ]
    arn = elbv2.create_load_balancer(Name=f"unit-{uuid.uuid4().hex[:6]}", Subnets=subnets)["LoadBalancers"][0][
        "LoadBalancerArn"
    ]
    protect = [{"Key": "deletion_protection.enabled", "Value": "true"}]
    elbv2.modify_load_balancer_attributes(LoadBalancerArn=arn, Attributes=protect)
    with pytest.raises(elbv2.exceptions.ClientError, match="OperationNotPermitted"):
        elbv2.delete_load_balancer(LoadBalancerArn=arn)
    assert elbv2.describe_load_balancers(LoadBalancerArns=[arn])["LoadBalancers"]
    protect[0]["Value"] = "false"
    elbv2.modify_load_balancer_attributes(LoadBalancerArn=arn, Attributes=protect)
    elbv2.delete_load_balancer(LoadBalancerArn=arn)
    with pytest.raises(elbv2.exceptions.LoadBalancerNotFoundException):
        elbv2.describe_load_balancers(LoadBalancerArns=[arn])
