"""Scenario 4: clients that vanish, half-close, or never read. No crash, no leaked descriptor.

The server runs with `--header-timeout 3 --idle-timeout 3`. Each case below runs several
times on plain blocking sockets; after each case the scenario waits for the server's
descriptor count to return to its baseline (allowing the 3 s timeouts, the 2 s linger and
the sweep) and checks that the server is still the same live process.

- request-rst / request-close: half a request head, then RST (SO_LINGER 0) or close.
- body-rst / body-close: a POST head promising 5,000 bytes, 100 sent, then RST or close.
- reset-burst: 50 connections that each send half a head (then 50 that send a head and
  part of a body) and reset at once, so that the bytes and the RST reach the server
  before its first read event. The server must close them within 1.5 s, not hold them
  until the 3 s header or idle timeout (by default 10 s and 60 s).
- response-rst: ~2.4 MB of pipelined responses requested, 16 KiB read, then RST.
- response-close: the same, but what arrived is drained and the socket closed, so the
  server's next writes hit a closed peer (EPIPE): the SIGPIPE case.
- half-close: four pipelined requests (one a POST), then shutdown(SHUT_WR): all four
  responses must still arrive, complete, followed by the server's close.
- never-reads: a 4 KiB receive buffer, ~3.2 MB of pipelined responses requested, never
  read (write back-pressure). Other clients must still be served promptly, and the
  server must drop the stalled connection after its idle timeout.
- events-slow: an SSE subscriber with a 4 KiB receive buffer that never reads while
  writers POST (and DELETE) documents with ~1 KB titles: writes must not stall or fail,
  and the server must drop the subscriber: cut off once 1 MiB of events is unsent in its
  own buffer (what the kernel's send buffer takes first does not count), or closed
  when its stalled write outlasts the idle timeout, whichever comes first.
- events-vanish: SSE subscribers that RST or close after the response head.
"""

from __future__ import annotations

import asyncio
import json
import socket
import struct
import time

from ..context import Context, healthy, settle_fds, stable_fds, warm_up
from ..http import Client, ConnectionEnded, ResponseParser, request
from ..load import READ_MIX, SEED_DOCUMENT, run_clients
from ..report import Result, ms, percentile

TIMEOUT = 3.0
#: A vanished peer the server can see (RST) must be let go well before any timeout.
PROMPT = 1.5
#: Descriptors must be back within the timeouts + linger (2 s) + sweep, with slack.
SETTLE = TIMEOUT + 2.0 + 3.0
DOCUMENT = request("GET", f"/v1/documents/{SEED_DOCUMENT}")  # an ~8 KB response


def connect(port: int, rcvbuf: int | None = None, timeout: float = 5.0) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if rcvbuf:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    sock.settimeout(timeout)
    sock.connect(("127.0.0.1", port))
    return sock


def reset(sock: socket.socket) -> None:
    """Closes with RST (SO_LINGER on, zero timeout)."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


def read_at_least(sock: socket.socket, count: int) -> int:
    got = 0
    while got < count:
        chunk = sock.recv(65536)
        if not chunk:
            break
        got += len(chunk)
    return got


def read_to_eof(sock: socket.socket, timeout: float) -> tuple[bytes, str]:
    """Everything until the server closes; the second value is 'eof', 'reset' or 'timeout'."""
    sock.settimeout(timeout)
    data = bytearray()
    try:
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                return bytes(data), "eof"
            data += chunk
    except ConnectionResetError:
        return bytes(data), "reset"
    except socket.timeout:
        return bytes(data), "timeout"


# MARK: the cases (blocking; each returns a list of problems, empty when fine)

def request_abort(port: int, reps: int, rst: bool) -> list[str]:
    for _ in range(reps):
        sock = connect(port)
        sock.sendall(b"GET /v1/documents?limit=10 HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: app")
        time.sleep(0.01)
        reset(sock) if rst else sock.close()
    return []


def body_abort(port: int, reps: int, rst: bool) -> list[str]:
    head = (b"POST /v1/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
            b"Content-Length: 5000\r\n\r\n")
    for _ in range(reps):
        sock = connect(port)
        sock.sendall(head + b"x" * 100)
        time.sleep(0.01)
        reset(sock) if rst else sock.close()
    return []


def reset_burst(port: int, reps: int, server_fd_count, baseline: int) -> list[str]:
    """`reps` connections each send part of a request (a head, or a head and part of a body)
    and reset at once. The server gets the bytes and the RST together, before its first read
    event; it must still notice the reset and close them, well before any timeout."""
    head = (b"POST /v1/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
            b"Content-Length: 5000\r\n\r\n")
    problems = []
    for variant, data in (("partial head", b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nAcc"),
                          ("partial body", head + b"x" * 100)):
        for _ in range(reps):
            sock = connect(port)
            sock.sendall(data)
            reset(sock)
        started = time.monotonic()
        while server_fd_count() > baseline and time.monotonic() - started < PROMPT:
            time.sleep(0.05)
        held = server_fd_count() - baseline
        if held > 0:
            problems.append(f"{variant} + RST: {held} of {reps} still open {PROMPT:.1f}s later (held until the "
                            f"{'header' if variant == 'partial head' else 'idle'} timeout)")
            while server_fd_count() > baseline and time.monotonic() - started < SETTLE:
                time.sleep(0.1)  # let the timeout clear them before the next variant
    return problems


def response_abort(port: int, reps: int, rst: bool) -> list[str]:
    problems = []
    for _ in range(reps):
        sock = connect(port, rcvbuf=16384)
        sock.sendall(DOCUMENT * 300)
        got = read_at_least(sock, 16384)
        if got < 16384:
            problems.append(f"only {got} bytes before the server closed")
        if rst:
            reset(sock)
        else:
            sock.setblocking(False)
            try:
                while sock.recv(65536):
                    pass
            except BlockingIOError:
                pass
            sock.close()
    return problems


def half_close(port: int, reps: int) -> list[str]:
    problems = []
    body = b"Half close\n\nLISBON - A client half-closed its socket after this request.\n"
    pipeline = (request("GET", "/healthz") + DOCUMENT + request("GET", "/v1/search?q=human+rights")
                + request("POST", "/v1/documents", body=body, headers={"Content-Type": "text/plain"}))
    expected = [200, 200, 200, 201]
    for rep in range(reps):
        sock = connect(port)
        sock.sendall(pipeline)
        sock.shutdown(socket.SHUT_WR)
        data, how = read_to_eof(sock, 10.0)
        sock.close()
        parser = ResponseParser()
        responses = parser.feed(data)
        statuses = [response.status for response in responses]
        if statuses != expected or parser.partial_bytes or how != "eof":
            problems.append(f"rep {rep}: statuses {statuses} (want {expected}), {parser.partial_bytes} bytes "
                            f"left over, ended by {how}")
    return problems


def never_reads(port: int, reps: int, server_fd_count, baseline: int) -> tuple[list[str], list[float], list[float]]:
    """Returns problems, other clients' latencies while stalled, seconds until the server dropped them."""
    problems: list[str] = []
    stalled = []
    for _ in range(reps):
        sock = connect(port, rcvbuf=4096)
        sock.sendall(DOCUMENT * 400)
        stalled.append(sock)
    opened = time.monotonic()
    latencies = []
    for _ in range(10):  # the server must keep serving others meanwhile
        started = time.monotonic()
        other = connect(port)
        other.sendall(request("GET", "/healthz", close=True))
        data, _ = read_to_eof(other, 5.0)
        other.close()
        latencies.append(time.monotonic() - started)
        if not data.startswith(b"HTTP/1.1 200"):
            problems.append(f"another client got {data[:40]!r} while the reader stalled")
        time.sleep(0.1)
    dropped_after = []
    while time.monotonic() - opened < TIMEOUT + SETTLE:
        if server_fd_count() <= baseline:
            dropped_after.append(time.monotonic() - opened)
            break
        time.sleep(0.1)
    else:
        problems.append(f"stalled connections still open after {TIMEOUT + SETTLE:.0f}s")
    if dropped_after and dropped_after[0] > TIMEOUT + 2.0:
        problems.append(f"stalled connections dropped only after {dropped_after[0]:.1f}s (idle timeout {TIMEOUT:.0f}s)")
    for sock in stalled:
        reset(sock)
    return problems, latencies, dropped_after


def events_vanish(port: int, reps: int) -> list[str]:
    problems = []
    for rep in range(reps):
        sock = connect(port)
        sock.sendall(request("GET", "/v1/events"))
        head = sock.recv(4096)
        if not head.startswith(b"HTTP/1.1 200"):
            problems.append(f"rep {rep}: {head[:40]!r}")
        reset(sock) if rep % 2 == 0 else sock.close()
    return problems


TCP_STATES = {1: "ESTABLISHED", 4: "FIN_WAIT1", 5: "FIN_WAIT2", 6: "TIME_WAIT", 7: "CLOSE", 8: "CLOSE_WAIT",
              9: "LAST_ACK", 11: "CLOSING"}


def server_side(server_port: int, client_port: int) -> tuple[str, int]:
    """State and unsent bytes (send queue) of the server's end of one loopback connection,
    from /proc/net/tcp; ("gone", 0) when the kernel has forgotten it."""
    with open("/proc/net/tcp", encoding="ascii") as table:
        next(table)
        for line in table:
            fields = line.split()
            local, remote = fields[1], fields[2]
            if int(local.split(":")[1], 16) == server_port and int(remote.split(":")[1], 16) == client_port:
                state = int(fields[3], 16)
                return TCP_STATES.get(state, str(state)), int(fields[4].split(":")[0], 16)
    return "gone", 0


async def events_slow(port: int, server, result: Result, max_pairs: int) -> list[str]:
    """An SSE subscriber that never reads (4 KiB receive buffer) while 8 writers POST
    documents with ~1 KB titles and DELETE each again (so the corpus, and the cost of a
    write, stay small), until the server cuts the subscriber off or `max_pairs` is reached.
    The writers must neither stall nor fail, and the server must drop the subscriber: cut
    off once 1 MiB behind, or closed when its stalled write outlasts the idle timeout.
    Then the subscriber vanishes (RST)."""
    problems: list[str] = []
    subscriber = connect(port, rcvbuf=4096)
    subscriber.sendall(request("GET", "/v1/events"))
    words = "harbour strike council minister election budget ferry storm court vote".split()
    title = " ".join(words[i % len(words)] for i in range(140))[:990]
    serial = [0]
    latencies: list[float] = []
    failures: list[str] = []

    client_port = subscriber.getsockname()[1]

    def cut_off() -> bool:
        return server_side(port, client_port)[0] != "ESTABLISHED"

    async def writer() -> None:
        client = await Client.connect(port)
        try:
            while serial[0] < max_pairs and not cut_off() and len(failures) < 10:
                serial[0] += 1
                document = f"slow-{serial[0]}"
                body = json.dumps({"id": document, "title": title,
                                   "text": f"Slow {document}\n\nLISBON — Event {document} for a reader that never reads."})
                started = time.monotonic()
                try:
                    response = await client.request(
                        request("POST", "/v1/documents", body=body.encode(), headers={"Content-Type": "application/json"}),
                        timeout=15)
                    latencies.append(time.monotonic() - started)
                    if response.status != 201:
                        failures.append(f"POST status {response.status}")
                        continue
                    response = await client.request(request("DELETE", f"/v1/documents/{document}"), timeout=15)
                    if response.status != 204:
                        failures.append(f"DELETE status {response.status}")
                except (ConnectionEnded, asyncio.TimeoutError) as error:
                    failures.append(type(error).__name__)
                    return
        finally:
            client.close()

    started = time.monotonic()
    await asyncio.gather(*(writer() for _ in range(8)))
    written = time.monotonic() - started
    state, unsent = server_side(port, client_port)
    notices = [line for _, line in server.lines() if "closing a stream" in line]
    if failures:
        problems.append(f"writers failed: {failures[:5]}")
    if state == "ESTABLISHED":
        problems.append(f"never-reading subscriber still held after {serial[0]} POST+DELETE pairs "
                        f"({unsent} bytes unsent in the kernel)")
    how = (f"cut off ({notices[0].split(' ', 1)[1]})" if notices
           else "closed by the idle timeout on its stalled write (no notice)" if state != "ESTABLISHED" else "NOT dropped")
    result.note(f"events-slow: {serial[0]} POST+DELETE pairs (~{serial[0] * 1.4 / 1024:.1f} MiB of events) in "
                f"{written:.1f}s, POST p99 {ms(percentile(latencies, 0.99))}; subscriber {how}; server side "
                f"now {state} with {unsent} bytes unsent in its kernel buffer")
    reset(subscriber)
    return problems


async def run(ctx: Context) -> Result:
    result = Result("vanish")
    reps = ctx.pick(10, 40)
    args = ["--header-timeout", str(TIMEOUT), "--idle-timeout", str(TIMEOUT)]
    with ctx.server("vanish", args) as server:
        await warm_up(server.port)
        baseline = await stable_fds(server)
        pid = server.pid
        port = server.port
        settle_times = {}

        async def case(name: str, work) -> None:
            started = time.monotonic()
            problems = await work() if asyncio.iscoroutinefunction(work) else await asyncio.to_thread(work)
            count, waited = await settle_fds(server, baseline, timeout=SETTLE) if server.alive else (-1, 0.0)
            settle_times[name] = waited
            alive = server.alive and server.pid == pid
            if not alive:
                problems.append(f"server died: exit {server.process.poll() if server.process else '?'}")
            if count > baseline:
                problems.append(f"{count - baseline} descriptors still open after {waited:.1f}s")
            result.check(name, not problems,
                         (f"fds back to {count} in {waited:.1f}s" if not problems else "; ".join(problems[:4]))
                         + f" [{time.monotonic() - started:.1f}s]")

        await case("request-rst", lambda: request_abort(port, reps, rst=True))
        await case("request-close", lambda: request_abort(port, reps, rst=False))
        await case("body-rst", lambda: body_abort(port, reps, rst=True))
        await case("body-close", lambda: body_abort(port, reps, rst=False))
        await case("reset-burst (RST with the request bytes)", lambda: reset_burst(port, 50, server.fd_count, baseline))
        await case("response-rst", lambda: response_abort(port, reps, rst=True))
        await case("response-close (SIGPIPE)", lambda: response_abort(port, reps, rst=False))
        await case("half-close", lambda: half_close(port, reps))
        stalled_figures = {}

        def stalled() -> list[str]:
            problems, latencies, dropped = never_reads(port, 3, server.fd_count, baseline)
            stalled_figures.update(others_max=max(latencies), dropped=f"{dropped[0]:.1f}" if dropped else "never")
            if max(latencies) > 1.0:
                problems.append(f"other clients waited up to {max(latencies):.2f}s")
            return problems

        await case("never-reads", stalled)
        result.note(f"never-reads: other clients' max latency {ms(stalled_figures.get('others_max'))}, "
                    f"stalled connections dropped by the server after {stalled_figures.get('dropped')}s "
                    f"(idle timeout {TIMEOUT}s)")

        async def slow_events() -> list[str]:
            return await events_slow(port, server, result, max_pairs=6000)

        await case("events-slow", slow_events)
        await case("events-vanish", lambda: events_vanish(port, reps))

        # A last check with ordinary keep-alive traffic: the server still serves everyone.
        stats = await run_clients(port, 20, 2.0, READ_MIX)
        ok, failures = await healthy(port, 20)
        result.check("serves afterwards", ok == 20 and stats.error_count == 0,
                     f"{ok}/20 health checks, {stats.ok} keep-alive requests with {stats.error_count} errors")
        crashes = server.count_lines(r"Fatal error|precondition|Segmentation|SIGPIPE|Illegal instruction")
        result.check("no crash report on stderr", crashes == 0, f"{crashes} lines")
        result.figures.update(reps=reps, baseline_fds=baseline, settle_max=f"{max(settle_times.values()):.1f}s",
                              stalled_dropped=f"{stalled_figures.get('dropped')}s",
                              others_max=ms(stalled_figures.get("others_max")))
    return result

