"""Load test of `accord serve` on loopback: requests/s and p50/p99 latency per endpoint, 50 clients.

Builds a temporary store from the seed articles (ingest, then extraction when available), starts a
real uvicorn server (`accord serve --no-access-log`) on 127.0.0.1 on a free port, in its own process,
and drives it with concurrent keep-alive connections. Bounded: a fixed number of requests per endpoint
and a time cap; it stops by itself. The baseline measured in the same run is GET /static/accord.css (a
static file, no database work); the ratio column says how much slower each endpoint is than that file.

The load generator must measure the server, not itself: by default each client is a bare HTTP/1.1
keep-alive connection on asyncio streams (a few microseconds of client CPU per request).
``--client httpx`` uses httpx.AsyncClient instead, whose own per-request CPU on a loaded 2-core machine
was larger than the server's, so its latencies are mostly queueing inside the client.

    .venv/bin/python bench/serve_load.py [--clients 50] [--requests 1000] [--seconds 60]
        [--workers 1] [--client raw|httpx]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from accord.ingest import ingest_paths
from accord.store import open_store

SEEDS = Path(__file__).resolve().parents[1] / "eval" / "seeds"
ENDPOINTS = [
    "/static/accord.css",
    "/api/v1/stats",
    "/api/v1/articles?limit=20",
    "/api/v1/articles?q=ceasefire",
    "/api/v1/articles/1",
    "/api/v1/actors?limit=50",
    "/api/v1/positions?limit=100",
    "/api/v1/forecasts",
    "/",
    "/articles?q=talks",
    "/articles/1",
]


def build_store(directory: Path) -> str:
    url = f"sqlite:///{directory / 'bench.db'}"
    engine = open_store(url)
    ingest_paths([SEEDS], engine, progress=False)
    try:
        from accord.extract.runner import run_extraction

        run_extraction(engine)
    except Exception as exc:  # extraction is optional for a load test of the server
        print(f"extraction skipped: {exc}")
    engine.dispose()
    return url


def wait_for(port: int, server: subprocess.Popen[bytes], limit: float = 60.0) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"accord serve exited with {server.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("accord serve did not start in time")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def _get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes) -> int:
    """One request on an open keep-alive connection; the whole body is read. Returns the status."""
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            length = int(value)
        elif name == b"transfer-encoding":
            raise SystemExit("the bench client reads Content-Length bodies only")
    await reader.readexactly(length)
    return int(head[9:12])


async def hammer_raw(
    base: str, path: str, clients: int, total: int, cap: float
) -> tuple[list[float], float, int]:
    host, port = base.removeprefix("http://").split(":")
    request = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: */*\r\n\r\n".encode()
    latencies: list[float] = []
    errors = 0
    remaining = total
    connections = [await asyncio.open_connection(host, int(port)) for _ in range(clients)]
    await _get(*connections[0], request)  # warm up caches once
    deadline = time.perf_counter() + cap

    async def worker(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal remaining, errors
        while remaining > 0 and time.perf_counter() < deadline:
            remaining -= 1
            started = time.perf_counter()
            status = await _get(reader, writer, request)
            latencies.append(time.perf_counter() - started)
            if status != 200:
                errors += 1

    began = time.perf_counter()
    await asyncio.gather(*(worker(r, w) for r, w in connections))
    wall = time.perf_counter() - began
    for _, writer in connections:
        writer.close()
    return latencies, wall, errors


async def hammer_httpx(
    base: str, path: str, clients: int, total: int, cap: float
) -> tuple[list[float], float, int]:
    latencies: list[float] = []
    errors = 0
    remaining = total
    deadline = time.perf_counter() + cap

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal remaining, errors
        while remaining > 0 and time.perf_counter() < deadline:
            remaining -= 1
            started = time.perf_counter()
            response = await client.get(path)
            latencies.append(time.perf_counter() - started)
            if response.status_code != 200:
                errors += 1

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        await client.get(path)  # warm up caches once
        began = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(clients)))
        wall = time.perf_counter() - began
    return latencies, wall, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=1000, help="requests per endpoint")
    parser.add_argument("--seconds", type=float, default=60.0, help="time cap per endpoint")
    parser.add_argument("--workers", type=int, default=1, help="server processes (accord serve --workers)")
    parser.add_argument("--client", choices=("raw", "httpx"), default="raw", help="load generator")
    parser.add_argument(
        "--no-cache", action="store_true", help="server rebuilds every answer (ACCORD_SERVE_CACHE=false)"
    )
    args = parser.parse_args()
    hammer = hammer_raw if args.client == "raw" else hammer_httpx

    with tempfile.TemporaryDirectory() as tmp:
        url = build_store(Path(tmp))
        port = free_port()
        # The server runs in its own process (as `accord serve` does), so the load generator's work
        # does not share its interpreter lock.
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "accord",
                "serve",
                "--db",
                url,
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--workers",
                str(args.workers),
                "--no-access-log",
            ],
            stdout=subprocess.DEVNULL,
            env={**os.environ, "ACCORD_SERVE_CACHE": "false" if args.no_cache else "true"},
        )
        wait_for(port, server)
        base = f"http://127.0.0.1:{port}"
        print(
            f"{args.clients} concurrent clients ({args.client}), {args.requests} requests per endpoint, "
            f"{args.workers} server worker(s), cache {'off' if args.no_cache else 'on'}, loopback only; "
            f"load average {os.getloadavg()[0]:.1f} "
            f"on {os.cpu_count()} CPUs"
        )
        print(f"{'endpoint':34} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'x base p50':>10} {'errors':>6}")
        base_p50 = None
        try:
            for path in ENDPOINTS:
                latencies, wall, errors = asyncio.run(
                    hammer(base, path, args.clients, args.requests, args.seconds)
                )
                ordered = sorted(latencies)
                p50 = statistics.median(ordered) * 1000
                p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000
                base_p50 = base_p50 or p50
                print(
                    f"{path:34} {len(latencies) / wall:8.0f} {p50:8.1f} {p99:8.1f} "
                    f"{p50 / base_p50:10.1f} {errors:6d}"
                )
        finally:
            server.terminate()
            server.wait(timeout=20)


if __name__ == "__main__":
    main()
