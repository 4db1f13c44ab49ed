"""pytest fixtures shared by every tier (declared as a plugin by the root conftest.py).

Factories, so a test reads "plan this, assert that":

    pytestmark = [pytest.mark.unit, pytest.mark.terraform_plan("tests/unit/roots/s3")]

    def test_uploads_expire(plan_summary):
        plan = plan_summary("tests/unit/roots/s3")
        rule = plan.value('module.defaults.aws_s3_bucket_lifecycle_configuration.this["uploads"]')["rule"][0]
        assert rule["expiration"][0]["days"] == 365

* ``plan_summary(root, var_files=(), **tf_vars)`` plans a root once per session (cached by root and
  variables) with tftest against the embedded AWS and returns a ``PlanSummary``.
* ``plan_diagnostics(root, var_files=(), **tf_vars)`` plans a root that must fail (bad inputs) once per
  session and returns its error ``Diagnostic``s (``terraform plan -json``).
* ``terraform_root(root)`` gives a tftest ``TerraformTest`` on a private copy of the root, pointed at the
  emulator, for apply/destroy tests.
* ``@pytest.mark.terraform_plan(root, var_files=(), failing=False, **tf_vars)`` on a test module declares
  a plan its tests read: the session starts every declared plan in the background as soon as its first
  test runs (``PLAN_CONCURRENCY`` at a time, default one per CPU), so plans overlap with the tests that
  need none. Under pytest-xdist each worker plans on demand instead.

Every root is copied, with ``modules/``, into a private folder before ``init``, so no test shares a
``.terraform`` folder with another and the source tree stays clean; the provider comes from the
project's CLI config (mirror + shared plugin cache). Each planning thread runs the provider once, as a
server its plans attach to (``SharedProvider``; ``PLAN_SHARED_PROVIDER=0`` lets Terraform start it for
every command, as a bare ``terraform plan`` does). ``UNIT_PLAN_TIMINGS=<dir>`` writes how long each init
and plan took (``scripts/bench_unit.py`` reads it).
"""

from __future__ import annotations

import concurrent.futures
import glob
import hashlib
import json
import os
import pprint
import re
import shutil
import subprocess
import threading
import time
import warnings
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import pytest
import tftest

from harness import REPO_ROOT, toolchain
from harness.emulator import Emulator, provider_aliases
from harness.emulator import _die_with_parent as die_with_parent

# Naming convention exceptions: DNS records are named by the domain, not by the project, and AWS WAF
# logs only to log groups whose name starts with aws-waf-logs-.
NAME_EXEMPT_TYPES = frozenset({"aws_route53_record"})
AWS_REQUIRED_NAME_PREFIX = "aws-waf-logs-"

BACKEND_OVERRIDE = 'terraform {\n  backend "local" {}\n}\n'

# What a plan shows for a value computed at apply; inventories may expect it like any other value.
KNOWN_AFTER_APPLY = "(known after apply)"

# Attributes that hold the name of a resource (checked against the `<name_prefix>-<what>` convention).
NAME_ATTRIBUTES = (
    "name",
    "bucket",
    "identifier",
    "cluster_identifier",
    "compute_environment_name",
    "final_snapshot_identifier",
)

_VALIDATION_RULE = re.compile(r"checked by the validation rule at (\S+):(\d+),")
_MODULE_CALL = re.compile(r'^module "([^"]+)"')


def with_unknowns(value: Any, unknown: Any) -> Any:
    """A planned value with every part that is known only after apply replaced by KNOWN_AFTER_APPLY."""
    if unknown is True:
        return KNOWN_AFTER_APPLY
    if isinstance(unknown, dict) and unknown:
        merged = dict(value) if isinstance(value, dict) else {}
        for key, part in unknown.items():
            merged[key] = with_unknowns(merged.get(key), part)
        return merged
    if isinstance(unknown, list) and unknown:
        items = list(value) if isinstance(value, list) else []
        items += [None] * (len(unknown) - len(items))
        return [with_unknowns(item, unknown[i] if i < len(unknown) else False) for i, item in enumerate(items)]
    return value


def contains_unknown(value: Any) -> bool:
    if value == KNOWN_AFTER_APPLY:
        return True
    if isinstance(value, dict):
        return any(contains_unknown(v) for v in value.values())
    if isinstance(value, list):
        return any(contains_unknown(v) for v in value)
    return False


def module_of(address: str) -> str:
    """module.a["k"].module.b.aws_x.y -> module.a["k"].module.b ("" for the root module)."""
    parts = re.findall(r'(?:[^.\["]+|\[(?:"[^"]*"|[^\]]*)\])+', address)
    module: list[str] = []
    while len(parts) > 2 and parts[0] == "module":
        module += parts[:2]
        parts = parts[2:]
    return ".".join(module)


def type_of(address: str) -> str:
    local = address[len(module_of(address)) :].lstrip(".")
    if local.startswith("data."):
        local = local[5:]
    return local.split(".", 1)[0]


def _walk_resources(module: dict[str, Any]):
    yield from module.get("resources", [])
    for child in module.get("child_modules", []):
        yield from _walk_resources(child)


def _show(value: Any, limit: int = 6000) -> str:
    text = pprint.pformat(value, width=118, sort_dicts=True)
    return text if len(text) <= limit else text[:limit] + "\n... (truncated)"


def _short(value: Any, limit: int = 200) -> str:
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text)} characters)"


def mismatches(expected: Any, actual: Any, path: str = "") -> list[str]:
    """Where actual differs from expected, matched as a subset: dict keys not in expected are ignored,
    lists must have the same length and match item by item, everything else must be equal."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path or '.'}: expected a map, plan has {_short(actual)}"]
        found = []
        for key, value in expected.items():
            if key not in actual:
                found.append(f"{path}.{key}: missing (expected {_short(value)})")
            else:
                found += mismatches(value, actual[key], f"{path}.{key}")
        return found
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{path or '.'}: expected {expected!r}, plan has {actual!r}"]
        return [
            m for i, (e, a) in enumerate(zip(expected, actual, strict=True)) for m in mismatches(e, a, f"{path}[{i}]")
        ]
    if expected != actual:
        return [f"{path or '.'}: expected {_short(expected)}, plan has {_short(actual)}"]
    return []


@dataclass(frozen=True)
class Diagnostic:
    """One error or warning of a failed plan, located the way tests match it to a module call."""

    severity: str
    summary: str
    detail: str
    filename: str  # relative to the repository, e.g. modules/kms/variables.tf or tests/unit/roots/x/main.tf
    line: int
    context: str  # e.g. 'module "kms_name_prefix_uppercase"' or 'resource "aws_x" "this"'
    code: str

    @property
    def module_call(self) -> str | None:
        match = _MODULE_CALL.match(self.context)
        return match.group(1) if match else None

    @property
    def validation_rule(self) -> tuple[str, int] | None:
        """(file relative to the repository, line) of the validation block that failed, from the detail."""
        match = _VALIDATION_RULE.search(self.detail)
        return (match.group(1), int(match.group(2))) if match else None

    def line_text(self) -> str:
        return f"{self.severity}: {self.summary} at {self.filename}:{self.line} ({self.context}): {self.detail}"


@dataclass
class PlanSummary:
    """What a plan holds, indexed the way tests ask for it. Values known only after apply read
    KNOWN_AFTER_APPLY; data sources are in ``data`` (read at plan time or deferred to apply)."""

    root: str
    raw: dict[str, Any]
    values: dict[str, dict[str, Any]] = field(default_factory=dict)
    data: dict[str, dict[str, Any]] = field(default_factory=dict)
    counts: Counter = field(default_factory=Counter)
    outputs: dict[str, Any] = field(default_factory=dict)
    unknown_outputs: set[str] = field(default_factory=set)

    @classmethod
    def from_plan(cls, root: str, plan: dict[str, Any]) -> PlanSummary:
        summary = cls(root=root, raw=plan)
        unknown = {c["address"]: c["change"].get("after_unknown") for c in plan.get("resource_changes", [])}
        read_at_plan = ((plan.get("prior_state") or {}).get("values") or {}).get("root_module", {})
        for resource in _walk_resources(read_at_plan):
            if resource.get("mode") == "data":
                summary.data[resource["address"]] = resource.get("values", {})
        for resource in _walk_resources(plan.get("planned_values", {}).get("root_module", {})):
            address = resource["address"]
            values = with_unknowns(resource.get("values", {}), unknown.get(address))
            if resource.get("mode") == "data":
                summary.data[address] = values
                continue
            summary.values[address] = values
            summary.counts[resource["type"]] += 1
        for name, change in plan.get("output_changes", {}).items():
            summary.outputs[name] = with_unknowns(change.get("after"), change.get("after_unknown"))
            if contains_unknown(summary.outputs[name]):
                summary.unknown_outputs.add(name)
        return summary

    @cached_property
    def plan(self):
        """The plan as the plan-JSON policy tier reads it (references followed through modules)."""
        from plancheck.plan import Plan

        return Plan(self.raw)

    def of_type(self, resource_type: str, module: str | None = None) -> dict[str, dict[str, Any]]:
        """Managed resources of one type, optionally only those directly in one module (e.g. module.edge)."""
        return {
            address: values
            for address, values in self.values.items()
            if type_of(address) == resource_type and (module is None or module_of(address) == module)
        }

    def counts_in(self, module: str) -> dict[str, int]:
        """Managed resources by type directly in one module, e.g. counts_in("module.defaults")."""
        return dict(Counter(type_of(address) for address in self.values if module_of(address) == module))

    def modules(self) -> list[str]:
        return sorted({module_of(address) for address in self.values} - {""})

    def value(self, address: str) -> dict[str, Any]:
        if address in self.values:
            return self.values[address]
        if address in self.data:
            return self.data[address]
        wanted = type_of(address)
        close = sorted(a for a in [*self.values, *self.data] if type_of(a) == wanted)[:12]
        raise AssertionError(f"{address} is not in the plan of {self.root}; addresses of that type: {close}")

    def policy(self, address: str) -> list[dict[str, Any]]:
        """The statements of an aws_iam_policy_document data source, normalised for comparison: effect
        defaults to Allow, lists are sorted, elements known only after apply read KNOWN_AFTER_APPLY."""
        document = self.value(address)
        statements = []
        for statement in document.get("statement") or []:
            normalised: dict[str, Any] = {
                "sid": statement.get("sid") or "",
                "effect": statement.get("effect") or "Allow",
            }
            for key in ("actions", "not_actions", "resources", "not_resources"):
                if statement.get(key):
                    normalised[key] = sorted(statement[key], key=str)
            for key in ("principals", "not_principals"):
                if statement.get(key):
                    normalised[key] = sorted(
                        ({"type": p["type"], "identifiers": sorted(p["identifiers"])} for p in statement[key]),
                        key=lambda p: p["type"],
                    )
            if statement.get("condition"):
                normalised["conditions"] = sorted(
                    (
                        {"test": c["test"], "variable": c["variable"], "values": sorted(c["values"])}
                        for c in statement["condition"]
                    ),
                    key=lambda c: (c["variable"], c["test"]),
                )
            statements.append(normalised)
        return statements

    def references(self, address: str, attribute: str) -> list[str]:
        """Addresses of the planned resources an attribute refers to, through module inputs and outputs."""
        resource = self.plan.resources.get(address)
        if resource is None:
            raise AssertionError(f"{address} is not in the plan of {self.root}")
        return sorted(target.address for target in resource.targets(attribute))

    def expression_references(self, address: str, attribute: str) -> list[str]:
        """What the configuration of an attribute refers to, as written (e.g. aws_s3_bucket.this["uploads"])."""
        resource = self.plan.resources.get(address)
        if resource is None:
            raise AssertionError(f"{address} is not in the plan of {self.root}")
        return resource.config.get("expressions", {}).get(attribute, {}).get("references", [])

    def module_input(self, module: str, name: str) -> Any:
        """The literal a root module call passes for an input (None when it passes an expression or nothing)."""
        call = self.raw.get("configuration", {}).get("root_module", {}).get("module_calls", {}).get(module, {})
        return call.get("expressions", {}).get(name, {}).get("constant_value")

    def name_violations(self, module: str, name_prefix: str) -> list[str]:
        """Names in one module instance that do not follow `<name_prefix>-<what>` (a path segment of the
        name counts, for log groups and aliases: /aws/batch/<name_prefix>-worker, alias/<name_prefix>)."""
        found = []
        for address, values in sorted(self.values.items()):
            if module_of(address) != module:
                continue
            if type_of(address) in NAME_EXEMPT_TYPES:
                continue
            names = {attribute: values.get(attribute) for attribute in NAME_ATTRIBUTES}
            names["tags.Name"] = (values.get("tags") or {}).get("Name")
            for attribute, name in names.items():
                if not isinstance(name, str) or name == KNOWN_AFTER_APPLY:
                    continue
                name = name.removeprefix(AWS_REQUIRED_NAME_PREFIX)
                if not any(part == name_prefix or part.startswith(f"{name_prefix}-") for part in name.split("/")):
                    found.append(f"{address}.{attribute} = {name!r}")
        return found

    def tag_violations(self, module: str, tags: dict[str, str], default_tags: dict[str, str]) -> list[str]:
        """Taggable resources of one module instance whose tags lack the module's `tags` input, or whose
        tags_all lack the provider's default_tags."""
        found = []
        for address, values in sorted(self.values.items()):
            if module_of(address) != module or "tags" not in values:
                continue
            own, effective = values.get("tags") or {}, values.get("tags_all") or {}
            if mismatches(tags, own) or mismatches(default_tags, effective):
                found.append(f"{address}: tags {own}, tags_all {effective}")
        return found

    def assert_conventions(self, default_tags: dict[str, str]) -> None:
        """Each module instance called by the root names its resources after its name_prefix input and
        passes its tags input (and the provider's default_tags) to every taggable resource."""
        problems = []
        for module in self.modules():
            call = module.removeprefix("module.")
            prefix = self.module_input(call, "name_prefix")
            assert prefix, f"{self.root}: module.{call} is not called with a literal name_prefix"
            problems += self.name_violations(module, prefix)
            problems += self.tag_violations(module, self.module_input(call, "tags") or {}, default_tags)
        assert not problems, f"{self.root}: naming or tagging conventions broken:\n  " + "\n  ".join(problems)

    def assert_module_outputs(self, module_source: str, expected: dict[str, dict[str, Any]]) -> None:
        """Root outputs named after the module instances expose exactly the outputs the module declares,
        and hold at least the expected values (lists compared in full, so their length is checked)."""
        import hcl2

        declared = sorted(
            name
            for path in sorted((REPO_ROOT / module_source).glob("*.tf"))
            for block in hcl2.loads(path.read_text()).get("output", [])
            for name in block
        )
        problems = []
        for instance, values in expected.items():
            actual = self.outputs.get(instance)
            if not isinstance(actual, dict):
                problems.append(f"output {instance}: not a module object in {self.root}: {actual!r}")
                continue
            if sorted(actual) != declared:
                problems.append(f"output {instance}: has {sorted(actual)}, {module_source} declares {declared}")
            found = mismatches(values, actual)
            if found:
                problems.append(
                    f"output {instance}:\n    " + "\n    ".join(found) + f"\n  the plan holds:\n{_show(actual)}"
                )
        assert not problems, f"{self.root}: module outputs differ\n" + "\n".join(problems)

    def policy_documents(self) -> list[str]:
        """Addresses of every aws_iam_policy_document data source of the plan."""
        return sorted(address for address in self.data if type_of(address) == "aws_iam_policy_document")

    def assert_policies(self, expected: dict[str, list[dict[str, Any]]], complete: bool = True) -> None:
        """Exact statements (see ``policy``) of each policy document of the inventory, compared by Sid;
        complete: the inventory also lists every policy document of the plan."""
        problems = []
        if complete:
            problems += [
                f"{address}: not in the inventory" for address in self.policy_documents() if address not in expected
            ]
        for address, statements in expected.items():
            actual = {s["sid"]: s for s in self.policy(address)}
            wanted = {s["sid"]: s for s in statements}
            for sid in sorted(set(actual) | set(wanted)):
                if actual.get(sid) != wanted.get(sid):
                    expected_text, actual_text = _show(wanted.get(sid)), _show(actual.get(sid))
                    problems.append(
                        f"{address} statement {sid!r}:\n  expected {expected_text}\n  plan has {actual_text}"
                    )
        assert not problems, f"{self.root}: policy documents differ\n" + "\n".join(problems)

    def assert_values(self, expected: dict[str, dict[str, Any]]) -> None:
        """Every address of the inventory is planned and holds at least the expected values (a subset)."""
        problems = []
        for address, values in expected.items():
            if address not in self.values and address not in self.data:
                problems.append(f"{address}: not in the plan of {self.root}")
                continue
            found = mismatches(values, self.value(address))
            if found:
                detail = "\n    ".join(found)
                problems.append(f"{address}:\n    {detail}\n  the plan holds:\n{_show(self.value(address))}")
        assert not problems, f"{self.root}: {len(problems)} addresses differ from the inventory\n" + "\n".join(problems)

    def assert_counts(self, expected: dict[str, dict[str, int]]) -> None:
        """Exact resource counts by type for each module instance of the inventory."""
        problems = []
        for module, counts in expected.items():
            actual = self.counts_in(module)
            problems += [
                f"{module}: {kind}: expected {counts.get(kind, 0)}, plan has {actual.get(kind, 0)}"
                for kind in sorted(set(counts) | set(actual))
                if counts.get(kind, 0) != actual.get(kind, 0)
            ]
        assert not problems, f"{self.root}: resource counts differ\n  " + "\n  ".join(problems)


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


class EmulatorServerErrorWarning(UserWarning):
    """The emulator answered requests with 5xx: an emulator defect, even when an SDK retry recovered."""


@pytest.fixture(scope="session")
def emulator() -> Emulator:
    with Emulator.start() as running:
        yield running
    errors = running.server_errors()
    if errors:
        shown = "; ".join(errors[:5]) + (f"; and {len(errors) - 5} more" if len(errors) > 5 else "")
        warnings.warn(
            EmulatorServerErrorWarning(
                f"the emulator answered {len(errors)} request(s) with a server error (see {running.log_path}): {shown}"
            ),
            stacklevel=1,
        )


def _prepare(root: str, base: Path, chain: toolchain.Toolchain, emulator: Emulator) -> tftest.TerraformTest:
    copy = copy_root(root, base)
    emulator.write_provider_override(copy)
    (copy / "backend_override.tf").write_text(BACKEND_OVERRIDE)
    test = tftest.TerraformTest(str(copy), binary=chain.binary, env=emulator.env(chain.env()))
    with chain.init_lock():
        test.setup(cleanup_on_exit=False)
    return test


def _json_messages(text: str) -> list[dict[str, Any]]:
    """The JSON messages of `terraform plan -json` output (tftest prefixes its error text to the first)."""
    messages = []
    for line in text.splitlines():
        start = line.find("{")
        if start < 0:
            continue
        try:
            messages.append(json.loads(line[start:]))
        except json.JSONDecodeError:
            continue
    return messages


def _diagnostic(raw: dict[str, Any], copy: Path, base: Path) -> Diagnostic:
    def from_repo(path: str) -> str:
        resolved = (copy / path).resolve()
        return str(resolved.relative_to(base.resolve())) if resolved.is_relative_to(base.resolve()) else path

    location = raw.get("range") or {}
    snippet = raw.get("snippet") or {}
    detail = raw.get("detail", "")
    detail = _VALIDATION_RULE.sub(
        lambda m: f"checked by the validation rule at {from_repo(m.group(1))}:{m.group(2)},", detail
    )
    return Diagnostic(
        severity=raw.get("severity", ""),
        summary=raw.get("summary", ""),
        detail=detail,
        filename=from_repo(location["filename"]) if location.get("filename") else "",
        line=location.get("start", {}).get("line", 0),
        context=snippet.get("context") or "",
        code=(snippet.get("code") or "").strip(),
    )


@dataclass(frozen=True)
class _Request:
    root: str
    var_files: tuple[str, ...]
    tf_vars: tuple[tuple[str, str], ...]
    failing: bool

    @classmethod
    def make(cls, root: str, var_files=(), failing: bool = False, **tf_vars: Any) -> _Request:
        if isinstance(var_files, str):
            var_files = (var_files,)
        encoded = tuple(sorted((k, json.dumps(v, sort_keys=True)) for k, v in tf_vars.items()))
        return cls(str(root), tuple(var_files), encoded, failing)

    @property
    def label(self) -> str:
        extra = [*self.var_files, *(f"{k}={v}" for k, v in self.tf_vars)]
        return self.root + (f" ({', '.join(extra)})" if extra else "")


class SharedProvider:
    """The hashicorp/aws provider as a long-running server (its `-debug` mode) that successive plans attach
    to through TF_REATTACH_PROVIDERS, instead of Terraform starting the 700 MB binary four times per root
    (schema, validate, plan, show): the provider is configured afresh by every plan, only its process is
    reused. It runs with the emulator's environment (its credentials come from its own environment)."""

    START_TIMEOUT_SECONDS = 60

    def __init__(self, binary: str, env: dict[str, str], log: Path):
        # A CA bundle makes a second ConfigureProvider fail in this process ("unable to add custom
        # RootCAs HTTPClient"); the emulator is plain HTTP on loopback and needs none.
        env = {k: v for k, v in env.items() if k != "AWS_CA_BUNDLE"}
        self.binary = binary
        self.log = log
        with open(log, "wb") as output:
            self.process = subprocess.Popen(
                [binary, "-debug"],
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                env=env,
                preexec_fn=die_with_parent,
            )
        began = time.monotonic()
        while True:
            match = re.search(r"TF_REATTACH_PROVIDERS='([^']+)'", log.read_text(errors="replace"))
            if match:
                self.reattach = match.group(1)
                return
            if self.process.poll() is not None or time.monotonic() - began > self.START_TIMEOUT_SECONDS:
                self.stop()
                raise RuntimeError(f"{binary} -debug did not start; see {log}")
            time.sleep(0.05)

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


class PlanCache:
    """Plans each distinct request once per session, possibly ahead of the test that reads it. Each
    planning thread keeps its own SharedProvider (PLAN_SHARED_PROVIDER=0 lets Terraform start the
    provider itself, as a bare `terraform plan` does)."""

    def __init__(
        self, tmp_path_factory, chain: toolchain.Toolchain, emulator: Emulator, concurrency: int, share_provider: bool
    ):
        self._tmp = tmp_path_factory
        self._chain = chain
        self._emulator = emulator
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="plan")
        self._futures: dict[_Request, concurrent.futures.Future] = {}
        self._guard = threading.Lock()
        self._share_provider = share_provider
        self._providers: dict[tuple[int, str], SharedProvider] = {}
        self.timings: list[dict[str, Any]] = []

    def _provider_for(self, copy: Path) -> SharedProvider | None:
        """This thread's provider server for the provider binary the root was initialised with."""
        if not self._share_provider:
            return None
        binaries = glob.glob(
            str(copy / ".terraform/providers/registry.terraform.io/hashicorp/aws/*/*/terraform-provider-aws_*")
        )
        if len(binaries) != 1:
            return None
        key = (threading.get_ident(), os.path.realpath(binaries[0]))
        with self._guard:
            provider = self._providers.get(key)
        if provider is None or not provider.alive():
            with self._guard:
                log = self._tmp.mktemp("provider") / "provider.log"
            provider = SharedProvider(key[1], self._emulator.env(self._chain.env()), log)
            with self._guard:
                self._providers[key] = provider
        return provider

    def provider_pids(self) -> list[int]:
        with self._guard:
            return [provider.process.pid for provider in self._providers.values()]

    def start(self, request: _Request) -> concurrent.futures.Future:
        with self._guard:
            if request not in self._futures:
                digest = hashlib.sha1(repr(request).encode()).hexdigest()[:10]
                base = self._tmp.mktemp(f"plan-{digest}")
                self._futures[request] = self._pool.submit(self._plan, request, base)
            return self._futures[request]

    def _plan(self, request: _Request, base: Path) -> PlanSummary | list[Diagnostic]:
        began = time.monotonic()
        test = _prepare(request.root, base, self._chain, self._emulator)
        # One provider process holds one configuration: with an alias (aws.us_east_1) the configuration
        # applied last would serve every alias, so such roots let Terraform start a process per alias.
        aliased = bool(provider_aliases(Path(test.tfdir)))
        provider = None if aliased else self._provider_for(Path(test.tfdir))
        if provider is not None:
            test.env["TF_REATTACH_PROVIDERS"] = provider.reattach
        initialised = time.monotonic()
        tf_vars = {k: json.loads(v) for k, v in request.tf_vars} or None
        var_files = list(request.var_files) or None
        if request.failing:
            result = self._diagnostics(test, base, tf_vars, var_files)
        else:
            plan = test.plan(output=True, tf_vars=tf_vars, tf_var_file=var_files)
            result = PlanSummary.from_plan(request.label, plan._raw)
        self.timings.append(
            {
                "root": request.root,
                "var_files": list(request.var_files),
                "tf_vars": dict(request.tf_vars),
                "failing": request.failing,
                "shared_provider": provider is not None,
                "init_seconds": round(initialised - began, 3),
                "plan_seconds": round(time.monotonic() - initialised, 3),
                "started": began,
            }
        )
        return result

    @staticmethod
    def _diagnostics(test: tftest.TerraformTest, base: Path, tf_vars, var_files) -> list[Diagnostic]:
        arguments = tftest.parse_args(
            input=False, color=False, json_format=True, tf_vars=tf_vars, tf_var_file=var_files
        )
        try:
            output = test.execute_command("plan", *arguments).out
        except tftest.TerraformTestError as error:
            output = str(error.args[0])
        copy = Path(test.tfdir)
        return [
            _diagnostic(message["diagnostic"], copy, base)
            for message in _json_messages(output)
            if message.get("type") == "diagnostic"
        ]

    def summary(self, root: str, var_files=(), **tf_vars: Any) -> PlanSummary:
        return self.start(_Request.make(root, var_files, **tf_vars)).result()

    def diagnostics(self, root: str, var_files=(), **tf_vars: Any) -> list[Diagnostic]:
        return self.start(_Request.make(root, var_files, failing=True, **tf_vars)).result()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        for provider in self._providers.values():
            provider.stop()
        target = os.environ.get("UNIT_PLAN_TIMINGS")
        if target and self.timings:
            Path(target).mkdir(parents=True, exist_ok=True)
            (Path(target) / f"timings-{os.getpid()}.json").write_text(json.dumps(self.timings, indent=1))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "terraform_plan(root, var_files=(), failing=False, **tf_vars): a plan the tests of this module read; "
        "the session plans it once, in the background from its first test on",
    )


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Under xdist --dist loadgroup, the tests of a module that declares plans stay in one worker, so each
    # root is planned once per run there too (tryfirst: before xdist reads the groups).
    for item in items:
        if item.get_closest_marker("terraform_plan") and not item.get_closest_marker("xdist_group"):
            item.add_marker(pytest.mark.xdist_group(f"plans:{item.module.__name__}"))


@pytest.fixture(scope="session")
def plan_cache(tmp_path_factory, project_toolchain, emulator) -> PlanCache:
    concurrency = int(os.environ.get("PLAN_CONCURRENCY") or os.cpu_count() or 2)
    share_provider = os.environ.get("PLAN_SHARED_PROVIDER", "1") != "0"
    cache = PlanCache(tmp_path_factory, project_toolchain, emulator, concurrency, share_provider)
    yield cache
    cache.close()


@pytest.fixture(scope="session", autouse=True)
def _plan_declared_roots_early(request: pytest.FixtureRequest) -> None:
    # Under xdist a worker does not know in advance which modules it will run: it plans on demand.
    if hasattr(request.config, "workerinput"):
        return
    declared: dict[_Request, None] = {}
    for item in request.session.items:
        for marker in item.iter_markers("terraform_plan"):
            declared[_Request.make(*marker.args, **marker.kwargs)] = None
    if declared:
        cache: PlanCache = request.getfixturevalue("plan_cache")
        for declared_request in declared:
            cache.start(declared_request)


@pytest.fixture(scope="session")
def plan_summary(plan_cache: PlanCache):
    return plan_cache.summary


@pytest.fixture(scope="session")
def plan_diagnostics(plan_cache: PlanCache):
    return plan_cache.diagnostics


@pytest.fixture
def terraform_root(tmp_path, project_toolchain, emulator):
    """A tftest TerraformTest on a private copy of a root, pointed at the emulator (for apply tests)."""

    def make(root: str) -> tftest.TerraformTest:
        return _prepare(root, tmp_path, project_toolchain, emulator)

    return make
