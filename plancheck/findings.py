"""The plan tier's result: one finding per judged resource and check ID (the checkov IDs)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, order=True)
class Finding:
    check_id: str
    address: str
    passed: bool
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def line(self) -> str:
        return f"{'PASSED' if self.passed else 'FAILED'} {self.check_id} {self.address}: {self.reason}"
