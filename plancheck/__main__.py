"""python -m plancheck plan.json [--format text|json] [--data-classes FILE]

Prints one line (or one JSON object) per finding; exits 1 when any finding failed, 2 on unreadable input.
The plan is the output of `terraform show -json <planfile>`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from plancheck.rules import DATA_CLASSES_FILE, evaluate, load_data_classes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m plancheck", description=__doc__.splitlines()[0])
    parser.add_argument("plan", type=Path, help="plan JSON (terraform show -json <planfile>)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--data-classes", type=Path, default=DATA_CLASSES_FILE, help="DataClass retention catalogue")
    args = parser.parse_args(argv)

    try:
        document = json.loads(args.plan.read_text(encoding="utf-8"))
        data_classes = load_data_classes(args.data_classes)
    except (OSError, ValueError) as error:
        print(f"plancheck: {error}", file=sys.stderr)
        return 2
    findings = evaluate(document, data_classes)

    if args.format == "json":
        print(json.dumps([f.to_dict() for f in findings], indent=2))
    else:
        for finding in findings:
            print(finding.line())
    return 1 if any(not f.passed for f in findings) else 0


if __name__ == "__main__":
    sys.exit(main())
