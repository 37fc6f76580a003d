"""verifier serve: slow or stalled clients never starve it, and gunicorn's own refusals are
problem+json like every other error."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from tests.conftest import Server, start_server

READ_TIMEOUT_S = 1.0


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("served")
    running = start_server(
        folder / "served.db",
        {"VERIFIER_READ_TIMEOUT": str(READ_TIMEOUT_S)},
        log=folder / "server.log",
    )
    yield running
    running.process.terminate()
    running.process.wait(timeout=15)


def _connect(server: Server) -> socket.socket:
    address = urlsplit(server.base)
    return socket.create_connection((address.hostname, address.port), timeout=10)


def _stall(server: Server) -> socket.socket:
    """Open a connection that sends headers and 15 of the 100 body bytes it promises."""
    sock = _connect(server)
    sock.sendall(
        b"POST /api/v1/verify HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b'Content-Length: 100\r\n\r\n{"statement": "'
    )
    return sock


def _raw(server: Server, request: bytes) -> tuple[int, str, bytes]:
    """Send raw bytes; return the status, content type and body of the answer."""
    with _connect(server) as sock:
        sock.sendall(request)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
    return int(lines[0].split()[1]), headers.get("Content-Type", ""), body


def test_stalled_clients_do_not_starve_the_service(served: Server) -> None:
    stalled = [_stall(served) for _ in range(10)]  # more than one worker has threads
    try:
        time.sleep(0.3)
        for _ in range(5):
            started = time.perf_counter()
            status, body, _ = served.request("GET", "/health")
            assert status == 200 and body["status"] == "ok"
            assert time.perf_counter() - started < 2.0
            status, verdict, _ = served.request(
                "POST", "/api/v1/verify", {"statement": "About 5,000 U.S. troops remain."}
            )
            assert status == 200 and verdict["verdict"] in {"supported", "contradicted"}
    finally:
        for sock in stalled:
            sock.close()


def test_a_stalled_client_is_cut_off_after_the_read_timeout(served: Server) -> None:
    with _stall(served) as sock:
        started = time.perf_counter()
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
        waited = time.perf_counter() - started
    assert READ_TIMEOUT_S * 0.5 < waited < READ_TIMEOUT_S + 3
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split()[1])
    assert status in (400, 408) and b"application/problem+json" in head
    assert json.loads(body)["status"] == status


GUNICORN_REFUSALS = [
    ("NUL in a header", b"GET /health HTTP/1.1\r\nHost: x\r\nX-A: a\x00b\r\n\r\n", 400),
    ("request line too long", b"GET /" + b"a" * 5000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
    (
        "too many headers",
        b"GET /health HTTP/1.1\r\nHost: x\r\n"
        + b"".join(b"X-%d: a\r\n" % i for i in range(60))
        + b"\r\n",
        431,
    ),
    (
        "header too large",
        b"GET /health HTTP/1.1\r\nHost: x\r\nX-A: " + b"a" * 9000 + b"\r\n\r\n",
        431,
    ),
    ("not HTTP", b"HELLO\r\n\r\n", 400),
]


@pytest.mark.parametrize(
    ("request_bytes", "status"),
    [case[1:] for case in GUNICORN_REFUSALS],
    ids=[case[0] for case in GUNICORN_REFUSALS],
)
def test_requests_gunicorn_refuses_get_problem_json(
    served: Server, request_bytes: bytes, status: int
) -> None:
    got, content_type, body = _raw(served, request_bytes)
    assert (got, content_type) == (status, "application/problem+json")
    problem = json.loads(body)
    assert problem["status"] == status and problem["title"] and problem["detail"]
