"""A guard for tests that put a FIFO where a reader might open it."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path


@contextmanager
def unblocking(fifo: Path, after: float = 10.0) -> Iterator[None]:
    """If something opens ``fifo`` for reading and waits, open its other end after ``after`` seconds,
    so a regression fails the test instead of hanging it."""
    done = threading.Event()

    def release() -> None:
        if not done.wait(after):
            with suppress(OSError):  # ENXIO: nobody has it open for reading
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))

    thread = threading.Thread(target=release, daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()
