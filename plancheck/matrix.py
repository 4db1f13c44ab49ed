"""Compliance matrix: docs/compliance-matrix.md generated from policies/catalogue.yaml.

python -m plancheck.matrix           # rewrite the matrix
python -m plancheck.matrix --check   # exit 1 when the committed matrix is stale
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

REPO_ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = REPO_ROOT / "policies" / "catalogue.yaml"
MATRIX = REPO_ROOT / "docs" / "compliance-matrix.md"

HEADER = """# Compliance matrix

Generated from `policies/catalogue.yaml` by `python -m plancheck.matrix`; do not edit by hand.
Controls refer to the AWS Security Hub Foundational Security Best Practices (e.g. S3.5) or CIS;
`none` marks a platform rule without an external control.

| ID | Name | Control | Severity | What it checks |
| --- | --- | --- | --- | --- |
"""


def _cell(value: Any) -> str:
    return " ".join(str(value).split()).replace("|", "\\|")


def render(catalogue: dict[str, dict[str, Any]]) -> str:
    rows = [
        "| "
        + " | ".join(_cell(v) for v in (check_id, entry["name"], entry["control"], entry["severity"], entry["checks"]))
        + " |\n"
        for check_id, entry in sorted(catalogue.items())
    ]
    return HEADER + "".join(rows)


def load_catalogue(path: Path = CATALOGUE) -> dict[str, dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m plancheck.matrix", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the matrix differs from the catalogue")
    args = parser.parse_args(argv)
    expected = render(load_catalogue())
    if args.check:
        current = MATRIX.read_text(encoding="utf-8") if MATRIX.is_file() else ""
        if current != expected:
            print(f"{MATRIX.relative_to(REPO_ROOT)} is stale: run python -m plancheck.matrix", file=sys.stderr)
            return 1
        return 0
    MATRIX.write_text(expected, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
