"""pytest plugin of the integration and end-to-end tiers (declared by the root conftest.py).

    pytestmark = pytest.mark.integration

    @pytest.fixture(scope="module", params=[environment_param("local"), environment_param("hml")])
    def env(request, platform_env):
        return platform_env(request.param)              # applied once per session, destroyed at its end

    def test_key_rotates(env):
        key = env.client("kms").get_key_rotation_status(KeyId=env.outputs["kms_key_arn"])
        assert key["KeyRotationEnabled"]

* ``--target emulator`` (default) applies to the embedded AWS; ``--target aws`` (or
  ``PLATFORM_TEST_TARGET=aws``) to the account of the caller's credentials, and only with
  ``PLATFORM_ALLOW_REAL_AWS=1``: without it the run stops before anything starts.
* ``platform_env(name)`` applies ``envs/<name>`` once per session under a unique prefix
  (``harness.environments``) and destroys it at the end of the session whatever happened. Tests marked
  ``ends_environment`` (the second plan, the destroy) run after every other test.
* Environments are applied side by side: ``-n auto`` (pyproject) gives one xdist worker per environment
  group when the run selects integration or e2e tests, and none for the unit tier, which is fastest in
  one process. Tests of one environment share an ``xdist_group``, so they share one apply.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from harness import REPO_ROOT
from harness.environments import ENVIRONMENTS, Environment, Target, TargetError

TARGETS = ("emulator", "aws")
TARGET_VARIABLE = "PLATFORM_TEST_TARGET"
OPT_IN_VARIABLE = "PLATFORM_ALLOW_REAL_AWS"
ENDS_ENVIRONMENT = "ends_environment"
TIMINGS_PROPERTY = "environment_timings"
# The environments plus the emulator smoke test's own root, each applied by its own worker.
APPLYING_GROUPS = len(ENVIRONMENTS) + 1
UNIT_TESTS = REPO_ROOT / "tests" / "unit"

_target_key = pytest.StashKey[str]()


def resolve_target(option: str | None, environ: dict[str, str]) -> str:
    """The target of this run; refuses AWS without the explicit opt-in."""
    target = option or environ.get(TARGET_VARIABLE) or "emulator"
    if target not in TARGETS:
        raise pytest.UsageError(f"{TARGET_VARIABLE}={target!r} is not a target: use one of {', '.join(TARGETS)}")
    if target == "aws" and environ.get(OPT_IN_VARIABLE) != "1":
        raise pytest.UsageError(
            "--target aws creates billable resources in the AWS account of your credentials: "
            f"set {OPT_IN_VARIABLE}=1 to opt in"
        )
    return target


def target_of(config: pytest.Config) -> str:
    """The run's target, ``emulator`` or ``aws`` (resolved once, when pytest starts)."""
    return config.stash[_target_key]


def environment_group(name: str) -> pytest.MarkDecorator:
    """The xdist group of an environment: every test using it runs in the worker that applied it."""
    return pytest.mark.xdist_group(f"env-{name}")


def environment_param(name: str) -> Any:
    return pytest.param(name, id=name, marks=environment_group(name))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--target",
        choices=TARGETS,
        default=None,
        help=f"where integration and e2e tests apply environments (default: ${TARGET_VARIABLE}, else emulator); "
        f"aws needs {OPT_IN_VARIABLE}=1",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_target_key] = resolve_target(config.getoption("target"), dict(os.environ))
    config.addinivalue_line(
        "markers", f"{ENDS_ENVIRONMENT}: runs after every other test (second plan, destroy of an environment)"
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # A stable sort: the tests that end an environment keep their order, after all the others.
    items.sort(key=lambda item: item.get_closest_marker(ENDS_ENVIRONMENT) is not None)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    return APPLYING_GROUPS if selects_applying_tests(config.getoption("markexpr"), config.args) else 0


def selects_applying_tests(markexpr: str, args: list[str]) -> bool:
    """Whether a run may select integration or e2e tests, judged before collection from ``-m`` and the paths."""
    from _pytest.mark.expression import Expression  # pytest's own -m parser (pytest is pinned)

    if markexpr:
        compiled = Expression.compile(markexpr)
        if not any(compiled.evaluate(lambda name, tier=tier, **_: name == tier) for tier in ("integration", "e2e")):
            return False
    paths = [Path(arg.split("::")[0]).resolve() for arg in args]
    return not paths or not all(path.is_relative_to(UNIT_TESTS) for path in paths)


@pytest.fixture(scope="session")
def platform_target(request: pytest.FixtureRequest, project_toolchain: Any) -> Target:
    """The emulator (the session's ``emulator`` fixture) or the AWS account of the caller's credentials."""
    if target_of(request.config) == "emulator":
        return Target.on_emulator(request.getfixturevalue("emulator"), project_toolchain)
    try:
        return Target.on_aws(project_toolchain)
    except TargetError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="session")
def platform_env(request: pytest.FixtureRequest, project_toolchain: Any) -> Iterator[Any]:
    """Factory: ``platform_env("hml")`` is envs/hml applied under a unique prefix, once per session."""
    applied: dict[str, Environment] = {}
    failed: dict[str, str] = {}

    def get(name: str) -> Environment:
        spec = ENVIRONMENTS[name]
        if target_of(request.config) == "aws" and spec.emulator_only:
            pytest.skip(f"not on --target aws: {spec.emulator_only}")
        if name in failed:
            pytest.fail(f"envs/{name} could not be applied earlier in this session: {failed[name]}", pytrace=False)
        if name not in applied:
            try:
                target = request.getfixturevalue("platform_target")
                applied[name] = Environment.create(spec, target, project_toolchain)
                applied[name].apply()
            except Exception as error:
                failed[name] = str(error).splitlines()[0]
                raise
        return applied[name]

    try:
        yield get
    finally:
        errors = []
        for environment in applied.values():
            try:
                environment.destroy()
            except Exception as error:  # destroy every environment even when one fails
                errors.append(str(error))
        if errors:
            pytest.fail("destroy at the end of the session failed:\n" + "\n".join(errors), pytrace=False)


@pytest.fixture
def record_environment_timings(record_property: Any) -> Any:
    """Call with an environment after its destroy: its step timings go to the run's summary."""

    def record(environment: Environment) -> None:
        record_property(TIMINGS_PROPERTY, environment.timings())

    return record


def pytest_terminal_summary(terminalreporter: Any) -> None:
    lines = [
        value
        for reports in terminalreporter.stats.values()
        for report in reports
        if getattr(report, "when", None) == "call"
        for name, value in getattr(report, "user_properties", ())
        if name == TIMINGS_PROPERTY
    ]
    if lines:
        terminalreporter.section("ephemeral environments (terraform steps)")
        for line in lines:
            terminalreporter.line(line)
