"""A thin runner for one Terraform root: init/plan/apply/destroy with the project's toolchain."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from harness.toolchain import Toolchain


class TerraformError(RuntimeError):
    pass


class TerraformRoot:
    def __init__(self, path: Path, toolchain: Toolchain, env: dict[str, str], log: Path | None = None):
        self.path = Path(path)
        self.toolchain = toolchain
        self.env = env
        self.log = log

    def run(self, *args: str, check: bool = True, ok_codes: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess:
        command = [self.toolchain.binary, *args]
        result = subprocess.run(command, cwd=self.path, env=self.env, capture_output=True, text=True, check=False)
        if self.log is not None:
            with open(self.log, "a") as log:
                log.write(f"$ {' '.join(command)}  (in {self.path})\n{result.stdout}{result.stderr}\n")
        if check and result.returncode not in ok_codes:
            raise TerraformError(
                f"terraform {args[0]} failed in {self.path} (exit {result.returncode}):\n"
                f"{_tail(result.stderr or result.stdout)}"
            )
        return result

    def init(self, *extra: str) -> None:
        with self.toolchain.init_lock():
            self.run("init", "-input=false", "-no-color", *extra)

    def plan(self, out: str = "tfplan", *extra: str) -> int:
        """Plan to a file; returns the -detailed-exitcode (0 no changes, 2 changes)."""
        result = self.run(
            "plan", "-input=false", "-no-color", "-detailed-exitcode", f"-out={out}", *extra, ok_codes=(0, 2)
        )
        return result.returncode

    def show_json(self, plan_file: str = "tfplan") -> dict:
        return json.loads(self.run("show", "-json", plan_file).stdout)

    def apply(self, plan_file: str = "tfplan") -> None:
        self.run("apply", "-input=false", "-no-color", "-auto-approve", plan_file)

    def destroy(self, *extra: str) -> None:
        self.run("destroy", "-input=false", "-no-color", "-auto-approve", *extra)

    def outputs(self) -> dict:
        raw = json.loads(self.run("output", "-json").stdout or "{}")
        return {name: item.get("value") for name, item in raw.items()}


def _tail(text: str, lines: int = 40) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])
