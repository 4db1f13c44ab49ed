"""Benchmark of the unit tier: `pytest -m unit` wall time, CPU and peak memory, and the cost of each
Terraform root planned inside the suite against a bare `terraform init && terraform plan` of that root.

    .venv/bin/python scripts/bench_unit.py              # 1 warm-up + 3 measured runs, then the bare plans
    .venv/bin/python scripts/bench_unit.py --runs 5 --json reports/bench_unit.json

Wall time is the median of the measured runs (the warm-up fills the plugin cache, .pyc files and the
page cache). Peak memory is sampled every 0.2 s as the sum of the resident sets of the whole process
tree (pytest, the emulator, terraform and provider processes); the largest single process is reported
too. Each run also reports the CPU the rest of the machine used meanwhile: on a shared host the wall time
only means something next to it.

Per root, three views: inside the suite (plans run two at a time next to the other tests), the
harness alone (the suite's own code, tftest and one shared provider, one root at a time), and bare
Terraform alone (init, plan -out, show -json, the provider started by Terraform for every command).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from harness import toolchain  # noqa: E402
from harness.emulator import Emulator  # noqa: E402
from harness.testing import BACKEND_OVERRIDE, PlanCache, copy_root  # noqa: E402

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        tree.setdefault(parent, []).append(int(entry.name))
    return tree


def _tree_rss(root: int) -> int:
    tree, total, stack = _children(), 0, [root]
    while stack:
        pid = stack.pop()
        stack += tree.get(pid, [])
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_SIZE
        except (OSError, IndexError, ValueError):
            continue
    return total


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _process_cpu(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _machine_busy() -> float:
    """CPU seconds every process of the machine has used since boot (user, nice, system, irq, softirq)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:8]]
    return (sum(fields) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


def run_suite(timings: Path, extra: list[str]) -> dict:
    """One `pytest -m unit` run: wall, CPU of the process tree, peak tree RSS, outcome line."""
    env = dict(os.environ, UNIT_PLAN_TIMINGS=str(timings))
    command = [str(REPO_ROOT / ".venv" / "bin" / "pytest"), "-m", "unit", "-q", "-p", "no:cacheprovider", *extra]
    cpu, busy, began = _cpu(), _machine_busy(), time.monotonic()
    process = subprocess.Popen(
        command, cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    peak, done = [0], threading.Event()

    def sample() -> None:
        while not done.wait(0.2):
            peak[0] = max(peak[0], _tree_rss(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output = process.communicate()[0]
    done.set()
    sampler.join()
    wall = time.monotonic() - began
    used = _cpu() - cpu
    summary = [line for line in output.splitlines() if " in " in line and ("passed" in line or "failed" in line)]
    return {
        "wall_seconds": round(wall, 1),
        "cpu_seconds": round(used, 1),
        "other_processes_cpu_seconds": round(max(0.0, _machine_busy() - busy - used), 1),
        "peak_tree_rss_mb": round(peak[0] / 2**20),
        "max_process_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
        "exit_code": process.returncode,
        "summary": summary[-1] if summary else output.strip().splitlines()[-1:],
    }


def suite_plan_timings(folder: Path) -> list[dict]:
    return [entry for path in sorted(folder.glob("timings-*.json")) for entry in json.loads(path.read_text())]


class _Folders:
    """The one method of pytest's tmp_path_factory that PlanCache uses."""

    def __init__(self, root: Path):
        self.root, self.count = root, 0

    def mktemp(self, name: str) -> Path:
        self.count += 1
        path = self.root / f"{name}-{self.count}"
        path.mkdir(parents=True)
        return path


def harness_plans(requests: list[dict]) -> list[dict]:
    """Each root through the suite's own PlanCache (tftest, shared provider), one at a time."""
    logging.getLogger("tftest").setLevel(logging.CRITICAL + 1)  # failing roots fail on purpose
    chain = toolchain.ensure()
    results = []
    with Emulator.start() as emulator, tempfile.TemporaryDirectory(prefix="bench-harness-") as scratch:
        cache = PlanCache(_Folders(Path(scratch)), chain, emulator, concurrency=1, share_provider=True)
        try:
            for request in requests:
                plan = cache.diagnostics if request["failing"] else cache.summary
                tf_vars = {name: json.loads(value) for name, value in request["tf_vars"].items()}
                cpu, provider_cpu, began = _cpu(), _process_cpu(cache.provider_pids()), time.monotonic()
                plan(request["root"], tuple(request["var_files"]), **tf_vars)
                results.append(
                    {
                        "root": request["root"],
                        "seconds": round(time.monotonic() - began, 2),
                        "cpu_seconds": round(_cpu() - cpu + _process_cpu(cache.provider_pids()) - provider_cpu, 2),
                    }
                )
        finally:
            cache.close()
    return results


def bare_plans(requests: list[dict]) -> list[dict]:
    """Each root as a person would plan it: copy, overrides, `terraform init`, `terraform plan -out`,
    `terraform show -json`, one at a time against one emulator."""
    chain = toolchain.ensure()
    results = []
    with Emulator.start() as emulator, tempfile.TemporaryDirectory(prefix="bench-bare-") as scratch:
        env = emulator.env(chain.env())
        for index, request in enumerate(requests):
            copy = copy_root(request["root"], Path(scratch) / str(index))
            emulator.write_provider_override(copy)
            (copy / "backend_override.tf").write_text(BACKEND_OVERRIDE)
            arguments = [f"-var-file={name}" for name in request["var_files"]]
            for name, value in request["tf_vars"].items():
                decoded = json.loads(value)
                arguments.append(f"-var={name}={decoded if isinstance(decoded, str) else value}")
            steps = {
                "init": ["init", "-input=false", "-no-color"],
                "plan": ["plan", "-input=false", "-no-color", "-out=tfplan", *arguments],
                "show": ["show", "-json", "tfplan"],
            }
            if request["failing"]:
                steps["plan"] = ["plan", "-input=false", "-no-color", "-json", *arguments]
                del steps["show"]
            measured = {"root": request["root"], "failing": request["failing"]}
            for step, command in steps.items():
                cpu, began = _cpu(), time.monotonic()
                subprocess.run([chain.binary, *command], cwd=copy, env=env, capture_output=True, check=False)
                measured[f"{step}_seconds"] = round(time.monotonic() - began, 2)
                measured[f"{step}_cpu_seconds"] = round(_cpu() - cpu, 2)
            results.append(measured)
            shutil.rmtree(copy / ".terraform", ignore_errors=True)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="measured runs after the warm-up (default 3)")
    parser.add_argument("--no-bare", action="store_true", help="skip the bare terraform plans")
    parser.add_argument("--json", type=Path, help="write every number to this file")
    parser.add_argument("pytest_args", nargs="*", help="extra pytest arguments (after --)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    report: dict = {"load_average_before": os.getloadavg(), "cpus": os.cpu_count(), "runs": []}
    print(f"{os.cpu_count()} CPUs, load average {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory(prefix="bench-unit-") as scratch:
        for index in range(args.runs + 1):
            label = "warm-up" if index == 0 else f"run {index}"
            result = run_suite(Path(scratch) / f"run-{index}", args.pytest_args)
            result["label"] = label
            report["runs"].append(result)
            print(
                f"{label:>8}: {result['wall_seconds']:6.1f} s wall, {result['cpu_seconds']:6.1f} s CPU "
                f"(other processes: {result['other_processes_cpu_seconds']:.1f} s CPU), "
                f"peak {result['peak_tree_rss_mb']} MB (tree), exit {result['exit_code']}: {result['summary']}"
            )
        measured = report["runs"][1:]
        report["median_wall_seconds"] = statistics.median(r["wall_seconds"] for r in measured)
        report["peak_tree_rss_mb"] = max(r["peak_tree_rss_mb"] for r in measured)
        report["max_process_rss_mb"] = max(r["max_process_rss_mb"] for r in measured)
        print(
            f"median wall of {len(measured)} runs: {report['median_wall_seconds']} s (goal <= 60 s); "
            f"peak memory {report['peak_tree_rss_mb']} MB for the process tree, "
            f"{report['max_process_rss_mb']} MB for the largest process"
        )
        per_root: dict[str, list[dict]] = {}
        for index in range(1, args.runs + 1):
            for entry in suite_plan_timings(Path(scratch) / f"run-{index}"):
                per_root.setdefault(entry["root"], []).append(entry)
    requests = [entries[0] for entries in per_root.values()]
    report["suite_roots"] = {
        root: {
            "init_seconds": statistics.median(e["init_seconds"] for e in entries),
            "plan_seconds": statistics.median(e["plan_seconds"] for e in entries),
        }
        for root, entries in per_root.items()
    }
    if not args.no_bare:
        report["harness_roots"] = {entry["root"]: entry for entry in harness_plans(requests)}
        report["bare_roots"] = {entry["root"]: entry for entry in bare_plans(requests)}
    print("\nper root, seconds (failing roots: plan -json, no show)")
    print(f"{'':36} {'in the suite':>17} | {'harness alone':>13} | {'bare terraform alone':>34}")
    print(
        f"{'root':36} {'init':>6} {'plan+show':>10} | {'wall':>6} {'CPU':>6} | "
        f"{'init':>6} {'plan':>6} {'show':>6} {'wall':>6} {'CPU':>6}"
    )
    for root, suite in sorted(report["suite_roots"].items()):
        harness = report.get("harness_roots", {}).get(root, {})
        bare = report.get("bare_roots", {}).get(root, {})
        bare_wall = sum(bare.get(f"{step}_seconds", 0) for step in ("init", "plan", "show"))
        bare_cpu = sum(bare.get(f"{step}_cpu_seconds", 0) for step in ("init", "plan", "show"))
        print(
            f"{root:36} {suite['init_seconds']:6.1f} {suite['plan_seconds']:10.1f} | "
            f"{harness.get('seconds', 0):6.1f} {harness.get('cpu_seconds', 0):6.1f} | "
            f"{bare.get('init_seconds', 0):6.1f} {bare.get('plan_seconds', 0):6.1f} {bare.get('show_seconds', 0):6.1f} "
            f"{bare_wall:6.1f} {bare_cpu:6.1f}"
        )
    report["load_average_after"] = os.getloadavg()
    print(f"load average after: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=1))
    return 0 if all(r["exit_code"] == 0 for r in report["runs"]) else 1


if __name__ == "__main__":
    sys.exit(main())
