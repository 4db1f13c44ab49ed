"""The main job on the embedded default: no AWS account, no internet.

emulator up -> init/apply envs/local -> re-plan (must show no changes) -> policy scan of the applied
plan -> outputs -> one run of the upload -> result pipeline -> destroy (unless --keep).
"""

from __future__ import annotations

import argparse
import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from harness import REPO_ROOT, toolchain
from harness.emulator import Emulator
from harness.steps import Steps
from harness.tfroot import TerraformRoot

LOCAL_ENV = REPO_ROOT / "envs" / "local"
RUN_DIR = REPO_ROOT / ".run" / "demo"


def load_accepted_deviations(root: Path) -> dict[tuple[str, str], str]:
    """(check ID, address) -> reason, from the root's accepted-deviations.yaml (absent: none)."""
    import yaml

    path = root / "accepted-deviations.yaml"
    if not path.exists():
        return {}
    entries = yaml.safe_load(path.read_text()) or []
    return {(entry["check"], entry["address"]): entry["reason"] for entry in entries}


def _checkov_json(arguments: list[str]) -> dict:
    checkov = Path(sys.executable).with_name("checkov")
    scan = subprocess.run(
        [
            str(checkov),
            *arguments,
            "--external-checks-dir",
            str(REPO_ROOT / "policies"),
            "--skip-download",
            "--quiet",
            "-o",
            "json",
        ],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        report = json.loads(scan.stdout)
    except json.JSONDecodeError as error:
        raise RuntimeError(f"checkov did not report: {scan.stderr.strip()[-300:]}") from error
    reports = report if isinstance(report, list) else [report]
    merged = {"passed": 0, "failed": 0, "skipped": 0, "failures": []}
    for item in reports:
        summary = item.get("summary", {})
        for key in ("passed", "failed", "skipped"):
            merged[key] += summary.get(key, 0)
        merged["failures"] += item.get("results", {}).get("failed_checks", [])
    return merged


def _compliance(plan_file: Path) -> tuple[list[str], bool]:
    """Three views of the applied environment, in the order a reviewer trusts them:

    the code (checkov, built-in and project checks, inline skips honoured), the applied plan (project
    checks; inline skips do not reach plan scans, which is why built-in checks run on the code), and the
    plan-JSON tier (whole-plan invariants: instance counts, bucket pairings, values known only in plans).
    """
    lines: list[str] = []
    failures: list[str] = []
    accepted = load_accepted_deviations(LOCAL_ENV)
    code = _checkov_json(["-d", str(LOCAL_ENV), "--framework", "terraform"])
    lines.append(
        f"checkov on envs/local code: {code['passed']} passed, {code['failed']} failed, "
        f"{code['skipped']} skipped with a reason"
    )
    plan = _checkov_json(["-f", str(plan_file), "--framework", "terraform_plan", "-c", "CKV_C04_*"])
    lines.append(f"project policies on the applied plan: {plan['passed']} passed, {plan['failed']} failed")
    from plancheck.rules import evaluate

    findings = evaluate(json.loads(plan_file.read_text()))
    bad = [finding for finding in findings if not finding.passed]
    lines.append(f"plan-JSON tier: {len(findings) - len(bad)} passed, {len(bad)} failed")
    found = [(c["check_id"], c["resource"], c["check_name"]) for c in code["failures"] + plan["failures"]]
    found += [(f.check_id, f.address, f.reason) for f in bad]
    notes = []
    for check_id, address, text in found:
        reason = accepted.get((check_id, address))
        if reason:
            notes.append(f"  accepted {check_id} {address}: {reason}")
        else:
            failures.append(f"  FAILED {check_id} {address}: {text}")
    return lines + sorted(set(notes)) + failures[:15], not failures


def run(args: argparse.Namespace) -> int:
    steps = Steps("main job (envs/local on the embedded AWS)")
    extra: list[str] = []
    chain = toolchain.ensure()
    if RUN_DIR.exists():
        shutil.rmtree(RUN_DIR)
    RUN_DIR.mkdir(parents=True)
    log = RUN_DIR / "terraform.log"
    emulator: Emulator | None = None
    root: TerraformRoot | None = None
    applied = False
    try:
        with steps.step("emulator up") as result:
            emulator = Emulator.start(port=args.port, log_dir=RUN_DIR, announce=steps.say)
            result.note = f"{emulator.endpoint} in {emulator.started_in:.1f}s"
        emulator.write_provider_override(LOCAL_ENV)
        env = emulator.env(chain.env())
        env["TF_VAR_name_prefix"] = args.name_prefix
        root = TerraformRoot(LOCAL_ENV, chain, env, log=log)
        with steps.step("terraform init envs/local") as result:
            root.init(f"-backend-config=path={RUN_DIR / 'terraform.tfstate'}", "-reconfigure")
            result.note = f"log: {log.relative_to(REPO_ROOT)}"
        plan_file = RUN_DIR / "apply.tfplan"
        with steps.step("terraform plan + apply") as result:
            root.plan(str(plan_file))
            plan_json = root.show_json(str(plan_file))
            (RUN_DIR / "plan.json").write_text(json.dumps(plan_json))
            applied = True
            root.apply(str(plan_file))
            creates = sum(1 for c in plan_json.get("resource_changes", []) if "create" in c["change"]["actions"])
            result.note = f"{creates} resources created"
        with steps.step("re-plan shows no changes") as result:
            code = root.plan(str(RUN_DIR / "replan.tfplan"))
            replan = root.show_json(str(RUN_DIR / "replan.tfplan"))
            (RUN_DIR / "applied-plan.json").write_text(json.dumps(replan))
            if code != 0:
                changed = replan.get("resource_changes", [])
                drift = [c["address"] for c in changed if c["change"]["actions"] != ["no-op"]]
                steps.say("  drift: " + ", ".join(drift))
                raise RuntimeError(f"{len(drift)} resources would change after apply")
            result.note = "plan -detailed-exitcode = 0"
        with steps.step("policy scan of the applied plan") as result:
            lines, ok = _compliance(RUN_DIR / "applied-plan.json")
            for line in lines:
                steps.say(f"  {line}")
            extra += lines
            result.note = "clean" if ok else "findings above"
            if not ok:
                raise RuntimeError("the applied plan has policy failures")
        with steps.step("outputs") as result:
            outputs = root.outputs()
            for name, value in sorted(outputs.items()):
                steps.say(f"  {name} = {json.dumps(value)}")
            result.note = f"{len(outputs)} outputs"
        pipeline = _pipeline_step()
        if pipeline is not None:
            with steps.step("pipeline: upload -> state machine -> batch job -> result") as result:
                result.note = pipeline(emulator, outputs, steps.say)
                extra.append(f"pipeline result: {result.note}")
        if args.keep:
            steps.summary(extra)
            steps.say(f"\nkept up: emulator {emulator.endpoint}; Ctrl-C destroys and stops it.")
            _wait_for_interrupt()
        with steps.step("terraform destroy") as result:
            # Without a refresh when the re-plan has just matched the state with the live resources (it
            # would read all of them again, ~15 s); after --keep the user may have changed things.
            root.destroy(*([] if args.keep else ["-refresh=false"]))
            applied = False
            left = _leftovers(emulator)
            result.note = "nothing left in the emulator" if not left else f"left behind: {left}"
            if left:
                raise RuntimeError(f"resources left after destroy: {left}")
    except Exception as error:  # every failure ends in the summary, with the log to read
        steps.say(f"\nerror: {error}")
        extra.append(f"error: {str(error).splitlines()[0]}")
        if applied and root is not None:
            try:
                with steps.step("terraform destroy (after the failure)"):
                    root.destroy()
            except Exception as destroy_error:
                steps.say(f"destroy after failure failed too: {destroy_error}")
    finally:
        if emulator is not None:
            emulator.stop()
            errors = emulator.server_errors()
            if errors:  # an SDK retry may have hidden them; each is an emulator defect
                extra.append(
                    f"emulator server errors ({len(errors)}, see {emulator.log_path}): " + "; ".join(errors[:5])
                )
        (LOCAL_ENV / "emulator_override.tf").unlink(missing_ok=True)
    ok = steps.summary(extra)
    return 0 if ok else 1


def _pipeline_step():
    try:
        from harness.pipeline import run_demo_pipeline
    except ImportError:
        return None
    return run_demo_pipeline


def _leftovers(emulator: Emulator) -> dict[str, int]:
    """Count what the destroy should have removed (resources the demo creates)."""
    left: dict[str, int] = {}
    s3 = emulator.client("s3")
    buckets = [b["Name"] for b in s3.list_buckets().get("Buckets", [])]
    if buckets:
        left["s3 buckets"] = len(buckets)
    ec2 = emulator.client("ec2")
    vpcs = [v for v in ec2.describe_vpcs()["Vpcs"] if not v.get("IsDefault")]
    if vpcs:
        left["vpcs"] = len(vpcs)
    kms = emulator.client("kms")
    live_keys = [
        k
        for k in kms.list_keys()["Keys"]
        if kms.describe_key(KeyId=k["KeyId"])["KeyMetadata"]["KeyState"] not in ("PendingDeletion",)
    ]
    if live_keys:
        left["kms keys"] = len(live_keys)
    return left


def _wait_for_interrupt() -> None:
    stop: list[bool] = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(True))
    try:
        while not stop:
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
