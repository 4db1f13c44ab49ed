"""UTF-8 validation that names the byte offset of the first bad byte, chunk by chunk."""

from __future__ import annotations

import os

from batch_worker.errors import BadInputError

CHUNK_BYTES = 8 * 1024 * 1024


class Utf8Checker:
    """Feed consecutive chunks of a file, then call ``finish``; raises ``BadInputError``."""

    def __init__(self) -> None:
        self._offset = 0  # absolute offset of the first byte not yet known to be valid
        self._carry = b""  # an incomplete multi-byte sequence at the end of the previous chunk

    def feed(self, chunk: bytes) -> None:
        data = self._carry + chunk if self._carry else chunk
        if data.isascii():  # the common case, at memory speed
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


def check_utf8_file(path: str | os.PathLike[str]) -> None:
    checker = Utf8Checker()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK_BYTES):
            checker.feed(chunk)
    checker.finish()
