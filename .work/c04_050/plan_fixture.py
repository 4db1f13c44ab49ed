"""Plan a policy fixture root against the emulator and write `terraform show -json` into its plan folder.

usage: python .work/c04_050/plan_fixture.py CHECK_ID NAME [-var k=v ...]
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from harness.emulator import Emulator

REPO = Path("/work/main")
FIXTURES = REPO / "tests/unit/policies/fixtures"


def main() -> None:
    check_id, name, *extra = sys.argv[1:]
    source = FIXTURES / check_id / "hcl"
    with tempfile.TemporaryDirectory() as tmp, Emulator.start() as emulator:
        root = Path(tmp) / "root"
        shutil.copytree(source, root)
        if not any("provider \"aws\"" in p.read_text() for p in root.glob("*.tf")):
            (root / "providers.tf").write_text('provider "aws" {\n  region = "eu-west-1"\n}\n')
        emulator.write_provider_override(root)
        env = emulator.env(dict(os.environ, TF_CLI_CONFIG_FILE=str(REPO / ".tfcli/terraformrc")))

        def tf(*args: str, capture: bool = False) -> str:
            done = subprocess.run(["terraform", *args], cwd=root, env=env, capture_output=True, text=True)
            if done.returncode != 0:
                sys.exit(f"terraform {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
            return done.stdout

        tf("init", "-input=false", "-no-color")
        tf("plan", "-input=false", "-no-color", "-refresh=false", "-out", "p", *extra)
        document = json.loads(tf("show", "-json", "p"))
        keep = ("format_version", "terraform_version", "planned_values", "prior_state", "resource_changes", "configuration")
        document = {key: document[key] for key in keep if key in document}
        out = FIXTURES / check_id / "plan" / f"{name}.json"
        out.parent.mkdir(exist_ok=True)
        out.write_text(json.dumps(document, indent=1) + "\n")
        print(f"wrote {out.relative_to(REPO)} ({out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
