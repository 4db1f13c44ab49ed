"""Value hashing and the K-minimum-values sketch behind distinct_count."""

from __future__ import annotations

import datetime

import pyarrow as pa
import pyarrow.compute as pc
import pytest
from batch_worker.distinct import DistinctSketch, hash_values

pytestmark = pytest.mark.unit


def distinct_hashes(values: pa.Array) -> int:
    return len(pc.unique(hash_values(values)))


def test_equal_strings_hash_equal_wherever_they_sit_in_the_buffer():
    words = pa.array(["", "a", "ab", "abc", "é€😀", "x" * 20_000, "a"])

    whole = hash_values(words).to_pylist()
    one_by_one = [hash_values(words.slice(i, 1)).to_pylist()[0] for i in range(len(words))]

    assert sorted(whole) == sorted(one_by_one)  # hashes come in no particular order
    assert one_by_one[1] == one_by_one[-1]
    assert len(set(whole)) == len(whole) - 1


def test_nulls_are_not_values():
    assert hash_values(pa.array(["a", None, "b"])).to_pylist() == hash_values(pa.array(["a", "b"])).to_pylist()
    assert len(hash_values(pa.nulls(5))) == 0


@pytest.mark.parametrize(
    "values",
    [
        pa.array([str(i) for i in range(200_000)]),
        pa.array([f"user-{i:08d}@example.com" for i in range(100_000)]),
        pa.array(range(-100_000, 100_000)),
        pa.array([i / 7 for i in range(100_000)]),
        pa.array([datetime.datetime(2024, 1, 1) + datetime.timedelta(seconds=i) for i in range(50_000)]),
        pa.array([datetime.date(2000, 1, 1) + datetime.timedelta(days=i) for i in range(10_000)]),
    ],
    ids=["digits", "emails", "integers", "floats", "timestamps", "dates"],
)
def test_different_values_get_different_hashes(values):
    assert distinct_hashes(values) == len(values)


def test_floats_hash_by_value():
    assert distinct_hashes(pa.array([0.0, -0.0, 1.5, 1.5])) == 2
    assert distinct_hashes(pa.array([True, False, True])) == 2


def test_sketch_is_exact_up_to_its_size():
    sketch = DistinctSketch(size=1000)
    for start in range(0, 5000, 500):
        sketch.add(hash_values(pa.array([i % 1000 for i in range(start, start + 500)])))

    assert sketch.exact
    assert sketch.count() == 1000


@pytest.mark.parametrize("true_count", [5_000, 60_000, 250_000])
def test_sketch_estimate_stays_within_five_standard_errors(true_count):
    sketch = DistinctSketch(size=1024)  # relative standard error ~3.1 %
    for start in range(0, true_count, 20_000):  # every value arrives twice, in separate batches
        batch = pa.array(range(start, min(start + 20_000, true_count)))
        sketch.add(hash_values(batch))
        sketch.add(hash_values(batch))

    assert not sketch.exact
    assert abs(sketch.count() - true_count) < 5 * true_count / (1024 - 2) ** 0.5
