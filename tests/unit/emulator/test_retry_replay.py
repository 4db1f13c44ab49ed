"""harness.emulator.retry_replay: a retried SDK invocation gets the first successful answer, once per call."""

import socket
import threading

import pytest

from harness.emulator.retry_replay import SdkRetryReplay

pytestmark = pytest.mark.unit


class CreateOnce:
    """A WSGI app that creates a thing on the first call and answers Conflict afterwards, like moto."""

    def __init__(self, first_status: str = "200 OK") -> None:
        self.calls = 0
        self.first_status = first_status

    def __call__(self, environ, start_response):
        self.calls += 1
        if "wsgi.input" in environ:  # moto reads the whole request body
            environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        if self.calls == 1:
            start_response(self.first_status, [("Content-Type", "text/xml")])
            return [b"<created id='1'/>"]
        start_response("400 Bad Request", [("Content-Type", "text/xml")])
        return [b"<Error>Conflict</Error>"]


def _call(app, invocation=None, attempt=1):
    environ = {"REQUEST_METHOD": "POST", "PATH_INFO": "/"}
    if invocation:
        environ["HTTP_AMZ_SDK_INVOCATION_ID"] = invocation
        environ["HTTP_AMZ_SDK_REQUEST"] = f"attempt={attempt}; max=3"
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"] = status

    body = b"".join(app(environ, start_response))
    return answer["status"], body


def test_retry_of_a_carried_out_call_gets_the_first_answer():
    inner = CreateOnce()
    app = SdkRetryReplay(inner)
    assert _call(app, "inv-1") == ("200 OK", b"<created id='1'/>")
    assert _call(app, "inv-1", attempt=2) == ("200 OK", b"<created id='1'/>")
    assert inner.calls == 1 and app.replayed == 1


def test_a_new_invocation_is_not_replayed():
    inner = CreateOnce()
    app = SdkRetryReplay(inner)
    _call(app, "inv-1")
    assert _call(app, "inv-2") == ("400 Bad Request", b"<Error>Conflict</Error>")
    assert _call(app) == ("400 Bad Request", b"<Error>Conflict</Error>")


def test_a_failed_first_attempt_is_retried_for_real():
    inner = CreateOnce(first_status="500 Internal Server Error")
    app = SdkRetryReplay(inner)
    assert _call(app, "inv-1")[0] == "500 Internal Server Error"
    assert _call(app, "inv-1", attempt=2)[0] == "400 Bad Request"
    assert inner.calls == 2 and app.replayed == 0


def test_answers_are_forgotten_after_the_window(monkeypatch):
    import harness.emulator.retry_replay as module

    inner = CreateOnce()
    app = SdkRetryReplay(inner, window=10)
    clock = [1000.0]
    monkeypatch.setattr(module.time, "monotonic", lambda: clock[0])
    _call(app, "inv-1")
    clock[0] += 11
    assert _call(app, "inv-1", attempt=2)[0] == "400 Bad Request"


def _raw_post(port: int, invocation: str, attempt: int, body: bytes) -> bytes:
    """One POST on its own connection; everything the server sends until it closes the connection."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        head = (
            f"POST / HTTP/1.1\r\nHost: localhost\r\namz-sdk-invocation-id: {invocation}\r\n"
            f"amz-sdk-request: attempt={attempt}; max=2\r\nContent-Length: {len(body)}\r\n\r\n"
        )
        connection.sendall(head.encode() + body)
        received = b""
        while chunk := connection.recv(65536):
            received += chunk
    return received


def test_a_replayed_answer_is_the_only_answer_on_its_connection():
    # The retry's body is left unread by the replay unless it is drained, and werkzeug then parses it as a
    # next request: the client gets an unsolicited second answer (or a connection that never ends).
    from werkzeug.serving import make_server

    app = CreateOnce()
    server = make_server("127.0.0.1", 0, SdkRetryReplay(app), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        body = b"Action=CreateThing&Name=" + b"x" * 200_000 + b"\r\nGET / HTTP/1.1\r\n\r\n"
        first = _raw_post(server.port, "inv-raw", 1, body)
        retry = _raw_post(server.port, "inv-raw", 2, body)
    finally:
        server.shutdown()
    first_head, first_body = first.split(b"\r\n\r\n", 1)
    retry_head, retry_body = retry.split(b"\r\n\r\n", 1)
    assert first_head.startswith(b"HTTP/1.1 200") and b"<created id='1'/>" in first_body
    assert retry_head.startswith(b"HTTP/1.1 200") and retry_body == first_body, retry
    assert app.calls == 1
