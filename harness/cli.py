"""Entry points: ``python -m harness <command>`` (the Makefile targets call these).

setup      check Terraform, write the CLI config (mirror or registry; inits share a plugin cache under a lock)
emulator   run the embedded AWS in the foreground and print the settings to use it
demo       the main job: emulator up, apply envs/local, policy scan, outputs, pipeline, destroy
check      the static gate: terraform fmt, validate of every module and env, READMEs, checkov scan
"""

from __future__ import annotations

import argparse
import concurrent.futures
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from harness import REPO_ROOT, toolchain
from harness.steps import Steps

MODULES_DIR = REPO_ROOT / "modules"
ENVS_DIR = REPO_ROOT / "envs"
REPORTS_DIR = REPO_ROOT / "reports"
FMT_PATHS = ("modules", "envs", "tests/unit/roots", "tests/integration/roots")


def terraform_roots() -> list[Path]:
    roots = [p for p in sorted(MODULES_DIR.iterdir()) if p.is_dir() and list(p.glob("*.tf"))]
    roots += [p for p in sorted(ENVS_DIR.iterdir()) if p.is_dir() and list(p.glob("*.tf"))] if ENVS_DIR.exists() else []
    return roots


def cmd_setup(_args: argparse.Namespace) -> int:
    chain = toolchain.ensure()
    source = f"mirror {chain.mirror}" if chain.mirror else "registry.terraform.io"
    print(
        f"terraform {chain.version_text} ({chain.binary}); hashicorp/aws from {source}; CLI config {chain.cli_config}"
    )
    return 0


def cmd_emulator(args: argparse.Namespace) -> int:
    from harness.emulator import Emulator

    toolchain.ensure()
    with Emulator.start(port=args.port) as emulator:
        print(f"emulator up in {emulator.started_in:.1f}s at {emulator.endpoint} (log: {emulator.log_path})")
        print("use it from a shell with:")
        for name, value in emulator.env({}).items():
            print(f"  export {name}={value}")
        print("Terraform roots: python -m harness.emulator_override <root> writes the provider override.")
        print("Ctrl-C stops it (all state is in memory and goes with it).")
        stop = []
        signal.signal(signal.SIGTERM, lambda *_: stop.append(True))
        try:
            while not stop and emulator.process.poll() is None:
                time.sleep(0.5)
        except KeyboardInterrupt:
            pass
    return 0


_CONFIGURATION_ALIASES = re.compile(r"configuration_aliases\s*=\s*\[([^\]]*)\]")


def _declare_configuration_aliases(module: Path) -> None:
    """A module that expects aliased providers (modules/edge: aws.us_east_1) cannot be validated as a root
    until something declares them: the copy gets an empty provider block per alias, as a caller would pass."""
    aliases = sorted(
        {
            alias.strip().split(".", 1)[1]
            for path in module.glob("*.tf")
            for group in _CONFIGURATION_ALIASES.findall(path.read_text())
            for alias in group.split(",")
            if "." in alias
        }
    )
    if aliases:
        blocks = [f'provider "aws" {{\n  alias = "{alias}"\n}}\n' for alias in aliases]
        (module / "validate_providers.tf").write_text("\n".join(blocks))


def _validate_one(chain: toolchain.Toolchain, root: Path) -> tuple[Path, bool, str]:
    with tempfile.TemporaryDirectory(prefix="validate-") as scratch:
        # Validate a copy so no .terraform folder or lock file lands in the source tree.
        copy = Path(scratch) / root.relative_to(REPO_ROOT)
        shutil.copytree(MODULES_DIR, Path(scratch) / "modules")
        if root.parent != MODULES_DIR:
            shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".terraform", "*.tfstate*", "*_override.tf"))
        _declare_configuration_aliases(copy)
        env = chain.env()
        with chain.init_lock():
            init = subprocess.run(
                [chain.binary, "init", "-backend=false", "-input=false", "-no-color"],
                cwd=copy,
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
        if init.returncode != 0:
            return root, False, init.stderr or init.stdout
        result = subprocess.run(
            [chain.binary, "validate", "-no-color"],
            cwd=copy,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        return root, result.returncode == 0, (result.stderr or result.stdout).strip()


def run_checkov(target: str) -> subprocess.CompletedProcess:
    """One checkov run on one folder (given several -d, checkov 3.3.30 reports the first folder again for
    each), writing reports/checkov-<target>.junit.xml and .sarif."""
    checkov = Path(sys.executable).with_name("checkov")
    REPORTS_DIR.mkdir(exist_ok=True)
    stem = f"checkov-{target.replace('/', '-')}"
    command = [
        str(checkov),
        "-d",
        target,
        "--external-checks-dir",
        "policies",
        "--skip-download",
        "--framework",
        "terraform",
        "--compact",
        "--quiet",
        "-o",
        "cli",
        "-o",
        "junitxml",
        "-o",
        "sarif",
        "--output-file-path",
        f"console,{REPORTS_DIR}/{stem}.junit.xml,{REPORTS_DIR}/{stem}.sarif",
    ]
    return subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, check=False)


def cmd_check(_args: argparse.Namespace) -> int:
    steps = Steps("static checks")
    chain = toolchain.ensure()
    roots = terraform_roots()
    with steps.step("terraform fmt -check -recursive") as result:
        # Policy fixtures are left out on purpose: they keep legacy syntax ("${var.x}") that fmt rewrites.
        fmt_paths = [p for p in FMT_PATHS if (REPO_ROOT / p).exists()]
        fmt = subprocess.run(
            [chain.binary, "fmt", "-check", "-recursive", "-diff", *fmt_paths],
            cwd=REPO_ROOT,
            env=chain.env(),
            capture_output=True,
            text=True,
            check=False,
        )
        if fmt.returncode != 0:
            steps.say(fmt.stdout + fmt.stderr)
            raise SystemExit(1)
        result.note = ", ".join(fmt_paths)
    with steps.step(f"terraform validate ({len(roots)} roots)") as result:
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            outcomes = list(pool.map(lambda root: _validate_one(chain, root), roots))
        failed = [(root, text) for root, ok, text in outcomes if not ok]
        for root, text in failed:
            steps.say(f"  {root.relative_to(REPO_ROOT)}:\n{text}")
        if failed:
            raise SystemExit(1)
        result.note = ", ".join(str(root.relative_to(REPO_ROOT)) for root, _, _ in outcomes)
    with steps.step("module READMEs in sync (harness.tfdocs --check)") as result:
        from harness import tfdocs

        modules = [str(root) for root in roots if root.parent == MODULES_DIR]
        if tfdocs.main(["--check", *modules]) != 0:
            raise SystemExit(1)
        result.note = f"{len(modules)} modules"
    with steps.step("checkov scan: modules + envs, built-in and project policies") as result:
        # One run per root: given the whole envs/ folder, checkov evaluates a module file once for all the
        # roots that call it, with one root's values, and misses what the others pass.
        env_roots = sorted(str(p.relative_to(REPO_ROOT)) for p in (REPO_ROOT / "envs").iterdir() if p.is_dir())
        targets = ["modules", *env_roots]
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            scans = dict(zip(targets, pool.map(run_checkov, targets), strict=True))
        notes, failed = [], False
        for target, scan in scans.items():
            summary = next((line.strip() for line in scan.stdout.splitlines() if "Passed checks" in line), None)
            if scan.returncode != 0 or summary is None:
                failed = True
                steps.say(f"{target}:\n" + "\n".join(scan.stdout.splitlines()[-40:]) + scan.stderr[-2000:])
            notes.append(f"{target}: {summary}")
        result.note = "; ".join(notes) + f"; SARIF and JUnit per root in {REPORTS_DIR.name}/"
        if failed:
            raise SystemExit(1)
    return 0 if steps.summary() else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m harness", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("setup", help="toolchain and CLI config").set_defaults(func=cmd_setup)
    emulator = sub.add_parser("emulator", help="run the embedded AWS in the foreground")
    emulator.add_argument("--port", type=int, default=None)
    emulator.set_defaults(func=cmd_emulator)
    demo = sub.add_parser("demo", help="the main job on the embedded AWS")
    demo.add_argument("--keep", action="store_true", help="keep the environment and the emulator up until Ctrl-C")
    demo.add_argument("--port", type=int, default=None)
    demo.add_argument("--name-prefix", default=os.environ.get("DEMO_NAME_PREFIX", "demo-local"))
    demo.set_defaults(func=lambda args: __import__("harness.demo", fromlist=["run"]).run(args))
    sub.add_parser("check", help="fmt, validate, README tables, checkov").set_defaults(func=cmd_check)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except toolchain.ToolchainError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
