import pytest
from policy_scan import FixtureScan, scan_fixtures


@pytest.fixture(scope="session")
def fixture_scan() -> FixtureScan:
    """One checkov run per framework over all policy fixtures, shared by every policy test."""
    return scan_fixtures()
