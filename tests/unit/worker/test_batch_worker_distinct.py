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


def test_strings_of_every_length_hash_alike_alone_and_among_others():
    # up to 16 bytes strings take the word path, longer ones the polynomial one: a string's path
    # depends on its length only, and its hash on its bytes only, wherever it starts in the buffer
    values = [("ab\x00é" * 12)[:length] for length in range(0, 41)] + ["a\x00", "a", "é", "\x00" * 16, "\x00" * 17]
    mixed = pa.array(["x" * 17, *values, "y" * 3])  # shifts every start off 8-byte alignment
    alone = {value: hash_values(pa.array([value])).to_pylist()[0] for value in values}

    for shift in range(9):
        shifted = pa.array(["z" * shift, *values]).slice(1)
        assert sorted(hash_values(shifted).to_pylist()) == sorted(alone[value] for value in values)
    assert set(alone.values()) <= set(hash_values(mixed).to_pylist())
    assert len(set(alone.values())) == len(set(values))  # "a" and "a\0", "" and "\0"... all differ


def test_sketch_answer_does_not_depend_on_how_hashes_are_batched():
    hashes = hash_values(pa.array(range(30_000)))
    whole, pieces = DistinctSketch(size=1024), DistinctSketch(size=1024)

    whole.add(hashes)
    for start in range(0, len(hashes), 700):
        pieces.add(hashes.slice(start, 700))

    assert not whole.exact and not pieces.exact
    assert whole.count() == pieces.count()


def test_profile_of_repeated_values_just_above_the_sketch_size():
    # 1,500 distinct values over 40 row groups: more than k, so estimated; every row group sends
    # most of its rows past the threshold, which switches the column to de-duplication first
    from batch_worker.profile import TableProfile

    batch = pa.table({"v": pa.array([float(i % 1500) for i in range(6000)])})
    profile = TableProfile(batch.schema, sketch_size=1024)
    for _ in range(40):
        profile.update(batch)

    stats = profile.result()["v"]
    assert stats["distinct_count_exact"] is False
    assert abs(stats["distinct_count"] - 1500) < 5 * 1500 / (1024 - 2) ** 0.5
    assert stats["min"] == 0 and stats["max"] == 1499 and stats["mean"] == pytest.approx(749.5)
