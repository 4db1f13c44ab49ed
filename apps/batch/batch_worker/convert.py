"""The worker's core on local files (no AWS): validate a CSV, write Parquet, profile the columns.

One streaming pass: Arrow's CSV reader parses the file block by block (``block_size``), batches
are grouped into row groups of about ``row_group_bytes``, each row group is profiled with
``pyarrow.compute`` and written with ``ParquetWriter``. Memory depends on the block and row group
sizes and the number of columns, never on the number of rows.

Type inference: Arrow infers each column's type from the first block and keeps it for the rest.
When a later block holds a value that does not fit (``7.5`` in an integer column, ``abc`` in a float
column, fractional seconds in a ``timestamp[s]`` column), the pass stops and the file is read again
from the start with that column declared as the narrowest type that holds both (integer -> float;
date -> timestamp; coarser -> finer timestamp unit; anything else -> string; an all-null first block
takes the type of the value). Each re-read widens one column one step, so a file pays at most a few
extra passes, and only when its first block misleads inference; no value is lost or coerced.

A row longer than the block cannot be parsed; the file is then re-read with a 4x larger block, up
to ``max_row_bytes``.

No Python code runs on Arrow's threads (no Python file object, no invalid-row callback): a Python
exception or callback there can leave Arrow's reader to be destroyed on its own I/O thread, which
dead-locks at exit. UTF-8 is therefore checked in a pass of its own (or during the download), and
the line of a row with the wrong column count is found by a second scan on the failure path.
"""

from __future__ import annotations

import csv
import io
import os
import queue
import re
import threading
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pcsv
import pyarrow.parquet as pq

from batch_worker.distinct import DEFAULT_SKETCH_SIZE
from batch_worker.errors import BadInputError
from batch_worker.profile import TableProfile
from batch_worker.settings import DEFAULT_MAX_COLUMNS, DEFAULT_MAX_ROW_BYTES, MIB
from batch_worker.utf8 import check_utf8_file

PARQUET_COMPRESSION = "zstd"

_CONVERSION_ERROR = re.compile(
    r"In CSV column #(?P<index>\d+): (?:.*?: )?CSV conversion error to (?P<type>.+?): "
    r"invalid value '(?P<value>.*)'\Z",
    re.DOTALL,
)
_WRONG_COLUMN_COUNT = re.compile(r"Expected (?P<expected>\d+) columns, got (?P<actual>\d+): (?P<text>.*)", re.DOTALL)
_ROW_TOO_LONG = "straddling object straddles two block boundaries"
_EMPTY_FILE = "Empty CSV file"
_TIME_UNITS = ("s", "ms", "us", "ns")


@dataclass(frozen=True)
class ConversionOptions:
    max_columns: int = DEFAULT_MAX_COLUMNS
    max_row_bytes: int = DEFAULT_MAX_ROW_BYTES
    # Arrow's streaming reader keeps up to 32 blocks read ahead (not configurable): 4 MiB here.
    # Smaller blocks cost a little CPU time (~2 %), larger ones resident memory (~14 MB per
    # doubling, measured).
    block_size: int = 128 * 1024
    row_group_bytes: int = 16 * MIB
    # How far parsing may run ahead of writing and profiling: a whole row group lets it overlap
    # them fully. Measured on 211 MB (2 vCPUs, load ~3.5): 16 MiB 1.18-1.28 s and 171-178 MB peak
    # RSS; 4 MiB 1.29-1.43 s and 157-160 MB; 2 batches 1.40-1.54 s and 150-152 MB.
    prefetch_bytes: int = 16 * MIB
    sketch_size: int = DEFAULT_SKETCH_SIZE


@dataclass(frozen=True)
class ConversionResult:
    row_count: int
    columns: dict[str, dict[str, Any]]
    row_groups: int
    sketch_size: int
    rereads: list[str] = field(default_factory=list)


def convert_csv(
    csv_path: str | os.PathLike[str],
    parquet_path: str | os.PathLike[str],
    options: ConversionOptions | None = None,
    utf8_checked: bool = False,
) -> ConversionResult:
    """Validate ``csv_path`` and write ``parquet_path``; raise ``BadInputError`` on bad input.

    ``utf8_checked``: the caller already ran every byte through ``Utf8Checker`` (the S3 download
    does, as the bytes arrive). ``parquet_path`` is complete only when this returns; after an
    exception it is garbage.
    """
    options = options or ConversionOptions()
    if not utf8_checked:
        check_utf8_file(csv_path)
    column_types: dict[str, pa.DataType] = {}
    block_size = min(options.block_size, options.max_row_bytes)
    rereads: list[str] = []
    while True:
        try:
            result = _convert_once(Path(csv_path), Path(parquet_path), options, block_size, column_types)
        except _ColumnTooNarrow as narrow:
            column_types[narrow.column] = narrow.wider
            rereads.append(
                f"column {narrow.column!r}: {narrow.inferred} cannot hold {narrow.value!r}, read as {narrow.wider}"
            )
        except _RowLongerThanBlock:
            if block_size >= options.max_row_bytes:
                raise BadInputError(
                    f"a row is longer than {options.max_row_bytes} bytes (MAX_ROW_BYTES); "
                    "check the quoting or raise the limit"
                ) from None
            block_size = min(4 * block_size, options.max_row_bytes)
            rereads.append(f"a row is longer than the block: block size raised to {block_size} bytes")
        else:
            return replace(result, rereads=rereads)


class _ColumnTooNarrow(Exception):
    def __init__(self, column: str, inferred: pa.DataType, value: str) -> None:
        super().__init__(column)
        self.column, self.inferred, self.value = column, inferred, value
        self.wider = wider_type(inferred, value)


class _RowLongerThanBlock(Exception):
    pass


def _convert_options(column_types: dict[str, pa.DataType]) -> pcsv.ConvertOptions:
    # Our own check covers every byte; "" and Arrow's null tokens (NA, NULL, null, NaN, #N/A...,
    # pandas' list) are null in string columns too.
    return pcsv.ConvertOptions(column_types=column_types, strings_can_be_null=True, check_utf8=False)


def _convert_once(
    csv_path: Path,
    parquet_path: Path,
    options: ConversionOptions,
    block_size: int,
    column_types: dict[str, pa.DataType],
) -> ConversionResult:
    schema: pa.Schema | None = None
    try:
        reader = pcsv.open_csv(
            str(csv_path),
            # Arrow's streaming reader decodes one block after another either way; with its own
            # threads on top of the prefetch thread it only costs more CPU time
            read_options=pcsv.ReadOptions(block_size=block_size, use_threads=False),
            parse_options=pcsv.ParseOptions(newlines_in_values=True),
            convert_options=_convert_options(column_types),
        )
        schema = reader.schema
        check_header(schema.names, options.max_columns)
        output = _ParquetOutput(parquet_path, schema, options)
        batches = _Prefetcher(reader, max(2, options.prefetch_bytes // block_size))
        try:
            for batch in batches:
                output.add(batch)
            output.close()
        finally:
            batches.close()
            output.abort()
    except pa.ArrowInvalid as exc:
        raise _diagnose(exc, schema, csv_path, options) from None
    return ConversionResult(
        row_count=output.profile.row_count,
        columns=output.profile.result(),
        row_groups=output.row_groups,
        sketch_size=options.sketch_size,
    )


class _Prefetcher:
    """Runs Arrow's reader on a Python thread of its own, a bounded queue ahead of the consumer.

    Parsing (one core: Arrow's streaming reader decodes block after block) then overlaps the
    writing and profiling of the previous row group (the other core, and this one in turn). The
    queue holds at most ``prefetch_bytes`` of batches. Exceptions reach the consumer in order;
    the reader itself is only ever used and released by Python threads, never by Arrow's own.
    """

    _END = object()

    def __init__(self, reader: pa.RecordBatchReader, max_batches: int) -> None:
        self._queue: queue.Queue[Any] = queue.Queue(max_batches)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(reader,), name="csv-reader", daemon=True)
        self._thread.start()

    def _run(self, reader: pa.RecordBatchReader) -> None:
        try:
            for batch in reader:
                if not self._put(batch):
                    return
        except BaseException as exc:  # handed to the consumer, raised there
            self._put(exc)
        else:
            self._put(self._END)

    def _put(self, item: Any) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.05)
            except queue.Full:
                continue
            return True
        return False

    def __iter__(self) -> Iterator[pa.RecordBatch]:
        while (item := self._queue.get()) is not self._END:
            if isinstance(item, BaseException):
                raise item
            yield item

    def close(self) -> None:
        self._stop.set()
        self._thread.join()


class _ParquetOutput:
    """Groups batches into row groups; each one is written while a helper thread profiles it.

    Both sides spend their time in Arrow kernels that release the GIL, and so does the reader
    thread, which meanwhile parses the next row group into the prefetch queue: memory is this row
    group, the queue (``prefetch_bytes``) and Arrow's read-ahead.
    """

    def __init__(self, path: Path, schema: pa.Schema, options: ConversionOptions) -> None:
        self.path = path
        self.schema = schema
        self.profile = TableProfile(schema, options.sketch_size)
        self.row_groups = 0
        self._row_group_bytes = options.row_group_bytes
        self._pending: list[pa.RecordBatch] = []
        self._pending_bytes = 0
        self._writer: pq.ParquetWriter | None = None
        self._profiling = ThreadPoolExecutor(max_workers=1, thread_name_prefix="profile")

    def add(self, batch: pa.RecordBatch) -> None:
        if batch.num_rows == 0:
            return
        self._pending.append(batch)
        self._pending_bytes += batch.nbytes
        if self._pending_bytes >= self._row_group_bytes:
            self._flush()

    def close(self) -> None:
        if self._pending:
            self._flush()
        if self._writer is None:  # a header without rows still gives a valid, empty file
            self._writer = self._open_writer()
        self._writer.close()
        self._writer = None

    def abort(self) -> None:
        self._profiling.shutdown(wait=True, cancel_futures=True)
        if self._writer is not None:
            self._writer.close()
            self._writer = None

    def _flush(self) -> None:
        table = pa.Table.from_batches(self._pending, self.schema)
        self._pending, self._pending_bytes = [], 0
        if self._writer is None:
            # the first row group is profiled before the writer exists: it decides which columns
            # get dictionary encoding
            self.profile.update(table)
            self._writer = self._open_writer()
            self._writer.write_table(table, table.num_rows)
        else:
            profiled: Future[None] = self._profiling.submit(self.profile.update, table)
            try:
                self._writer.write_table(table, table.num_rows)
            finally:
                profiled.result()
        self.row_groups += 1

    def _open_writer(self) -> pq.ParquetWriter:
        # Dictionary encoding only where values repeat; on mostly-unique columns it is wasted work
        # and a larger file.
        repeated = self.profile.mostly_repeated() if self.profile.row_count else True
        return pq.ParquetWriter(
            self.path, self.schema, compression=PARQUET_COMPRESSION, use_dictionary=repeated or False
        )


def check_header(names: list[str], max_columns: int) -> None:
    if len(names) > max_columns:
        raise BadInputError(f"the header has {len(names)} columns; the limit is {max_columns} (MAX_COLUMNS)")
    for position, name in enumerate(names, start=1):
        if not name.strip():
            raise BadInputError(f"header column {position} has an empty or blank name")
    duplicates = [name for name, count in Counter(names).items() if count > 1]
    if duplicates:
        listed = ", ".join(repr(name) for name in duplicates)
        raise BadInputError(f"duplicate column names in the header: {listed}")


def _diagnose(
    error: pa.ArrowInvalid, schema: pa.Schema | None, csv_path: Path, options: ConversionOptions
) -> Exception:
    message = str(error)
    wrong_count = _WRONG_COLUMN_COUNT.search(message)
    if wrong_count:
        return _row_length_error(
            csv_path,
            int(wrong_count["expected"]),
            int(wrong_count["actual"]),
            wrong_count["text"],
            max_field_bytes=options.max_row_bytes,
        )
    if _ROW_TOO_LONG in message:
        return _RowLongerThanBlock()
    conversion = _CONVERSION_ERROR.search(message)
    if conversion and schema is not None:
        column = schema.field(int(conversion["index"]))
        return _ColumnTooNarrow(column.name, column.type, conversion["value"])
    if _EMPTY_FILE in message:
        return BadInputError("the file is empty: a header row is required")
    return BadInputError(f"malformed CSV: {' '.join(message.split())[:300]}")


def _row_length_error(csv_path: Path, expected: int, actual: int, text: str, max_field_bytes: int) -> BadInputError:
    """Name the physical line of the first row whose column count differs from the header's.

    Arrow's streaming reader does not know line numbers, so the file is scanned again with the
    csv module (same dialect: comma, double quote, doubled quotes); this runs only on failure.
    """
    csv.field_size_limit(max(max_field_bytes, csv.field_size_limit()))
    with open(csv_path, encoding="utf-8-sig", newline="") as handle:
        rows = csv.reader(handle)
        last_line = 0
        try:
            for number, record in enumerate(rows):
                first_line, last_line = last_line + 1, rows.line_num
                if number and record and len(record) != expected:
                    return BadInputError(f"line {first_line}: {len(record)} columns, the header has {expected}")
        except csv.Error:
            pass
    return BadInputError(f"a row has {actual} columns, the header has {expected}: {text[:120]!r}")


def infer_type(value: str) -> pa.DataType:
    """The type Arrow infers for one CSV cell holding ``value``."""
    quoted = '"' + value.replace('"', '""') + '"'
    cell = pcsv.read_csv(
        io.BytesIO(f"value\n{quoted}\n".encode()),
        parse_options=pcsv.ParseOptions(newlines_in_values=True),
        convert_options=_convert_options({}),
    )
    return cell.schema.field(0).type


def wider_type(current: pa.DataType, value: str) -> pa.DataType:
    """The narrowest type holding the values of ``current`` and ``value`` (see the module doc)."""
    seen = infer_type(value)
    if pa.types.is_null(current) and not pa.types.is_null(seen):
        return seen
    if pa.types.is_integer(current) and pa.types.is_floating(seen):
        return pa.float64()
    if pa.types.is_date(current) and pa.types.is_timestamp(seen) and seen.tz is None:
        return seen
    if pa.types.is_timestamp(current) and pa.types.is_timestamp(seen) and current.tz == seen.tz:
        finer = max(current.unit, seen.unit, key=_TIME_UNITS.index)
        if finer != current.unit:
            return pa.timestamp(finer, current.tz)
    return pa.string()
