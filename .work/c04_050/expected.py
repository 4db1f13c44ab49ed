"""Write fixtures/<ID>/expected.yaml from the current scan (review before keeping!), with a header comment."""

import sys

import yaml

sys.path.insert(0, "/work/main/tests/unit/policies")
import policy_scan  # noqa: E402

HEADERS = dict(line.split("|", 1) for line in open("/work/main/.work/c04_050/headers.txt").read().split("\n\n") if line)
scan = policy_scan.scan_fixtures()
for check_id in sys.argv[1:]:
    document = {}
    for tier in ("hcl", "plan"):
        entry = {}
        for key, result in (("passed", "PASSED"), ("failed", "FAILED"), ("unknown", "UNKNOWN")):
            addresses = scan.addresses(tier, check_id, result)
            if addresses:
                entry[key] = [str(a) for a in addresses]
        document[tier] = entry
    header = "".join(f"# {line}\n" for line in HEADERS[check_id].strip().splitlines())
    path = policy_scan.FIXTURES_DIR / check_id / "expected.yaml"
    path.write_text(header + yaml.safe_dump(document, sort_keys=False, default_flow_style=False))
    print("wrote", path)
