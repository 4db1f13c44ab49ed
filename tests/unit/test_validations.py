"""Bad input: every validation block, precondition and postcondition has a case that trips it.

Two roots, each planned once: bad_inputs (one module call per wrong variable value; Terraform stops at
variable validation errors, before any resource is planned) and bad_preconditions (valid variables whose
combination, or the emulated region, a check refuses). Each case must fail with exactly its message,
located on its module call (validations) or its check (preconditions and postconditions). The meta-tests
parse every variables.tf and module file and fail when a validation or check has no case.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import hcl2
import pytest
import yaml

from harness import REPO_ROOT

BAD_INPUTS = "tests/unit/roots/bad_inputs"
BAD_PRECONDITIONS = "tests/unit/roots/bad_preconditions"
INVENTORY = Path(__file__).resolve().parent / "inventory"


def _cases(stem: str) -> dict[str, dict[str, str]]:
    """Cases of <stem>.yaml and <stem>_<module>.yaml (one file per module keeps owners out of each other's way)."""
    cases: dict[str, dict[str, str]] = {}
    for path in sorted(INVENTORY.glob(f"{stem}*.yaml")):
        for name, case in (yaml.safe_load(path.read_text()) or {}).items():
            if name in cases:
                raise ValueError(f"{path.name}: case {name} is already defined in another {stem}*.yaml")
            cases[name] = case
    return cases


INPUT_CASES = _cases("bad_inputs")
CHECK_CASES = _cases("bad_preconditions")

pytestmark = [
    pytest.mark.unit,
    pytest.mark.terraform_plan(BAD_INPUTS, failing=True),
    pytest.mark.terraform_plan(BAD_PRECONDITIONS, failing=True),
]

_BLOCK = re.compile(r'^(variable|resource|data|output)\s+"([^"]+)"(?:\s+"([^"]+)")?\s*\{')
_VALIDATION = re.compile(r"^\s+validation\s*\{")
_CHECK = re.compile(r"^\s+(precondition|postcondition)\s*\{")
_CONDITION = re.compile(r"^\s+condition\s*=")


@dataclass(frozen=True)
class Rule:
    """A validation block of a variable, or a precondition/postcondition of a resource or data source."""

    file: str  # relative to the repository
    block: str  # var.name, aws_x.y or data.aws_x.y
    kind: str  # validation | precondition | postcondition
    index: int  # position among the block's rules of that kind
    line: int  # where Terraform points: the `validation` keyword, or the `condition` of a check
    message: str
    content: str  # digest of the file: byte-identical files (envs/hml, envs/prod) share their cases

    @property
    def key(self) -> tuple[str, str, str, int]:
        return self.content, self.block, self.kind, self.index

    def describe(self) -> str:
        return f"{self.file}:{self.line} {self.block} {self.kind} {self.index}: {self.message[:80]}"


def _unescape(text: str) -> str:
    return re.sub(r"\\([\"\\n])", lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


def _rule_lines(text: str) -> dict[tuple[str, str], list[int]]:
    """Line numbers of the validation blocks and check conditions, by (block address, kind), in order."""
    lines: dict[tuple[str, str], list[int]] = {}
    block, pending = "", ""
    for number, line in enumerate(text.splitlines(), start=1):
        header = _BLOCK.match(line)
        if header:
            kind, first, second = header.groups()
            addresses = {
                "variable": f"var.{first}",
                "output": f"output.{first}",
                "resource": f"{first}.{second}",
                "data": f"data.{first}.{second}",
            }
            block = addresses[kind]
        elif _VALIDATION.match(line):
            lines.setdefault((block, "validation"), []).append(number)
        elif _CHECK.match(line):
            pending = _CHECK.match(line).group(1)
        elif pending and _CONDITION.match(line):
            lines.setdefault((block, pending), []).append(number)
            pending = ""
    return lines


@functools.cache
def rules_in(path: Path) -> tuple[Rule, ...]:
    """Every validation and check of a .tf file, from its HCL (messages) and its text (line numbers)."""
    text = path.read_text()
    content = hashlib.sha256(text.encode()).hexdigest()
    relative = str(path.relative_to(REPO_ROOT))
    lines = _rule_lines(text)
    parsed = hcl2.loads(text)
    found: list[Rule] = []

    def add(block: str, kind: str, rules: list[dict]) -> None:
        numbers = lines.get((block, kind), [])
        assert len(numbers) == len(rules), f"{relative}: {block} has {len(rules)} {kind} blocks, found {numbers}"
        for index, (rule, line) in enumerate(zip(rules, numbers, strict=True)):
            found.append(Rule(relative, block, kind, index, line, _unescape(rule["error_message"][0]), content))

    for variable in parsed.get("variable", []):
        for name, body in variable.items():
            add(f"var.{name}", "validation", body.get("validation", []))
    for output in parsed.get("output", []):
        for name, body in output.items():
            add(f"output.{name}", "precondition", body.get("precondition", []))
    for mode, prefix in (("resource", ""), ("data", "data.")):
        for block in parsed.get(mode, []):
            for resource_type, resources in block.items():
                for name, body in resources.items():
                    for lifecycle in body.get("lifecycle", []):
                        for kind in ("precondition", "postcondition"):
                            add(f"{prefix}{resource_type}.{name}", kind, lifecycle.get(kind, []))
    return tuple(found)


@functools.cache
def module_calls(root: str) -> dict[str, Path]:
    """Module call name -> the module folder it calls, resolved in the repository."""
    calls: dict[str, Path] = {}
    for path in sorted((REPO_ROOT / root).glob("*.tf")):
        for block in hcl2.loads(path.read_text()).get("module", []):
            for name, body in block.items():
                calls[name] = (REPO_ROOT / root / body["source"][0]).resolve()
    return calls


def module_rules(folder: Path) -> list[Rule]:
    # Resolving the file follows the env_variables link to envs/hml/variables.tf.
    return [rule for path in sorted(folder.glob("*.tf")) for rule in rules_in(path.resolve())]


def all_rules() -> list[Rule]:
    files = [*sorted((REPO_ROOT / "modules").glob("*/*.tf")), *sorted((REPO_ROOT / "envs").glob("*/*.tf"))]
    return [rule for path in files for rule in rules_in(path)]


def input_target(case: str) -> Rule:
    """The validation a bad_inputs case is meant to trip: its variable, and the one validation of that
    variable whose message starts with the case's message."""
    expected = INPUT_CASES[case]
    folder = module_calls(BAD_INPUTS)[case]
    candidates = [
        rule
        for rule in module_rules(folder)
        if rule.block == f"var.{expected['variable']}" and rule.kind == "validation"
        if rule.message.startswith(expected["message"])
    ]
    assert len(candidates) == 1, (
        f"{case}: bad_inputs.yaml must name exactly one validation of var.{expected['variable']} in {folder}, "
        f"its message starting with {expected['message']!r}; matches: {[c.describe() for c in candidates]}"
    )
    return candidates[0]


def check_target(case: str) -> Rule:
    block, kind, index = CHECK_CASES[case]["check"].split()
    folder = module_calls(BAD_PRECONDITIONS)[case]
    candidates = [r for r in module_rules(folder) if (r.block, r.kind, r.index) == (block, kind, int(index))]
    assert len(candidates) == 1, f"{case}: no {kind} {index} on {block} in {folder}"
    return candidates[0]


def test_every_bad_input_module_call_is_a_case():
    assert sorted(module_calls(BAD_INPUTS)) == sorted(INPUT_CASES)


def test_every_bad_precondition_module_call_is_a_case():
    assert sorted(module_calls(BAD_PRECONDITIONS)) == sorted(CHECK_CASES)


def test_every_validation_block_has_a_bad_input_case():
    covered = {input_target(case).key for case in INPUT_CASES}
    missing = [rule.describe() for rule in all_rules() if rule.kind == "validation" and rule.key not in covered]
    assert not missing, "validation blocks without a case in bad_inputs.yaml:\n  " + "\n  ".join(missing)


def test_every_precondition_and_postcondition_has_a_case():
    covered = {check_target(case).key for case in CHECK_CASES}
    missing = [rule.describe() for rule in all_rules() if rule.kind != "validation" and rule.key not in covered]
    assert not missing, "checks without a case in bad_preconditions.yaml:\n  " + "\n  ".join(missing)


@pytest.mark.parametrize("case", sorted(INPUT_CASES))
def test_bad_input_fails_with_its_validation_message(plan_diagnostics, case):
    rule = input_target(case)
    diagnostics = [d for d in plan_diagnostics(BAD_INPUTS) if d.module_call == case]
    shown = "\n  ".join(d.line_text() for d in diagnostics) or "(none: the plan accepted this value)"
    assert len(diagnostics) == 1, f"module.{case}: expected one error, the plan reports:\n  {shown}"
    (diagnostic,) = diagnostics
    variable = rule.block.removeprefix("var.")
    assert diagnostic.summary == "Invalid value for variable", shown
    assert re.match(rf"{variable}\s*=", diagnostic.code), f"module.{case}: not the {variable} argument:\n  {shown}"
    assert diagnostic.validation_rule is not None, shown
    checked_file, checked_line = diagnostic.validation_rule
    assert (REPO_ROOT / checked_file).resolve() == (REPO_ROOT / rule.file).resolve(), shown
    assert checked_line == rule.line, f"module.{case}: expected the validation at line {rule.line}:\n  {shown}"
    assert diagnostic.detail.startswith(rule.message + "\n"), f"module.{case}: expected {rule.message!r}:\n  {shown}"


def test_bad_inputs_plan_reports_only_the_cases(plan_diagnostics):
    strays = [d.line_text() for d in plan_diagnostics(BAD_INPUTS) if d.module_call not in INPUT_CASES]
    assert not strays, "diagnostics that belong to no case:\n  " + "\n  ".join(strays)


@pytest.mark.parametrize("case", sorted(CHECK_CASES))
def test_bad_combination_fails_its_check_with_its_message(plan_diagnostics, case):
    rule = check_target(case)
    expected = CHECK_CASES[case]["message"]
    everything = plan_diagnostics(BAD_PRECONDITIONS)
    diagnostics = [d for d in everything if d.detail == expected]
    shown = "\n  ".join(d.line_text() for d in everything)
    assert diagnostics, f"{case}: no diagnostic says {expected!r}; the plan reports:\n  {shown}"
    for diagnostic in diagnostics:
        located = (diagnostic.filename, diagnostic.line) == (rule.file, rule.line)
        assert located and diagnostic.summary.endswith(f"{rule.kind} failed"), (
            f"{case}: expected a failed {rule.kind} at {rule.file}:{rule.line}, got:\n  {diagnostic.line_text()}"
        )


def test_bad_preconditions_plan_reports_only_the_cases(plan_diagnostics):
    messages = {case["message"] for case in CHECK_CASES.values()}
    strays = [d.line_text() for d in plan_diagnostics(BAD_PRECONDITIONS) if d.detail not in messages]
    assert not strays, "diagnostics that belong to no case:\n  " + "\n  ".join(strays)
