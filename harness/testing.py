"""pytest fixtures shared by every tier (declared as a plugin by the root conftest.py).

Factories, so a test reads "plan this, assert that":

    def test_uploads_expire(plan_summary):
        plan = plan_summary("tests/unit/roots/s3_defaults")
        assert plan.values["module.s3.aws_s3_bucket_lifecycle_configuration.uploads"][...] == ...

* ``plan_summary(root, var_files=(), **tf_vars)`` plans a root once per session (cached by root and
  variables) with tftest against the embedded AWS and returns a ``PlanSummary``.
* ``terraform_root(root)`` gives a tftest ``TerraformTest`` on a private copy of the root, pointed at the
  emulator, for apply/destroy tests.

Every root is copied, with ``modules/``, into a private folder before ``init``, so no test shares a
``.terraform`` folder with another and the source tree stays clean; the provider comes from the
project's CLI config (mirror + shared plugin cache).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import tftest

from harness import REPO_ROOT, toolchain
from harness.emulator import Emulator

BACKEND_OVERRIDE = 'terraform {\n  backend "local" {}\n}\n'


@dataclass
class PlanSummary:
    """What a plan holds, indexed the way tests ask for it."""

    root: str
    raw: dict[str, Any]
    values: dict[str, dict[str, Any]] = field(default_factory=dict)
    counts: Counter = field(default_factory=Counter)
    outputs: dict[str, Any] = field(default_factory=dict)
    unknown_outputs: set[str] = field(default_factory=set)

    @classmethod
    def from_plan(cls, root: str, plan: dict[str, Any]) -> PlanSummary:
        summary = cls(root=root, raw=plan)
        for resource in _walk_resources(plan.get("planned_values", {}).get("root_module", {})):
            if resource.get("mode") != "managed":
                continue
            summary.values[resource["address"]] = resource.get("values", {})
            summary.counts[resource["type"]] += 1
        for name, output in plan.get("planned_values", {}).get("outputs", {}).items():
            summary.outputs[name] = output.get("value")
        for name, change in plan.get("output_changes", {}).items():
            if change.get("after_unknown"):
                summary.unknown_outputs.add(name)
        return summary

    def addresses(self, resource_type: str) -> list[str]:
        return sorted(
            a
            for a in self.values
            if a.rsplit(".", 1)[0].split(".")[-1] == resource_type or _type_of(a) == resource_type
        )

    def of_type(self, resource_type: str) -> dict[str, dict[str, Any]]:
        return {address: self.values[address] for address in self.values if _type_of(address) == resource_type}

    def value(self, address: str) -> dict[str, Any]:
        if address not in self.values:
            close = [a for a in self.values if address.split("[")[0].rsplit(".", 1)[-1] in a][:10]
            raise AssertionError(f"{address} is not in the plan of {self.root}; similar: {close}")
        return self.values[address]

    def configuration(self, address: str) -> dict[str, Any]:
        """The configuration block of a resource (expressions and references), by address without index."""
        module_path, _, local = _split_module(address.split("[")[0] if address.endswith("]") else address)
        node = self.raw.get("configuration", {}).get("root_module", {})
        for module_name in module_path:
            node = node.get("module_calls", {}).get(module_name, {}).get("module", {})
        for resource in node.get("resources", []):
            if resource["address"] == local:
                return resource
        raise AssertionError(f"no configuration for {address} in {self.root}")


def _split_module(address: str) -> tuple[list[str], str, str]:
    parts = address.split(".")
    modules = []
    while parts and parts[0] == "module":
        modules.append(parts[1].split("[")[0])
        parts = parts[2:]
    return modules, "", ".".join(parts)


def _type_of(address: str) -> str:
    parts = [p for p in address.split(".")]
    while parts and parts[0] == "module":
        parts = parts[2:]
    if parts and parts[0] == "data":
        parts = parts[1:]
    return parts[0] if parts else ""


def _walk_resources(module: dict[str, Any]):
    yield from module.get("resources", [])
    for child in module.get("child_modules", []):
        yield from _walk_resources(child)


def copy_root(root: str, destination: Path) -> Path:
    """Copy modules/ and the root (same relative layout) under destination; return the root copy."""
    source = REPO_ROOT / root
    if not source.is_dir():
        raise FileNotFoundError(f"no Terraform root at {root}")
    ignore = shutil.ignore_patterns(".terraform", ".terraform.lock.hcl", "*.tfstate*", "*_override.tf", "tfplan*")
    if not (destination / "modules").exists():
        shutil.copytree(REPO_ROOT / "modules", destination / "modules", ignore=ignore)
    copy = destination / root
    if not str(root).startswith("modules/"):
        shutil.copytree(source, copy, ignore=ignore)
    return copy


@pytest.fixture(scope="session")
def project_toolchain() -> toolchain.Toolchain:
    try:
        return toolchain.ensure()
    except toolchain.ToolchainError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="session")
def emulator() -> Emulator:
    with Emulator.start() as running:
        yield running


def _prepare(root: str, base: Path, chain: toolchain.Toolchain, emulator: Emulator) -> tftest.TerraformTest:
    copy = copy_root(root, base)
    emulator.write_provider_override(copy)
    (copy / "backend_override.tf").write_text(BACKEND_OVERRIDE)
    test = tftest.TerraformTest(str(copy), binary=chain.binary, env=emulator.env(chain.env()))
    test.setup(cleanup_on_exit=False)
    return test


@pytest.fixture(scope="session")
def plan_summary(tmp_path_factory, project_toolchain, emulator):
    cache: dict[str, PlanSummary] = {}
    locks: dict[str, threading.Lock] = {}
    guard = threading.Lock()

    def plan(root: str, var_files: tuple[str, ...] = (), **tf_vars: Any) -> PlanSummary:
        key = json.dumps([root, list(var_files), tf_vars], sort_keys=True, default=str)
        with guard:
            lock = locks.setdefault(key, threading.Lock())
        with lock:
            if key not in cache:
                digest = hashlib.sha1(key.encode()).hexdigest()[:10]
                base = tmp_path_factory.mktemp(f"plan-{digest}")
                test = _prepare(root, base, project_toolchain, emulator)
                result = test.plan(output=True, tf_vars=tf_vars or None, tf_var_file=list(var_files) or None)
                cache[key] = PlanSummary.from_plan(root, result._raw)
        return cache[key]

    return plan


@pytest.fixture
def terraform_root(tmp_path, project_toolchain, emulator):
    """A tftest TerraformTest on a private copy of a root, pointed at the emulator (for apply tests)."""

    def make(root: str) -> tftest.TerraformTest:
        return _prepare(root, tmp_path, project_toolchain, emulator)

    return make
