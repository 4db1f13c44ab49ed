"""Every change the project makes to moto, in one place.

moto is the embedded AWS. The pinned hashicorp/aws provider (5.100) and the platform's pipeline need a
few things that moto 5.2.5 does not do; this module adds them, in-process, inside the emulator server
(``harness.emulator.server``) before it accepts its first request:

1. Step Functions executions run (``stepfunctions.execute_state_machine``), switched on before any state
   machine exists: moto only executes state machines created after the switch.
2. ``ValidateStateMachineDefinition`` (called by the provider at plan time): answered by parsing the
   definition with moto's own ASL parser, so an invalid definition fails the plan as on AWS.
3. ``ListStateMachineVersions`` (called by the provider on read): answered from moto's version store.
4. ``arn:aws:states:::batch:submitJob.sync``: moto's Step Functions -> Batch request/response mapping is
   empty, so the PascalCase task parameters reach botocore unmapped and the ``.sync`` poller reads keys
   that are camelCase. The mapping is filled from botocore's Batch service model.
5. Security group rules that reference another group keep their description: moto reads a rule's
   description only from its CIDR range, so every SG-to-SG rule came back without one and each re-plan
   wanted to add it again (``moto/ec2/models/security_groups.py``, ``SecurityGroupRule.description``).
6. Aurora as the provider reads it back: moto drops the Performance Insights settings of DB instances
   (``DBInstance.__init__`` swallows them in ``**kwargs``) and reports an empty serverless v1
   ``ScalingConfigurationInfo`` for provisioned clusters; both made every re-plan show changes. New
   instances get AWS's current default CA (``rds-ca-rsa2048-g1``, moto still says ``rds-ca-default``),
   so the provider does not modify and reboot each instance after creating it (3 minutes of waiters)
   (``moto/rds/models.py``).
7. Batch jobs run for real, as local subprocesses (``harness.emulator.batch_runner``), instead of in
   Docker: the job definition's command with overrides and environment, endpoint settings pointing back
   at the emulator, the attempt timeout, the retry strategy with ``evaluateOnExit``, output in
   CloudWatch Logs, SUCCEEDED/FAILED with exit code and reason in ``DescribeJobs``.
8. A job definition named without its revision (``name`` or ``arn:...:job-definition/name``) is the latest
   ACTIVE revision, as on AWS: moto takes the latest revision even when it is INACTIVE (deregistered) and
   does not resolve an ARN without revision at all (``moto/batch/models.py``, ``get_job_definition``).
9. S3 bucket policies are not evaluated (the README lists them among what the emulator does not check):
   moto evaluates them on object requests without any request context (no ``aws:SecureTransport``,
   ``s3:TlsVersion`` or request headers), so every condition-guarded Deny matches and the platform's
   TLS and encryption guards refused every object read, write and delete, ``force_destroy`` included
   (``moto/s3/models.py``, ``FakeBucket.get_permission``).
10. A security group rule call repeated within a few seconds with the same arguments gets the first
   call's answer: under load the provider's SDK sometimes retries an Authorize/Revoke whose first attempt
   the emulator had already applied, and the retry then failed with InvalidPermission.Duplicate/NotFound
   (seen 2 times in ~8 loaded integration runs). A repeat after the window still fails as on AWS
   (``moto/ec2/models/security_groups.py``, ``SecurityGroupBackend.authorize_/revoke_security_group_*``).
11. EKS as the provider drives it (``moto/eks``): a cluster keeps its ``accessConfig`` (moto dropped it, so
   every re-plan replaced the cluster) and, like AWS, gets a cluster security group in its VPC (``vpcId``
   and ``clusterSecurityGroupId`` were empty; modules add node rules to that group) that goes with it;
   ``UpdateClusterConfig``/``UpdateClusterVersion``/``UpdateNodegroupVersion`` return an update that
   ``DescribeUpdate`` finds (moto returned the cluster, or nothing, so in-place changes failed); a node
   group created without ``remoteAccess`` has none (moto invented an ``eksKeypair`` SSH key, which forced a
   replacement) and keeps ``updateConfig`` and the cluster's Kubernetes version; access entries with
   their access policy associations, and add-ons, are stored (CRUD, ACTIVE at once; moto had neither);
   tags work on node groups, add-ons and access entries, not only clusters.
12. CloudFront response headers policies (Create/Get/GetConfig/Update/Delete/List with ETags; moto had none).
13. A launch template's own tags (``TagSpecifications`` of type ``launch-template`` on CreateLaunchTemplate)
   stay off its template data: moto copied them into ``LaunchTemplateData.TagSpecifications``, so each
   re-plan wanted to remove them and create a new template version.
14. CloudFront distributions read back as written: an origin keeps its ``OriginAccessControlId``, a cache
   behaviour with a cache policy has no ``ForwardedValues``, and an ACM/IAM viewer certificate is not the
   CloudFront default certificate (moto returned all three differently, so each re-plan showed changes).
15. Route 53 hosted zone IDs start with ``Z`` as on AWS (moto drew 22 random letters and digits, which
   modules validating ``^Z[A-Z0-9]+$`` rejected).
16. A load balancer with ``deletion_protection.enabled`` cannot be deleted (``OperationNotPermitted``), as on
   AWS: moto deleted it, so an environment that would fail to destroy on AWS passed here.
17. Each parse of a state machine definition has its own QueryLanguage scope stack: moto keeps it in a
   class attribute of the ASL ``Preprocessor``, shared by every thread of the server, so a JSONPath
   definition parsed while a JSONata one was being parsed (the observability backlog machine and the
   pipeline machine, created in parallel by one apply or by two environments) inherited JSONata and
   failed with ``InvalidDefinition`` ("Unsupported declaration in QueryLanguage=JSONPath block"); a failed
   parse also left its scopes on the shared stack, so every later JSONPath definition failed until the
   server restarted (one CI run lost its hml environment to it: 31 tests errored)
   (``moto/stepfunctions/parser/asl/parse/preprocessor.py``, ``Preprocessor._query_language_per_scope``).
18. A Batch job's description lists its environment once: moto built it by appending the definition's
   variables and ``AWS_BATCH_JOB_ID`` to the job's own override list on every ``DescribeJobs``, so each poll
   of the ``.sync`` integration added another ``AWS_BATCH_JOB_ID`` (six in a failed pipeline's cause)
   (``moto/batch/models.py``, ``Job._get_container_property``).
19. S3 server access logging reads the target bucket's policy as AWS does: moto's check failed with a 500
   (``AttributeError``) on any statement whose Principal is ``"*"`` (the platform's TLS-only Deny) met before
   a matching one, and accepted only a single-string Action/Resource equal to the prefix; now statements of
   any shape are read, the logging service's Allow of ``s3:PutObject`` on a Resource (string or list,
   ``*`` wildcards) covering the log prefix is what counts, and a policy without it is still refused
   (``moto/s3/models.py``, ``FakeBucket._log_permissions_enabled_policy``).

Each patch is tied to moto 5.2.5: ``apply()`` refuses any other version, and
``tests/unit/emulator/test_moto_patches.py`` plus the emulator smoke test fail loudly when an upgrade moves
the code these patches hook into. To upgrade moto: bump the pin, run those tests, re-check each hook
below against the new moto source (file names are given per patch), then bump ``MOTO_VERSION``.
"""

from __future__ import annotations

import copy
from typing import Any

PINNED_MOTO_VERSION = "5.2.5"

_applied = False


class MotoVersionError(RuntimeError):
    pass


def apply() -> None:
    """Apply every patch once; raise if moto is not the version they were written against."""
    global _applied
    if _applied:
        return
    import moto

    if moto.__version__ != PINNED_MOTO_VERSION:
        raise MotoVersionError(
            f"harness.emulator.moto_patches targets moto {PINNED_MOTO_VERSION}, found {moto.__version__}: "
            "re-check the patches against the new moto (see this module's docstring) before bumping"
        )
    _enable_stepfunctions_execution()
    _add_validate_state_machine_definition()
    _add_list_state_machine_versions()
    _map_batch_task_parameters_and_responses()
    _keep_security_group_rule_descriptions()
    _keep_aurora_settings()
    _run_batch_jobs_locally()
    _resolve_unrevisioned_job_definitions()
    _skip_bucket_policy_evaluation()
    _absorb_security_group_rule_retries()
    _complete_eks()
    _add_cloudfront_response_headers_policies()
    _keep_launch_template_tags_out_of_template_data()
    _return_cloudfront_distributions_as_configured()
    _start_hosted_zone_ids_with_z()
    _honour_load_balancer_deletion_protection()
    _give_each_definition_parse_its_own_query_language_scopes()
    _describe_batch_job_environment_without_growing_it()
    _read_log_target_policies_of_any_shape()
    _applied = True


# 1. moto/core/config.py: `default_user_config["stepfunctions"]["execute_state_machine"]`, read by
#    moto/stepfunctions/responses.py:get_backend on every request.
def _enable_stepfunctions_execution() -> None:
    from moto.core.config import default_user_config

    default_user_config.setdefault("stepfunctions", {})["execute_state_machine"] = True


# 2. moto/stepfunctions/responses.py: StepFunctionResponse dispatches "AWSStepFunctions.<Action>" to the
#    method named after the action in snake case; ValidateStateMachineDefinition has none.
def _add_validate_state_machine_definition() -> None:
    from moto.core.responses import ActionResult
    from moto.stepfunctions.parser.asl.parse.asl_parser import AmazonStateLanguageParser
    from moto.stepfunctions.responses import StepFunctionResponse

    def validate_state_machine_definition(self: StepFunctionResponse) -> ActionResult:
        definition = self._get_param("definition")
        try:
            AmazonStateLanguageParser.parse(definition)
        except Exception as error:  # the parser raises many types; each is a diagnostic here
            # The parser lists every token it expected; the first 300 characters say what is wrong.
            message = (str(error) or error.__class__.__name__)[:300]
            return ActionResult(
                {
                    "result": "FAIL",
                    "diagnostics": [{"severity": "ERROR", "code": "SCHEMA_VALIDATION_FAILED", "message": message}],
                    "truncated": False,
                }
            )
        return ActionResult({"result": "OK", "diagnostics": [], "truncated": False})

    StepFunctionResponse.validate_state_machine_definition = validate_state_machine_definition


# 3. moto/stepfunctions/models.py: StateMachine.versions (dict number -> StateMachineVersion).
def _add_list_state_machine_versions() -> None:
    from moto.core.responses import ActionResult
    from moto.stepfunctions.responses import StepFunctionResponse

    def list_state_machine_versions(self: StepFunctionResponse) -> ActionResult:
        arn = self._get_param("stateMachineArn")
        state_machine = self.stepfunction_backend.describe_state_machine(arn)
        versions = sorted(getattr(state_machine, "versions", {}).items(), reverse=True)
        return ActionResult(
            {
                "stateMachineVersions": [
                    {"stateMachineVersionArn": version.arn, "creationDate": version.creation_date}
                    for _, version in versions
                ]
            }
        )

    StepFunctionResponse.list_state_machine_versions = list_state_machine_versions


# 4. moto/stepfunctions/parser/asl/component/state/exec/state_task/service/state_task_service_batch.py:
#    StateTaskServiceBatch inherits the no-op _normalise_parameters/_normalise_response of
#    state_task_service.py; the base class already has the shape-driven converters we reuse.
def _map_batch_task_parameters_and_responses() -> None:
    import botocore.session
    from botocore import xform_name
    from moto.stepfunctions.parser.asl.component.state.exec.state_task.service.state_task_service_batch import (
        StateTaskServiceBatch,
    )

    batch_model = botocore.session.get_session().get_service_model("batch")
    operations = {xform_name(name): batch_model.operation_model(name) for name in batch_model.operation_names}

    def _operation(self: StateTaskServiceBatch, service_action_name: str | None):
        action = self._get_boto_service_action(service_action_name)
        return operations[xform_name(action)]

    def _normalise_parameters(
        self: StateTaskServiceBatch,
        parameters: dict,
        boto_service_name: str | None = None,
        service_action_name: str | None = None,
    ) -> None:
        self._to_boto_request(parameters, _operation(self, service_action_name).input_shape)

    def _normalise_response(
        self: StateTaskServiceBatch,
        response: Any,
        boto_service_name: str | None = None,
        service_action_name: str | None = None,
    ) -> None:
        if isinstance(response, dict):
            response.pop("ResponseMetadata", None)
            self._from_boto_response(response, _operation(self, service_action_name).output_shape)

    StateTaskServiceBatch._normalise_parameters = _normalise_parameters
    StateTaskServiceBatch._normalise_response = _normalise_response


# 5. moto/ec2/models/security_groups.py: SecurityGroupRule.description is a property over ip_range only.
def _keep_security_group_rule_descriptions() -> None:
    from moto.ec2.models.security_groups import SecurityGroupRule

    def description(self: SecurityGroupRule) -> str | None:
        return self.ip_range.get("Description") or self.source_group.get("Description")

    SecurityGroupRule.description = property(description)


# 6. moto/rds/models.py: DBInstance.__init__(**kwargs), DBInstance.modify via setattr of known keys,
#    DBCluster.scaling_configuration_info property.
# Request parameter (snake case, as moto passes it) -> model attribute the response serializer reads.
_PERFORMANCE_INSIGHTS_KEYS = {
    "enable_performance_insights": "performance_insights_enabled",
    "performance_insights_kms_key_id": "performance_insights_kms_key_id",
    "performance_insights_retention_period": "performance_insights_retention_period",
}


AWS_DEFAULT_RDS_CA = "rds-ca-rsa2048-g1"


def _keep_aurora_settings() -> None:
    from moto.rds.models import DBCluster, DBInstance, RDSBackend

    original_init = DBInstance.__init__

    def init(self: DBInstance, *args: Any, **kwargs: Any) -> None:
        original_init(self, *args, **kwargs)
        self.performance_insights_enabled = bool(kwargs.get("enable_performance_insights", False))
        self.performance_insights_kms_key_id = kwargs.get("performance_insights_kms_key_id")
        retention = kwargs.get("performance_insights_retention_period")
        self.performance_insights_retention_period = int(retention) if retention else None
        if self.performance_insights_enabled and self.performance_insights_retention_period is None:
            self.performance_insights_retention_period = 7
        if self.ca_certificate_identifier == "rds-ca-default":
            self.ca_certificate_identifier = AWS_DEFAULT_RDS_CA

    original_modify = RDSBackend.modify_db_instance

    def modify_db_instance(self: RDSBackend, db_instance_identifier: str, db_kwargs: dict[str, Any]) -> DBInstance:
        database = original_modify(self, db_instance_identifier, db_kwargs)
        for parameter, attribute in _PERFORMANCE_INSIGHTS_KEYS.items():
            if db_kwargs.get(parameter) is not None:
                setattr(database, attribute, db_kwargs[parameter])
        return database

    original_scaling = DBCluster.scaling_configuration_info

    def scaling_configuration_info(self: DBCluster) -> dict[str, Any] | None:
        if self.engine_mode != "serverless":
            return None
        return original_scaling.fget(self)

    DBInstance.__init__ = init
    RDSBackend.modify_db_instance = modify_db_instance
    DBCluster.scaling_configuration_info = property(scaling_configuration_info)


# 7. moto/batch/models.py: Job is a thread whose run() starts Docker containers; Job.describe() builds
#    the DescribeJobs entry (its container block lacks exitCode/reason once _container_details() runs).
def _run_batch_jobs_locally() -> None:
    from moto.batch.models import Job

    from harness.emulator.batch_runner import run_job

    original_describe = Job.describe

    def describe(self: Job) -> dict[str, Any]:
        result = original_describe(self)
        latest = getattr(self, "latest_attempt", None) or {}
        container = result.setdefault("container", {})
        for key in ("exitCode", "reason"):
            value = latest.get("container", {}).get(key)
            if value is not None:
                container[key] = value
        result["attempts"] = copy.deepcopy(self.attempts)
        return result

    Job.run = run_job
    Job.describe = describe


# 8. moto/batch/models.py: BatchBackend.get_job_definition (SubmitJob and the SFN .sync task use it).
def _resolve_unrevisioned_job_definitions() -> None:
    from moto.batch.models import BatchBackend, JobDefinition

    original = BatchBackend.get_job_definition

    def get_job_definition(self: BatchBackend, identifier: str) -> JobDefinition | None:
        name = identifier.rsplit("job-definition/", 1)[-1] if identifier.startswith("arn:") else identifier
        if ":" in name:
            return original(self, identifier)
        active = [
            definition
            for definition in self._job_definitions.values()
            if definition.name == name and definition.status == "ACTIVE"
        ]
        return max(active, key=lambda definition: definition.revision, default=None)

    BatchBackend.get_job_definition = get_job_definition


# 9. moto/s3/models.py: FakeBucket.get_permission, read by the object and DeleteObjects handlers.
def _skip_bucket_policy_evaluation() -> None:
    from moto.iam.access_control import PermissionResult
    from moto.s3.models import FakeBucket

    def get_permission(self: FakeBucket, action: str, resource: str) -> PermissionResult:
        return PermissionResult.NEUTRAL

    FakeBucket.get_permission = get_permission


# 10. moto/ec2/models/security_groups.py: SecurityGroupBackend.{authorize,revoke}_security_group_{ingress,egress}.
#     (SDK retries of any other call are answered by harness/emulator/retry_replay.py, by invocation id.)
SDK_RETRY_WINDOW_SECONDS = 30.0


def _absorb_security_group_rule_retries() -> None:
    import json
    import threading
    import time

    from moto.ec2.exceptions import InvalidPermissionDuplicateError, InvalidPermissionNotFoundError
    from moto.ec2.models.security_groups import SecurityGroupBackend

    answered: dict[str, tuple[float, Any]] = {}
    lock = threading.Lock()

    def call_key(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
        return json.dumps([name, args, kwargs], sort_keys=True, default=str)

    def absorbing(name: str, error: type[Exception]) -> None:
        original = getattr(SecurityGroupBackend, name)

        def method(self: SecurityGroupBackend, *args: Any, **kwargs: Any) -> Any:
            key = call_key(name, args, kwargs)
            try:
                result = original(self, *args, **kwargs)
            except error:
                with lock:
                    earlier = answered.get(key)
                if earlier is not None and time.monotonic() - earlier[0] < SDK_RETRY_WINDOW_SECONDS:
                    return earlier[1]
                raise
            with lock:
                answered[key] = (time.monotonic(), result)
            return result

        setattr(SecurityGroupBackend, name, method)

    for direction in ("ingress", "egress"):
        absorbing(f"authorize_security_group_{direction}", InvalidPermissionDuplicateError)
        absorbing(f"revoke_security_group_{direction}", InvalidPermissionNotFoundError)


# 11. moto/eks: responses.py (EKSResponse, dispatched by the botocore operation matched on method + URI),
#     models.py (Cluster, Nodegroup, EKSBackend), urls.py (url_paths, read when the server builds the EKS app).
EKS_CLUSTER_SG_DESCRIPTION = (
    "EKS created security group applied to ENI that is attached to EKS Control Plane master nodes, "
    "as well as any managed workloads."
)
EKS_ACCESS_POLICY_PREFIX = "arn:aws:eks::aws:cluster-access-policy/"
EKS_EXTRA_URL_PATHS = (
    "{0}/clusters/(?P<name>[^/]+)/updates$",
    "{0}/clusters/(?P<name>[^/]+)/updates/(?P<updateId>[^/]+)$",
    "{0}/clusters/(?P<name>[^/]+)/node-groups/(?P<nodegroupName>[^/]+)/update-version$",
    "{0}/clusters/(?P<name>[^/]+)/addons$",
    "{0}/clusters/(?P<name>[^/]+)/addons/(?P<addonName>[^/]+)$",
    "{0}/clusters/(?P<name>[^/]+)/addons/(?P<addonName>[^/]+)/update$",
    "{0}/clusters/(?P<name>[^/]+)/access-entries$",
    "{0}/clusters/(?P<name>[^/]+)/access-entries/(?P<principalArn>.+)$",
)


def _complete_eks() -> None:
    import contextlib

    from moto.core.responses import ActionResult, EmptyResult
    from moto.core.utils import utcnow
    from moto.eks import urls
    from moto.eks.exceptions import InvalidParameterException, InvalidRequestException, ResourceInUseException
    from moto.eks.exceptions import ResourceNotFoundException as NotFound
    from moto.eks.models import Cluster, EKSBackend, Nodegroup
    from moto.eks.responses import EKSResponse
    from moto.moto_api._internal import mock_random as random

    for path in EKS_EXTRA_URL_PATHS:
        urls.url_paths.setdefault(path, urls.response.dispatch)

    def not_found(message: str) -> NotFound:
        return NotFound(clusterName=None, nodegroupName=None, fargateProfileName=None, addonName=None, message=message)

    def cluster_of(response: EKSResponse) -> Cluster:
        name = response._get_param("name")
        cluster = response.eks_backend.clusters.get(name)
        if cluster is None:
            raise not_found(f"No cluster found for name: {name}.")
        for attribute in ("addons", "access_entries", "updates"):
            if not hasattr(cluster, attribute):
                setattr(cluster, attribute, {})
        return cluster

    def record_update(cluster: Cluster, kind: str, params: list[dict[str, str]]) -> dict[str, Any]:
        update = {
            "id": str(random.uuid4()),
            "status": "Successful",
            "type": kind,
            "params": params,
            "createdAt": utcnow(),
            "errors": [],
        }
        cluster.updates[update["id"]] = update
        return update

    # -- clusters: access config, the cluster security group and VPC id, updates that AWS tracks by id
    original_create_cluster = EKSResponse.create_cluster

    def create_cluster(self: EKSResponse) -> ActionResult:
        access = self._get_param("accessConfig") or {}
        result = original_create_cluster(self)
        cluster = cluster_of(self)
        cluster.access_config = {"authenticationMode": access.get("authenticationMode", "CONFIG_MAP")}
        vpc_config = cluster.resources_vpc_config
        vpc_config.setdefault("endpointPublicAccess", True)
        vpc_config.setdefault("endpointPrivateAccess", False)
        if vpc_config["endpointPublicAccess"]:
            vpc_config.setdefault("publicAccessCidrs", ["0.0.0.0/0"])
        from moto.ec2.models import ec2_backends

        ec2 = ec2_backends[self.current_account][self.region]
        with contextlib.suppress(Exception):  # a cluster on subnets moto does not know keeps no VPC id, as before
            vpc_id = ec2.get_subnet(vpc_config["subnetIds"][0]).vpc_id
            group = ec2.create_security_group(
                name=f"eks-cluster-sg-{cluster.name}-{random.get_random_string(10, lower_case=True)}",
                description=EKS_CLUSTER_SG_DESCRIPTION,
                vpc_id=vpc_id,
                tags={f"kubernetes.io/cluster/{cluster.name}": "owned", "aws:eks:cluster-name": cluster.name},
            )
            vpc_config["vpcId"] = vpc_id
            vpc_config["clusterSecurityGroupId"] = group.id
        return result

    def update_cluster_config(self: EKSResponse) -> ActionResult:
        cluster = cluster_of(self)
        params = []
        vpc_config = self._get_param("resourcesVpcConfig")
        if vpc_config:
            cluster.resources_vpc_config.update(vpc_config)
            params.append({"type": "ResourcesVpcConfig", "value": str(vpc_config)})
        logging = self._get_param("logging")
        if logging:
            cluster.logging = logging
            params.append({"type": "ClusterLogging", "value": str(logging)})
        access = self._get_param("accessConfig")
        if access and access.get("authenticationMode"):
            cluster.access_config = {"authenticationMode": access["authenticationMode"]}
            params.append({"type": "AuthenticationMode", "value": access["authenticationMode"]})
        for key, attribute in (
            ("kubernetesNetworkConfig", "kubernetes_network_config"),
            ("upgradePolicy", "upgrade_policy"),
            ("remoteNetworkConfig", "remote_network_config"),
        ):
            value = self._get_param(key)
            if value:
                setattr(cluster, attribute, value)
                params.append({"type": key[0].upper() + key[1:], "value": str(value)})
        if access:
            kind = "AccessConfigUpdate"
        elif logging and not vpc_config:
            kind = "LoggingUpdate"
        elif vpc_config and not logging:
            kind = "EndpointAccessUpdate"
        else:
            kind = "ConfigUpdate"
        return ActionResult({"update": record_update(cluster, kind, params)})

    def update_cluster_version(self: EKSResponse) -> ActionResult:
        cluster = cluster_of(self)
        cluster.version = self._get_param("version")
        update = record_update(cluster, "VersionUpdate", [{"type": "Version", "value": cluster.version}])
        return ActionResult({"update": update})

    def describe_update(self: EKSResponse) -> ActionResult:
        cluster = cluster_of(self)
        update = cluster.updates.get(self._get_param("updateId"))
        if update is None:
            raise not_found(f"No update found for ID: {self._get_param('updateId')}.")
        return ActionResult({"update": update})

    def list_updates(self: EKSResponse) -> ActionResult:
        return ActionResult({"updateIds": list(cluster_of(self).updates)})

    original_delete_cluster = EKSBackend.delete_cluster

    def delete_cluster(self: EKSBackend, name: str) -> Cluster:
        cluster = original_delete_cluster(self, name)
        group_id = cluster.resources_vpc_config.get("clusterSecurityGroupId")
        if group_id:
            from moto.ec2.models import ec2_backends

            with contextlib.suppress(Exception):  # AWS deletes it too; a group still referenced stays
                ec2_backends[self.account_id][self.region_name].delete_security_group(group_id=group_id)
        return cluster

    # -- node groups: no SSH access unless asked for, update and node repair config kept, version tracks
    #    the cluster's, updates tracked by id
    original_create_nodegroup = EKSResponse.create_nodegroup

    def create_nodegroup(self: EKSResponse) -> ActionResult:
        result = original_create_nodegroup(self)
        cluster = cluster_of(self)
        nodegroup = cluster.nodegroups[self._get_param("nodegroupName")]
        if not self._get_param("remoteAccess"):
            nodegroup.remote_access = None
            nodegroup.resources.pop("remoteAccessSecurityGroup", None)
        nodegroup.update_config = self._get_param("updateConfig") or {"maxUnavailable": 1}
        nodegroup.node_repair_config = self._get_param("nodeRepairConfig")
        if not self._get_param("version"):
            nodegroup.version = cluster.version
        return result

    original_update_nodegroup_config = EKSResponse.update_nodegroup_config

    def update_nodegroup_config(self: EKSResponse) -> ActionResult:
        result = original_update_nodegroup_config(self)
        update = dict(result.result["update"])
        cluster_of(self).updates[update["id"]] = update
        return result

    def update_nodegroup_version(self: EKSResponse) -> ActionResult:
        cluster = cluster_of(self)
        name = self._get_param("nodegroupName")
        nodegroup: Nodegroup | None = cluster.nodegroups.get(name)
        if nodegroup is None:
            raise not_found(f"No node group found for name: {name}.")
        params = []
        template = self._get_param("launchTemplate")
        if template:
            nodegroup.launch_template = {**(nodegroup.launch_template or {}), **template}
            params.append({"type": "LaunchTemplateVersion", "value": str(template.get("version"))})
        for key, attribute in (("version", "version"), ("releaseVersion", "release_version")):
            value = self._get_param(key)
            if value:
                setattr(nodegroup, attribute, value)
                params.append({"type": key[0].upper() + key[1:], "value": value})
        nodegroup.modified_at = utcnow()
        return ActionResult({"update": record_update(cluster, "VersionUpdate", params)})

    # -- add-ons: CRUD, ACTIVE at once
    def addon_of(response: EKSResponse) -> dict[str, Any]:
        cluster = cluster_of(response)
        name = response._get_param("addonName")
        if name not in cluster.addons:
            raise NotFound(
                clusterName=cluster.name,
                nodegroupName=None,
                fargateProfileName=None,
                addonName=name,
                message=f"No addon: {name} found in cluster: {cluster.name}",
            )
        return cluster.addons[name]

    def create_addon(self: EKSResponse) -> ActionResult:
        cluster = cluster_of(self)
        name = self._get_param("addonName")
        if name in cluster.addons:
            raise ResourceInUseException(
                clusterName=cluster.name, nodegroupName=None, addonName=name, message=f"Addon already exists: {name}"
            )
        now = utcnow()
        cluster.addons[name] = addon = {
            "addonName": name,
            "clusterName": cluster.name,
            "status": "ACTIVE",
            "addonVersion": self._get_param("addonVersion"),
            "health": {"issues": []},
            "addonArn": cluster.arn.replace(":cluster/", ":addon/", 1) + f"/{name}/{random.uuid4()}",
            "createdAt": now,
            "modifiedAt": now,
            "serviceAccountRoleArn": self._get_param("serviceAccountRoleArn"),
            "tags": self._get_param("tags") or {},
            "configurationValues": self._get_param("configurationValues"),
            "podIdentityAssociations": [],
        }
        return ActionResult({"addon": addon})

    def describe_addon(self: EKSResponse) -> ActionResult:
        return ActionResult({"addon": addon_of(self)})

    def list_addons(self: EKSResponse) -> ActionResult:
        return ActionResult({"addons": sorted(cluster_of(self).addons)})

    def update_addon(self: EKSResponse) -> ActionResult:
        addon = addon_of(self)
        params = []
        for key in ("addonVersion", "serviceAccountRoleArn", "configurationValues"):
            value = self._get_param(key)
            if value is not None:
                addon[key] = value
                params.append({"type": key[0].upper() + key[1:], "value": value})
        addon["modifiedAt"] = utcnow()
        return ActionResult({"update": record_update(cluster_of(self), "AddonUpdate", params)})

    def delete_addon(self: EKSResponse) -> ActionResult:
        addon = addon_of(self)
        del cluster_of(self).addons[addon["addonName"]]
        return ActionResult({"addon": {**addon, "status": "DELETING"}})

    # -- access entries and their access policies
    def principal_arn(response: EKSResponse) -> str:
        from urllib.parse import unquote

        path = unquote(response.path)
        if "/access-entries/" in path:  # the ARN holds slashes: read it from the path, not the router
            tail = path.split("/access-entries/", 1)[1]
            return tail.split("/access-policies", 1)[0]
        return response._get_param("principalArn")

    def entry_of(response: EKSResponse) -> dict[str, Any]:
        cluster = cluster_of(response)
        arn = principal_arn(response)
        if arn not in cluster.access_entries:
            raise not_found(f"The specified access entry resource is not found: {arn}.")
        return cluster.access_entries[arn]

    def create_access_entry(self: EKSResponse) -> ActionResult:
        cluster = cluster_of(self)
        mode = getattr(cluster, "access_config", {}).get("authenticationMode", "CONFIG_MAP")
        if mode == "CONFIG_MAP":
            raise InvalidRequestException(
                message="The cluster's authentication mode must be set to one of [API, API_AND_CONFIG_MAP] "
                "to perform this operation."
            )
        arn = self._get_param("principalArn")
        if arn in cluster.access_entries:
            raise ResourceInUseException(
                clusterName=cluster.name,
                nodegroupName=None,
                addonName=None,
                message=f"The specified access entry resource is already in use on this cluster: {arn}.",
            )
        kind = self._get_param("type") or "STANDARD"
        resource = arn.split(":", 5)[5]  # role/path/name or user/name
        session = "/{{SessionName}}" if resource.startswith("role/") else ""
        identity = (
            f"arn:aws:sts::{self.current_account}:assumed-role/{resource.rsplit('/', 1)[-1]}{session}"
            if resource.startswith("role/")
            else arn
        )
        now = utcnow()
        cluster.access_entries[arn] = entry = {
            "clusterName": cluster.name,
            "principalArn": arn,
            "kubernetesGroups": self._get_param("kubernetesGroups") or [],
            "accessEntryArn": cluster.arn.replace(":cluster/", ":access-entry/", 1)
            + f"/{resource.split('/', 1)[0]}/{self.current_account}/{resource.rsplit('/', 1)[-1]}/{random.uuid4()}",
            "createdAt": now,
            "modifiedAt": now,
            "tags": self._get_param("tags") or {},
            "username": self._get_param("username") or (identity if kind == "STANDARD" else None),
            "type": kind,
            "policies": {},
        }
        return ActionResult({"accessEntry": _public(entry)})

    def describe_access_entry(self: EKSResponse) -> ActionResult:
        return ActionResult({"accessEntry": _public(entry_of(self))})

    def list_access_entries(self: EKSResponse) -> ActionResult:
        return ActionResult({"accessEntries": sorted(cluster_of(self).access_entries)})

    def update_access_entry(self: EKSResponse) -> ActionResult:
        entry = entry_of(self)
        for key in ("kubernetesGroups", "username"):
            value = self._get_param(key)
            if value is not None:
                entry[key] = value
        entry["modifiedAt"] = utcnow()
        return ActionResult({"accessEntry": _public(entry)})

    def delete_access_entry(self: EKSResponse) -> EmptyResult:
        entry = entry_of(self)
        del cluster_of(self).access_entries[entry["principalArn"]]
        return EmptyResult()

    def associate_access_policy(self: EKSResponse) -> ActionResult:
        entry = entry_of(self)
        policy = self._get_param("policyArn")
        if not policy or not policy.startswith(EKS_ACCESS_POLICY_PREFIX):
            raise InvalidParameterException(message=f"The policyArn is not a valid EKS access policy: {policy}")
        scope = self._get_param("accessScope") or {}
        if scope.get("type") not in ("cluster", "namespace"):
            raise InvalidParameterException(message="accessScope.type must be one of [cluster, namespace].")
        if scope["type"] == "namespace" and not scope.get("namespaces"):
            raise InvalidParameterException(message="A namespace accessScope must name at least one namespace.")
        now = utcnow()
        previous = entry["policies"].get(policy)
        entry["policies"][policy] = association = {
            "policyArn": policy,
            "accessScope": {"type": scope["type"], "namespaces": scope.get("namespaces") or []},
            "associatedAt": previous["associatedAt"] if previous else now,
            "modifiedAt": now,
        }
        return ActionResult(
            {
                "clusterName": entry["clusterName"],
                "principalArn": entry["principalArn"],
                "associatedAccessPolicy": association,
            }
        )

    def list_associated_access_policies(self: EKSResponse) -> ActionResult:
        entry = entry_of(self)
        return ActionResult(
            {
                "clusterName": entry["clusterName"],
                "principalArn": entry["principalArn"],
                "associatedAccessPolicies": list(entry["policies"].values()),
            }
        )

    def disassociate_access_policy(self: EKSResponse) -> EmptyResult:
        entry = entry_of(self)
        from urllib.parse import unquote

        policy = unquote(self.path).rsplit("/access-policies/", 1)[-1]
        if entry["policies"].pop(policy, None) is None:
            raise not_found(f"The specified access policy is not associated: {policy}.")
        return EmptyResult()

    # -- tags on every EKS resource the provider tags, not only clusters
    def taggable(self: EKSBackend, arn: str) -> Any:
        for cluster in self.clusters.values():
            if cluster.arn == arn:
                return cluster
            for nodegroup in cluster.nodegroups.values():
                if nodegroup.arn == arn:
                    return nodegroup
            for item in (*getattr(cluster, "addons", {}).values(), *getattr(cluster, "access_entries", {}).values()):
                if arn in (item.get("addonArn"), item.get("accessEntryArn")):
                    return item
        raise not_found("An error occurred (NotFoundException): Resource was not found")

    def tags_of(item: Any) -> dict[str, str]:
        return item["tags"] if isinstance(item, dict) else item.tags

    def tag_resource(self: EKSBackend, resource_arn: str, tags: dict[str, str]) -> None:
        tags_of(taggable(self, resource_arn)).update(tags)

    def untag_resource(self: EKSBackend, resource_arn: str, tag_keys: list[str]) -> None:
        current = tags_of(taggable(self, resource_arn))
        for key in [tag_keys] if isinstance(tag_keys, str) else tag_keys:
            current.pop(key, None)

    def list_tags_for_resource(self: EKSBackend, resource_arn: str) -> dict[str, str]:
        return tags_of(taggable(self, resource_arn))

    EKSResponse.create_cluster = create_cluster
    EKSResponse.update_cluster_config = update_cluster_config
    EKSResponse.update_cluster_version = update_cluster_version
    EKSResponse.describe_update = describe_update
    EKSResponse.list_updates = list_updates
    EKSResponse.create_nodegroup = create_nodegroup
    EKSResponse.update_nodegroup_config = update_nodegroup_config
    EKSResponse.update_nodegroup_version = update_nodegroup_version
    EKSResponse.create_addon = create_addon
    EKSResponse.describe_addon = describe_addon
    EKSResponse.list_addons = list_addons
    EKSResponse.update_addon = update_addon
    EKSResponse.delete_addon = delete_addon
    EKSResponse.create_access_entry = create_access_entry
    EKSResponse.describe_access_entry = describe_access_entry
    EKSResponse.list_access_entries = list_access_entries
    EKSResponse.update_access_entry = update_access_entry
    EKSResponse.delete_access_entry = delete_access_entry
    EKSResponse.associate_access_policy = associate_access_policy
    EKSResponse.list_associated_access_policies = list_associated_access_policies
    EKSResponse.disassociate_access_policy = disassociate_access_policy
    EKSBackend.delete_cluster = delete_cluster
    EKSBackend.tag_resource = tag_resource
    EKSBackend.untag_resource = untag_resource
    EKSBackend.list_tags_for_resource = list_tags_for_resource


def _public(entry: dict[str, Any]) -> dict[str, Any]:
    """An access entry as the API returns it (its associated policies are listed by another call)."""
    return {key: value for key, value in entry.items() if key != "policies"}


# 12. moto/cloudfront: responses.py (CloudFrontResponse, restXml, automated parameter parsing; the action is
#     matched on method + URI), models.py (CloudFrontBackend), urls.py (url_paths).
CLOUDFRONT_EXTRA_URL_PATHS = (
    "{0}/2020-05-31/response-headers-policy$",
    "{0}/2020-05-31/response-headers-policy/(?P<policy_id>[^/]+)$",
    "{0}/2020-05-31/response-headers-policy/(?P<policy_id>[^/]+)/config$",
)


def _add_cloudfront_response_headers_policies() -> None:
    from moto.cloudfront import urls
    from moto.cloudfront.exceptions import CloudFrontException
    from moto.cloudfront.models import CloudFrontBackend
    from moto.cloudfront.responses import CloudFrontResponse
    from moto.core.responses import ActionResult, EmptyResult
    from moto.core.utils import utcnow
    from moto.moto_api._internal import mock_random as random

    for path in CLOUDFRONT_EXTRA_URL_PATHS:
        urls.url_paths.setdefault(path, CloudFrontResponse.dispatch)

    def policies(backend: CloudFrontBackend) -> dict[str, dict[str, Any]]:
        if not hasattr(backend, "response_headers_policies"):
            backend.response_headers_policies = {}
        return backend.response_headers_policies

    def policy_of(response: CloudFrontResponse) -> dict[str, Any]:
        policy = policies(response.backend).get(response._get_param("Id"))
        if policy is None:
            raise CloudFrontException("NoSuchResponseHeadersPolicy", "The response headers policy does not exist.")
        return policy

    def checked(response: CloudFrontResponse) -> dict[str, Any]:
        policy = policy_of(response)
        if response._get_param("IfMatch") != policy["etag"]:
            raise CloudFrontException(
                "InvalidIfMatchVersion", "The If-Match version is missing or not valid for the resource."
            )
        return policy

    def name_taken(backend: CloudFrontBackend, name: str, other_than: str | None = None) -> None:
        for policy_id, policy in policies(backend).items():
            if policy["config"].get("Name") == name and policy_id != other_than:
                raise CloudFrontException(
                    "ResponseHeadersPolicyAlreadyExists", f"A response headers policy named {name} already exists."
                )

    def body(policy: dict[str, Any]) -> dict[str, Any]:
        return {
            "Id": policy["id"],
            "LastModifiedTime": policy["modified"],
            "ResponseHeadersPolicyConfig": policy["config"],
        }

    def create_response_headers_policy(self: CloudFrontResponse) -> ActionResult:
        config = self._get_param("ResponseHeadersPolicyConfig", {})
        name_taken(self.backend, config.get("Name"))
        policy_id = str(random.uuid4())
        policies(self.backend)[policy_id] = policy = {
            "id": policy_id,
            "config": config,
            "etag": random.get_random_string(13, lower_case=False).upper(),
            "modified": utcnow(),
        }
        location = f"https://cloudfront.amazonaws.com/2020-05-31/response-headers-policy/{policy_id}"
        return ActionResult({"ResponseHeadersPolicy": body(policy), "Location": location, "ETag": policy["etag"]})

    def get_response_headers_policy(self: CloudFrontResponse) -> ActionResult:
        policy = policy_of(self)
        return ActionResult({"ResponseHeadersPolicy": body(policy), "ETag": policy["etag"]})

    def get_response_headers_policy_config(self: CloudFrontResponse) -> ActionResult:
        policy = policy_of(self)
        return ActionResult({"ResponseHeadersPolicyConfig": policy["config"], "ETag": policy["etag"]})

    def update_response_headers_policy(self: CloudFrontResponse) -> ActionResult:
        policy = checked(self)
        config = self._get_param("ResponseHeadersPolicyConfig", {})
        name_taken(self.backend, config.get("Name"), other_than=policy["id"])
        policy.update(config=config, etag=random.get_random_string(13, lower_case=False).upper(), modified=utcnow())
        return ActionResult({"ResponseHeadersPolicy": body(policy), "ETag": policy["etag"]})

    def delete_response_headers_policy(self: CloudFrontResponse) -> EmptyResult:
        policy = checked(self)
        for distribution in self.backend.distributions.values():
            config = distribution.distribution_config
            items = (getattr(config, "CacheBehaviors", None) or {}).get("Items") or []
            behaviors = [getattr(config, "DefaultCacheBehavior", None), *items]
            if any(getattr(b, "response_headers_policy_id", None) == policy["id"] for b in behaviors):
                raise CloudFrontException(
                    "ResponseHeadersPolicyInUse", "Cannot delete the response headers policy: a distribution uses it."
                )
        del policies(self.backend)[policy["id"]]
        return EmptyResult()

    def list_response_headers_policies(self: CloudFrontResponse) -> ActionResult:
        kind = self._get_param("Type")
        items = (
            []
            if kind == "managed"
            else [{"Type": "custom", "ResponseHeadersPolicy": body(p)} for p in policies(self.backend).values()]
        )
        return ActionResult({"ResponseHeadersPolicyList": {"MaxItems": 100, "Quantity": len(items), "Items": items}})

    CloudFrontResponse.create_response_headers_policy = create_response_headers_policy
    CloudFrontResponse.get_response_headers_policy = get_response_headers_policy
    CloudFrontResponse.get_response_headers_policy_config = get_response_headers_policy_config
    CloudFrontResponse.update_response_headers_policy = update_response_headers_policy
    CloudFrontResponse.delete_response_headers_policy = delete_response_headers_policy
    CloudFrontResponse.list_response_headers_policies = list_response_headers_policies


# 13. moto/ec2/responses/launch_templates.py (LaunchTemplates.create_launch_template merges the request's
#     top-level TagSpecifications into LaunchTemplateData) and moto/ec2/models/launch_templates.py
#     (LaunchTemplateBackend.create_launch_template, which receives that data).
def _keep_launch_template_tags_out_of_template_data() -> None:
    from moto.ec2.models.launch_templates import LaunchTemplate, LaunchTemplateBackend

    original = LaunchTemplateBackend.create_launch_template

    def create_launch_template(
        self: LaunchTemplateBackend,
        name: str,
        description: str,
        template_data: dict[str, Any],
        tag_spec: dict[str, Any],
    ) -> LaunchTemplate:
        specifications = [
            spec
            for spec in template_data.get("TagSpecifications") or []
            if spec.get("ResourceType") != "launch-template"
        ]
        template_data = {key: value for key, value in template_data.items() if key != "TagSpecifications"}
        if specifications:
            template_data["TagSpecifications"] = specifications
        return original(self, name, description, template_data, tag_spec)

    LaunchTemplateBackend.create_launch_template = create_launch_template


# 14. moto/cloudfront/models.py: Origin, DefaultCacheBehaviour (CacheBehaviour derives from it), ViewerCertificate.
def _return_cloudfront_distributions_as_configured() -> None:
    from moto.cloudfront.models import DefaultCacheBehaviour, Origin, ViewerCertificate

    original_origin = Origin.__init__

    def origin_init(self: Origin, origin: dict[str, Any]) -> None:
        original_origin(self, origin)
        self.origin_access_control_id = origin.get("OriginAccessControlId") or ""

    original_behaviour = DefaultCacheBehaviour.__init__

    def behaviour_init(self: DefaultCacheBehaviour, config: dict[str, Any]) -> None:
        original_behaviour(self, config)
        if "ForwardedValues" not in config:  # a behaviour with a cache policy has none
            self.forwarded_values = None

    original_certificate = ViewerCertificate.__init__

    def certificate_init(self: ViewerCertificate, config: dict[str, Any]) -> None:
        original_certificate(self, config)
        for key, source in (("ACMCertificateArn", "acm"), ("IAMCertificateId", "iam")):
            if config.get(key):
                self.cloud_front_default_certificate = bool(config.get("CloudFrontDefaultCertificate", False))
                self.certificate_source = source
                self.certificate = config[key]

    Origin.__init__ = origin_init
    DefaultCacheBehaviour.__init__ = behaviour_init
    ViewerCertificate.__init__ = certificate_init


# 15. moto/route53/models.py: create_route53_zone_id (module global, called by the zone's ResourceIdentifier).
ROUTE53_ZONE_ID_LENGTH = 22  # "Z" and 21 letters or digits, like Z0123456789ABCDEFGHIJ


def _start_hosted_zone_ids_with_z() -> None:
    import string

    from moto.moto_api._internal import mock_random as random
    from moto.route53 import models
    from moto.utilities.id_generator import moto_id

    choices = string.ascii_uppercase + string.digits

    @moto_id
    def create_route53_zone_id(resource_identifier: Any, existing_ids: Any = None, tags: Any = None) -> str:
        return "Z" + "".join(random.choice(choices) for _ in range(ROUTE53_ZONE_ID_LENGTH - 1))

    models.create_route53_zone_id = create_route53_zone_id


# 16. moto/elbv2/models.py: ELBv2Backend.delete_load_balancer (pops the balancer whatever its attributes say).
def _honour_load_balancer_deletion_protection() -> None:
    from moto.elbv2.exceptions import ELBClientError
    from moto.elbv2.models import ELBv2Backend

    original = ELBv2Backend.delete_load_balancer

    def delete_load_balancer(self: ELBv2Backend, arn: str) -> None:
        balancer = self.load_balancers.get(arn)
        if balancer is not None and balancer.attrs.get("deletion_protection.enabled") == "true":
            raise ELBClientError(
                "OperationNotPermitted",
                f"Load balancer '{arn}' cannot be deleted because deletion protection is enabled",
            )
        original(self, arn)

    ELBv2Backend.delete_load_balancer = delete_load_balancer


# 17. moto/stepfunctions/parser/asl/parse/preprocessor.py: `Preprocessor._query_language_per_scope = []` is
#     a class attribute that _open_query_language_scope appends to and _close_query_language_scope pops;
#     AmazonStateLanguageParser.parse makes one Preprocessor per parse, so an instance attribute set at
#     construction gives each parse (and each thread) its own stack.
def _give_each_definition_parse_its_own_query_language_scopes() -> None:
    from moto.stepfunctions.parser.asl.parse.preprocessor import Preprocessor

    if getattr(Preprocessor.__init__, "_own_query_language_scopes", False):
        return
    original = Preprocessor.__init__

    def __init__(self: Preprocessor, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        self._query_language_per_scope = []

    __init__._own_query_language_scopes = True  # type: ignore[attr-defined]
    Preprocessor.__init__ = __init__


# 18. moto/batch/models.py: Job._get_container_property("environment", default) appends to
#     self.container_overrides["environment"] (the job's stored override list) and returns it.
def _describe_batch_job_environment_without_growing_it() -> None:
    from moto.batch.models import Job

    original = Job._get_container_property

    def _get_container_property(self: Job, p: str, default: Any) -> Any:
        if p != "environment":
            return original(self, p, default)
        overrides = list(self.container_overrides.get("environment", []))
        overridden = {item["name"] for item in overrides}
        definition = (self.job_definition.container_properties or {}).get("environment", [])
        merged = overrides + [dict(item) for item in definition if item["name"] not in overridden]
        return merged + [{"name": "AWS_BATCH_JOB_ID", "value": self.job_id}]

    Job._get_container_property = _get_container_property


# 19. moto/s3/models.py: FakeBucket._log_permissions_enabled_policy(target_bucket, target_prefix), a static
#     method called by FakeBucket.set_logging; LOGGING_SERVICE_PRINCIPAL is "logging.s3.amazonaws.com".
def _read_log_target_policies_of_any_shape() -> None:
    import fnmatch
    import json

    from moto.s3.models import LOGGING_SERVICE_PRINCIPAL, FakeBucket

    def as_list(value: Any) -> list[Any]:
        return value if isinstance(value, list) else [value]

    def grants_log_delivery(statement: dict[str, Any], log_objects: str) -> bool:
        principal = statement.get("Principal")
        services = as_list(principal.get("Service", [])) if isinstance(principal, dict) else []
        actions = as_list(statement.get("Action", []))
        return (
            statement.get("Effect") == "Allow"
            and LOGGING_SERVICE_PRINCIPAL in services
            and any(fnmatch.fnmatchcase("s3:PutObject", action) for action in actions)
            and any(fnmatch.fnmatchcase(log_objects, resource) for resource in as_list(statement.get("Resource", [])))
        )

    def _log_permissions_enabled_policy(target_bucket: FakeBucket, target_prefix: str | None) -> bool:
        if not target_bucket.policy:
            return False
        statements = as_list(json.loads(target_bucket.policy.decode()).get("Statement", []))
        # A log object the service would write under the prefix.
        log_objects = f"arn:{target_bucket.partition}:s3:::{target_bucket.name}/{target_prefix or ''}log-object"
        return any(isinstance(item, dict) and grants_log_delivery(item, log_objects) for item in statements)

    FakeBucket._log_permissions_enabled_policy = staticmethod(_log_permissions_enabled_policy)
