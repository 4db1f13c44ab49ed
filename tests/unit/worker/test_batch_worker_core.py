"""The conversion core on local files: types, profile, streaming, re-reads and input checks."""

from __future__ import annotations

import math

import pyarrow as pa
import pyarrow.csv as pcsv
import pyarrow.parquet as pq
import pytest
from batch_worker.convert import ConversionOptions, convert_csv, wider_type
from batch_worker.errors import BadInputError

pytestmark = pytest.mark.unit

SMALL_BLOCKS = ConversionOptions(block_size=4096, row_group_bytes=16 * 1024)

GOOD_CSV = """id,name,score,active,joined,ratio
1,alice,10,true,2024-01-01 10:00:00,0.5
2,bob,,false,2024-01-02 11:30:00,1.25
3,,30,true,,2.0
4,alice,40,,2024-01-04 09:15:00,
"""


def test_good_csv_gives_typed_parquet_and_exact_profile(csv_file, tmp_path):
    parquet = tmp_path / "out.parquet"

    result = convert_csv(csv_file(GOOD_CSV), parquet)

    assert result.row_count == 4
    assert result.rereads == []
    assert result.columns == {
        "id": {
            "inferred_type": "integer",
            "arrow_type": "int64",
            "null_count": 0,
            "distinct_count": 4,
            "distinct_count_exact": True,
            "min": 1,
            "max": 4,
            "mean": 2.5,
        },
        "name": {
            "inferred_type": "string",
            "arrow_type": "string",
            "null_count": 1,
            "distinct_count": 2,
            "distinct_count_exact": True,
            "min": None,
            "max": None,
            "mean": None,
        },
        "score": {
            "inferred_type": "integer",
            "arrow_type": "int64",
            "null_count": 1,
            "distinct_count": 3,
            "distinct_count_exact": True,
            "min": 10,
            "max": 40,
            "mean": 80 / 3,
        },
        "active": {
            "inferred_type": "boolean",
            "arrow_type": "bool",
            "null_count": 1,
            "distinct_count": 2,
            "distinct_count_exact": True,
            "min": None,
            "max": None,
            "mean": None,
        },
        "joined": {
            "inferred_type": "timestamp",
            "arrow_type": "timestamp[s]",
            "null_count": 1,
            "distinct_count": 3,
            "distinct_count_exact": True,
            "min": None,
            "max": None,
            "mean": None,
        },
        "ratio": {
            "inferred_type": "float",
            "arrow_type": "double",
            "null_count": 1,
            "distinct_count": 3,
            "distinct_count_exact": True,
            "min": 0.5,
            "max": 2.0,
            "mean": 1.25,
        },
    }
    table = pq.read_table(parquet)
    assert table.column("name").to_pylist() == ["alice", "bob", None, "alice"]
    assert table.column("score").to_pylist() == [10, None, 30, 40]
    assert table.schema.field("joined").type == pa.timestamp("ms")  # Parquet has no seconds unit
    assert pq.ParquetFile(parquet).metadata.row_group(0).column(0).compression == "ZSTD"


def test_header_only_gives_an_empty_parquet(csv_file, tmp_path):
    parquet = tmp_path / "out.parquet"

    result = convert_csv(csv_file("a,b\n"), parquet)

    assert result.row_count == 0
    assert result.columns["a"]["inferred_type"] == "null"
    assert pq.read_table(parquet).num_rows == 0


def test_quoted_fields_with_commas_quotes_and_newlines(csv_file, tmp_path):
    text = 'k,v\n1,"a, b"\n2,"say ""hi"""\n3,"two\nlines"\n'

    convert_csv(csv_file(text), tmp_path / "out.parquet")

    assert pq.read_table(tmp_path / "out.parquet").column("v").to_pylist() == ["a, b", 'say "hi"', "two\nlines"]


def test_many_blocks_and_row_groups_match_a_whole_file_read(csv_file, tmp_path):
    rows = [f"{i},{i % 7},{i * 0.5},item-{i % 1000},{'' if i % 10 == 0 else 'x'}" for i in range(40_000)]
    path = csv_file("id,bucket,half,label,maybe\n" + "\n".join(rows) + "\n")
    parquet = tmp_path / "out.parquet"

    result = convert_csv(path, parquet, SMALL_BLOCKS)

    expected = pcsv.read_csv(path, convert_options=pcsv.ConvertOptions(strings_can_be_null=True))
    written = pq.read_table(parquet)
    assert written.equals(expected)
    assert result.row_groups == pq.ParquetFile(parquet).metadata.num_row_groups > 20
    id_stats = dict(result.columns["id"])
    estimate = id_stats.pop("distinct_count")
    assert id_stats == {
        "inferred_type": "integer",
        "arrow_type": "int64",
        "null_count": 0,
        "distinct_count_exact": False,  # 40,000 > k = 16,384: estimated
        "min": 0,
        "max": 39_999,
        "mean": 19_999.5,
    }
    assert abs(estimate - 40_000) < 40_000 * 0.04  # 5 standard errors at k = 16,384
    assert result.columns["bucket"]["distinct_count"] == 7
    assert result.columns["label"]["distinct_count"] == 1000
    assert result.columns["maybe"]["null_count"] == 4000
    assert result.columns["half"]["mean"] == pytest.approx(19_999.5 / 2)


@pytest.mark.parametrize(
    ("late_value", "first_values", "expected_type", "expected_last"),
    [
        ("2.5", "1", "double", 2.5),
        ("abc", "1", "string", "abc"),
        ("7", "", "int64", 7),
        ("maybe", "true", "string", "maybe"),
        ("2024-01-01 00:00:00.250", "2024-01-01 00:00:00", "timestamp[ns]", None),
        ("2024-01-02 03:04:05", "2024-01-01", "timestamp[s]", None),
    ],
)
def test_a_late_value_that_does_not_fit_widens_the_column(
    csv_file, tmp_path, late_value, first_values, expected_type, expected_last
):
    rows = [f"{i},{first_values}" for i in range(3000)] + [f"3000,{late_value}"]
    parquet = tmp_path / "out.parquet"

    result = convert_csv(csv_file("n,v\n" + "\n".join(rows) + "\n"), parquet, SMALL_BLOCKS)

    assert result.columns["v"]["arrow_type"] == expected_type
    assert len(result.rereads) == 1 and result.rereads[0].startswith("column 'v': ")
    assert result.row_count == pq.read_table(parquet).num_rows == 3001
    if expected_last is not None:
        assert pq.read_table(parquet).column("v")[-1].as_py() == expected_last


def test_widening_rules():
    assert wider_type(pa.int64(), "1e3") == pa.float64()
    assert wider_type(pa.null(), "2024-05-01") == pa.date32()
    assert wider_type(pa.timestamp("s"), "2024-05-01T00:00:00Z") == pa.string()  # naive vs UTC
    assert wider_type(pa.float64(), "abc") == pa.string()


def test_a_row_longer_than_the_block_is_read_with_a_larger_block(csv_file, tmp_path):
    text = "k,v\n1,short\n2," + "x" * 20_000 + "\n3,short\n"

    result = convert_csv(csv_file(text), tmp_path / "out.parquet", SMALL_BLOCKS)

    assert result.row_count == 3
    assert result.rereads == ["a row is longer than the block: block size raised to 16384 bytes"]


def test_a_row_longer_than_the_limit_is_bad_input(csv_file, tmp_path):
    text = "k,v\n1," + "x" * 200_000 + "\n"
    options = ConversionOptions(block_size=4096, max_row_bytes=65_536)

    with pytest.raises(BadInputError, match="a row is longer than 65536 bytes"):
        convert_csv(csv_file(text), tmp_path / "out.parquet", options)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "the file is empty"),
        ("\n\n", "the file is empty"),
        ("a,b,a\n1,2,3\n", "duplicate column names in the header: 'a'"),
        ("a,,c\n1,2,3\n", "header column 2 has an empty or blank name"),
        ("a,  ,c\n1,2,3\n", "header column 2 has an empty or blank name"),
        ("a,b,c,d\n1,2,3,4\n", "the header has 4 columns; the limit is 3"),
        ("a,b\n1,2\n3\n", "line 3: 1 columns, the header has 2"),
        ('a,b\n"x\ny",2\n1,2,3\n', "line 4: 3 columns, the header has 2"),
        (b"a,b\n1,caf\xc3\xa9\n2,\xff\n", r"invalid UTF-8 at byte offset 14 .*byte 0xff"),
        (b"a,b\n1,caf\xc3", "invalid UTF-8 at byte offset 9: the file ends inside a multi-byte character"),
    ],
)
def test_bad_input_is_rejected_with_a_precise_message(csv_file, tmp_path, content, message):
    with pytest.raises(BadInputError, match=message):
        convert_csv(csv_file(content), tmp_path / "out.parquet", ConversionOptions(max_columns=3))


def test_errors_deep_in_the_file_name_their_line_and_byte_offset(csv_file, tmp_path):
    good = "".join(f"{i},{i}\n" for i in range(5000))
    header = "a,b\n"

    with pytest.raises(BadInputError, match="line 5002: 3 columns, the header has 2"):
        convert_csv(csv_file(header + good + "1,2,3\n"), tmp_path / "x.parquet", SMALL_BLOCKS)
    offset = len(header) + len(good) + 2
    with pytest.raises(BadInputError, match=f"invalid UTF-8 at byte offset {offset} "):
        convert_csv(csv_file((header + good).encode() + b"1,\x80\n"), tmp_path / "y.parquet", SMALL_BLOCKS)


def test_multibyte_characters_across_block_boundaries_are_valid(csv_file, tmp_path):
    rows = "".join(f"{i},\u00e9\u20ac\U0001f600{i}\n" for i in range(3000))

    result = convert_csv(csv_file("\ufeffk,v\n" + rows), tmp_path / "out.parquet", SMALL_BLOCKS)

    assert result.row_count == 3000
    assert list(result.columns) == ["k", "v"]  # the byte-order mark is not part of the name


def test_non_finite_floats_do_not_break_json(csv_file, tmp_path):
    result = convert_csv(csv_file("x\n1.5\ninf\n-2\n"), tmp_path / "out.parquet")

    stats = result.columns["x"]
    assert (stats["min"], stats["max"], stats["mean"]) == (-2.0, None, None)
    assert not any(isinstance(value, float) and not math.isfinite(value) for value in stats.values())
