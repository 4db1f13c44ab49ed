"""envs/hml and envs/prod (their example.tfvars, backend disabled) and envs/local, planned on the emulator:
the same code, only the intended differences, the project policies and the plan tier clean, every
encrypted resource on the project key, tags, AZ spread and the outputs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from harness import REPO_ROOT
from harness.testing import KNOWN_AFTER_APPLY, mismatches

HERE = Path(__file__).resolve().parent
INVENTORY = yaml.safe_load((HERE / "inventory" / "envs.yaml").read_text())
ACCEPTED_DEVIATIONS = {
    env: yaml.safe_load((REPO_ROOT / "envs" / env / "accepted-deviations.yaml").read_text()) or []
    for env in ("hml", "prod", "local")
}
# Encrypted resources that may not use the project key, with the key they must use instead and why.
DEDICATED_KEYS = INVENTORY["dedicated_keys"]
ROOTS = {
    "hml": ("envs/hml", ("example.tfvars",)),
    "prod": ("envs/prod", ("example.tfvars",)),
    "local": ("envs/local", ()),
}
ENVS = sorted(ROOTS)

pytestmark = [pytest.mark.unit, *(pytest.mark.terraform_plan(root, var_files) for root, var_files in ROOTS.values())]

# Where each resource type names its key, as a path of (nested block, index) steps to the attribute.
KEY_ATTRIBUTES = {
    "aws_cloudwatch_log_group": [("kms_key_id",)],
    "aws_ecr_repository": [("encryption_configuration", 0, "kms_key")],
    "aws_launch_template": [("block_device_mappings", 0, "ebs", 0, "kms_key_id")],
    "aws_sns_topic": [("kms_master_key_id",)],
    "aws_rds_cluster": [("kms_key_id",), ("master_user_secret_kms_key_id",)],
    "aws_rds_cluster_instance": [("performance_insights_kms_key_id",)],
    "aws_s3_bucket_server_side_encryption_configuration": [
        ("rule", 0, "apply_server_side_encryption_by_default", 0, "kms_master_key_id")
    ],
    "aws_sfn_state_machine": [("encryption_configuration", 0, "kms_key_id")],
}
_KEY_ATTRIBUTE = re.compile(r"(^|_)kms_(master_)?key(_id)?$")


@pytest.fixture(scope="module")
def plans(plan_summary):
    return {env: plan_summary(root, var_files) for env, (root, var_files) in ROOTS.items()}


@pytest.fixture(scope="module")
def policy_failures(plans, tmp_path_factory):
    """Failed project policies (checkov -c CKV_C04_* on the plan JSON) and plan-tier findings, by env,
    as 'CHECK_ID address' lines; checkov runs once, in-process, over the three plans."""
    from checkov.runner_filter import RunnerFilter
    from checkov.terraform.plan_runner import Runner as PlanRunner

    from plancheck.rules import evaluate

    folder = tmp_path_factory.mktemp("env-plans")
    files = {}
    for env, plan in plans.items():
        files[env] = folder / f"{env}.json"
        files[env].write_text(json.dumps(plan.raw))
    reports = PlanRunner().run(
        root_folder=None,
        files=[str(path) for path in files.values()],
        external_checks_dir=[str(REPO_ROOT / "policies")],
        runner_filter=RunnerFilter(framework=["terraform_plan"], checks=["CKV_C04_*"]),
    )
    failures: dict[str, dict[str, set[str]]] = {env: {"checkov": set(), "plancheck": set()} for env in plans}
    scanned = set()
    for report in reports if isinstance(reports, list) else [reports]:
        scanned.update(Path(record.file_path).stem for record in report.passed_checks)
        for record in report.failed_checks:
            scanned.add(Path(record.file_path).stem)
            failures[Path(record.file_path).stem]["checkov"].add(f"{record.check_id} {record.resource}")
    assert scanned == set(plans), f"checkov reported on {sorted(scanned)} only"
    for env, plan in plans.items():
        failures[env]["plancheck"] = {f"{f.check_id} {f.address}" for f in evaluate(plan.raw) if not f.passed}
    return failures


def test_hml_and_prod_are_the_same_code():
    hml, prod = REPO_ROOT / "envs" / "hml", REPO_ROOT / "envs" / "prod"
    assert sorted(p.name for p in hml.glob("*.tf")) == sorted(p.name for p in prod.glob("*.tf"))
    different = [p.name for p in sorted(hml.glob("*.tf")) if p.read_bytes() != (prod / p.name).read_bytes()]
    assert not different, f"envs/hml and envs/prod differ in {different}: only example.tfvars may differ"


@pytest.mark.parametrize("env", ENVS)
def test_resource_counts_per_module(plans, env):
    plan = plans[env]
    assert plan.modules() == sorted(INVENTORY["counts"][env]), f"{env}: module instances {plan.modules()}"
    plan.assert_counts(INVENTORY["counts"][env])
    expected_root = INVENTORY["root_resources"][env]
    assert plan.counts_in("") == expected_root, f"{env}: resources outside the modules: {plan.counts_in('')}"


def _glob(pattern: str) -> re.Pattern:
    return re.compile("^" + ".*".join(re.escape(part) for part in pattern.split("*")) + "$")


def _flatten(value, path=""):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _flatten(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _flatten(item, f"{path}[{index}]")
    else:
        yield path, value


def _normalised(plan) -> dict[str, dict[str, object]]:
    prefix = plan.outputs["name_prefix"]
    return {
        address: {path: v.replace(prefix, "<name_prefix>") if isinstance(v, str) else v for path, v in _flatten(values)}
        for address, values in plan.values.items()
    }


def test_hml_and_prod_differ_only_where_intended(plans):
    allowed = INVENTORY["hml_prod_differences"]
    hml, prod = _normalised(plans["hml"]), _normalised(plans["prod"])
    only_prod = [_glob(p) for p in allowed["only_in_prod"]]
    only_hml = [_glob(p) for p in allowed.get("only_in_hml", [])]
    unexpected = [f"only in hml: {a}" for a in sorted(set(hml) - set(prod)) if not any(p.match(a) for p in only_hml)]
    unexpected += [f"only in prod: {a}" for a in sorted(set(prod) - set(hml)) if not any(p.match(a) for p in only_prod)]
    rules = [(_glob(r["address"]), _glob(r["attribute"]), r) for r in allowed["attributes"]]
    used = set()
    for address in sorted(set(hml) & set(prod)):
        for path in sorted(set(hml[address]) | set(prod[address])):
            if hml[address].get(path) == prod[address].get(path):
                continue
            matching = [r["why"] + r["attribute"] for a, p, r in rules if a.match(address) and p.match(path)]
            used.update(matching)
            if not matching:
                unexpected.append(f"{address}{path}: hml {hml[address].get(path)!r}, prod {prod[address].get(path)!r}")
    assert not unexpected, "hml and prod differ beyond the allow-list of envs.yaml:\n  " + "\n  ".join(unexpected)
    unused = [r["why"] + r["attribute"] for r in allowed["attributes"] if r["why"] + r["attribute"] not in used]
    assert not unused, f"allow-list entries that no longer differ (remove them): {unused}"


def test_hml_and_prod_inputs_differ_only_where_intended(plans):
    allowed = INVENTORY["hml_prod_differences"]["variables"]
    hml, prod = plans["hml"].raw["variables"], plans["prod"].raw["variables"]
    different = {name for name in set(hml) | set(prod) if hml.get(name) != prod.get(name)}
    unexpected, unused = sorted(different - set(allowed)), sorted(set(allowed) - different)
    assert not unexpected, f"hml and prod inputs differ beyond envs.yaml in {unexpected}"
    assert not unused, f"allowed input differences that no longer differ (remove them): {unused}"


@pytest.mark.parametrize("tier", ["checkov", "plancheck"])
@pytest.mark.parametrize("env", ENVS)
def test_policies_fail_only_the_accepted_deviations(policy_failures, env, tier):
    """Each tier reports exactly the env's accepted deviations (entries name the tiers that see them)."""
    accepted = {
        f"{entry['check']} {entry['address']}"
        for entry in ACCEPTED_DEVIATIONS[env]
        if tier in entry.get("tiers", ["checkov", "plancheck"])
    }
    found = policy_failures[env][tier]
    assert found <= accepted, f"envs/{env}: {tier} fails beyond accepted-deviations.yaml:\n  " + "\n  ".join(
        sorted(found - accepted)
    )
    assert accepted <= found, f"envs/{env}: accepted deviations {tier} no longer reports (remove them): " + str(
        sorted(accepted - found)
    )


@pytest.mark.parametrize("env", ENVS)
def test_every_encrypted_resource_uses_the_project_key(plans, env):
    plan = plans[env]
    project_key = ["module.kms.aws_kms_key.this"]
    wrong = []
    for resource_type, paths in KEY_ATTRIBUTES.items():
        addresses = plan.of_type(resource_type)
        assert addresses, f"{env}: no {resource_type} in the plan"
        for address in addresses:
            for path in paths:
                block = plan.plan.resources[address]
                for step in path[:-1]:
                    block = block.blocks(step) if isinstance(step, str) else block[step]
                targets = sorted(t.address for t in block.targets(path[-1]))
                expected = DEDICATED_KEYS.get(address, {}).get("keys", project_key)
                if targets != expected:
                    wrong.append(f"{address} {'.'.join(map(str, path))} -> {targets}")
    assert not wrong, f"{env}: encrypted with something else than the project key:\n  " + "\n  ".join(wrong)


def _configured_key_attributes(module: dict, prefix: str = ""):
    for resource in module.get("resources", []):
        for attribute in _expression_keys(resource.get("expressions", {})):
            if _KEY_ATTRIBUTE.search(attribute):
                yield resource["type"], f"{prefix}{resource['address']}", attribute
    for name, call in module.get("module_calls", {}).items():
        yield from _configured_key_attributes(call.get("module", {}), f"{prefix}module.{name}.")


def _expression_keys(expressions):
    if isinstance(expressions, dict):
        for key, value in expressions.items():
            yield key
            yield from _expression_keys(value)
    elif isinstance(expressions, list):
        for item in expressions:
            yield from _expression_keys(item)


@pytest.mark.parametrize("env", ENVS)
def test_every_key_attribute_of_the_configuration_is_checked(plans, env):
    configuration = plans[env].raw["configuration"]["root_module"]
    known = {(t, path[-1]) for t, paths in KEY_ATTRIBUTES.items() for path in paths}
    unchecked = sorted(
        f"{address}.{attribute}"
        for resource_type, address, attribute in _configured_key_attributes(configuration)
        if (resource_type, attribute) not in known
    )
    assert not unchecked, f"{env}: key attributes KEY_ATTRIBUTES does not check (add them): {unchecked}"


@pytest.mark.parametrize("env", ENVS)
def test_every_taggable_resource_carries_the_default_tags(plans, env):
    plan = plans[env]
    untagged = [
        f"{address}: {values.get('tags_all')}"
        for address, values in sorted(plan.values.items())
        if "tags_all" in values and mismatches(INVENTORY["default_tags"][env], values["tags_all"] or {})
    ]
    assert not untagged, f"{env}: resources without the default tags:\n  " + "\n  ".join(untagged)


@pytest.mark.parametrize("env", ENVS)
def test_every_name_starts_with_the_name_prefix(plans, env):
    plan = plans[env]
    prefix = plan.raw["variables"]["name_prefix"]["value"] or f"{plan.raw['variables']['project']['value']}-{env}"
    wrong = [violation for module in plan.modules() for violation in plan.name_violations(module, prefix)]
    assert not wrong, f"{env}: names outside the {prefix}-<what> convention:\n  " + "\n  ".join(wrong)


@pytest.mark.parametrize("env", ENVS)
def test_subnets_nat_gateways_and_aurora_instances_spread_over_the_zones(plans, env):
    plan, spread = plans[env], INVENTORY["spread"][env]
    for tier in ("public", "private", "database"):
        zones = sorted(
            values["availability_zone"]
            for address, values in plan.of_type("aws_subnet", "module.network").items()
            if address.startswith(f"module.network.aws_subnet.{tier}[")
        )
        assert zones == spread["subnet_azs"], f"{env}: {tier} subnets in {zones}"
    nat_zones = sorted(address.split('"')[1] for address in plan.of_type("aws_nat_gateway"))
    assert nat_zones == spread["nat_azs"], f"{env}: NAT gateways in {nat_zones}"
    instances = sorted(plan.of_type("aws_rds_cluster_instance"), key=lambda a: int(a.split("[")[1].rstrip("]")))
    aurora_zones = [plan.value(a)["availability_zone"] for a in instances]
    assert aurora_zones == spread["aurora_azs"], f"{env}: Aurora instances in {aurora_zones}"


def _check_output(name: str, value, spec: dict, az_count: int, prefix: str) -> list[str]:
    pattern = re.compile(spec["pattern"].replace("<name_prefix>", re.escape(prefix)))
    kind = spec["kind"]
    if kind == "string":
        items = [value]
    elif kind == "list of az_count":
        if not isinstance(value, list) or len(value) != az_count:
            return [f"{name}: expected a list of {az_count} (az_count), plan has {value!r}"]
        items = value
    else:
        keys = kind.removeprefix("map of ").split()
        if not isinstance(value, dict) or sorted(value) != sorted(keys):
            return [f"{name}: expected a map of {keys}, plan has {value!r}"]
        items = list(value.values())
    return [
        f"{name}: {item!r} does not match {pattern.pattern}"
        for item in items
        if item != KNOWN_AFTER_APPLY and not (isinstance(item, str) and pattern.match(item))
    ]


@pytest.mark.parametrize("env", ENVS)
def test_outputs_exist_with_their_shape(plans, env):
    plan = plans[env]
    specs = {name: spec for name, spec in INVENTORY["outputs"].items() if env != "local" or name != "name_prefix"}
    assert sorted(plan.outputs) == sorted(specs), f"{env}: outputs {sorted(plan.outputs)}, expected {sorted(specs)}"
    variables = plan.raw["variables"]
    # envs/local has no az_count variable: it spreads over as many zones as its subnets.
    az_count = (
        variables["az_count"]["value"] if "az_count" in variables else len(INVENTORY["spread"][env]["subnet_azs"])
    )
    prefix = variables["name_prefix"]["value"] or f"{variables['project']['value']}-{variables['environment']['value']}"
    problems = [
        p for name, spec in specs.items() for p in _check_output(name, plan.outputs[name], spec, az_count, prefix)
    ]
    assert not problems, f"{env}: outputs of the wrong shape:\n  " + "\n  ".join(problems)
    known = sorted(set(specs) - plan.unknown_outputs)
    expected_known = [name for name in INVENTORY["known_at_plan"] if name in specs]
    assert known == expected_known, (
        f"{env}: known at plan time: {known}, envs.yaml says {expected_known}; "
        f"known after apply: {sorted(plan.unknown_outputs)}"
    )
