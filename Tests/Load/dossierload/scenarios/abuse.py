"""Scenario 7: one hostile client against limits that should hold it (issue 15's attacks).

- **Slow bodies.** Clients announce a 1 MiB body and send one byte a second. Each must get
  408 (or be closed) once `--body-timeout` has passed since its head, and the server's memory
  must grow with the bytes that arrived, not the megabytes announced.
- **Held streams.** Event streams (`/v1/events`) that never read fill `--max-connections`;
  `/healthz` must still answer 200 at once (a connection kept for probes) while a normal
  request on a new connection gets 503.
- **Costly phrase.** A quoted phrase of 1,990 words is a 400 at once, not seconds of CPU.

Pass: as above; the figures (RSS before, during, after; /healthz latency under the streams;
the phrase's answer time) are reported.
"""

from __future__ import annotations

import asyncio
import time

from ..context import Context, healthy
from ..http import HOST
from ..report import Result, mib

#: Event streams that fill the server in the held-streams flood (its --max-connections).
STREAM_LIMIT = 100
#: The body timeout the slow-bodies flood runs under, in seconds.
BODY_TIMEOUT = 3


async def _open(port: int) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    return await asyncio.open_connection(HOST, port)


async def _status_line(reader: asyncio.StreamReader, timeout: float) -> str:
    """The first line the server sends, or why there is none."""
    try:
        async with asyncio.timeout(timeout):
            line = await reader.readline()
    except asyncio.TimeoutError:
        return "timeout"
    return line.decode(errors="replace").strip() or "closed"


async def slow_bodies(ctx: Context, result: Result) -> None:
    clients = ctx.pick(100, 400)
    with ctx.server("abuse-bodies", ["--body-timeout", str(BODY_TIMEOUT)]) as server:
        await healthy(server.port, 5)
        before = server.rss_kib()
        connections = [await _open(server.port) for _ in range(clients)]
        head = (f"POST /v1/documents HTTP/1.1\r\nHost: {HOST}\r\nContent-Type: text/plain\r\n"
                f"Content-Length: {1 << 20}\r\n\r\n").encode()
        started = time.monotonic()
        for _, writer in connections:
            writer.write(head)

        async def trickle(writer: asyncio.StreamWriter) -> None:
            try:
                while time.monotonic() - started < BODY_TIMEOUT + 3:
                    writer.write(b"x")
                    await writer.drain()
                    await asyncio.sleep(1)
            except (ConnectionError, OSError):
                return  # closed by the server: what should happen

        trickling = [asyncio.create_task(trickle(writer)) for _, writer in connections]
        await asyncio.sleep(BODY_TIMEOUT / 2)
        during = server.rss_kib()
        answers = await asyncio.gather(*(_status_line(reader, BODY_TIMEOUT + 5) for reader, _ in connections))
        waited = time.monotonic() - started
        for task in trickling:
            task.cancel()
        for _, writer in connections:
            writer.close()
        after = server.rss_kib()
        timed_out = sum(answer.startswith("HTTP/1.1 408") for answer in answers)
        result.note(f"slow bodies: {clients} × 1 MiB announced, 1 byte/s; answers {dict((a[:12], answers.count(a)) for a in set(answers))}; "
                    f"RSS {mib(before)} before, {mib(during)} during, {mib(after)} after; all answered within {waited:.1f}s")
        result.check("slow bodies get 408 at the body timeout", timed_out == clients and waited < BODY_TIMEOUT + 4,
                     f"{timed_out}/{clients} got 408 within {waited:.1f}s (timeout {BODY_TIMEOUT}s)")
        result.check("announced bodies cost no memory", during - before < 64 * 1024,
                     f"RSS grew {mib(during - before)} for {clients} MiB announced")
        result.figures.update(slow_bodies=clients, rss_growth=mib(during - before))


async def held_streams(ctx: Context, result: Result) -> None:
    args = ["--max-connections", str(STREAM_LIMIT), "--probe-connections", "8"]
    with ctx.server("abuse-streams", args) as server:
        await healthy(server.port, 5)
        streams = []
        for _ in range(STREAM_LIMIT):
            reader, writer = await _open(server.port)
            writer.write(f"GET /v1/events HTTP/1.1\r\nHost: {HOST}\r\nAccept: text/event-stream\r\n\r\n".encode())
            streams.append((reader, writer))
        await asyncio.sleep(0.5)
        probe_started = time.monotonic()
        reader, writer = await _open(server.port)
        writer.write(f"GET /healthz HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n".encode())
        probe = await _status_line(reader, 5)
        probe_ms = (time.monotonic() - probe_started) * 1000
        writer.close()
        reader, writer = await _open(server.port)
        writer.write(f"GET /v1/documents?limit=1 HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n".encode())
        other = await _status_line(reader, 5)
        writer.close()
        rss = server.rss_kib()
        for _, stream in streams:
            stream.close()
        result.note(f"held streams: {STREAM_LIMIT} idle /v1/events fill --max-connections {STREAM_LIMIT}; "
                    f"/healthz: {probe} in {probe_ms:.1f} ms; GET /v1/documents: {other}; RSS {mib(rss)}")
        result.check("/healthz answers while streams fill the server", probe.startswith("HTTP/1.1 200") and probe_ms < 1000,
                     f"{probe} in {probe_ms:.1f} ms")
        result.check("other requests are refused at the limit", other.startswith("HTTP/1.1 503"), other)
        result.figures.update(healthz_ms=f"{probe_ms:.1f}")


async def costly_phrase(ctx: Context, result: Result) -> None:
    with ctx.server("abuse-phrase") as server:
        await healthy(server.port, 5)
        phrase = "%22" + "+".join(["the"] * 1990) + "%22"
        reader, writer = await _open(server.port)
        started = time.monotonic()
        writer.write(f"GET /v1/search?q={phrase} HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n".encode())
        answer = await _status_line(reader, 10)
        took = (time.monotonic() - started) * 1000
        writer.close()
        result.note(f"costly phrase: 1,990 × 'the' quoted: {answer} in {took:.1f} ms")
        result.check("a 1,990-word phrase is refused at once", answer.startswith("HTTP/1.1 400") and took < 500, f"{answer} in {took:.1f} ms")
        result.figures.update(phrase_ms=f"{took:.1f}")


async def run(ctx: Context) -> Result:
    result = Result("abuse")
    await slow_bodies(ctx, result)
    await held_streams(ctx, result)
    await costly_phrase(ctx, result)
    return result
