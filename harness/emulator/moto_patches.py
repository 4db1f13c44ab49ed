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
