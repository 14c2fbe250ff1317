"""Closed-loop keep-alive clients: each sends a request, waits for the response, repeats.

Used for the 1,000-client soak, for the "normal clients" whose latency the slowloris
scenario compares, and for the traffic the graceful-shutdown scenario interrupts. Every
request's outcome is classified (complete with an expected status, unexpected status,
truncated, no response, refused, timeout) so a scenario can grade them as it needs.
"""

from __future__ import annotations

import asyncio
import collections
import errno
from dataclasses import dataclass, field

from .http import Client, ConnectionEnded, Outcome, now, request
from .report import ms, percentile

SEED_DOCUMENT = "000_65728c7abcf48230"


@dataclass(frozen=True)
class Target:
    """One kind of request and the statuses that count as success."""
    label: str
    raw: bytes
    expect: frozenset[int] = frozenset({200})


def get(label: str, path: str, expect: frozenset[int] = frozenset({200})) -> Target:
    return Target(label, request("GET", path), expect)


#: Reads that touch the main routes: cheap, paged list, full document, search, entities.
READ_MIX = [
    get("healthz", "/healthz"),
    get("list", "/v1/documents?limit=10"),
    get("document", f"/v1/documents/{SEED_DOCUMENT}"),
    get("search", "/v1/search?q=human+rights"),
    get("entities", "/v1/entities?type=person"),
    get("missing", "/v1/documents/no-such-document", frozenset({404})),
]


def post_document(serial: int) -> Target:
    """A small text/plain POST (fsynced to the journal before its 201)."""
    text = f"Load test {serial}\n\nLISBON — Load test document {serial} was written under load.\n".encode()
    raw = request("POST", "/v1/documents", body=text, headers={"Content-Type": "text/plain; charset=utf-8"})
    return Target("post", raw, frozenset({201}))


@dataclass
class LoadStats:
    """Totals over every client of one run."""
    clients: int = 0
    requests: int = 0
    ok: int = 0
    latencies: list[float] = field(default_factory=list)
    errors: collections.Counter = field(default_factory=collections.Counter)
    statuses: collections.Counter = field(default_factory=collections.Counter)
    connects: int = 0
    seconds: float = 0.0
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())

    def p(self, fraction: float) -> float | None:
        return percentile(self.latencies, fraction)

    @property
    def rate(self) -> float:
        return self.ok / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        errors = ", ".join(f"{name} {count}" for name, count in self.errors.most_common()) or "none"
        return (f"{self.clients} clients, {self.requests} requests ({self.rate:.0f}/s), {self.ok} ok, "
                f"errors: {errors}; p50 {ms(self.p(0.5))} p99 {ms(self.p(0.99))} max {ms(self.p(1.0))}")


def classify(error: BaseException) -> str:
    """A short name for why a request failed."""
    if isinstance(error, ConnectionEnded):
        return "truncated" if error.received else ("reset-before-response" if error.reset else "closed-before-response")
    if isinstance(error, asyncio.TimeoutError):
        return "timeout"
    if isinstance(error, ConnectionRefusedError):
        return "refused"
    if isinstance(error, OSError):
        return errno.errorcode.get(error.errno or 0, type(error).__name__)
    return type(error).__name__


async def run_clients(port: int, clients: int, duration: float, mix: list[Target], *,
                      timeout: float = 10.0, ramp: float = 1.0, record: bool = False,
                      stop: asyncio.Event | None = None, stop_when_refused: bool = False,
                      writes_every: int = 0, fresh_connections: bool = False) -> LoadStats:
    """Runs `clients` closed-loop keep-alive clients for `duration` seconds (or until `stop`).

    Client i starts after `ramp * i / clients` seconds and cycles through `mix` from offset i.
    A client reconnects after a response that closes the connection, or after an error.
    `writes_every=n` makes every n-th request a POST. With `fresh_connections`, a client
    closes its connection after each response and opens a new one for the next request
    (this exercises accepting and closing). With `record`, every request's
    `Outcome` is kept. With `stop_when_refused`, a refused connect ends that client (the
    shutdown scenario: the listener is gone) instead of counting as an error.
    """
    stats = LoadStats(clients=clients)
    started = now()
    deadline = started + duration
    stop = stop or asyncio.Event()
    serial = [0]

    def finished() -> bool:
        return stop.is_set() or now() >= deadline

    async def one(index: int) -> None:
        await asyncio.sleep(ramp * index / max(clients, 1))
        client: Client | None = None
        turn = index
        while not finished():
            if client is None or not client.is_open:
                attempt = now()
                try:
                    client = await Client.connect(port, timeout=timeout)
                    stats.connects += 1
                except (OSError, asyncio.TimeoutError) as error:
                    kind = classify(error)
                    if record:
                        stats.outcomes.append(Outcome(sent_at=attempt, error=kind,
                                                      extra={"phase": "connect", "failed_at": now()}))
                    if stop_when_refused and kind == "refused":
                        return
                    stats.errors[f"connect-{kind}"] += 1
                    await asyncio.sleep(0.05)
                    continue
            turn += 1
            if writes_every and turn % writes_every == 0:
                serial[0] += 1
                target = post_document(serial[0] * 100_000 + index)
            else:
                target = mix[turn % len(mix)]
            outcome = Outcome(sent_at=now(), extra={"target": target.label})
            stats.requests += 1
            try:
                response = await client.request(target.raw, timeout=timeout)
            except (ConnectionEnded, asyncio.TimeoutError, OSError) as error:
                outcome.error = classify(error)
                outcome.received = getattr(error, "received", 0)
                stats.errors[outcome.error] += 1
                client.close()
                client = None
            else:
                outcome.latency = now() - outcome.sent_at
                outcome.status = response.status
                stats.statuses[response.status] += 1
                if response.status in target.expect:
                    stats.ok += 1
                    stats.latencies.append(outcome.latency)
                else:
                    outcome.error = f"status-{response.status}"
                    stats.errors[outcome.error] += 1
                if response.closes or fresh_connections:
                    client.close()
                    client = None
            if record:
                stats.outcomes.append(outcome)
        if client is not None:
            client.close()

    await asyncio.gather(*(one(i) for i in range(clients)))
    stats.seconds = now() - started
    return stats
