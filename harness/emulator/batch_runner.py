"""Local execution of AWS Batch jobs inside the emulator (replaces moto's Docker-based ``Job.run``).

A submitted job runs the job definition's command (with the submit-time container overrides and the
merged environment) as a subprocess of the emulator, in a fresh temporary working directory, with:

* ``AWS_ENDPOINT_URL`` and test credentials so the job's own AWS calls reach the emulator, never AWS;
* ``PATH`` led by the emulator's Python, so ``python -m <package>`` finds the project's venv;
* the attempt timeout (submit-time ``timeout`` or the job definition's): the process group is killed and
  the attempt fails with ``Job attempt duration exceeded timeout`` (not retried, as on AWS);
* the retry strategy: up to ``attempts`` tries, ``evaluateOnExit`` rules matched in order on exit code,
  reason and status reason (first match wins; no match means retry while attempts remain);
* output (stdout and stderr) written to CloudWatch Logs, in the log group of the job definition's
  ``awslogs`` log configuration (``/aws/batch/job`` otherwise), stream ``<prefix>/default/<job id>``.

The job ends SUCCEEDED, or FAILED with ``statusReason`` and the last attempt's ``container.exitCode``.
"""

from __future__ import annotations

import contextlib
import ctypes
import fnmatch
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime
from typing import Any

from moto.batch.utils import JobStatus
from moto.core.utils import unix_time_millis

TIMEOUT_REASON = "Job attempt duration exceeded timeout"
EXIT_REASON = "Essential container in task exited"
POLL_SECONDS = 0.2
_PR_SET_PDEATHSIG = 1

_running: dict[str, subprocess.Popen] = {}
_running_lock = threading.Lock()


def kill_all() -> None:
    """Kill every job process group still running (the emulator is stopping)."""
    with _running_lock:
        processes = list(_running.values())
    for process in processes:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)


def _die_with_parent() -> None:
    os.setsid()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def _millis(moment: datetime) -> int:
    return int(unix_time_millis(moment))


def _container_property(job: Any, name: str, default: Any) -> Any:
    overrides = job.container_overrides or {}
    if name in overrides:
        return copy_value(overrides[name])
    return copy_value((job.job_definition.container_properties or {}).get(name, default))


def copy_value(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: copy_value(item) for key, item in value.items()}
    if isinstance(value, list):
        return [copy_value(item) for item in value]
    return value


def job_environment(job: Any, attempt: int, workdir: str) -> dict[str, str]:
    definition_env = (job.job_definition.container_properties or {}).get("environment", [])
    override_env = (job.container_overrides or {}).get("environment", [])
    merged = {item["name"]: item.get("value", "") for item in definition_env}
    merged.update({item["name"]: item.get("value", "") for item in override_env})
    region = job.job_definition._region
    port = os.environ.get("MOTO_PORT", "5000")
    env = {
        "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": workdir,
        "TMPDIR": workdir,
        "LANG": os.environ.get("LANG", "C.UTF-8"),
        "PYTHONUNBUFFERED": "1",
        "AWS_ENDPOINT_URL": f"http://127.0.0.1:{port}",
        "AWS_ACCESS_KEY_ID": "test",
        "AWS_SECRET_ACCESS_KEY": "test",
        "AWS_DEFAULT_REGION": region,
        "AWS_REGION": region,
        "AWS_EC2_METADATA_DISABLED": "true",
    }
    env.update(merged)
    env.update(
        {
            "AWS_BATCH_JOB_ID": job.job_id,
            "AWS_BATCH_JOB_ATTEMPT": str(attempt),
            "AWS_BATCH_JQ_NAME": job.job_queue.name,
        }
    )
    return env


def _log_target(job: Any) -> tuple[str, str]:
    log_configuration = (job.job_definition.container_properties or {}).get("logConfiguration") or {}
    options = log_configuration.get("options") or {}
    if log_configuration.get("logDriver") == "awslogs" and options.get("awslogs-group"):
        prefix = options.get("awslogs-stream-prefix", job.job_definition.name)
        return options["awslogs-group"], f"{prefix}/default/{job.job_id}"
    return "/aws/batch/job", f"{job.job_definition.name}/default/{job.job_id}"


def _attempt_timeout(job: Any) -> int | None:
    timeout = job.timeout or job.job_definition.timeout or {}
    seconds = timeout.get("attemptDurationSeconds")
    return int(seconds) if seconds else None


def _retry_rules(job: Any) -> tuple[int, list[dict[str, str]]]:
    strategy = job.job_definition.retry_strategy or {}
    attempts = int(strategy.get("attempts") or 1)
    return max(1, min(attempts, 10)), list(strategy.get("evaluateOnExit") or [])


def _should_retry(rules: list[dict[str, str]], exit_code: int | None, reason: str, status_reason: str) -> bool:
    for rule in rules:
        checks = []
        if "onExitCode" in rule:
            checks.append(exit_code is not None and fnmatch.fnmatchcase(str(exit_code), rule["onExitCode"]))
        if "onReason" in rule:
            checks.append(fnmatch.fnmatchcase(reason or "", rule["onReason"]))
        if "onStatusReason" in rule:
            checks.append(fnmatch.fnmatchcase(status_reason or "", rule["onStatusReason"]))
        if checks and all(checks):
            return rule.get("action", "").upper() == "RETRY"
    return True


def _collect_output(stream: Any, sink: list[dict[str, Any]]) -> None:
    for raw in iter(stream.readline, b""):
        message = raw.decode("utf-8", errors="replace").rstrip("\n")
        sink.append({"timestamp": _millis(datetime.now()), "message": message})
    stream.close()


def _write_logs(job: Any, events: list[dict[str, Any]]) -> str:
    group, stream = _log_target(job)
    backend = job._log_backend
    backend.ensure_log_group(group)
    backend.ensure_log_stream(group, stream)
    if events:
        backend.put_log_events(group, stream, events)
    return stream


def _run_attempt(job: Any, attempt: int, command: list[str]) -> tuple[int | None, str, list[dict]]:
    """Run one attempt; returns (exit code or None, status reason, log events)."""
    events: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix=f"batch-{job.job_id[:8]}-") as workdir:
        try:
            process = subprocess.Popen(
                command,
                cwd=workdir,
                env=job_environment(job, attempt, workdir),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                preexec_fn=_die_with_parent,
            )
        except OSError as error:
            return None, f"CannotStartContainerError: {error}", events
        with _running_lock:
            _running[job.job_id] = process
        reader = threading.Thread(target=_collect_output, args=(process.stdout, events), daemon=True)
        reader.start()
        deadline = None
        timeout = _attempt_timeout(job)
        if timeout:
            deadline = time.monotonic() + timeout
        reason = EXIT_REASON
        try:
            while process.poll() is None:
                if job.stop:
                    reason = job.job_stopped_reason or "Terminated"
                    os.killpg(process.pid, signal.SIGKILL)
                elif deadline is not None and time.monotonic() > deadline:
                    reason = TIMEOUT_REASON
                    os.killpg(process.pid, signal.SIGKILL)
                time.sleep(POLL_SECONDS)
        finally:
            with _running_lock:
                _running.pop(job.job_id, None)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            reader.join(timeout=5)
        exit_code = process.returncode
        if reason != EXIT_REASON:
            exit_code = None
        return exit_code, reason, events


def run_job(job: Any) -> None:
    """Replacement for moto.batch.models.Job.run (a thread body)."""
    try:
        for status in (JobStatus.PENDING, JobStatus.RUNNABLE):
            job.status = status.value if hasattr(status, "value") else status
        if job.depends_on and not job._wait_for_dependencies():
            return
        if not job.job_definition.container_properties:
            job.job_stopped_reason = "Only container job definitions run in the emulator"
            job._mark_stopped(success=False)
            return
        command = job._add_parameters_to_command(_container_property(job, "command", []))
        if not command:
            job.job_stopped_reason = "The job definition has no command to run"
            job._mark_stopped(success=False)
            return
        max_attempts, rules = _retry_rules(job)
        job.status = JobStatus.STARTING.value
        for attempt in range(1, max_attempts + 1):
            job.status = JobStatus.RUNNING.value
            job.job_started_at = datetime.now()
            job.latest_attempt = {"container": {}, "startedAt": _millis(job.job_started_at)}
            job.attempts.append(job.latest_attempt)
            exit_code, reason, events = _run_attempt(job, attempt, command)
            stream = _write_logs(job, events)
            job.log_stream_name = stream
            stopped_at = datetime.now()
            container = job.latest_attempt["container"]
            container["logStreamName"] = stream
            if exit_code is not None:
                container["exitCode"] = exit_code
            status_reason = reason
            if exit_code not in (0, None):
                container["reason"] = f"exit code {exit_code}"
            job.latest_attempt["stoppedAt"] = _millis(stopped_at)
            job.latest_attempt["statusReason"] = status_reason
            if exit_code == 0:
                job.exit_code = 0
                job._mark_stopped(success=True)
                return
            job.exit_code = exit_code
            final = (
                job.stop
                or reason == TIMEOUT_REASON
                or attempt == max_attempts
                or not _should_retry(rules, exit_code, container.get("reason", ""), status_reason)
            )
            if final:
                job.job_stopped_reason = status_reason
                job._mark_stopped(success=False)
                return
            job.status = JobStatus.RUNNABLE.value
    except Exception as error:  # a thread must never die silently: the job carries the reason
        job.job_stopped_reason = f"Emulator failed to run the job: {error.__class__.__name__}: {error}"
        job._mark_stopped(success=False)
