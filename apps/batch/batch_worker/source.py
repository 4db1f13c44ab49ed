"""The byte stream Arrow's CSV reader pulls from: checks UTF-8 and bounds Arrow's read-ahead."""

from __future__ import annotations

import io
import threading
from typing import BinaryIO

from batch_worker.errors import BadInputError

# Arrow's streaming CSV reader reads up to 32 blocks ahead of the consumer (ARROW-12090, not
# configurable); past this many unconsumed blocks, read() waits until a batch has been consumed.
DEFAULT_BLOCKS_AHEAD = 8
# Arrow yields one batch per block, but may need a few blocks more than that before the next
# batch when a row spans blocks; after this wait a read goes ahead anyway, so the gate can slow
# the reader down but never dead-lock it.
GATE_TIMEOUT_SECONDS = 0.25


class Utf8Checker:
    """Incremental UTF-8 validation that reports the absolute byte offset of the first bad byte."""

    def __init__(self) -> None:
        self._offset = 0  # absolute offset of the first byte not yet known to be valid
        self._carry = b""  # an incomplete multi-byte sequence at the end of the previous chunk

    def feed(self, chunk: bytes) -> None:
        data = self._carry + chunk if self._carry else chunk
        if data.isascii():
            self._offset += len(data)
            self._carry = b""
            return
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.end == len(data) and exc.reason == "unexpected end of data":
                self._offset += exc.start
                self._carry = data[exc.start :]
                return
            raise BadInputError(
                f"invalid UTF-8 at byte offset {self._offset + exc.start} ({exc.reason}, "
                f"byte 0x{data[exc.start]:02x}); the file must be UTF-8 encoded"
            ) from None
        self._offset += len(data)
        self._carry = b""

    def finish(self) -> None:
        if self._carry:
            raise BadInputError(
                f"invalid UTF-8 at byte offset {self._offset}: the file ends inside a multi-byte character"
            )


class CheckedSource(io.RawIOBase):
    """Read-only file object for ``pyarrow.csv.open_csv``.

    Arrow calls ``read`` from its I/O thread; an exception raised here (invalid UTF-8) reaches the
    consumer unchanged. The consumer calls ``block_consumed`` once per record batch it has taken.
    """

    def __init__(self, raw: BinaryIO, blocks_ahead: int = DEFAULT_BLOCKS_AHEAD) -> None:
        super().__init__()
        self._raw = raw
        self._checker = Utf8Checker()
        self._blocks_ahead = blocks_ahead
        self._gate = threading.Condition()
        self._reads = 0
        self._consumed = 0
        self._released = False
        self.bytes_read = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        with self._gate:
            self._gate.wait_for(
                lambda: self._released or self._reads - self._consumed < self._blocks_ahead,
                timeout=GATE_TIMEOUT_SECONDS,
            )
            if self._released:
                return b""
            self._reads += 1
        chunk = self._raw.read(size)
        if chunk:
            self._checker.feed(chunk)
            self.bytes_read += len(chunk)
        else:
            self._checker.finish()
        return chunk

    def block_consumed(self) -> None:
        with self._gate:
            self._consumed += 1
            self._gate.notify_all()

    def release(self) -> None:
        """Stop feeding Arrow (on failure): pending and later reads return end-of-file at once."""
        with self._gate:
            self._released = True
            self._gate.notify_all()
