"""Project harness: Terraform toolchain, embedded AWS emulator and the main-job / test entry points."""

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
