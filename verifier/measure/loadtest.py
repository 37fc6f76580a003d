"""HTTP load for `verifier bench`: a served store under a bounded concurrent load, timed."""

from __future__ import annotations

import contextlib
import http.client
import itertools
import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import click

from verifier.measure.metrics import percentiles

HTTP_CLIENTS = 4  # two requests in flight per worker: one served, one queued behind it
HTTP_MAX_REQUESTS = 20_000
# wrk (Debian's package) drives the load when it is installed: written in C, it leaves the
# two cores to the server, where the Python client below takes half of one. Its Lua script
# cycles through the bodies and prints what it measured as JSON when done.
WRK_SCRIPT = """
local bodies, i = {}, 0
for line in io.lines(os.getenv("VERIFIER_WRK_BODIES")) do bodies[#bodies + 1] = line end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  i = i + 1
  return wrk.format(nil, "/api/v1/verify", nil, bodies[(i % #bodies) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '\\n{"requests": %d, "micros": %d, "status_errors": %d, "other_errors": %d, '
    .. '"p50": %d, "p95": %d, "p99": %d, "mean": %f}\\n',
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.mean))
end
"""


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


def load_with_wrk(wrk: str, port: int, bodies: list[bytes], seconds: float) -> dict[str, Any]:
    """POST bodies to /api/v1/verify with wrk (one thread, HTTP_CLIENTS connections).

    As with the Python client, only answers with a success status count as served, and a
    request unanswered after 30 s is an error; the latencies are wrk's, over every answer.
    Unlike it, wrk stops at the deadline: requests still in flight then are not counted.
    """
    if not bodies:
        raise click.ClickException("the HTTP load needs at least one statement")
    with tempfile.TemporaryDirectory(prefix="verifier-wrk-") as folder:
        script, lines = Path(folder) / "verify.lua", Path(folder) / "bodies.jsonl"
        script.write_text(WRK_SCRIPT)
        lines.write_bytes(b"\n".join(bodies) + b"\n")
        duration = max(1, round(seconds))
        command = [wrk, "-t1", f"-c{HTTP_CLIENTS}", f"-d{duration}s", "--timeout", "30s"]
        command += ["-s", str(script), f"http://127.0.0.1:{port}"]
        env = os.environ | {"VERIFIER_WRK_BODIES": str(lines)}
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        try:
            done = subprocess.run(
                command, env=env, capture_output=True, text=True, timeout=duration + 60
            )
        except subprocess.TimeoutExpired as error:
            raise click.ClickException(f"wrk did not finish within {duration + 60} s") from error
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0 or not done.stdout.strip():
        raise click.ClickException(f"wrk failed: {(done.stderr or done.stdout).strip()[:500]}")
    found = json.loads(done.stdout.strip().splitlines()[-1])
    elapsed = found["micros"] / 1e6
    served = found["requests"] - found["status_errors"]
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return {
        "n": served,
        "mean_ms": round(found["mean"] / 1000, 3),
        **{f"{p}_ms": round(found[p] / 1000, 3) for p in ("p50", "p95", "p99")},
        "errors": found["status_errors"] + found["other_errors"],
        "seconds": round(elapsed, 2),
        "rps": round(served / elapsed, 1) if elapsed else 0.0,
        "client_cpu": round(cpu / elapsed, 2) if elapsed else 0.0,
        "client": "wrk",
    }


def measure_http(
    path: Path | str, statements: list[str], seconds: float, client: str = "auto"
) -> dict[str, Any]:
    """Serve the store with `verifier serve --workers 2`, load it, read the workers' peak RSS.

    The load comes from wrk when `client` is "wrk", or "auto" and wrk is installed; else from
    the Python client.
    """
    wrk = shutil.which("wrk") if client != "python" else None
    if client == "wrk" and wrk is None:
        raise click.ClickException("--http-client wrk: wrk is not installed (apt-get install wrk)")
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
        if wrk:
            result = load_with_wrk(wrk, port, bodies, seconds)
        else:
            result = load(port, bodies, seconds, HTTP_MAX_REQUESTS) | {"client": "python"}
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
