"""A real, throw-away PostgreSQL server for the test session.

Debian's binaries (``/usr/lib/postgresql/<version>/bin``) build a cluster in a temporary directory and
serve it on loopback at a free port, with the unix socket inside that directory too, so nothing touches
the machine's own PostgreSQL. PostgreSQL refuses to run as root; when the tests run as root the server
runs as the ``postgres`` system user that Debian's package creates. Durability is switched off (fsync,
synchronous commit): the data lives for one test session, and the store tests care about behaviour.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from psycopg import sql

INSTALL_HINT = "install it with: bash scripts/install-system-deps.sh (Debian package postgresql)"


class PostgresUnavailable(RuntimeError):
    """PostgreSQL could not be found or started; the message says why and how to fix it."""


def find_bin_dir() -> Path:
    """The newest Debian PostgreSQL ``bin`` directory, or ``$ACCORD_PG_BIN`` if set."""
    explicit = os.environ.get("ACCORD_PG_BIN")
    if explicit:
        candidates = [explicit]
    else:
        candidates = sorted(
            glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name.split(".")[0])
        )
    for candidate in reversed(candidates):
        if (Path(candidate) / "initdb").is_file() and (Path(candidate) / "pg_ctl").is_file():
            return Path(candidate)
    raise PostgresUnavailable(f"no initdb/pg_ctl found under /usr/lib/postgresql/*/bin; {INSTALL_HINT}")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _server_user() -> str | None:
    """The system user to run the server as, or None to run it as ourselves."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam("postgres")
    except KeyError as exc:
        raise PostgresUnavailable(f"running as root and there is no 'postgres' user; {INSTALL_HINT}") from exc
    return "postgres"


@dataclass
class PostgresServer:
    """One running cluster; ``url(dbname)`` gives SQLAlchemy URLs, ``create_database`` fresh databases."""

    bin_dir: Path
    root: Path
    port: int
    user: str | None
    role: str = "accord"
    _counter: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def _run(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.user is not None:
            command = ["runuser", "-u", self.user, "--", *command]
        return subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, check=False, cwd=self.root
        )

    def start(self) -> None:
        if self.user is not None:
            shutil.chown(self.root, user=self.user)
        init = self._run(
            "initdb", "-D", str(self.data_dir), "-U", self.role, "-A", "trust", "-E", "UTF8",
            "--locale=C", "--no-sync",
        )  # fmt: skip
        if init.returncode != 0:
            raise PostgresUnavailable(f"initdb failed: {init.stderr.strip() or init.stdout.strip()}")
        options = " ".join(
            [
                f"-p {self.port}",
                "-c listen_addresses=127.0.0.1",
                f"-c unix_socket_directories={self.root}",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
                "-c max_connections=200",
                "-c shared_buffers=32MB",
            ]
        )
        started = self._run(
            "pg_ctl", "-D", str(self.data_dir), "-l", str(self.root / "server.log"), "-o", options,
            "-w", "-t", "60", "start",
        )  # fmt: skip
        if started.returncode != 0:
            log = (self.root / "server.log").read_text(errors="replace")[-2000:]
            raise PostgresUnavailable(f"pg_ctl start failed: {started.stderr.strip()} {log}")

    def stop(self) -> None:
        if self.data_dir.is_dir():
            self._run("pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql+psycopg://{self.role}@127.0.0.1:{self.port}/{dbname}"

    def _admin(self) -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(
            host="127.0.0.1", port=self.port, user=self.role, dbname="postgres", autocommit=True
        )

    def create_database(self, prefix: str = "accord_test") -> str:
        """A fresh, empty database (copied from ``template0``); returns its SQLAlchemy URL."""
        name = f"{prefix}_{os.getpid()}_{next(self._counter)}"
        with self._admin() as conn:
            conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE template0").format(sql.Identifier(name)))
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        with self._admin() as conn:
            # FORCE ends sessions a test left open (a pool it did not dispose, a killed worker).
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def start_server() -> PostgresServer:
    """Build and start a cluster in a new temporary directory; the caller must ``stop()`` it."""
    bin_dir = find_bin_dir()
    user = _server_user()
    # The server user must reach the directory: as root, use /tmp itself rather than a $TMPDIR that
    # may sit under root's private home.
    root = Path(tempfile.mkdtemp(prefix="accord-pg-", dir="/tmp" if user is not None else None))
    server = PostgresServer(bin_dir=bin_dir, root=root, port=free_port(), user=user)
    try:
        server.start()
    except BaseException:
        server.stop()
        raise
    deadline = time.monotonic() + 30
    while True:
        try:
            with server._admin():
                return server
        except psycopg.OperationalError as exc:
            if time.monotonic() > deadline:
                server.stop()
                raise PostgresUnavailable(f"server on port {server.port} does not answer: {exc}") from exc
            time.sleep(0.2)
