"""Answer an SDK retry of a call the emulator already carried out with the first attempt's answer.

AWS SDKs send ``amz-sdk-invocation-id`` (the same for every attempt of one call) and ``amz-sdk-request:
attempt=N``. Under load a first attempt can be carried out by the emulator while the SDK has given up on it
and retries; the retry then meets the first attempt's effect (``InvalidSubnet.Conflict``,
``EntityAlreadyExists``, ``InvalidPermission.Duplicate``) and Terraform fails on an error AWS would not
give for the same sequence. This WSGI middleware remembers each invocation's successful answer for a while
and gives it to the later attempts of the same invocation; a failed first attempt is not replayed, so a
retry after a real error runs again as the SDK intends.

A replayed answer still reads the retry's request body first: werkzeug's server does not drain what the
application left unread, and parses it as the next request on the connection, so the client would get a
second, unsolicited answer after the replayed one (the Go SDK then drops the connection mid-body: "use of
closed network connection").
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

REPLAY_WINDOW_SECONDS = 120.0
WAIT_FOR_FIRST_ATTEMPT_SECONDS = 60.0


@dataclass
class _Invocation:
    started: float
    done: threading.Event = field(default_factory=threading.Event)
    status: str | None = None
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""


class SdkRetryReplay:
    def __init__(self, app: Callable[..., Iterable[bytes]], window: float = REPLAY_WINDOW_SECONDS) -> None:
        self.app = app
        self.window = window
        self._lock = threading.Lock()
        self._invocations: dict[str, _Invocation] = {}
        self.replayed = 0

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        invocation_id = environ.get("HTTP_AMZ_SDK_INVOCATION_ID")
        if not invocation_id:
            return self.app(environ, start_response)
        now = time.monotonic()
        with self._lock:
            for key in [k for k, v in self._invocations.items() if now - v.started > self.window]:
                del self._invocations[key]
            earlier = self._invocations.get(invocation_id)
            if earlier is None:
                invocation = self._invocations[invocation_id] = _Invocation(started=now)
        if earlier is not None:
            earlier.done.wait(WAIT_FOR_FIRST_ATTEMPT_SECONDS)
            if earlier.status is not None and earlier.status.startswith("2"):
                with self._lock:
                    self.replayed += 1
                _discard_request_body(environ)
                start_response(earlier.status, list(earlier.headers))
                return [earlier.body]
            return self.app(environ, start_response)

        captured: dict[str, Any] = {}

        def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            captured["status"], captured["headers"] = status, headers
            return start_response(status, headers, exc_info) if exc_info else start_response(status, headers)

        try:
            result = self.app(environ, capture)
            try:
                body = b"".join(result)
            finally:
                close = getattr(result, "close", None)
                if close is not None:
                    close()
            invocation.status, invocation.headers, invocation.body = (
                captured.get("status"),
                captured.get("headers", []),
                body,
            )
            return [body]
        finally:
            invocation.done.set()


def _discard_request_body(environ: dict[str, Any]) -> None:
    stream = environ.get("wsgi.input")
    if stream is None:
        return
    if environ.get("wsgi.input_terminated"):  # chunked: the server's stream ends with the body
        while stream.read(65536):
            pass
        return
    remaining = int(environ.get("CONTENT_LENGTH") or 0)
    while remaining > 0:
        chunk = stream.read(min(remaining, 65536))
        if not chunk:
            break
        remaining -= len(chunk)
