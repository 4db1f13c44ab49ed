"""Column profile computed incrementally, one row group at a time, with pyarrow.compute kernels."""

from __future__ import annotations

import math
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from batch_worker.distinct import DEFAULT_SKETCH_SIZE, DistinctSketch, hash_values

# De-duplication before hashing (Arrow's unique kernel, then hash the distinct values only) pays
# off for columns with few distinct values, and costs time (and a large hash table) on the others,
# strings especially, where Arrow's unique costs more than hashing every value. It is switched on:
# - when a sample of the first values (one hashing slice) has at most 1 distinct value in 8 rows
#   (flags, codes, categories);
# - after a row group in which more than half of the hashed values got past the sketch's threshold:
#   a column with a little more distinct values than the sketch holds (prices, amounts) sends most
#   rows through the sketch's own de-duplication otherwise.
_REPEAT_RATIO = 1 / 8
_PASSING_RATIO = 1 / 2
# The same ratio (on the first row group) decides Parquet dictionary encoding: with more distinct
# values the dictionary outgrows its 1 MiB page or saves little, and building it costs more than it
# saves (benchmark file: dictionary-encoding the 100,000-customer column made the file larger and
# the write 10 % slower; the 21,000-amount column is 5 % smaller with a dictionary, same speed).
_HASH_SLICE_ROWS = 32768


def describe_type(arrow_type: pa.DataType) -> str:
    """The profile's type vocabulary for what Arrow inferred from the CSV text."""
    if pa.types.is_integer(arrow_type):
        return "integer"
    if pa.types.is_floating(arrow_type) or pa.types.is_decimal(arrow_type):
        return "float"
    if pa.types.is_boolean(arrow_type):
        return "boolean"
    if pa.types.is_temporal(arrow_type):  # timestamp, date32 and time32 alike
        return "timestamp"
    if pa.types.is_null(arrow_type):  # every value empty or a null token
        return "null"
    return "string"


def _finite_or_none(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


class ColumnProfile:
    def __init__(self, field: pa.Field, sketch_size: int) -> None:
        self.name = field.name
        self.type = field.type
        self.numeric = pa.types.is_integer(field.type) or pa.types.is_floating(field.type)
        self._dedupe: bool | None = None  # decided on the first values, see _REPEAT_RATIO
        self.null_count = 0
        self.distinct = DistinctSketch(sketch_size)
        self._minimum: Any = None
        self._maximum: Any = None
        self._sum = 0.0
        self._summed = 0

    def update(self, column: pa.ChunkedArray) -> None:
        self.null_count += column.null_count
        if column.null_count == len(column):
            return
        values = column.combine_chunks()  # one kernel call per row group, not one per block
        if self.numeric:
            self._update_numeric(values)
        if self._dedupe is None:
            sample = values.slice(0, _HASH_SLICE_ROWS)
            self._dedupe = len(pc.unique(sample)) <= _REPEAT_RATIO * len(sample)
        if self._dedupe:
            values = pc.unique(values)
        passed = self.distinct.passed
        # slices small enough for the hashing temporaries to stay in the CPU cache and in the
        # allocator's free lists, large enough for the per-kernel-call overhead not to matter
        for start in range(0, len(values), _HASH_SLICE_ROWS):
            self.distinct.add(hash_values(values.slice(start, _HASH_SLICE_ROWS)))
        if self.distinct.passed - passed > _PASSING_RATIO * len(values):
            self._dedupe = True

    def _update_numeric(self, column: pa.Array) -> None:
        extremes = pc.min_max(column)  # skips nulls and NaN
        low, high = extremes["min"].as_py(), extremes["max"].as_py()
        if low is not None and not (isinstance(low, float) and math.isnan(low)):
            self._minimum = low if self._minimum is None else min(self._minimum, low)
            self._maximum = high if self._maximum is None else max(self._maximum, high)
        as_float = column.cast(pa.float64(), safe=False)
        total = pc.sum(as_float).as_py()
        counted = len(column) - column.null_count
        if total is not None and math.isnan(total):  # the mean ignores NaN, like min and max
            not_nan = as_float.filter(pc.invert(pc.is_nan(as_float)))
            total = pc.sum(not_nan).as_py() or 0.0
            counted = len(not_nan) - not_nan.null_count
        self._sum += total or 0.0
        self._summed += counted

    def result(self) -> dict[str, Any]:
        stats: dict[str, Any] = {
            "inferred_type": describe_type(self.type),
            "arrow_type": str(self.type),
            "null_count": self.null_count,
            "distinct_count": self.distinct.count(),
            "distinct_count_exact": self.distinct.exact,
            "min": None,
            "max": None,
            "mean": None,
        }
        if self.numeric and self._minimum is not None:
            if pa.types.is_floating(self.type):  # JSON has no NaN or infinity: those become null
                stats["min"], stats["max"] = _finite_or_none(self._minimum), _finite_or_none(self._maximum)
            else:
                stats["min"], stats["max"] = self._minimum, self._maximum
            stats["mean"] = _finite_or_none(self._sum / self._summed) if self._summed else None
        return stats


class TableProfile:
    """Profile of a whole table fed row group by row group; memory does not grow with rows."""

    def __init__(self, schema: pa.Schema, sketch_size: int = DEFAULT_SKETCH_SIZE) -> None:
        self.row_count = 0
        self.columns = [ColumnProfile(field, sketch_size) for field in schema]

    def update(self, table: pa.Table) -> None:
        self.row_count += table.num_rows
        for profile, column in zip(self.columns, table.columns, strict=True):
            profile.update(column)

    def mostly_repeated(self) -> list[str]:
        """Columns whose values so far repeat enough for Parquet dictionary encoding to pay off."""
        return [
            profile.name
            for profile in self.columns
            if profile.distinct.count() <= _REPEAT_RATIO * max(1, self.row_count - profile.null_count)
        ]

    def result(self) -> dict[str, dict[str, Any]]:
        return {profile.name: profile.result() for profile in self.columns}
