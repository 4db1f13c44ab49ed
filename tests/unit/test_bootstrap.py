"""envs/bootstrap, planned on the emulator with its example.tfvars (CI roles for hml) and with only its
required inputs (no CI): the state bucket and its key, the bucket policy, the CI roles it hands to the
environments, and the backend settings the environments are initialised with."""

import json
import re
from pathlib import Path

import hcl2
import pytest
import yaml

from harness import REPO_ROOT
from harness.testing import mismatches

ROOT = "envs/bootstrap"
INVENTORY = yaml.safe_load((Path(__file__).parent / "inventory" / "bootstrap.yaml").read_text())
PLANS = INVENTORY["plans"]

pytestmark = [
    pytest.mark.unit,
    *(pytest.mark.terraform_plan(ROOT, tuple(p["var_files"]), **p["tf_vars"]) for p in PLANS.values()),
]


@pytest.fixture(scope="module")
def plans(plan_summary):
    return {name: plan_summary(ROOT, tuple(p["var_files"]), **p["tf_vars"]) for name, p in PLANS.items()}


def _hcl(path: Path) -> dict:
    return hcl2.loads(path.read_text())


def _attributes(path: Path) -> dict:
    """Top-level attributes of an .hcl/.tfvars file (python-hcl2 wraps each value in a list)."""
    return {name: value[0] for name, value in _hcl(path).items()}


@pytest.mark.parametrize("case", sorted(PLANS))
def test_resource_counts(plans, case):
    plan = plans[case]
    assert sorted(["", *plan.modules()]) == sorted(INVENTORY["counts"][case]), plan.modules()
    plan.assert_counts(INVENTORY["counts"][case])


@pytest.mark.parametrize("case", sorted(PLANS))
def test_values(plans, case):
    plans[case].assert_values(INVENTORY["values"][case])


@pytest.mark.parametrize("case", sorted(PLANS))
def test_policy_documents(plans, case):
    plans[case].assert_policies(INVENTORY["policies"][case], complete=case == "with_ci")


@pytest.mark.parametrize("case", sorted(PLANS))
def test_outputs(plans, case):
    plan = plans[case]
    declared = sorted(name for block in _hcl(REPO_ROOT / ROOT / "outputs.tf")["output"] for name in block)
    assert sorted(plan.outputs) == declared
    found = mismatches(INVENTORY["outputs"][case], plan.outputs)
    assert not found, f"{case}: outputs differ:\n  " + "\n  ".join(found)


@pytest.mark.parametrize("case", sorted(PLANS))
def test_bucket_is_encrypted_with_the_state_key_and_carries_the_policy_document(plans, case):
    plan = plans[case]
    sse = plan.plan.resources["aws_s3_bucket_server_side_encryption_configuration.state"]
    default = sse.blocks("rule")[0].blocks("apply_server_side_encryption_by_default")[0]
    assert sorted(t.address for t in default.targets("kms_master_key_id")) == ["aws_kms_key.state"]
    assert "data.aws_iam_policy_document.state_bucket" in plan.expression_references(
        "aws_s3_bucket_policy.state", "policy"
    )
    key = plan.value("aws_kms_key.state")
    assert json.loads(key["policy"]) == json.loads(plan.value("data.aws_iam_policy_document.state_key")["json"])


def test_bucket_cannot_be_destroyed_and_the_root_keeps_local_state():
    bucket = _hcl(REPO_ROOT / ROOT / "main.tf")["resource"]
    (state,) = [block["aws_s3_bucket"]["state"] for block in bucket if "aws_s3_bucket" in block]
    assert state["lifecycle"][0]["prevent_destroy"] == [True]
    terraform = _hcl(REPO_ROOT / ROOT / "versions.tf")["terraform"][0]
    assert "backend" not in terraform, "envs/bootstrap must keep local state: it creates the state bucket"


def _backend_template() -> dict[str, str]:
    """The backend.hcl lines of the backend_config output, as setting -> value expression."""
    text = (REPO_ROOT / ROOT / "outputs.tf").read_text()
    body = re.search(r'output "backend_config" \{.*?<<-EOT\n(.*?)\n\s*EOT', text, re.S).group(1)
    return dict(re.match(r"\s*(\w+)\s*=\s*(.+)$", line).groups() for line in body.splitlines())


@pytest.mark.parametrize("env", ["hml", "prod"])
def test_printed_backend_config_matches_the_environment_backend(plans, env):
    example = _attributes(REPO_ROOT / "envs" / env / "backend.hcl.example")
    template = _backend_template()
    # kms_key_id is in both: without it `encrypt = true` sends AES256, which the bucket policy refuses.
    assert sorted(template) == sorted(example)
    assert template["kms_key_id"] == '"${aws_kms_key.state.arn}"'
    assert example["kms_key_id"].startswith("arn:aws:kms:")
    assert example["bucket"].startswith("acme-tfstate-"), "the examples must name the bootstrap's default bucket"
    assert template["encrypt"] == "true" and example["encrypt"] is True
    assert template["use_lockfile"] == "true" and example["use_lockfile"] is True
    assert template["key"] == '"${key}"'
    assert plans["without_ci"].outputs["state_keys"][env] == example["key"]
    assert template["region"] == '"${var.region}"'


def test_ecr_push_role_is_the_one_the_environments_grant(plans):
    role = plans["with_ci"].value("module.cicd[0].aws_iam_role.ecr_push[0]")["name"]
    tfvars = _attributes(REPO_ROOT / "envs" / "hml" / "example.tfvars")
    assert [arn.rsplit("/", 1)[1] for arn in tfvars["ecr_push_principal_arns"]] == [role]


def test_every_taggable_resource_carries_the_default_tags(plans):
    for case, plan in plans.items():
        untagged = [
            address
            for address, values in plan.values.items()
            if "tags_all" in values and mismatches(INVENTORY["default_tags"], values["tags_all"] or {})
        ]
        assert not untagged, f"{case}: {untagged}"
