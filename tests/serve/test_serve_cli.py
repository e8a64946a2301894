"""`accord serve` as a real process: several workers on one port, no access log when asked."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from typing import Any

import httpx


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_with_two_workers_and_no_access_log(served_db: dict[str, Any]) -> None:
    port = _free_port()
    command = [sys.executable, "-m", "accord", "serve", "--db", served_db["url"], "--port", str(port)]
    server = subprocess.Popen(
        [*command, "--workers", "2", "--no-access-log"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        answers: list[httpx.Response] = []
        while time.monotonic() < deadline and len(answers) < 6:
            try:
                answers.append(httpx.get(f"http://127.0.0.1:{port}/api/v1/stats", timeout=10))
            except httpx.TransportError:
                assert server.poll() is None, server.communicate()[1]
                time.sleep(0.2)
        assert [a.status_code for a in answers] == [200] * 6
        assert answers[0].json()["articles"] >= 4
    finally:
        server.terminate()
        out, err = server.communicate(timeout=30)
    assert "GET /api/v1/stats" not in out + err  # no access log
    assert err.count("Started server process") >= 2, err  # the parent and two workers


def test_settling_the_heap_freezes_start_up_objects() -> None:
    import gc

    from accord.serve.app import settle_heap

    try:
        settle_heap()
        assert gc.get_freeze_count() > 10_000  # the start-up objects no full collection walks again
    finally:
        gc.unfreeze()
