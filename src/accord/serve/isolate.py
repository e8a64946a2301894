"""Run one CPU-heavy call (a what-if's forecasts and Monte Carlo draws) in a child process of its own,
so that it never holds the event loop or the GIL of the server, stops at a time limit, and stops as soon
as the client that asked for it goes away: the child is killed, its work thrown away.

Children come from a fork server (``multiprocessing``'s ``forkserver``) that has already imported the
models, so starting one costs a fork, not an interpreter and its imports; a fork from the server itself,
with its threads and open connections, would not be safe. The call's arguments carry every setting it
uses (the server read them once at start), so a child computes with the parent's values whatever the
fork server's environment.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

import anyio
from starlette.types import Receive

T = TypeVar("T")
# The fork server imports these once. Every child also re-runs the parent's main script: `accord serve` is
# the console script, whose `from accord.cli import main` cost each what-if about a second until accord.cli
# was preloaded (Python 3.11's fork server never preloads a script's __main__: it looks for 'main_path'
# where the preparation data says 'init_main_from_path').
PRELOAD = ["accord.cli", "accord.serve.whatif"]
_lock = threading.Lock()
_context: Any = None
# How many children may compute at once in one server process: one per core.
SLOTS = threading.BoundedSemaphore(max(1, os.cpu_count() or 1))


class ClientGone(Exception):
    """The client disconnected before the answer was ready; the work was stopped."""


class ChildFailed(Exception):
    """The child died without an answer (killed by the system, out of memory)."""


def context() -> Any:
    """The multiprocessing context children are started from (one fork server per server process)."""
    global _context
    with _lock:
        if _context is None:
            if "forkserver" in multiprocessing.get_all_start_methods():
                _context = multiprocessing.get_context("forkserver")
                _context.set_forkserver_preload(PRELOAD)
            else:  # pragma: no cover - platforms without fork (Windows)
                _context = multiprocessing.get_context("spawn")
    return _context


def _child(conn: Connection, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
    try:
        outcome: tuple[str, Any] = ("ok", fn(*args))
    except Exception as exc:  # every failure goes back to the parent, which decides what it means
        outcome = ("error", exc)
    try:
        conn.send(outcome)
    except Exception as exc:  # an exception that does not pickle
        conn.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))
    conn.close()


async def _client_gone(receive: Receive) -> None:
    """Return once the client has disconnected (the request body was read before)."""
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return


async def run_isolated(fn: Callable[..., T], *args: Any, timeout: float, receive: Receive | None = None) -> T:
    """``fn(*args)`` in a child process, at most :data:`SLOTS` at once (later calls wait their turn).
    Raises :class:`TimeoutError` after ``timeout`` seconds, waiting included, and :class:`ClientGone` once
    ``receive`` reports a disconnect (the child is killed in both cases); what ``fn`` raised if it raised;
    :class:`ChildFailed` if the child died without an answer."""
    ctx = context()
    parent_end, child_end = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(child_end, fn, args), daemon=True)
    outcome: tuple[str, Any] | None = None
    gone = holding = False

    try:
        with anyio.fail_after(timeout):
            async with anyio.create_task_group() as group:

                async def answer() -> None:
                    nonlocal outcome, holding
                    while not SLOTS.acquire(blocking=False):
                        await anyio.sleep(0.05)
                    holding = True
                    try:
                        await anyio.to_thread.run_sync(process.start)  # the first one starts the server
                    finally:
                        child_end.close()  # the child has its own copy now
                    outcome = await anyio.to_thread.run_sync(_wait, parent_end, abandon_on_cancel=True)
                    group.cancel_scope.cancel()

                async def watch() -> None:
                    nonlocal gone
                    assert receive is not None
                    await _client_gone(receive)
                    gone = True
                    group.cancel_scope.cancel()

                group.start_soon(answer)
                if receive is not None:
                    group.start_soon(watch)
    finally:
        exitcode = await _reap(process, child_end, parent_end)
        if holding:
            SLOTS.release()
    if gone:
        raise ClientGone
    if outcome is None:
        raise ChildFailed(f"the worker process ended with exit code {exitcode}")
    kind, value = outcome
    if kind == "error":
        raise value
    return value  # type: ignore[no-any-return]


def _wait(parent_end: Connection) -> tuple[str, Any] | None:
    """The child's outcome, None when it died without one; closes the parent's end."""
    # This thread owns the parent's end: it may outlive a cancelled request by a moment (until the
    # killed child's end closes), so nothing else closes it under its feet.
    try:
        return parent_end.recv()  # type: ignore[no-any-return]
    except (EOFError, OSError):  # the child died, or was killed
        return None
    finally:
        parent_end.close()


async def _reap(process: Any, child_end: Connection, parent_end: Connection) -> int | None:
    """Kill the child if it still runs and reap it; its exit code (None if it never started)."""
    exitcode: int | None = None
    if process.pid is not None:
        if process.is_alive():
            process.kill()
        # Reap the child off the event loop (it is dead or dying: this takes milliseconds).
        with anyio.CancelScope(shield=True):
            await anyio.to_thread.run_sync(process.join)
        exitcode = process.exitcode
    else:
        child_end.close()
        parent_end.close()
    process.close()
    return exitcode
