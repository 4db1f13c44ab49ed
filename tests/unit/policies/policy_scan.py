"""Runs checkov once per framework over the whole policy fixture tree and keeps every result."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from unittest import mock

REPO_ROOT = Path(__file__).resolve().parents[3]
POLICIES_DIR = REPO_ROOT / "policies"
FIXTURES_DIR = Path(__file__).resolve().parent / "fixtures"
CHECK_ID_PATTERN = "CKV_C04_*"
TIERS = {"hcl": "terraform", "plan": "terraform_plan"}


@dataclass(frozen=True)
class Finding:
    check_id: str
    result: str  # PASSED | FAILED | SKIPPED | UNKNOWN
    resource: str
    file_abs_path: Path


@dataclass
class FixtureScan:
    findings: dict[str, list[Finding]] = field(default_factory=dict)  # by tier
    check_errors: list[str] = field(default_factory=list)  # "Failed to run check" log lines

    def addresses(self, tier: str, check_id: str, result: str) -> list[str]:
        """Sorted addresses (duplicates kept) that check_id reported with result in its own tier folder."""
        folder = FIXTURES_DIR / check_id / tier
        return sorted(
            f.resource
            for f in self.findings[tier]
            if f.check_id == check_id and f.result == result and f.file_abs_path.is_relative_to(folder)
        )


class _CheckErrorCollector(logging.Handler):
    def __init__(self, sink: list[str]) -> None:
        super().__init__(level=logging.WARNING)
        self.sink = sink

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message.startswith("Failed to run check"):
            self.sink.append(message)


@contextmanager
def _recording_unknown_results(sink: list) -> Iterator[None]:
    """checkov's Report drops UNKNOWN records; keep them so a crash or an undecided input stays visible."""
    from checkov.common.models.enums import CheckResult
    from checkov.common.output.report import Report

    original_add_record = Report.add_record

    def add_record(report: Report, record) -> None:
        if record.check_result["result"] == CheckResult.UNKNOWN:
            sink.append(record)
        original_add_record(report, record)

    with mock.patch.object(Report, "add_record", add_record):
        yield


def _findings(reports, unknown_records) -> list[Finding]:
    reports = reports if isinstance(reports, list) else [reports]
    records = [r for report in reports for r in report.get_all_records()] + list(unknown_records)
    return [
        Finding(
            check_id=r.check_id,
            result=r.check_result["result"].name,
            resource=r.resource,
            file_abs_path=Path(r.file_abs_path).resolve(),
        )
        for r in records
    ]


def scan_fixtures() -> FixtureScan:
    """Runs checkov in-process (one import, two runners) over every fixture folder."""
    from checkov.runner_filter import RunnerFilter
    from checkov.terraform.plan_runner import Runner as PlanRunner
    from checkov.terraform.runner import Runner as TerraformRunner

    scan = FixtureScan()
    handler = _CheckErrorCollector(scan.check_errors)
    logging.getLogger().addHandler(handler)
    try:
        plan_files = sorted(str(p) for p in FIXTURES_DIR.glob("*/plan/*.json"))
        runs = {
            "hcl": lambda: TerraformRunner().run(
                root_folder=str(FIXTURES_DIR),
                external_checks_dir=[str(POLICIES_DIR)],
                runner_filter=RunnerFilter(framework=[TIERS["hcl"]], checks=[CHECK_ID_PATTERN]),
            ),
            "plan": lambda: PlanRunner().run(
                root_folder=None,
                files=plan_files,
                external_checks_dir=[str(POLICIES_DIR)],
                runner_filter=RunnerFilter(framework=[TIERS["plan"]], checks=[CHECK_ID_PATTERN]),
            ),
        }
        for tier, run in runs.items():
            unknown_records: list = []
            with _recording_unknown_results(unknown_records):
                reports = run() if tier == "hcl" or plan_files else []
            scan.findings[tier] = _findings(reports, unknown_records)
    finally:
        logging.getLogger().removeHandler(handler)
    return scan
