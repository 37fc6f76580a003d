"""Run the app under gunicorn: pre-forked threaded workers, access log on stdout.

A connection holds a thread only while it sends, each pause at most VERIFIER_READ_TIMEOUT
seconds: with sync workers two sockets that sent headers and half a body held both workers
until gunicorn killed them, 60 s later. A worker takes no more connections than it has
threads, so one that is busy leaves new connections to the others. Request lines and headers
are bounded, and what gunicorn refuses itself is answered as problem+json.
"""

from __future__ import annotations

import errno
import json
from typing import Any

from gunicorn import util
from gunicorn.app.base import BaseApplication
from gunicorn.workers.gthread import TConn, ThreadWorker

from verifier.language.parse import parse

THREADS = 8  # per worker: stalled clients must hold this many per worker to starve it
# Request line, header count and header size: gunicorn's defaults are 4094 / 100 / 8190.
LIMIT_REQUEST_LINE = 4094
LIMIT_REQUEST_FIELDS = 50
LIMIT_REQUEST_FIELD_SIZE = 8190


class _TimedConn(TConn):  # type: ignore[misc]
    """A connection whose reads give up after the read timeout (gthread reads with none)."""

    def init(self) -> None:
        super().init()
        self.sock.settimeout(Worker.read_timeout)


class Worker(ThreadWorker):  # type: ignore[misc]
    """gunicorn's threaded worker, with a read timeout on every connection and
    problem+json for the requests gunicorn refuses itself."""

    read_timeout = 10.0  # set by run() from VERIFIER_READ_TIMEOUT, before the workers fork

    def init_process(self) -> None:
        # gunicorn answers what it cannot parse (400, 414, 431) with an HTML page written by
        # util.write_error: in this process, write the one error shape instead.
        util.write_error = write_problem
        # the sentence parser is loaded once per worker, before it takes a request, not by
        # the first statement that names a speaker (about half a second)
        parse("Officials said the parser was ready.")
        super().init_process()

    def accept(self, listener: Any) -> None:
        """Accept a connection, as ThreadWorker does, as a connection with a read timeout."""
        try:
            client, address = listener.accept()
        except OSError as error:
            if error.errno not in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                raise
            return
        self.nr_conns += 1
        client.setblocking(True)
        self.enqueue_req(_TimedConn(self.cfg, client, address, listener.getsockname()))


def write_problem(sock: Any, status: int, reason: str, message: str) -> None:
    """Answer a request gunicorn refused before the app saw it, as application/problem+json."""
    body = json.dumps(
        {"type": "about:blank", "title": reason, "status": status, "detail": message}
    ).encode()
    head = (
        f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\n"
        f"Content-Type: application/problem+json\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    util.write_nonblock(sock, head.encode("latin-1") + body)


class _Server(BaseApplication):  # type: ignore[misc]
    """gunicorn driven from Python, so `verifier serve` needs no config file."""

    def __init__(self, options: dict[str, Any], overrides: dict[str, Any]) -> None:
        self.options = options
        self.overrides = overrides
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from verifier.web.app import create_app

        return create_app(self.overrides)


def run(
    host: str, port: int, workers: int, overrides: dict[str, Any], read_timeout: float = 10.0
) -> None:
    """Serve until interrupted."""
    Worker.read_timeout = read_timeout
    options = {
        "bind": f"{host}:{port}",
        "workers": max(1, workers),
        "worker_class": f"{__name__}.Worker",
        "threads": THREADS,
        "worker_connections": THREADS,  # a busy worker leaves new connections to the others
        # No keep-alive: each request comes on a connection of its own, which the workers
        # take in turn. Kept-alive connections, e.g. a proxy's small upstream pool, can all
        # land on one worker while the other idles (the bench's four clients: 228-453 req/s).
        "keepalive": 0,
        "limit_request_line": LIMIT_REQUEST_LINE,
        "limit_request_fields": LIMIT_REQUEST_FIELDS,
        "limit_request_field_size": LIMIT_REQUEST_FIELD_SIZE,
        "accesslog": "-",
        "errorlog": "-",
        "access_log_format": '%(h)s "%(r)s" %(s)s %(b)s %(M)sms',
        "timeout": 60,  # a worker whose main thread stops answering is restarted
        "graceful_timeout": 10,
    }
    _Server(options, overrides).run()
