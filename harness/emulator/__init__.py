"""The embedded AWS: a patched moto server on a free loopback port, and the settings that point the real
hashicorp/aws provider (and boto3) at it.

    with Emulator.start() as emulator:
        emulator.write_provider_override(root_dir)   # endpoints, path-style S3, low retries
        subprocess.run([...terraform...], env=emulator.env(toolchain.env()))

The server runs as a child process (``harness.emulator.server``) in its own process group and dies with
its parent (PR_SET_PDEATHSIG), so neither a failing test nor an interrupted run leaves it behind.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from harness import REPO_ROOT

EMULATOR_ACCOUNT_ID = "123456789012"
OVERRIDE_FILE_NAME = "emulator_override.tf"
START_TIMEOUT_SECONDS = 60

# Provider `endpoints` keys for every service a module or env uses; anything left out would go to AWS.
PROVIDER_ENDPOINT_SERVICES = (
    "acm",
    "batch",
    "cloudfront",
    "cloudwatch",
    "ec2",
    "ecr",
    "eks",
    "elbv2",
    "events",
    "iam",
    "kms",
    "logs",
    "rds",
    "route53",
    "s3",
    "secretsmanager",
    "sfn",
    "sns",
    "sqs",
    "ssm",
    "sts",
    "wafv2",
)


class EmulatorError(RuntimeError):
    pass


def _port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def choose_port(requested: int | None, announce: Any = print) -> int:
    """The requested port if free; otherwise a free one, saying so in one line."""
    if requested is None:
        return _free_port()
    if _port_is_free(requested):
        return requested
    port = _free_port()
    announce(f"port {requested} is in use on 127.0.0.1; the emulator uses {port} instead")
    return port


def _die_with_parent() -> None:
    os.setsid()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)


# werkzeug's request log line, and the last line of a traceback it printed ("KeyError: 'Origins'").
_SERVER_ERROR_LINE = re.compile(r'"(?P<request>[A-Z]+ \S+) HTTP/[\d.]+" (?P<status>5\d\d) ')
_EXCEPTION_LINE = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt)\b.*$")


def server_errors(log_text: str) -> list[str]:
    """The requests an emulator log shows answered with 5xx, each with the exception printed after it."""
    errors: list[str] = []
    for line in log_text.splitlines():
        match = _SERVER_ERROR_LINE.search(line)
        if match:
            errors.append(f"{match['request']} -> {match['status']}")
        elif errors and " (" not in errors[-1] and _EXCEPTION_LINE.match(line):
            errors[-1] += f" ({line.strip()[:200]})"
    return errors


class Emulator:
    def __init__(self, process: subprocess.Popen, port: int, log_path: Path, started_in: float):
        self.process = process
        self.port = port
        self.log_path = log_path
        self.started_in = started_in

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @classmethod
    def start(cls, port: int | None = None, log_dir: Path | None = None, announce: Any = print) -> Emulator:
        if port is None and os.environ.get("EMULATOR_PORT"):
            port = int(os.environ["EMULATOR_PORT"])
        port = choose_port(port, announce)
        log_dir = log_dir or REPO_ROOT / ".run"
        log_dir.mkdir(parents=True, exist_ok=True)
        log_path = log_dir / f"emulator-{port}.log"
        env = dict(os.environ)
        env.update(
            {
                "MOTO_PORT": str(port),
                "MOTO_IAM_LOAD_MANAGED_POLICIES": "true",
                "MOTO_ACM_VALIDATION_WAIT": env.get("MOTO_ACM_VALIDATION_WAIT", "2"),
                "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")])),
            }
        )
        begin = time.monotonic()
        with open(log_path, "wb") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "harness.emulator.server", "--port", str(port)],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                cwd=REPO_ROOT,
                preexec_fn=_die_with_parent,
            )
        emulator = cls(process, port, log_path, 0.0)
        try:
            emulator._wait_ready(begin)
        except BaseException:
            emulator.stop()
            raise
        emulator.started_in = time.monotonic() - begin
        return emulator

    def _wait_ready(self, begin: float) -> None:
        while time.monotonic() - begin < START_TIMEOUT_SECONDS:
            if self.process.poll() is not None:
                tail = self.log_path.read_text(errors="replace")[-2000:]
                raise EmulatorError(f"the emulator exited with code {self.process.returncode}:\n{tail}")
            try:
                with urllib.request.urlopen(f"{self.endpoint}/moto-api/data.json", timeout=2):
                    return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        raise EmulatorError(f"the emulator did not answer within {START_TIMEOUT_SECONDS}s; see {self.log_path}")

    def stop(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)

    def server_errors(self) -> list[str]:
        """What this emulator answered with a server error so far (an SDK retry may have hidden it)."""
        if not self.log_path.exists():
            return []
        return server_errors(self.log_path.read_text(errors="replace"))

    def __enter__(self) -> Emulator:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def env(self, base: dict[str, str] | None = None, region: str = "eu-west-1") -> dict[str, str]:
        """Environment for Terraform and SDK processes that must talk to the emulator only."""
        env = dict(os.environ if base is None else base)
        for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_WEB_IDENTITY_TOKEN_FILE"):
            env.pop(name, None)
        env.update(
            {
                "AWS_ACCESS_KEY_ID": "test",
                "AWS_SECRET_ACCESS_KEY": "test",
                "AWS_DEFAULT_REGION": env.get("AWS_DEFAULT_REGION", region),
                "AWS_REGION": env.get("AWS_REGION", env.get("AWS_DEFAULT_REGION", region)),
                "AWS_ENDPOINT_URL": self.endpoint,
                "AWS_EC2_METADATA_DISABLED": "true",
            }
        )
        return env

    def provider_override(self, aliases: tuple[str, ...] = ()) -> str:
        return render_provider_override(self.endpoint, aliases)

    def write_provider_override(self, root: Path, aliases: tuple[str, ...] | None = None) -> Path:
        """Write the override into ``root``; by default it covers every aws provider alias the root declares."""
        path = Path(root) / OVERRIDE_FILE_NAME
        path.write_text(self.provider_override(provider_aliases(root) if aliases is None else aliases))
        return path

    def client(self, service: str, region: str = "eu-west-1") -> Any:
        import boto3
        from botocore.config import Config

        return boto3.client(
            service,
            region_name=region,
            endpoint_url=self.endpoint,
            aws_access_key_id="test",
            aws_secret_access_key="test",
            config=Config(retries={"max_attempts": 2, "mode": "standard"}, s3={"addressing_style": "path"}),
        )

    def set_config(self, config: dict[str, Any]) -> None:
        import json

        request = urllib.request.Request(
            f"{self.endpoint}/moto-api/config",
            data=json.dumps(config).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=10):
            pass


def provider_aliases(root: Path) -> tuple[str, ...]:
    """The aliases of the ``provider "aws"`` blocks declared in a root's own .tf files (override files excluded).

    An override file may only amend provider configurations that exist, so the emulator override must name
    exactly these: an alias left out would reach the real AWS endpoints.
    """
    import hcl2

    aliases: set[str] = set()
    for path in sorted(Path(root).glob("*.tf")):
        if path.name == "override.tf" or path.name.endswith("_override.tf"):
            continue
        with path.open() as handle:
            document = hcl2.load(handle)
        for block in document.get("provider", []):
            config = block.get("aws")
            alias = config.get("alias") if isinstance(config, dict) else None
            if isinstance(alias, list):  # checkov's hcl2 parser wraps attribute values in a list
                alias = alias[0] if alias else None
            if alias:
                aliases.add(str(alias).strip('"'))
    return tuple(sorted(aliases))


def render_provider_override(endpoint: str, aliases: tuple[str, ...] = ()) -> str:
    """An ``*_override.tf`` that points every aws provider configuration of a root at the emulator.

    Credentials are not in the file: the harness passes test credentials through the environment.
    """
    endpoint_lines = "\n".join(f'    {service:<14} = "{endpoint}"' for service in PROVIDER_ENDPOINT_SERVICES)
    blocks = []
    for alias in ("", *aliases):
        alias_line = f'  alias = "{alias}"\n' if alias else ""
        blocks.append(
            'provider "aws" {\n'
            f"{alias_line}"
            f'  allowed_account_ids         = ["{EMULATOR_ACCOUNT_ID}"]\n'
            "  skip_credentials_validation = true\n"
            "  skip_metadata_api_check     = true\n"
            "  skip_region_validation      = true\n"
            "  s3_use_path_style           = true\n"
            "  max_retries                 = 2\n"
            "  endpoints {\n"
            f"{endpoint_lines}\n"
            "  }\n"
            "}\n"
        )
    header = "# Written by harness.emulator for the embedded AWS; never commit (ignored by git).\n"
    return header + "\n".join(blocks)
