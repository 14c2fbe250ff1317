"""What every scenario is given: where the server binary and seeds are, the run's size."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from .http import Client, request
from .server import DossierServer


@dataclass
class Context:
    binary: str
    seeds: str
    log_dir: str
    short: bool
    #: Parent of the servers' data directories. Writes are fsynced before they are
    #: acknowledged; on a busy shared disk that alone can take 100s of ms, so faults.py
    #: prefers /dev/shm: these scenarios test the HTTP layer, not the disk.
    data_parent: str | None = None

    def server(self, name: str, args: list[str] | None = None, nofile: int | None = None,
               env: dict[str, str] | None = None) -> DossierServer:
        """A server for one scenario (not yet started: use it as a context manager)."""
        return DossierServer(self.binary, self.seeds, name, args=args, nofile=nofile, log_dir=self.log_dir,
                             data_parent=self.data_parent, env=env)

    def pick(self, short, full):
        """`short` under --short, `full` otherwise."""
        return short if self.short else full


async def fetch(port: int, path: str = "/healthz", *, timeout: float = 5.0) -> int:
    """Status of one GET on a fresh connection (raises on failure)."""
    client = await Client.connect(port, timeout=timeout)
    try:
        response = await client.request(request("GET", path, close=True), timeout=timeout)
        return response.status
    finally:
        client.close()


async def warm_up(port: int) -> None:
    """Health checks, and one write, so that the journal file is open before a baseline count."""
    await healthy(port, 10)
    client = await Client.connect(port)
    try:
        body = b"Warm-up\n\nLISBON - The load test wrote this document before measuring.\n"
        response = await client.request(
            request("POST", "/v1/documents", body=body, headers={"Content-Type": "text/plain"}, close=True))
        if response.status != 201:
            raise RuntimeError(f"warm-up POST answered {response.status}: {response.body[:200]!r}")
    finally:
        client.close()


async def healthy(port: int, count: int = 20, *, timeout: float = 5.0) -> tuple[int, list[str]]:
    """Sends `count` GET /healthz on fresh connections, 5 at a time; returns (ok, failures)."""
    failures: list[str] = []
    ok = 0
    semaphore = asyncio.Semaphore(5)

    async def one() -> None:
        nonlocal ok
        async with semaphore:
            try:
                status = await fetch(port, timeout=timeout)
            except Exception as error:  # noqa: BLE001 - any failure is reported, not raised
                failures.append(f"{type(error).__name__}: {error}")
                return
            if status == 200:
                ok += 1
            else:
                failures.append(f"status {status}")

    await asyncio.gather(*(one() for _ in range(count)))
    return ok, failures


async def stable_fds(server: DossierServer, settle: float = 3.0) -> int:
    """The server's descriptor count once it stops changing (lingering closes finish)."""
    await asyncio.sleep(0.3)
    previous = server.fd_count()
    deadline = asyncio.get_running_loop().time() + settle
    while asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.3)
        current = server.fd_count()
        if current == previous:
            return current
        previous = current
    return previous


async def settle_fds(server: DossierServer, baseline: int, timeout: float) -> tuple[int, float]:
    """Waits (without blocking the loop) until the server's fd count is back to `baseline`."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, server.wait_for_fds, baseline, timeout)
