"""Scenario 7: one hostile client against limits that should hold it (issue 15's attacks).

- **Slow bodies.** Clients announce a 1 MiB body and send one byte a second. Each must get
  408 (or be closed) once `--body-timeout` has passed since its head, and the server's memory
  must grow with the bytes that arrived, not the megabytes announced.
- **Held streams.** Event streams (`/v1/events`) that never read fill `--max-connections`;
  `/healthz` must still answer 200 at once (a connection kept for probes) while a normal
  request on a new connection gets 503.
- **Costly phrase.** A quoted phrase of 1,990 words is a 400 at once, not seconds of CPU.
- **Journal readers that never read.** 300 `/v1/journal` followers (full: 600) connect with a
  small receive buffer and never read, while 200 documents of 16 KiB are posted one after
  another (each catches up on the 200 written before, some 3 MiB). Each follower's queue of
  writes is capped in bytes (`--max-journal-queue`, 256 KiB here), so
  the followers are disconnected once past it, every write succeeds, the server's memory
  stays bounded (the writes' lines are encoded once and shared) and a write is not much
  slower than with no follower at all (the same 200 posts, measured first).
- **Deep resume.** 1,000 documents with 1,000-character titles (full: 3,000) make a backlog
  of events over 1 MiB, the server's stream buffer limit; a client resumes from change 0
  and reads slowly. Every change must arrive once, in order (the backlog is paged to the
  reader's pace, not cut off), then a new write live.

Pass: as above; the figures (RSS before, during, after; /healthz latency under the streams;
the phrase's answer time; write latency and RSS with and without the journal readers; the
resumed stream's size and time) are reported.
"""

from __future__ import annotations

import asyncio
import os
import socket
import time

from ..context import Context, healthy
from ..http import HOST, Client, request
from ..report import Result, mib, ms, percentile

#: Event streams that fill the server in the held-streams flood (its --max-connections).
STREAM_LIMIT = 100
#: The body timeout the slow-bodies flood runs under, in seconds.
BODY_TIMEOUT = 3
#: The per-follower journal queue cap the journal-readers flood runs under.
JOURNAL_QUEUE = 256 * 1024
#: Documents posted (one after another) with and without the journal readers.
JOURNAL_POSTS = 200


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


def _story(number: int, size: int) -> bytes:
    """A plain-text article of about `size` bytes."""
    sentence = "The port authority said on Monday that the ferry terminal would reopen next week. "
    body = sentence * max(1, size // len(sentence))
    return f"Story {number}\n\nLISBON - {body}\n\n\"We are ready,\" said Rui Costa.".encode()


async def _post_latencies(port: int, count: int, size: int, first: int) -> tuple[list[float], int]:
    """Posts `count` documents of `size` bytes one after another: each latency, and the 201s."""
    client = await Client.connect(port)
    latencies: list[float] = []
    created = 0
    try:
        for number in range(first, first + count):
            body = _story(number, size)
            started = time.monotonic()
            response = await client.request(request("POST", "/v1/documents", body=body, headers={"Content-Type": "text/plain"}))
            latencies.append(time.monotonic() - started)
            created += response.status == 201
    finally:
        client.close()
    return latencies, created


async def _post_titled(port: int, numbers, title: str) -> None:
    """Posts a short document titled `title` for each of `numbers`, one after another."""
    client = await Client.connect(port)
    try:
        for number in numbers:
            body = f'{{"text": "Story {number}\\n\\nLISBON - The ferry terminal will reopen.", "title": "{title}"}}'.encode()
            response = await client.request(request("POST", "/v1/documents", body=body, headers={"Content-Type": "application/json"}))
            if response.status != 201:
                raise RuntimeError(f"POST answered {response.status}: {response.body[:200]!r}")
    finally:
        client.close()


def _never_reading(port: int, target: str) -> socket.socket:
    """A connection with a 4 KiB receive buffer that asks for `target` and reads nothing."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.connect((HOST, port))
    sock.sendall(request("GET", target))
    return sock


def _was_disconnected(sock: socket.socket) -> bool:
    """Whether the server has closed `sock`: reads what is buffered, without waiting, to the end."""
    sock.setblocking(False)
    try:
        while sock.recv(1 << 16):
            pass
        return True
    except BlockingIOError:
        return False
    except OSError:
        return True


async def journal_readers(ctx: Context, result: Result) -> None:
    readers = ctx.pick(300, 600)
    # One malloc arena, as in keepalive (see its docstring): RSS then follows live memory.
    arenas = os.environ.get("MALLOC_ARENA_MAX", "1")
    with ctx.server("abuse-journal", ["--max-journal-queue", str(JOURNAL_QUEUE)], env={"MALLOC_ARENA_MAX": arenas}) as server:
        await healthy(server.port, 5)
        start = server.rss_kib()
        alone, created_alone = await _post_latencies(server.port, JOURNAL_POSTS, 16 * 1024, 1)
        before = server.rss_kib()
        # Plain sockets, not asyncio transports, which would read whatever arrives.
        followers = [_never_reading(server.port, "/v1/journal?after=0") for _ in range(readers)]
        await asyncio.sleep(1)
        during_posts, created = await _post_latencies(server.port, JOURNAL_POSTS, 16 * 1024, JOURNAL_POSTS + 1)
        during = server.rss_kib()
        # Each was cut off as its queue passed the cap, during the posts; the closes themselves
        # wait on worker queues busy with the others' catch-ups, so allow them some seconds.
        waiting = list(followers)
        deadline = time.monotonic() + 10
        while waiting and time.monotonic() < deadline:
            await asyncio.sleep(0.2)
            waiting = [follower for follower in waiting if not _was_disconnected(follower)]
        cut = readers - len(waiting)
        for follower in followers:
            follower.close()
        p50_alone, p50_with = percentile(alone, 0.5), percentile(during_posts, 0.5)
        result.note(f"journal readers: {readers} never read, --max-journal-queue {JOURNAL_QUEUE}; {JOURNAL_POSTS} posts of 16 KiB: "
                    f"p50 {ms(p50_alone)} / p99 {ms(percentile(alone, 0.99))} alone, p50 {ms(p50_with)} / p99 {ms(percentile(during_posts, 0.99))} "
                    f"with them; RSS {mib(start)} at start, {mib(before)} after the posts alone, {mib(during)} after the posts "
                    f"with them; {cut}/{readers} disconnected")
        result.check("writes succeed while journal readers never read", created_alone == JOURNAL_POSTS and created == JOURNAL_POSTS,
                     f"{created_alone} and {created} of {JOURNAL_POSTS} created")
        result.check("a write is not much slower with journal readers", p50_with is not None and p50_alone is not None and p50_with < 3 * p50_alone + 0.005,
                     f"p50 {ms(p50_with)} with, {ms(p50_alone)} without")
        # The posts alone grow the collection (documents, index); what the readers add beyond
        # that is a batch or two (16 KiB each) of each one's catch-up until it is cut.
        extra = (during - before) - (before - start)
        result.check("journal readers cost bounded memory", extra < 96 * 1024,
                     f"RSS grew {mib(during - before)} with them, {mib(before - start)} for the same posts alone")
        result.check("journal readers past the queue cap are disconnected", cut == readers, f"{cut}/{readers}")
        result.figures.update(journal_p50_alone=ms(p50_alone), journal_p50_with=ms(p50_with), journal_rss_growth=mib(during - before),
                              journal_rss_growth_alone=mib(before - start))


async def deep_resume(ctx: Context, result: Result) -> None:
    documents = ctx.pick(1000, 3000)
    with ctx.server("abuse-resume") as server:
        await healthy(server.port, 5)
        title = "Ferry terminal " + "x" * 985

        # 8 writers at once, so the writes are committed in groups.
        await asyncio.gather(*(_post_titled(server.port, range(first, documents + 1, 8), title) for first in range(1, 9)))
        reader, writer = await asyncio.open_connection(HOST, server.port, limit=1 << 20)
        started = time.monotonic()
        writer.write(f"GET /v1/events HTTP/1.1\r\nHost: {HOST}\r\nLast-Event-ID: 0\r\n\r\n".encode())
        ids: list[int] = []
        received = 0
        live_sent = False
        try:
            async with asyncio.timeout(60):
                while len(ids) < documents + 1:
                    block = await reader.read(16 * 1024)
                    if not block:
                        break
                    received += len(block)
                    ids += [int(line[4:]) for line in block.split(b"\n") if line.startswith(b"id: ")]
                    await asyncio.sleep(0.002)  # a slow reader: ~16 KiB every few ms
                    if len(ids) >= documents and not live_sent:
                        live_sent = True
                        await _post_titled(server.port, [documents + 1], title)
        except TimeoutError:
            pass
        took = time.monotonic() - started
        writer.close()
        result.note(f"deep resume: {documents} changes with 1,000-character titles, {received / 1048576:.1f} MiB resumed from change 0 "
                    f"by a slow reader in {took:.1f}s; {len(ids)} events")
        result.check("a resume past the stream buffer limit arrives whole, in order, then live",
                     ids == list(range(1, documents + 2)), f"{len(ids)} events, first {ids[:3]}, last {ids[-3:]}")
        result.figures.update(resume_mib=f"{received / 1048576:.1f}", resume_s=f"{took:.1f}")


async def run(ctx: Context) -> Result:
    result = Result("abuse")
    await slow_bodies(ctx, result)
    await held_streams(ctx, result)
    await costly_phrase(ctx, result)
    await journal_readers(ctx, result)
    await deep_resume(ctx, result)
    return result
