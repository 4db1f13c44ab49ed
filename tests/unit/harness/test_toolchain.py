"""Bad situations give one clear line each; the CLI config follows the mirror or the registry."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from harness import REPO_ROOT, toolchain
from harness.emulator import choose_port

pytestmark = pytest.mark.unit


def fake_terraform(folder: Path, version: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    binary = folder / "terraform"
    binary.write_text(f"#!/bin/sh\necho 'Terraform v{version}'\necho 'on linux_amd64'\n")
    binary.chmod(0o755)
    return binary


def run_setup(env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "harness", "setup"], cwd=REPO_ROOT, env=env, capture_output=True, text=True, check=False
    )


def test_missing_terraform_is_one_line_saying_what_to_install(tmp_path):
    env = {**os.environ, "PATH": str(tmp_path)}
    result = run_setup(env)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "error: 'terraform' not found on PATH: install Terraform >= 1.6 (or OpenTofu and set TF_BINARY=tofu)"
    ]


def test_tofu_is_looked_up_when_asked(tmp_path):
    result = run_setup({**os.environ, "PATH": str(tmp_path), "TF_BINARY": "tofu"})
    assert result.returncode == 2
    assert "'tofu' not found on PATH" in result.stderr


def test_too_old_terraform_is_refused(tmp_path):
    binary = fake_terraform(tmp_path / "bin", "1.5.7")
    result = run_setup({**os.environ, "PATH": f"{binary.parent}:/usr/bin:/bin"})
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "is 1.5.7; this project needs Terraform >= 1.6" in lines[0]


def test_mirror_variable_must_hold_the_provider(tmp_path, monkeypatch):
    monkeypatch.setenv("TF_PLUGIN_MIRROR", str(tmp_path))
    with pytest.raises(toolchain.ToolchainError, match="holds no registry.terraform.io/hashicorp/aws"):
        toolchain.find_mirror()


def test_mirror_variable_wins(tmp_path, monkeypatch):
    provider = tmp_path / "registry.terraform.io/hashicorp/aws/5.100.0/linux_amd64"
    provider.mkdir(parents=True)
    monkeypatch.setenv("TF_PLUGIN_MIRROR", str(tmp_path))
    assert toolchain.find_mirror() == tmp_path


def test_offline_without_mirror_is_one_clear_line(monkeypatch):
    monkeypatch.setattr(toolchain, "find_mirror", lambda: None)
    monkeypatch.setattr(toolchain, "registry_reachable", lambda timeout=3.0: False)
    with pytest.raises(toolchain.ToolchainError) as error:
        toolchain.ensure()
    assert "no hashicorp/aws mirror on this machine and registry.terraform.io is unreachable" in str(error.value)
    assert "\n" not in str(error.value)


def test_cli_config_uses_the_mirror_only_for_aws(tmp_path):
    text = toolchain.render_cli_config(Path("/opt/mirror"), tmp_path / "cache")
    assert f'plugin_cache_dir = "{tmp_path / "cache"}"' in text
    assert 'path    = "/opt/mirror"' in text
    assert 'exclude = ["registry.terraform.io/hashicorp/aws"]' in text


def test_cli_config_without_mirror_keeps_the_registry(tmp_path):
    text = toolchain.render_cli_config(None, tmp_path / "cache")
    assert "provider_installation" not in text
    assert "plugin_cache_dir" in text


def test_busy_port_is_replaced_and_said_once():
    said = []
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        taken = busy.getsockname()[1]
        port = choose_port(taken, said.append)
    assert port != taken
    assert said == [f"port {taken} is in use on 127.0.0.1; the emulator uses {port} instead"]


def test_init_lock_waits_for_another_process(tmp_path):
    # Two inits filling a cold plugin cache at once fail ("mkdir ...: file exists"): every init in the
    # harness holds this lock, and it must hold across processes (xdist workers, validate threads).
    chain = toolchain.Toolchain(
        binary="terraform", version=(1, 11, 4), cli_config=tmp_path / "terraformrc", mirror=None
    )
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, sys, time\n"
            f"lock = open({str(tmp_path / 'init.lock')!r}, 'w')\n"
            "fcntl.flock(lock, fcntl.LOCK_EX)\n"
            "print('held', flush=True)\n"
            "time.sleep(1.5)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        begin = time.monotonic()
        with chain.init_lock():
            waited = time.monotonic() - begin
        assert waited >= 1.0, f"the lock was taken after {waited:.2f}s while another process held it"
    finally:
        holder.wait(timeout=10)
