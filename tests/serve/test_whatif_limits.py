"""A what-if request is bounded (issue 13): too much work is a 413 before any is done; what is allowed
runs in a process of its own, never on the event loop, stopped at its time limit and as soon as the
client goes away (it once held a core for ~200 s after the client left)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.scenario.model import Scenario
from accord.serve import create_app, whatif
from accord.store import open_store


def run_async(fn: Any, *args: Any) -> Any:
    """``anyio.run`` in a thread of its own: the browser tests' Playwright keeps an event loop running in
    the main thread for the whole session."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(anyio.run, fn, *args).result()


pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")


@pytest.fixture(scope="module")
def empty_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """What-if requests never read the store: an empty SQLite one is enough, on one backend."""
    url = f"sqlite:///{tmp_path_factory.mktemp('whatif') / 'accord.db'}"
    open_store(url).dispose()
    return url


@pytest.fixture(scope="module")
def wclient(empty_store: str) -> Any:
    with TestClient(create_app(empty_store)) as test_client:
        yield test_client


def scenario(actors: int, issues: int, name: str = "big") -> dict[str, Any]:
    """Every actor holds a position on every issue (the dearest shape for the models)."""
    return {
        "name": name,
        "issues": [{"id": f"i{j}", "label": f"Issue {j}"} for j in range(issues)],
        "actors": [{"id": f"a{k}", "name": f"A{k}", "capability": 1.0 + k % 7} for k in range(actors)],
        "stances": [
            {"actor": f"a{k}", "issue": f"i{j}", "position": (k * 37 + j * 11) % 101, "salience": 0.5}
            for k in range(actors)
            for j in range(issues)
        ],
    }


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _workers(root: int) -> list[int]:
    """The what-if processes under ``root``: children of its fork server."""
    servers = [
        pid
        for pid in _children(root)
        if b"forkserver" in Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
    ]
    return [child for server in servers for child in _children(server)]


def _wait_for(condition: Any, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return bool(condition())


@pytest.mark.parametrize(
    ("actors", "issues", "draws", "what"),
    [
        (400, 10, 0, "actors is 400, over the limit of 100"),
        (60, 10, 0, "60 actors x 10 issues is 600, over the limit of 500"),
        (20, 13, 200, "20 actors x 13 issues x 200 draws is 52,000, over the limit of 50,000"),
    ],
)
def test_too_much_work_is_a_413_before_any_is_done(
    wclient: TestClient, actors: int, issues: int, draws: int, what: str
) -> None:
    # 400 x 10 used to compute for minutes: the 413 with the limit named shows nothing was computed
    response = wclient.post(f"/api/v1/forecasts?draws={draws}", json=scenario(actors, issues))
    assert response.status_code == 413
    assert "content-security-policy" in response.headers
    error = response.json()["error"]
    assert error["code"] == "A608" and what in error["message"], error["message"]


@given(
    actors=st.integers(0, 300),
    issues=st.integers(0, 60),
    draws=st.integers(0, 1000),
)
@settings(max_examples=200, deadline=None, derandomize=True, database=None)
def test_the_bound_is_what_the_message_says(actors: int, issues: int, draws: int) -> None:
    shape = Scenario.model_construct(
        name="s",
        issues=[None] * issues,  # only counted
        actors=[None] * actors,
        stances=[],
    )
    over = whatif.over_limit(shape, draws)
    inside = (
        actors <= whatif.MAX_ACTORS
        and actors * issues <= whatif.MAX_CELLS
        and actors * issues * draws <= whatif.MAX_WORK
    )
    assert (over is None) == inside
    if over is not None:
        assert int(over["work"].replace(",", "")) > int(over["limit"].replace(",", ""))


def test_the_page_s_own_what_if_stays_within_the_bound(wclient: TestClient) -> None:
    """The example corpus's scenario (12 actors x 13 issues) with the page's 200 draws is allowed."""
    small = scenario(12, 13)
    small["stances"] = small["stances"][:47]
    over = whatif.over_limit(Scenario.model_validate(small), whatif.WHATIF_DRAWS)
    assert over is None
    response = wclient.post("/api/v1/forecasts?draws=20", json=scenario(3, 2, "small"))
    assert response.status_code == 200 and response.json()["draws"] == 20


def test_a_what_if_past_its_time_limit_is_stopped(empty_store: str) -> None:
    with TestClient(create_app(empty_store, whatif_seconds=1.0)) as client:
        # Start the fork server first (its imports take a while), so the limit meets a computing child.
        assert client.post("/api/v1/forecasts", json=scenario(3, 2)).status_code == 200
        started = time.perf_counter()
        response = client.post("/api/v1/forecasts?draws=500", json=scenario(50, 2))
        took = time.perf_counter() - started
    assert response.status_code == 422, response.text[:300]
    assert response.json()["error"]["code"] == "A609"
    assert took < 10, took
    assert _wait_for(lambda: not _workers(os.getpid()), 5), "the worker was left running"


def test_the_event_loop_stays_free_while_a_what_if_computes(empty_store: str) -> None:
    """Other requests are answered while a heavy what-if computes (it used to hold the GIL)."""
    app = create_app(empty_store, whatif_seconds=30.0)

    async def both() -> tuple[float, int, int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            results: dict[str, Any] = {}

            async def heavy() -> None:
                results["heavy"] = await http.post("/api/v1/forecasts?draws=100", json=scenario(40, 2))

            async with anyio.create_task_group() as group:
                group.start_soon(heavy)
                await anyio.sleep(0.5)
                started = time.perf_counter()
                light = await http.get("/api/v1/models")
                results["light_seconds"] = time.perf_counter() - started
            return results["light_seconds"], light.status_code, results["heavy"].status_code

    light_seconds, light_status, heavy_status = run_async(both)
    assert light_status == 200 and heavy_status == 200
    assert light_seconds < 1.0, light_seconds


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_a_real_server_stops_the_work_when_the_client_goes_away(empty_store: str) -> None:
    """`accord serve`, a raw client that sends a heavy what-if and hangs up: the worker is killed at once."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "accord", "serve", "--db", empty_store, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert _wait_for(lambda: _answers(port), 60), "the server did not start"
        body = httpx.Request(
            "POST", f"http://127.0.0.1:{port}/api/v1/forecasts?draws=100", json=scenario(100, 5)
        )
        raw = (
            f"POST /api/v1/forecasts?draws=100 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body.read())}\r\n\r\n"
        ).encode() + body.read()
        with socket.create_connection(("127.0.0.1", port)) as sock:
            sock.sendall(raw)
            assert _wait_for(lambda: _workers(server.pid), 30), "no worker started"
            time.sleep(0.5)
        # The client is gone: the worker must go too, long before it could have finished (minutes).
        assert _wait_for(lambda: not _workers(server.pid), 5), "the worker kept computing"
        assert server.poll() is None
        assert _answers(port)  # and the server still serves
    finally:
        server.terminate()
        _, err = server.communicate(timeout=30)
    assert "Traceback" not in err, err[-2000:]


def _answers(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/api/v1/models", timeout=5).status_code == 200
    except httpx.TransportError:
        return False


def test_the_fork_server_preloads_what_the_console_script_imports() -> None:
    """Each what-if child re-runs `accord serve`'s console script; its import must already be loaded."""
    import tomllib
    from pathlib import Path

    from accord.serve import isolate

    project = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text("utf-8"))
    entry_module = project["project"]["scripts"]["accord"].split(":")[0]
    assert entry_module in isolate.PRELOAD
