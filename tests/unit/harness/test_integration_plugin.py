"""The integration plugin's target switch: AWS only with the explicit opt-in, and workers only when applying."""

import subprocess
import sys

import pytest

from harness import REPO_ROOT
from harness.environments import Target, TargetError
from harness.integration import resolve_target, selects_applying_tests

pytestmark = pytest.mark.unit

OPT_IN_MESSAGE = "set PLATFORM_ALLOW_REAL_AWS=1 to opt in"


@pytest.mark.parametrize(
    "option, environ, target",
    [
        (None, {}, "emulator"),
        ("emulator", {"PLATFORM_TEST_TARGET": "aws"}, "emulator"),
        ("aws", {"PLATFORM_ALLOW_REAL_AWS": "1"}, "aws"),
        (None, {"PLATFORM_TEST_TARGET": "aws", "PLATFORM_ALLOW_REAL_AWS": "1"}, "aws"),
    ],
)
def test_target_comes_from_the_option_then_the_environment(option, environ, target):
    assert resolve_target(option, environ) == target


@pytest.mark.parametrize(
    "option, environ",
    [
        ("aws", {}),
        (None, {"PLATFORM_TEST_TARGET": "aws"}),
        ("aws", {"PLATFORM_ALLOW_REAL_AWS": "yes"}),
        ("aws", {"PLATFORM_ALLOW_REAL_AWS": "0"}),
    ],
)
def test_aws_is_refused_without_the_explicit_opt_in(option, environ):
    with pytest.raises(pytest.UsageError, match=OPT_IN_MESSAGE):
        resolve_target(option, environ)


def test_unknown_target_names_the_valid_ones():
    with pytest.raises(pytest.UsageError, match="use one of emulator, aws"):
        resolve_target(None, {"PLATFORM_TEST_TARGET": "staging"})


def test_pytest_refuses_target_aws_in_one_line_before_any_test(tmp_path):
    environ = {name: value for name, value in __import__("os").environ.items() if name != "PLATFORM_ALLOW_REAL_AWS"}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "--target", "aws", "-m", "integration", "-p", "no:cacheprovider"],
        cwd=REPO_ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == pytest.ExitCode.USAGE_ERROR, run.stdout + run.stderr
    assert [line for line in run.stderr.splitlines() if line.strip()] == [
        f"ERROR: --target aws creates billable resources in the AWS account of your credentials: {OPT_IN_MESSAGE}"
    ]
    assert "collected" not in run.stdout


@pytest.mark.parametrize(
    "environ, message",
    [
        ({}, "set AWS_REGION"),
        ({"AWS_REGION": "eu-west-1", "AWS_ENDPOINT_URL": "http://127.0.0.1:5000"}, "unset AWS_ENDPOINT_URL"),
    ],
)
def test_aws_target_needs_a_region_and_the_real_endpoints(project_toolchain, environ, message):
    with pytest.raises(TargetError, match=message):
        Target.on_aws(project_toolchain, environ)


@pytest.mark.parametrize(
    "markexpr, args, applies",
    [
        ("unit", ["tests"], False),
        ("not integration and not e2e", ["tests"], False),
        ("integration or e2e", ["tests"], True),
        ("unit or integration or e2e", ["tests"], True),
        ("e2e", ["tests/integration/test_pipeline_e2e.py::test_x"], True),
        ("", ["tests"], True),
        ("", ["tests/unit/emulator", "tests/unit/harness/test_integration_plugin.py::test_x"], False),
    ],
)
def test_workers_are_started_only_for_runs_that_apply_environments(markexpr, args, applies):
    assert selects_applying_tests(markexpr, [str(REPO_ROOT / arg) for arg in args]) is applies
