"""Terraform toolchain: which binary, which provider source, which CLI config.

Every Terraform command the project runs gets ``TF_CLI_CONFIG_FILE`` pointing at a CLI config that the
project writes itself (``.tfcli/terraformrc``, ignored by git):

* when a filesystem mirror holding ``registry.terraform.io/hashicorp/aws`` exists (``TF_PLUGIN_MIRROR``,
  a well-known plugin folder, or found once on this machine and remembered), hashicorp/aws comes from
  that mirror only;
* otherwise the provider comes from the public registry, as with a plain ``terraform init``.

A shared plugin cache under ``.tfcli/plugin-cache`` means ``init`` links the 700 MB provider binary
instead of copying it into every ``.terraform`` folder.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
import socket
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from harness import REPO_ROOT

MIN_TERRAFORM = (1, 6, 0)
PROVIDER_ADDRESS = "registry.terraform.io/hashicorp/aws"
TFCLI_DIR = Path(os.environ.get("PLATFORM_TFCLI_DIR", REPO_ROOT / ".tfcli"))
WELL_KNOWN_MIRRORS = (
    "/opt/tf-plugins",
    "~/.terraform.d/plugins",
    "~/.local/share/terraform/plugins",
    "/usr/local/share/terraform/plugins",
    "/usr/share/terraform/plugins",
)


class ToolchainError(RuntimeError):
    """A problem the user must fix; the message is one line saying how."""


@dataclass(frozen=True)
class Toolchain:
    binary: str
    version: tuple[int, int, int]
    cli_config: Path
    mirror: Path | None

    def env(self, base: dict[str, str] | None = None) -> dict[str, str]:
        """Environment for a Terraform subprocess."""
        env = dict(os.environ if base is None else base)
        env["TF_CLI_CONFIG_FILE"] = str(self.cli_config)
        env["TF_IN_AUTOMATION"] = "1"
        env["TF_INPUT"] = "0"
        env.pop("TF_PLUGIN_CACHE_DIR", None)
        return env

    @contextlib.contextmanager
    def init_lock(self) -> Iterator[None]:
        """Hold this around every ``terraform init``: the shared plugin cache is not safe for concurrent
        installs (two inits filling a cold cache fail with "mkdir ...: file exists"). The lock is a file,
        so it serialises threads, xdist workers and separate commands alike; an init takes about a second."""
        with open(self.cli_config.parent / "init.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield

    @property
    def version_text(self) -> str:
        return ".".join(map(str, self.version))


def find_binary() -> tuple[str, tuple[int, int, int]]:
    wanted = os.environ.get("TF_BINARY", "terraform")
    path = shutil.which(wanted)
    if path is None:
        raise ToolchainError(
            f"'{wanted}' not found on PATH: install Terraform >= 1.6 (or OpenTofu and set TF_BINARY=tofu)"
        )
    out = subprocess.run([path, "version"], capture_output=True, text=True, check=False).stdout
    match = re.search(r"v(\d+)\.(\d+)\.(\d+)", out)
    if not match:
        raise ToolchainError(f"could not read the version of {path}: '{out.strip()[:80]}'")
    version = tuple(int(part) for part in match.groups())
    if version < MIN_TERRAFORM:
        raise ToolchainError(
            f"{path} is {'.'.join(match.groups())}; this project needs Terraform >= 1.6 "
            "(or OpenTofu >= 1.6 with TF_BINARY=tofu)"
        )
    return path, version  # type: ignore[return-value]


def _holds_aws_provider(root: Path) -> bool:
    provider_dir = root / PROVIDER_ADDRESS
    return provider_dir.is_dir() and any(provider_dir.iterdir())


def find_mirror() -> Path | None:
    """The filesystem mirror root holding hashicorp/aws, or None."""
    explicit = os.environ.get("TF_PLUGIN_MIRROR")
    if explicit:
        root = Path(explicit).expanduser()
        if not _holds_aws_provider(root):
            raise ToolchainError(
                f"TF_PLUGIN_MIRROR={explicit} holds no {PROVIDER_ADDRESS}: point it at the folder "
                "that contains registry.terraform.io, or unset it"
            )
        return root
    for candidate in WELL_KNOWN_MIRRORS:
        root = Path(candidate).expanduser()
        if _holds_aws_provider(root):
            return root
    remembered = TFCLI_DIR / "mirror-path"
    if remembered.exists():
        text = remembered.read_text().strip()
        if text == "":
            return None
        if _holds_aws_provider(Path(text)):
            return Path(text)
    found = _search_machine()
    TFCLI_DIR.mkdir(parents=True, exist_ok=True)
    remembered.write_text(str(found or "") + "\n")
    return found


def _search_machine() -> Path | None:
    result = subprocess.run(
        ["find", "/", "-xdev", "-name", "terraform-provider-aws_*", "-path", f"*/{PROVIDER_ADDRESS}/*"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    for line in result.stdout.splitlines():
        index = line.find(f"/{PROVIDER_ADDRESS}/")
        if index > 0:
            return Path(line[:index])
    return None


def registry_reachable(timeout: float = 3.0) -> bool:
    try:
        with socket.create_connection(("registry.terraform.io", 443), timeout=timeout):
            return True
    except OSError:
        return False


def render_cli_config(mirror: Path | None, plugin_cache: Path) -> str:
    lines = [
        "# Written by harness.toolchain; do not edit (regenerated on every run).",
        f'plugin_cache_dir = "{plugin_cache}"',
        # Lock files are not committed, so without this every init re-installs the cache entry, and a
        # concurrent init or plan finds the provider gone ("mkdir ...: file exists", "no package ... cached
        # in .terraform/providers"). The lock file of each copy then records the cached package's hash.
        "plugin_cache_may_break_dependency_lock_file = true",
    ]
    if mirror is not None:
        lines += [
            "provider_installation {",
            "  filesystem_mirror {",
            f'    path    = "{mirror}"',
            f'    include = ["{PROVIDER_ADDRESS}"]',
            "  }",
            "  direct {",
            f'    exclude = ["{PROVIDER_ADDRESS}"]',
            "  }",
            "}",
        ]
    return "\n".join(lines) + "\n"


def ensure() -> Toolchain:
    """Find the binary and the provider source, write the CLI config; idempotent and cheap."""
    binary, version = find_binary()
    mirror = find_mirror()
    if mirror is None and not registry_reachable():
        raise ToolchainError(
            "no hashicorp/aws mirror on this machine and registry.terraform.io is unreachable: set "
            "TF_PLUGIN_MIRROR to a folder holding registry.terraform.io/hashicorp/aws (~> 5.100)"
        )
    plugin_cache = TFCLI_DIR / "plugin-cache"
    plugin_cache.mkdir(parents=True, exist_ok=True)
    cli_config = TFCLI_DIR / "terraformrc"
    content = render_cli_config(mirror, plugin_cache)
    if not cli_config.exists() or cli_config.read_text() != content:
        cli_config.write_text(content)
    os.environ["TF_CLI_CONFIG_FILE"] = str(cli_config)
    return Toolchain(binary=binary, version=version, cli_config=cli_config, mirror=mirror)
