"""Ephemeral environments: an env root applied under a unique name prefix, on the emulator or on AWS.

    target = Target.on_emulator(emulator, toolchain)       # or Target.on_aws(toolchain)
    env = Environment.create(ENVIRONMENTS["hml"], target, toolchain, RUN_DIR)
    try:
        env.apply()
        ...                                                # boto3 checks through env.client("rds")
        assert env.plan_changes() == []
    finally:
        env.destroy()
    assert leftovers(target, env.prefix) == {}

Each environment is a private copy of its root (with ``modules/``) in ``.run/integration/<prefix>/``, with
a local backend and its variables in files (``terraform.tfvars``: the env's example values;
``ephemeral.auto.tfvars.json``: the run's overrides, which win): the folder and its state stay until the
destroy succeeds, so a run that dies half-way on AWS can still be destroyed by hand with a plain
``terraform destroy`` from there. What every Terraform step printed is in ``.run/integration/<prefix>.log``.
"""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tftest

from harness import REPO_ROOT
from harness.emulator import EMULATOR_ACCOUNT_ID, Emulator
from harness.testing import BACKEND_OVERRIDE, copy_root
from harness.toolchain import Toolchain

RUN_DIR = REPO_ROOT / ".run" / "integration"
OVERRIDES_FILE = "ephemeral.auto.tfvars.json"
EMULATOR_REGION = "eu-west-1"
# CloudFront's certificate, web ACL and their logs live there whatever the environment's region.
US_EAST_1 = "us-east-1"


class TargetError(RuntimeError):
    """The target cannot be used as configured; the message says what to set."""


@dataclass
class Target:
    """Where environments are applied: the embedded AWS, or the account of the caller's credentials."""

    name: str
    region: str
    account_id: str
    partition: str
    terraform_env: dict[str, str]
    emulator: Emulator | None = None
    session: Any = None

    @classmethod
    def on_emulator(cls, emulator: Emulator, chain: Toolchain) -> Target:
        return cls(
            name="emulator",
            region=EMULATOR_REGION,
            account_id=EMULATOR_ACCOUNT_ID,
            partition="aws",
            terraform_env=emulator.env(chain.env(), region=EMULATOR_REGION),
            emulator=emulator,
        )

    @classmethod
    def on_aws(cls, chain: Toolchain, environ: dict[str, str] | None = None) -> Target:
        import boto3
        from botocore.exceptions import BotoCoreError, ClientError

        environ = dict(os.environ if environ is None else environ)
        region = environ.get("AWS_REGION") or environ.get("AWS_DEFAULT_REGION")
        if not region:
            raise TargetError("--target aws needs a region: set AWS_REGION (e.g. AWS_REGION=eu-west-1)")
        if environ.get("AWS_ENDPOINT_URL"):
            raise TargetError("--target aws with AWS_ENDPOINT_URL set would not reach AWS: unset AWS_ENDPOINT_URL")
        session = boto3.Session(region_name=region)
        try:
            caller = session.client("sts").get_caller_identity()
        except (BotoCoreError, ClientError) as error:
            raise TargetError(
                f"--target aws cannot tell whose account this is (sts:GetCallerIdentity): {error}"
            ) from None
        environ["AWS_REGION"] = region
        return cls(
            name="aws",
            region=region,
            account_id=caller["Account"],
            partition=caller["Arn"].split(":")[1],
            terraform_env=chain.env(environ),
            session=session,
        )

    def client(self, service: str) -> Any:
        if self.emulator is not None:
            return self.emulator.client(service, region=self.region)
        from botocore.config import Config

        return self.session.client(service, config=Config(retries={"max_attempts": 10, "mode": "standard"}))

    def prepare(self, root: Path) -> None:
        """Point a root copy at this target (the emulator's provider override; nothing for AWS)."""
        if self.emulator is not None:
            self.emulator.write_provider_override(root)


@dataclass(frozen=True)
class EnvironmentSpec:
    """How a test run applies one env root: its variable files and the overrides an ephemeral run needs."""

    name: str
    root: str
    variables: Callable[[Target, str], dict[str, Any]]
    # The root's example values (relative to the root), used as its terraform.tfvars.
    example_tfvars: str | None = None
    # Why the root cannot be applied to AWS, or None when it can.
    emulator_only: str | None = None


def _local_variables(target: Target, prefix: str) -> dict[str, Any]:
    return {"name_prefix": prefix}


def _hml_variables(target: Target, prefix: str) -> dict[str, Any]:
    """example.tfvars as a staging account would use it, plus what an ephemeral run must change."""
    variables = {
        "name_prefix": prefix,
        "region": target.region,
        "allowed_account_ids": [target.account_id],
        # The run destroys what it applies; the destroy still takes the module's final snapshot.
        "rds_deletion_protection": False,
    }
    if target.name == "aws":
        # example.tfvars grants push to another organisation's CI role: ECR refuses a repository policy
        # whose principal does not exist (the emulator does not check, so it keeps the example's).
        variables["ecr_push_principal_arns"] = []
        # ... and EKS refuses an access entry for a role that does not exist in the account.
        admin = os.environ.get("PLATFORM_TEST_EKS_ADMIN_ROLE_ARN")
        if not admin:
            raise RuntimeError(
                "envs/hml on AWS needs the cluster administrator role of the test account: set "
                "PLATFORM_TEST_EKS_ADMIN_ROLE_ARN (e.g. arn:aws:iam::<account>:role/platform-admin)"
            )
        variables["eks_admin_role_arn"] = admin
    # The log buckets keep receiving S3 access logs while the destroy runs: empty them on destroy.
    variables["edge_force_destroy"] = True
    variables.update(_run_domain(target, prefix))
    return variables


RUN_ZONE_SUFFIX = "hml.test"


def _run_domain(target: Target, prefix: str) -> dict[str, str]:
    """The hosted zone and domain the run's edge records go to. On the emulator the run creates a zone of its
    own (deleted after the destroy, see delete_run_zones); on AWS certificates are validated for real, so the
    caller names a delegated zone: PLATFORM_TEST_ZONE_ID and PLATFORM_TEST_DOMAIN (the run uses
    <prefix>.<domain> inside it)."""
    if target.name == "aws":
        zone_id, domain = os.environ.get("PLATFORM_TEST_ZONE_ID"), os.environ.get("PLATFORM_TEST_DOMAIN")
        if not zone_id or not domain:
            raise RuntimeError(
                "envs/hml on AWS needs a public hosted zone the account serves: set PLATFORM_TEST_ZONE_ID and "
                "PLATFORM_TEST_DOMAIN (e.g. Z0123456789ABC and ci.example.com)"
            )
        return {"route53_zone_id": zone_id, "domain_name": f"{prefix}.{domain}"}
    domain = f"{prefix}.{RUN_ZONE_SUFFIX}"
    zone = target.client("route53").create_hosted_zone(Name=domain, CallerReference=prefix)["HostedZone"]
    return {"route53_zone_id": zone["Id"].rsplit("/", 1)[-1], "domain_name": domain}


def delete_run_zones(target: Target, prefix: str) -> list[str]:
    """Delete the (emptied) hosted zones _run_domain created for this run on the emulator; returns their names."""
    if target.name == "aws":
        return []
    route53 = target.client("route53")
    deleted = []
    for zone in _pages(route53, "list_hosted_zones", "HostedZones"):
        if zone["Name"].rstrip(".") == f"{prefix}.{RUN_ZONE_SUFFIX}":
            route53.delete_hosted_zone(Id=zone["Id"])
            deleted.append(zone["Name"].rstrip("."))
    return deleted


ENVIRONMENTS = {
    "local": EnvironmentSpec(
        name="local",
        root="envs/local",
        variables=_local_variables,
        emulator_only=(
            "envs/local is the emulator's root (no allowed_account_ids, a worker image that is never pushed); "
            "on AWS the hml composition is the one applied"
        ),
    ),
    "hml": EnvironmentSpec(name="hml", root="envs/hml", variables=_hml_variables, example_tfvars="example.tfvars"),
}


def unique_prefix(environment: str) -> str:
    """A name prefix no other run uses (valid for every module: lowercase, at most 32 characters)."""
    return f"it-{environment}-{uuid.uuid4().hex[:6]}"


@dataclass
class Environment:
    spec: EnvironmentSpec
    target: Target
    prefix: str
    workdir: Path
    terraform: tftest.TerraformTest
    outputs: dict[str, Any] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    # True from the first apply until a destroy succeeds: a failed apply leaves resources behind too.
    needs_destroy: bool = False
    final_snapshots: list[str] = field(default_factory=list)
    variables: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def create(cls, spec: EnvironmentSpec, target: Target, chain: Toolchain, run_dir: Path = RUN_DIR) -> Environment:
        prefix = unique_prefix(spec.name)
        workdir = run_dir / prefix
        root = copy_root(spec.root, workdir)
        target.prepare(root)
        (root / "backend_override.tf").write_text(BACKEND_OVERRIDE)
        if spec.example_tfvars:
            shutil.copyfile(root / spec.example_tfvars, root / "terraform.tfvars")
        variables = spec.variables(target, prefix)
        (root / OVERRIDES_FILE).write_text(json.dumps(variables, indent=2) + "\n")
        terraform = tftest.TerraformTest(str(root), binary=chain.binary, env=target.terraform_env)
        environment = cls(spec=spec, target=target, prefix=prefix, workdir=workdir, terraform=terraform)
        environment.variables = variables
        environment._run("init", lambda: _init(terraform, chain))
        return environment

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def log(self) -> Path:
        """Kept after a successful destroy (the work folder is not): what each Terraform step printed."""
        return self.workdir.with_name(f"{self.prefix}.log")

    def client(self, service: str) -> Any:
        return self.target.client(service)

    def apply(self) -> dict[str, Any]:
        self.needs_destroy = True
        self._run("apply", self.terraform.apply)
        self.outputs = dict(self.terraform.output())
        return self.outputs

    def plan_changes(self) -> list[str]:
        """What a new plan would change: resource addresses and ``output.<name>``; empty when nothing."""
        plan = self._run("re-plan", lambda: self.terraform.plan(output=True))
        changes = [
            f"{address} ({'/'.join(change['change']['actions'])})"
            for address, change in plan.resource_changes.items()
            if change["change"]["actions"] != ["no-op"]
        ]
        changes += [
            f"output.{name}"
            for name, change in plan._raw.get("output_changes", {}).items()
            if change.get("actions") != ["no-op"]
        ]
        return changes

    def destroy(self) -> None:
        """Destroy everything the run applied, then the final snapshots the destroy took (they are the run's too)."""
        if not self.needs_destroy:
            return
        try:
            # No refresh first: the state is the apply's (which wrote what it created, even when it failed
            # half-way) and the re-plan has just compared it with the live resources; a refresh would read
            # all ~200 of them again (17-40 s) only to delete them.
            self._run("destroy", lambda: self.terraform.destroy(refresh=False))
        except TerraformStepError:
            # Once, and it shows in the timings and the log: a first destroy can trip over eventual
            # consistency on AWS (dependencies released late) or a race in the emulator where a second
            # one, starting from the refreshed state, completes.
            self._run("destroy retry", self.terraform.destroy)
        self.needs_destroy = False
        self.final_snapshots = delete_final_snapshots(self.target, self.prefix)
        delete_run_zones(self.target, self.prefix)
        shutil.rmtree(self.workdir, ignore_errors=True)

    def timings(self) -> str:
        steps = ", ".join(f"{step} {seconds:.0f}s" for step, seconds in self.seconds.items())
        return f"{self.name} ({self.prefix} on {self.target.name}): {steps}"

    def _run(self, step: str, command: Callable[[], Any]) -> Any:
        begin = time.monotonic()
        try:
            result = command()
        except tftest.TerraformTestError as error:
            # tftest's error carries (command output, stderr); Terraform's diagnostics are in stderr.
            output, diagnostics = (*error.args, "", "")[:2]
            self._record(step, begin, f"FAILED\n{output}\n{diagnostics}")
            raise TerraformStepError(
                f"terraform {step} of {self.name} ({self.prefix}) failed; full log: {self.log}\n"
                + failure_excerpt(str(diagnostics or output))
            ) from None
        self._record(step, begin, result if isinstance(result, str) else "")
        return result

    def _record(self, step: str, begin: float, text: str) -> None:
        self.seconds[step] = time.monotonic() - begin
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log, "a") as log:
            log.write(f"==> {step} ({self.seconds[step]:.1f}s)\n{text}\n")


def failure_excerpt(text: str, tail_lines: int = 40, headline_chars: int = 400) -> str:
    """Terraform's error headlines, then the last lines of its output.

    A diagnostic can be longer than any tail (an API error that quotes a whole state machine definition),
    so the ``Error:`` lines come first, each cut to ``headline_chars``; the full text is in the step's log.
    """
    lines = text.strip().splitlines()
    headlines = []
    for line in lines:
        stripped = line.lstrip("│ ").strip()
        if stripped.startswith("Error: "):
            cut = stripped[:headline_chars]
            headlines.append(cut + (" [...]" if len(stripped) > headline_chars else ""))
    tail = "\n".join(lines[-tail_lines:])
    if not headlines:
        return tail
    return "\n".join(headlines) + f"\n--- last {min(tail_lines, len(lines))} lines of the output ---\n" + tail


class TerraformStepError(RuntimeError):
    pass


def _init(terraform: tftest.TerraformTest, chain: Toolchain) -> str:
    with chain.init_lock():
        return terraform.setup(cleanup_on_exit=False)


def delete_final_snapshots(target: Target, prefix: str) -> list[str]:
    """Delete the manual cluster snapshots an RDS destroy took for this run; returns their identifiers."""
    rds = target.client("rds")
    snapshots = [
        snapshot["DBClusterSnapshotIdentifier"]
        for snapshot in _pages(rds, "describe_db_cluster_snapshots", "DBClusterSnapshots", SnapshotType="manual")
        if snapshot["DBClusterSnapshotIdentifier"].startswith(prefix)
    ]
    for identifier in snapshots:
        # On AWS the snapshot is still "creating" when the cluster is gone; it can only be deleted once available.
        rds.get_waiter("db_cluster_snapshot_available").wait(
            DBClusterSnapshotIdentifier=identifier, WaiterConfig={"Delay": 15, "MaxAttempts": 80}
        )
        rds.delete_db_cluster_snapshot(DBClusterSnapshotIdentifier=identifier)
    return snapshots


def _pages(client: Any, operation: str, key: str, **arguments: Any) -> Iterator[dict[str, Any]]:
    if client.can_paginate(operation):
        for page in client.get_paginator(operation).paginate(**arguments):
            yield from page.get(key, [])
    else:
        yield from getattr(client, operation)(**arguments).get(key, [])


def _named(items: Iterator[dict[str, Any]], name_key: str, prefix: str) -> list[str]:
    return sorted(item[name_key] for item in items if item[name_key].startswith(prefix))


def _tagged(items: Iterator[dict[str, Any]], id_key: str, prefix: str) -> list[str]:
    return sorted(
        item[id_key]
        for item in items
        if any(tag["Key"] == "Name" and tag["Value"].startswith(prefix) for tag in item.get("Tags", []))
    )


def client_in_region(target: Target, service: str, region: str | None = None) -> Any:
    """A client of the target in ``region`` (default: the target's): CloudFront's certificate, web ACL,
    log group and key live in us-east-1 whatever the environment's region."""
    if region is None or region == target.region:
        return target.client(service)
    if target.emulator is not None:
        return target.emulator.client(service, region=region)
    from botocore.config import Config

    config = Config(retries={"max_attempts": 10, "mode": "standard"})
    return target.session.client(service, region_name=region, config=config)


def _live_keys(target: Target, prefix: str, region: str | None = None) -> list[str]:
    kms = client_in_region(target, "kms", region)
    keys = []
    for key in _pages(kms, "list_keys", "Keys"):
        metadata = kms.describe_key(KeyId=key["KeyId"])["KeyMetadata"]
        if (
            metadata.get("KeyManager") == "CUSTOMER"
            and metadata.get("Description", "").startswith(f"{prefix} ")
            and metadata["KeyState"] not in ("PendingDeletion", "PendingReplicaDeletion")
        ):
            keys.append(metadata["Arn"])
    return keys


def _log_groups(target: Target, prefix: str, region: str | None = None) -> list[str]:
    """Log groups with the prefix anywhere in the name: /aws/batch/<prefix>-worker, aws-waf-logs-<prefix>-alb."""
    groups = _pages(client_in_region(target, "logs", region), "describe_log_groups", "logGroups")
    return sorted(group["logGroupName"] for group in groups if prefix in group["logGroupName"])


def _oidc_providers(target: Target, prefix: str) -> list[str]:
    """IAM OIDC providers tagged Name=<prefix>...: their URL is the cluster's issuer, which names no run."""
    iam = target.client("iam")
    arns = [provider["Arn"] for provider in iam.list_open_id_connect_providers()["OpenIDConnectProviderList"]]
    return _tagged(
        (
            {"Arn": arn, "Tags": iam.get_open_id_connect_provider(OpenIDConnectProviderArn=arn).get("Tags", [])}
            for arn in arns
        ),
        "Arn",
        prefix,
    )


def _certificates(region: str | None = None) -> Callable[[Target, str], list[str]]:
    """Finder of ACM certificates tagged Name=<prefix>... (their domain is the environment's, not the run's)."""

    def find(target: Target, prefix: str) -> list[str]:
        acm = client_in_region(target, "acm", region)
        return _tagged(
            (
                {"Arn": arn, "Tags": acm.list_tags_for_certificate(CertificateArn=arn).get("Tags", [])}
                for arn in (
                    item["CertificateArn"] for item in _pages(acm, "list_certificates", "CertificateSummaryList")
                )
            ),
            "Arn",
            prefix,
        )

    return find


def _web_acls(scope: str, region: str | None = None) -> Callable[[Target, str], list[str]]:
    """Finder of WAFv2 web ACLs of a scope; CLOUDFRONT ones exist only in us-east-1."""

    def find(target: Target, prefix: str) -> list[str]:
        return _named(
            iter(client_in_region(target, "wafv2", region).list_web_acls(Scope=scope, Limit=100).get("WebACLs", [])),
            "Name",
            prefix,
        )

    return find


def _cloudfront_items(target: Target, operation: str, key: str, **arguments: Any) -> Iterator[dict[str, Any]]:
    """CloudFront lists nest their items (``{"DistributionList": {"Items": [...]}}``) and omit empty ones."""
    cloudfront = target.client("cloudfront")
    if cloudfront.can_paginate(operation):
        pages = cloudfront.get_paginator(operation).paginate(**arguments)
    else:
        pages = [getattr(cloudfront, operation)(**arguments)]
    for page in pages:
        yield from page.get(key, {}).get("Items") or []


def _distributions(target: Target, prefix: str) -> list[str]:
    """CloudFront distributions whose comment starts with the prefix (``<prefix> frontend (s3 origin)``)."""
    return sorted(
        item["Id"]
        for item in _cloudfront_items(target, "list_distributions", "DistributionList")
        if item.get("Comment", "").startswith(f"{prefix} ")
    )


def _response_headers_policies(target: Target, prefix: str) -> list[str]:
    return _named(
        (
            item["ResponseHeadersPolicy"]["ResponseHeadersPolicyConfig"]
            for item in _cloudfront_items(
                target, "list_response_headers_policies", "ResponseHeadersPolicyList", Type="custom"
            )
        ),
        "Name",
        prefix,
    )


def _live_secrets(target: Target, prefix: str) -> list[str]:
    """Secrets named after the run, or owned by one of its clusters (RDS names them ``rds!cluster-<uuid>``)."""
    secrets = _pages(target.client("secretsmanager"), "list_secrets", "SecretList")
    return sorted(
        secret["Name"]
        for secret in secrets
        if "DeletedDate" not in secret
        and (
            secret["Name"].startswith(prefix)
            or any(f":cluster:{prefix}" in tag.get("Value", "") for tag in secret.get("Tags", []))
        )
    )


def _ec2_tagged(
    operation: str, key: str, id_key: str, live_states: tuple[str, str] | None = None
) -> Callable[[Target, str], list[str]]:
    """Finder of EC2 resources by Name tag; ``live_states`` is (state filter name, comma-separated live states)."""

    def find(target: Target, prefix: str) -> list[str]:
        filters = [{"Name": "tag:Name", "Values": [f"{prefix}*"]}]
        if live_states:
            filters.append({"Name": live_states[0], "Values": live_states[1].split(",")})
        return _tagged(_pages(target.client("ec2"), operation, key, Filters=filters), id_key, prefix)

    return find


# What an environment can create, by kind: (kind, finder). Finders look for the run's prefix only, so
# parallel runs in one account (or one emulator) never see each other's resources.
LEFTOVER_FINDERS: tuple[tuple[str, Callable[[Target, str], list[str]]], ...] = (
    ("s3 buckets", lambda t, p: _named(_pages(t.client("s3"), "list_buckets", "Buckets"), "Name", p)),
    ("vpcs", _ec2_tagged("describe_vpcs", "Vpcs", "VpcId")),
    ("subnets", _ec2_tagged("describe_subnets", "Subnets", "SubnetId")),
    ("internet gateways", _ec2_tagged("describe_internet_gateways", "InternetGateways", "InternetGatewayId")),
    (
        "nat gateways",
        _ec2_tagged("describe_nat_gateways", "NatGateways", "NatGatewayId", ("state", "pending,available")),
    ),
    ("elastic ips", _ec2_tagged("describe_addresses", "Addresses", "AllocationId")),
    (
        "vpc endpoints",
        _ec2_tagged(
            "describe_vpc_endpoints",
            "VpcEndpoints",
            "VpcEndpointId",
            ("vpc-endpoint-state", "pendingAcceptance,pending,available"),
        ),
    ),
    (
        "security groups",
        lambda t, p: _named(_pages(t.client("ec2"), "describe_security_groups", "SecurityGroups"), "GroupName", p),
    ),
    ("kms keys (not pending deletion)", _live_keys),
    ("kms keys (us-east-1, not pending deletion)", lambda t, p: _live_keys(t, p, US_EAST_1)),
    (
        "kms aliases",
        lambda t, p: _named(_pages(t.client("kms"), "list_aliases", "Aliases"), "AliasName", f"alias/{p}"),
    ),
    (
        "kms aliases (us-east-1)",
        lambda t, p: _named(
            _pages(client_in_region(t, "kms", US_EAST_1), "list_aliases", "Aliases"), "AliasName", f"alias/{p}"
        ),
    ),
    ("iam roles", lambda t, p: _named(_pages(t.client("iam"), "list_roles", "Roles"), "RoleName", p)),
    (
        "iam policies",
        lambda t, p: _named(_pages(t.client("iam"), "list_policies", "Policies", Scope="Local"), "PolicyName", p),
    ),
    ("iam oidc providers", _oidc_providers),
    ("log groups", _log_groups),
    ("log groups (us-east-1)", lambda t, p: _log_groups(t, p, US_EAST_1)),
    (
        "log resource policies",
        lambda t, p: _named(
            _pages(t.client("logs"), "describe_resource_policies", "resourcePolicies"), "policyName", p
        ),
    ),
    (
        "ecr repositories",
        lambda t, p: _named(_pages(t.client("ecr"), "describe_repositories", "repositories"), "repositoryName", p),
    ),
    (
        "batch compute environments",
        lambda t, p: _named(
            _pages(t.client("batch"), "describe_compute_environments", "computeEnvironments"),
            "computeEnvironmentName",
            p,
        ),
    ),
    (
        "batch job queues",
        lambda t, p: _named(_pages(t.client("batch"), "describe_job_queues", "jobQueues"), "jobQueueName", p),
    ),
    (
        "batch job definitions (ACTIVE)",
        lambda t, p: _named(
            _pages(t.client("batch"), "describe_job_definitions", "jobDefinitions", status="ACTIVE"),
            "jobDefinitionArn",
            f"arn:{t.partition}:batch:{t.region}:{t.account_id}:job-definition/{p}",
        ),
    ),
    (
        "state machines",
        lambda t, p: _named(_pages(t.client("stepfunctions"), "list_state_machines", "stateMachines"), "name", p),
    ),
    (
        "rds clusters",
        lambda t, p: _named(_pages(t.client("rds"), "describe_db_clusters", "DBClusters"), "DBClusterIdentifier", p),
    ),
    (
        "rds instances",
        lambda t, p: _named(_pages(t.client("rds"), "describe_db_instances", "DBInstances"), "DBInstanceIdentifier", p),
    ),
    (
        "rds subnet groups",
        lambda t, p: _named(
            _pages(t.client("rds"), "describe_db_subnet_groups", "DBSubnetGroups"), "DBSubnetGroupName", p
        ),
    ),
    (
        "rds cluster parameter groups",
        lambda t, p: _named(
            _pages(t.client("rds"), "describe_db_cluster_parameter_groups", "DBClusterParameterGroups"),
            "DBClusterParameterGroupName",
            p,
        ),
    ),
    (
        "rds cluster snapshots",
        lambda t, p: _named(
            _pages(t.client("rds"), "describe_db_cluster_snapshots", "DBClusterSnapshots", SnapshotType="manual"),
            "DBClusterSnapshotIdentifier",
            p,
        ),
    ),
    ("secrets", _live_secrets),
    # The node groups, add-ons and access entries of a cluster cannot outlive it: the cluster stands for them.
    (
        "eks clusters",
        lambda t, p: sorted(
            name for name in _pages(t.client("eks"), "list_clusters", "clusters") if name.startswith(p)
        ),
    ),
    (
        "launch templates",
        lambda t, p: _named(
            _pages(t.client("ec2"), "describe_launch_templates", "LaunchTemplates"), "LaunchTemplateName", p
        ),
    ),
    (
        "load balancers",
        lambda t, p: _named(
            _pages(t.client("elbv2"), "describe_load_balancers", "LoadBalancers"), "LoadBalancerName", p
        ),
    ),
    (
        "target groups",
        lambda t, p: _named(_pages(t.client("elbv2"), "describe_target_groups", "TargetGroups"), "TargetGroupName", p),
    ),
    ("waf web acls (REGIONAL)", _web_acls("REGIONAL")),
    ("waf web acls (CLOUDFRONT, us-east-1)", _web_acls("CLOUDFRONT", US_EAST_1)),
    ("acm certificates", _certificates()),
    ("acm certificates (us-east-1)", _certificates(US_EAST_1)),
    ("cloudfront distributions", _distributions),
    ("cloudfront response headers policies", _response_headers_policies),
    (
        "cloudfront origin access controls",
        lambda t, p: _named(_cloudfront_items(t, "list_origin_access_controls", "OriginAccessControlList"), "Name", p),
    ),
    (
        "route53 hosted zones",
        lambda t, p: _named(_pages(t.client("route53"), "list_hosted_zones", "HostedZones"), "Name", p),
    ),
    (
        "sns topics",
        lambda t, p: sorted(
            topic["TopicArn"]
            for topic in _pages(t.client("sns"), "list_topics", "Topics")
            if topic["TopicArn"].rsplit(":", 1)[-1].startswith(p)
        ),
    ),
    (
        "cloudwatch alarms",
        lambda t, p: _named(
            _pages(t.client("cloudwatch"), "describe_alarms", "MetricAlarms", AlarmNamePrefix=p), "AlarmName", p
        ),
    ),
    (
        "cloudwatch dashboards",
        lambda t, p: _named(
            _pages(t.client("cloudwatch"), "list_dashboards", "DashboardEntries", DashboardNamePrefix=p),
            "DashboardName",
            p,
        ),
    ),
    (
        "eventbridge rules",
        lambda t, p: _named(_pages(t.client("events"), "list_rules", "Rules", NamePrefix=p), "Name", p),
    ),
)


def leftovers(target: Target, prefix: str) -> dict[str, list[str]]:
    """Every resource carrying the run's prefix that still exists, by kind; empty when the destroy was complete."""
    found = {}
    for kind, finder in LEFTOVER_FINDERS:
        names = finder(target, prefix)
        if names:
            found[kind] = names
    return found
