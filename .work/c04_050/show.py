"""Print every result (UNKNOWN included) of the given checks on their own fixture folders, per tier."""

import sys
from pathlib import Path

sys.path.insert(0, "/work/main/tests/unit/policies")
import policy_scan  # noqa: E402

ids = sys.argv[1:]
scan = policy_scan.scan_fixtures()
for check_id in ids:
    for tier in ("hcl", "plan"):
        for result in ("PASSED", "FAILED", "UNKNOWN"):
            print(check_id, tier, result, scan.addresses(tier, check_id, result))
for error in scan.check_errors:
    print("ERROR", error[:500])
