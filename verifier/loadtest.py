"""HTTP load for `verifier bench`: a served store under a bounded concurrent load, timed."""

from __future__ import annotations

import contextlib
import http.client
import itertools
import json
import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import click

from verifier.metrics import percentiles

HTTP_CLIENTS = 4  # two requests in flight per worker: one served, one queued behind it
HTTP_MAX_REQUESTS = 20_000


def load(port: int, bodies: list[bytes], seconds: float, limit: int) -> dict[str, Any]:
    """POST bodies to /api/v1/verify from a few threads until `seconds` pass or `limit` are sent."""
    deadline, counter = time.monotonic() + seconds, itertools.count()

    def client(_: int) -> tuple[list[float], int]:
        conn, latencies, errors = http.client.HTTPConnection("127.0.0.1", port, timeout=30), [], 0
        while time.monotonic() < deadline and (i := next(counter)) < limit:
            start = time.perf_counter()
            try:  # sync workers close every connection; http.client reopens it
                headers = {"Content-Type": "application/json"}
                conn.request("POST", "/api/v1/verify", bodies[i % len(bodies)], headers)
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                conn.close()
            latencies += [time.perf_counter() - start] if ok else []
            errors += not ok
        conn.close()
        return latencies, errors

    cpu, start = time.process_time(), time.perf_counter()
    with ThreadPoolExecutor(HTTP_CLIENTS) as pool:
        done = list(pool.map(client, range(HTTP_CLIENTS)))
    elapsed = time.perf_counter() - start
    latencies = [t for part, _ in done for t in part]
    return percentiles(latencies) | {
        "errors": sum(e for _, e in done),
        "seconds": round(elapsed, 2),
        "rps": round(len(latencies) / elapsed, 1),
        "client_cpu": round((time.process_time() - cpu) / elapsed, 2),  # cores the client used
    }


def measure_http(path: Path, statements: list[str], seconds: float) -> dict[str, Any]:
    """Serve the store with `verifier serve --workers 2`, load it, read the workers' peak RSS."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    env = os.environ | {"VERIFIER_DATABASE": str(path), "VERIFIER_SEMANTIC": "off"}
    env |= {"VERIFIER_RATE_LIMIT": "", "VERIFIER_LOCK_READS": "false", "VERIFIER_READ_KEYS": ""}
    env |= {"VERIFIER_VERDICT_CACHE": "0"}  # statements repeat in the load: time real work
    command = [sys.executable, "-m", "verifier", "serve", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--workers", "2"]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        wait_healthy(port, server, timeout=120)
        bodies = [json.dumps({"statement": s}).encode() for s in statements]
        load(port, bodies[::-1], 30, 60)  # warm-up: both workers import, connect and cache
        result = load(port, bodies, seconds, HTTP_MAX_REQUESTS)
        rss = worker_peak_rss_mb(server.pid)
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    return result | {"workers": 2, "worker_rss_mb": rss, "max_rss_mb": max(rss, default=None)}


def wait_healthy(port: int, server: subprocess.Popen[bytes], timeout: float) -> None:
    """Wait until the server answers /health; fail if it exits or takes longer than `timeout`."""
    deadline = time.monotonic() + timeout
    while server.poll() is None and time.monotonic() < deadline:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        with contextlib.suppress(OSError), contextlib.closing(conn):
            conn.request("GET", "/health")
            if conn.getresponse().status == 200:
                return
        time.sleep(0.2)
    raise click.ClickException("verifier serve exited or was not healthy in time")


def worker_peak_rss_mb(pid: int) -> list[float]:
    """Return the peak resident set size (VmHWM, MB) of each child of a process, from /proc."""
    peaks = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1]) != pid:
                continue
            status = (proc / "status").read_text().splitlines()
            peaks += [int(s.split()[1]) / 1024 for s in status if s.startswith("VmHWM:")]
        except (OSError, IndexError, ValueError):
            continue  # not ours, or gone meanwhile
    return [round(p, 1) for p in peaks]
