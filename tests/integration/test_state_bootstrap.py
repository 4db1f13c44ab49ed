"""envs/bootstrap (the state bucket and the GitHub Actions CI roles), applied once under a unique prefix.

The run's project name is its prefix, so every name the root derives from it (the bucket, the key's alias
and description, the CI roles, their boundary, the OIDC provider's Name tag) carries the prefix and
harness.environments.leftovers finds it. The state bucket's ``prevent_destroy`` stays on in the root: the
run first checks that a destroy is refused, then turns it off in its own copy only (an override file)
before the destroy. Everything is read back through the AWS APIs; a second plan must show no changes.
"""

import json

import hcl2
import pytest
import tftest

from harness.environments import Environment, EnvironmentSpec, Target, leftovers
from harness.integration import environment_group, target_of
from harness.live import as_list, assert_private_bucket_encrypted_with

pytestmark = [pytest.mark.integration, environment_group("bootstrap")]

GITHUB_OIDC_HOST = "token.actions.githubusercontent.com"
GITHUB_ORG, GITHUB_REPO = "acme-corp", "platform"
ENVIRONMENTS = ["hml", "prod"]
STATE_KEY_PREFIX = "platform"  # the root's default
NONCURRENT_VERSION_RETENTION_DAYS = 45
IMAGES = ("frontend", "api", "batch")
# Terraform merges the lifecycle arguments of an override file into the block it overrides.
ALLOW_DESTROY_FILE = "allow_destroy_override.tf"
ALLOW_DESTROY = """resource "aws_s3_bucket" "state" {
  lifecycle {
    prevent_destroy = false
  }
}
"""


def _variables(target: Target, prefix: str) -> dict:
    """example.tfvars (an account's values) plus what makes the run unique; the prefix is the project."""
    return {
        "region": target.region,
        "allowed_account_ids": [target.account_id],
        "project": prefix,
        "state_bucket_name": f"{prefix}-tfstate",
        "environments": ENVIRONMENTS,
        "noncurrent_version_retention_days": NONCURRENT_VERSION_RETENTION_DAYS,
        "github_org": GITHUB_ORG,
        "github_repo": GITHUB_REPO,
    }


BOOTSTRAP = EnvironmentSpec(
    name="bootstrap",
    root="envs/bootstrap",
    variables=_variables,
    example_tfvars="example.tfvars",
    emulator_only=(
        "envs/bootstrap creates the account's one GitHub OIDC provider and AdministratorAccess roles trusting a "
        "GitHub repository the test does not own"
    ),
)


def github_providers(target: Target) -> list[str]:
    iam = target.client("iam")
    return [
        provider["Arn"]
        for provider in iam.list_open_id_connect_providers()["OpenIDConnectProviderList"]
        if provider["Arn"].endswith(f":oidc-provider/{GITHUB_OIDC_HOST}")
    ]


@pytest.fixture(scope="module")
def env(request, project_toolchain):
    if target_of(request.config) == "aws":
        pytest.skip(f"not on --target aws: {BOOTSTRAP.emulator_only}")
    target = request.getfixturevalue("platform_target")
    # IAM holds one provider per URL and account: another one would make the apply fail (EntityAlreadyExists).
    assert github_providers(target) == [], "something else in this session created the GitHub OIDC provider"
    environment = Environment.create(BOOTSTRAP, target, project_toolchain)
    try:
        environment.apply()
        yield environment
    finally:
        if environment.needs_destroy:  # test_destroy_leaves_nothing_behind did not get to (or through) it
            allow_destroy(environment)
            environment.destroy()


def allow_destroy(env: Environment) -> None:
    (env.workdir / BOOTSTRAP.root / ALLOW_DESTROY_FILE).write_text(ALLOW_DESTROY)


def arn(env: Environment, service: str, resource: str, region: str = "") -> str:
    account = "" if service == "s3" else env.target.account_id
    return f"arn:{env.target.partition}:{service}:{region}:{account}:{resource}"


def role_name(env: Environment, role: str) -> str:
    return f"{env.prefix}-ci-{role}"


def test_outputs_name_the_run_bucket_key_and_roles(env):
    outputs, prefix = env.outputs, env.prefix
    assert outputs["state_bucket_name"] == f"{prefix}-tfstate"
    assert outputs["state_bucket_arn"] == arn(env, "s3", f"{prefix}-tfstate")
    key = env.client("kms").describe_key(KeyId=f"alias/{prefix}-tfstate")["KeyMetadata"]
    assert outputs["state_kms_key_arn"] == key["Arn"]
    assert outputs["state_keys"] == {name: f"{STATE_KEY_PREFIX}/{name}/terraform.tfstate" for name in ENVIRONMENTS}
    assert outputs["github_oidc_provider_arn"] == arn(env, "iam", f"oidc-provider/{GITHUB_OIDC_HOST}")
    for kind in ("plan", "apply"):
        assert outputs[f"{kind}_role_arns"] == {
            name: arn(env, "iam", f"role/{role_name(env, f'{name}-{kind}')}") for name in ENVIRONMENTS
        }
    assert outputs["ecr_push_role_arn"] == arn(env, "iam", f"role/{role_name(env, 'ecr-push')}")


def test_state_key_rotates_and_belongs_to_the_account_root(env):
    kms, key_arn = env.client("kms"), env.outputs["state_kms_key_arn"]
    key = kms.describe_key(KeyId=key_arn)["KeyMetadata"]
    assert (key["Description"], key["KeyUsage"], key["KeyState"]) == (
        f"{env.prefix} Terraform state key",
        "ENCRYPT_DECRYPT",
        "Enabled",
    )
    # AWS always returns MultiRegion; the emulator omits it for a single-region key.
    assert key.get("MultiRegion", False) is False
    assert kms.get_key_rotation_status(KeyId=key_arn)["KeyRotationEnabled"] is True
    (statement,) = json.loads(kms.get_key_policy(KeyId=key_arn, PolicyName="default")["Policy"])["Statement"]
    assert statement["Effect"] == "Allow" and as_list(statement["Action"]) == ["kms:*"]
    assert statement["Principal"] == {"AWS": arn(env, "iam", "root")}


def test_state_bucket_is_versioned_encrypted_with_the_state_key_and_private(env):
    s3, bucket = env.client("s3"), env.outputs["state_bucket_name"]
    assert_private_bucket_encrypted_with(s3, bucket, env.outputs["state_kms_key_arn"])
    tags = {tag["Key"]: tag["Value"] for tag in s3.get_bucket_tagging(Bucket=bucket)["TagSet"]}
    assert tags == {
        "Project": env.prefix,
        "Environment": "shared",
        "Owner": "platform-team",  # example.tfvars
        "ManagedBy": "terraform",
        "DataClass": "terraform-state",
    }


def test_state_bucket_keeps_noncurrent_versions_for_the_rollback_window_only(env):
    (rule,) = env.client("s3").get_bucket_lifecycle_configuration(Bucket=env.outputs["state_bucket_name"])["Rules"]
    assert (rule["ID"], rule["Status"]) == ("state-history", "Enabled")
    assert rule["NoncurrentVersionExpiration"]["NoncurrentDays"] == NONCURRENT_VERSION_RETENTION_DAYS
    assert rule["Expiration"] == {"ExpiredObjectDeleteMarker": True}, "current state versions never expire"
    assert rule["AbortIncompleteMultipartUpload"] == {"DaysAfterInitiation": 7}
    assert "Transitions" not in rule


def test_state_bucket_policy_refuses_plain_http_old_tls_and_other_encryption(env):
    bucket = env.outputs["state_bucket_name"]
    policy = json.loads(env.client("s3").get_bucket_policy(Bucket=bucket)["Policy"])
    bucket_arn, objects = env.outputs["state_bucket_arn"], f"{env.outputs['state_bucket_arn']}/*"
    denies = {
        statement["Sid"]: (
            as_list(statement["Action"]),
            sorted(as_list(statement["Resource"])),
            {
                test: {key: as_list(value) for key, value in values.items()}
                for test, values in statement["Condition"].items()
            },
        )
        for statement in policy["Statement"]
        if statement["Effect"] == "Deny" and statement["Principal"] in ("*", {"AWS": "*"})
    }
    assert denies == {
        "DenyInsecureTransport": (["s3:*"], [bucket_arn, objects], {"Bool": {"aws:SecureTransport": ["false"]}}),
        "DenyOutdatedTls": (["s3:*"], [bucket_arn, objects], {"NumericLessThan": {"s3:TlsVersion": ["1.2"]}}),
        "DenyWrongEncryptionHeader": (
            ["s3:PutObject"],
            [objects],
            {"StringNotEqualsIfExists": {"s3:x-amz-server-side-encryption": ["aws:kms"]}},
        ),
        "DenyWrongKmsKey": (
            ["s3:PutObject"],
            [objects],
            {
                "Null": {"s3:x-amz-server-side-encryption-aws-kms-key-id": ["false"]},
                "StringNotEquals": {
                    "s3:x-amz-server-side-encryption-aws-kms-key-id": [env.outputs["state_kms_key_arn"]]
                },
            },
        ),
    }
    assert [statement for statement in policy["Statement"] if statement["Effect"] != "Deny"] == []


@pytest.mark.parametrize("environment", ENVIRONMENTS)
def test_backend_config_is_the_backend_hcl_of_each_environment(env, environment):
    rendered = {name: value[0] for name, value in hcl2.loads(env.outputs["backend_config"][environment]).items()}
    assert rendered == {
        "bucket": f"{env.prefix}-tfstate",
        "key": f"{STATE_KEY_PREFIX}/{environment}/terraform.tfstate",
        "region": env.target.region,
        "encrypt": True,
        "kms_key_id": env.outputs["state_kms_key_arn"],
        "use_lockfile": True,
    }
    assert sorted(env.outputs["backend_config"]) == ENVIRONMENTS


def test_github_oidc_provider_accepts_sts_tokens_only(env):
    provider = env.client("iam").get_open_id_connect_provider(
        OpenIDConnectProviderArn=env.outputs["github_oidc_provider_arn"]
    )
    assert provider["Url"].removeprefix("https://") == GITHUB_OIDC_HOST
    assert provider["ClientIDList"] == ["sts.amazonaws.com"]
    assert provider["ThumbprintList"], "IAM stores at least one thumbprint"
    assert {"Key": "Name", "Value": f"{env.prefix}-ci-github"} in provider["Tags"]


def web_identity_trust(env: Environment, role: dict, subject: str) -> None:
    (statement,) = role["AssumeRolePolicyDocument"]["Statement"]
    assert statement["Effect"] == "Allow"
    assert as_list(statement["Action"]) == ["sts:AssumeRoleWithWebIdentity"]
    assert statement["Principal"] == {"Federated": env.outputs["github_oidc_provider_arn"]}
    assert {
        test: {key: as_list(value) for key, value in values.items()} for test, values in statement["Condition"].items()
    } == {"StringEquals": {f"{GITHUB_OIDC_HOST}:sub": [subject], f"{GITHUB_OIDC_HOST}:aud": ["sts.amazonaws.com"]}}, (
        role["RoleName"]
    )


def attached_policies(iam, role: str) -> list[str]:
    return sorted(policy["PolicyArn"] for policy in iam.list_attached_role_policies(RoleName=role)["AttachedPolicies"])


@pytest.mark.parametrize("environment", ENVIRONMENTS)
def test_plan_and_apply_roles_trust_only_their_github_environment(env, environment):
    iam, subject = env.client("iam"), f"repo:{GITHUB_ORG}/{GITHUB_REPO}:environment:{environment}"
    boundary = arn(env, "iam", f"policy/{role_name(env, 'apply-boundary')}")
    for kind in ("plan", "apply"):
        role = iam.get_role(RoleName=role_name(env, f"{environment}-{kind}"))["Role"]
        web_identity_trust(env, role, subject)
        assert role["MaxSessionDuration"] == 3600
    plan = iam.get_role(RoleName=role_name(env, f"{environment}-plan"))["Role"]
    assert "PermissionsBoundary" not in plan, "a read-only role needs no boundary"
    assert attached_policies(iam, plan["RoleName"]) == [f"arn:{env.target.partition}:iam::aws:policy/ReadOnlyAccess"]
    apply = iam.get_role(RoleName=role_name(env, f"{environment}-apply"))["Role"]
    assert apply["PermissionsBoundary"] == {
        "PermissionsBoundaryType": "PermissionsBoundaryPolicy",
        "PermissionsBoundaryArn": boundary,
    }
    assert attached_policies(iam, apply["RoleName"]) == [
        f"arn:{env.target.partition}:iam::aws:policy/AdministratorAccess"
    ]


@pytest.mark.parametrize("kind, writes", [("plan", ["s3:PutObject", "s3:DeleteObject"]), ("apply", None)])
def test_ci_roles_reach_only_their_own_state_object_and_lock(env, kind, writes):
    iam, bucket_arn = env.client("iam"), env.outputs["state_bucket_arn"]
    for environment in ENVIRONMENTS:
        name = role_name(env, f"{environment}-{kind}")
        assert iam.list_role_policies(RoleName=name)["PolicyNames"] == [f"{name}-state"]
        document = iam.get_role_policy(RoleName=name, PolicyName=f"{name}-state")["PolicyDocument"]
        statements = {statement["Sid"]: statement for statement in document["Statement"]}
        state = f"{bucket_arn}/{STATE_KEY_PREFIX}/{environment}/terraform.tfstate"
        resources = sorted(
            resource
            for statement in statements.values()
            if any(action.startswith("s3:") for action in as_list(statement["Action"]))
            for resource in as_list(statement["Resource"])
        )
        assert set(resources) == {bucket_arn, state, f"{state}.tflock"}, name
        assert as_list(statements["UseStateKey"]["Resource"]) == [env.outputs["state_kms_key_arn"]]
        if writes:
            assert sorted(as_list(statements["HoldStateLock"]["Action"])) == sorted(writes)
            assert as_list(statements["HoldStateLock"]["Resource"]) == [f"{state}.tflock"]


def test_apply_boundary_denies_changes_to_the_ci_identities_and_the_state(env):
    iam = env.client("iam")
    policy_arn = arn(env, "iam", f"policy/{role_name(env, 'apply-boundary')}")
    version = iam.get_policy(PolicyArn=policy_arn)["Policy"]["DefaultVersionId"]
    document = iam.get_policy_version(PolicyArn=policy_arn, VersionId=version)["PolicyVersion"]["Document"]
    document = json.loads(document) if isinstance(document, str) else document
    denied = {
        statement["Sid"]: sorted(as_list(statement["Resource"]))
        for statement in document["Statement"]
        if statement["Effect"] == "Deny"
    }
    bucket_arn = env.outputs["state_bucket_arn"]
    assert denied == {
        "DenyChangingTheCiIdentities": [arn(env, "iam", f"role/{env.prefix}-ci-*")],
        "DenyChangingTheOidcProvider": [env.outputs["github_oidc_provider_arn"]],
        "DenyChangingTheBoundary": [policy_arn],
        "DenyLongLivedCredentials": ["*"],
        "DenyStateBucketChanges": sorted([bucket_arn, f"{bucket_arn}/*"]),
        "DenyStateKeyChanges": [env.outputs["state_kms_key_arn"]],
    }


def test_ecr_push_role_trusts_only_the_main_branch_and_pushes_to_the_environment_repositories(env):
    iam, name = env.client("iam"), role_name(env, "ecr-push")
    role = iam.get_role(RoleName=name)["Role"]
    web_identity_trust(env, role, f"repo:{GITHUB_ORG}/{GITHUB_REPO}:ref:refs/heads/main")
    assert "PermissionsBoundary" not in role
    assert attached_policies(iam, name) == []
    document = iam.get_role_policy(RoleName=name, PolicyName=name)["PolicyDocument"]
    statements = {statement["Sid"]: statement for statement in document["Statement"]}
    assert sorted(statements) == ["EcrLogin", "PushImages"]
    assert as_list(statements["EcrLogin"]["Resource"]) == ["*"]
    assert sorted(as_list(statements["PushImages"]["Resource"])) == sorted(
        arn(env, "ecr", f"repository/{env.prefix}-{environment}-{image}", env.target.region)
        for environment in ENVIRONMENTS
        for image in IMAGES
    )


def test_leftover_check_sees_everything_the_run_created(env):
    """The destroy test's empty leftovers mean something only if the finders see the run's resources now."""
    prefix = env.prefix
    assert leftovers(env.target, prefix) == {
        "s3 buckets": [f"{prefix}-tfstate"],
        "kms keys (not pending deletion)": [env.outputs["state_kms_key_arn"]],
        "kms aliases": [f"alias/{prefix}-tfstate"],
        "iam roles": sorted(
            [role_name(env, "ecr-push")]
            + [role_name(env, f"{name}-{kind}") for name in ENVIRONMENTS for kind in ("plan", "apply")]
        ),
        "iam policies": [role_name(env, "apply-boundary")],
        "iam oidc providers": [env.outputs["github_oidc_provider_arn"]],
    }


def test_the_root_refuses_to_destroy_the_state_bucket(env):
    """prevent_destroy is on in envs/bootstrap; the run turns it off in its own copy only, for its destroy."""
    assert not (env.workdir / BOOTSTRAP.root / ALLOW_DESTROY_FILE).exists()
    with pytest.raises(tftest.TerraformTestError) as refused:
        env.terraform.execute_command("plan", "-destroy", "-input=false", "-no-color")
    message = " ".join(str(part) for part in refused.value.args)
    assert "Instance cannot be destroyed" in message and "aws_s3_bucket.state" in message, message[-2000:]


@pytest.mark.ends_environment
def test_second_plan_shows_no_changes(env):
    assert env.plan_changes() == []


@pytest.mark.ends_environment
def test_destroy_leaves_nothing_behind(env, record_environment_timings):
    allow_destroy(env)
    env.destroy()
    record_environment_timings(env)
    assert leftovers(env.target, env.prefix) == {}
    assert github_providers(env.target) == [], "the GitHub OIDC provider's URL names no run: it must be gone"
