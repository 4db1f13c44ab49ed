import pytest

from plancheck import matrix

pytestmark = pytest.mark.unit


def test_committed_matrix_matches_the_catalogue(capsys):
    assert matrix.main(["--check"]) == 0, capsys.readouterr().err


def test_matrix_has_one_row_per_check_sorted_and_escaped():
    catalogue = {
        "CKV_C04_002": {"name": "b", "control": "none", "severity": "LOW", "checks": "x | y"},
        "CKV_C04_001": {"name": "a", "control": "S3.5", "severity": "HIGH", "checks": "multi\n line"},
    }
    rows = [line for line in matrix.render(catalogue).splitlines() if line.startswith("| CKV_")]
    assert rows == [
        "| CKV_C04_001 | a | S3.5 | HIGH | multi line |",
        "| CKV_C04_002 | b | none | LOW | x \\| y |",
    ]
