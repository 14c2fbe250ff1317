"""A small HTTP/1.1 client for load and fault tests, on asyncio protocols.

It is deliberately minimal: requests are raw bytes built by `request()`, responses are
parsed incrementally by `ResponseParser` (Content-Length, chunked, or close-delimited), and
`Client` lets a test send several requests on one connection (pipelining) and learn, for
each, whether the response arrived complete, arrived in part (truncated), or never started.
That distinction is what the shutdown and fault scenarios grade on, so the client records
exactly how many bytes of the current response it saw before the connection ended.
"""

from __future__ import annotations

import asyncio
import collections
import socket
import struct
import time
from dataclasses import dataclass, field

HOST = "127.0.0.1"


def request(method: str, target: str, *, body: bytes = b"", headers: dict[str, str] | None = None,
            close: bool = False) -> bytes:
    """The bytes of one HTTP/1.1 request to `HOST` (Content-Length framing for a body)."""
    lines = [f"{method} {target} HTTP/1.1", f"Host: {HOST}"]
    for name, value in (headers or {}).items():
        lines.append(f"{name}: {value}")
    if body or method in ("POST", "PUT", "PATCH"):
        lines.append(f"Content-Length: {len(body)}")
    if close:
        lines.append("Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


@dataclass
class Response:
    """One complete, parsed response (header names lower-cased)."""
    status: int
    reason: str
    headers: dict[str, str]
    body: bytes

    @property
    def closes(self) -> bool:
        """Whether the server said it closes the connection after this response."""
        return self.headers.get("connection", "").lower() == "close"

    @property
    def is_problem(self) -> bool:
        return self.headers.get("content-type", "").startswith("application/problem+json")


class ProtocolError(Exception):
    """The server sent bytes that are not a valid HTTP/1.1 response."""


class ResponseParser:
    """Incremental parser for a sequence of responses on one connection.

    `feed(data)` returns the responses completed by `data`; `partial_bytes` is how many bytes
    of the next, unfinished response have arrived (0 means none: the response never started).
    """

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._head: tuple[int, str, dict[str, str]] | None = None
        self._remaining = 0          # body bytes still expected (Content-Length framing)
        self._chunked = False
        self._close_delimited = False
        self._body = bytearray()
        self.head_only = collections.deque()  # per pending request: True for HEAD

    @property
    def partial_bytes(self) -> int:
        """Bytes of the unfinished response received so far (0: it has not started)."""
        if self._head is None:
            return len(self._buffer)
        return 1 + len(self._body) + len(self._buffer)  # 1: the parsed head counts as started

    def feed(self, data: bytes) -> list[Response]:
        self._buffer += data
        done: list[Response] = []
        while True:
            response = self._step()
            if response is None:
                break
            done.append(response)
        return done

    def eof(self) -> Response | None:
        """The peer closed: completes a close-delimited body, if one is being read."""
        if self._head is not None and self._close_delimited:
            status, reason, headers = self._head
            self._head = None
            self._body += self._buffer
            self._buffer.clear()
            return Response(status, reason, headers, bytes(self._body))
        return None

    def _step(self) -> Response | None:
        if self._head is None:
            end = self._buffer.find(b"\r\n\r\n")
            if end < 0:
                if len(self._buffer) > 64 * 1024:
                    raise ProtocolError("response head over 64 KiB")
                return None
            head = bytes(self._buffer[:end]).decode("latin-1")
            del self._buffer[:end + 4]
            status_line, *field_lines = head.split("\r\n")
            parts = status_line.split(" ", 2)
            if len(parts) < 2 or not parts[0].startswith("HTTP/1.") or not parts[1].isdigit():
                raise ProtocolError(f"bad status line {status_line!r}")
            status = int(parts[1])
            headers: dict[str, str] = {}
            for line in field_lines:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            if 100 <= status < 200:
                return self._step()  # 100 Continue: an interim response, skip it
            is_head = self.head_only.popleft() if self.head_only else False
            self._head = (status, parts[2] if len(parts) > 2 else "", headers)
            self._body = bytearray()
            self._chunked = "chunked" in headers.get("transfer-encoding", "").lower()
            self._close_delimited = False
            if is_head or status in (204, 304):
                self._remaining = 0
                self._chunked = False
            elif self._chunked:
                self._remaining = -1
            elif "content-length" in headers:
                self._remaining = int(headers["content-length"])
            else:
                self._close_delimited = True
                self._remaining = -1
        if self._close_delimited:
            self._body += self._buffer
            self._buffer.clear()
            return None
        if self._chunked:
            return self._step_chunked()
        take = min(self._remaining, len(self._buffer))
        self._body += self._buffer[:take]
        del self._buffer[:take]
        self._remaining -= take
        if self._remaining == 0:
            return self._finish()
        return None

    def _step_chunked(self) -> Response | None:
        while True:
            line_end = self._buffer.find(b"\r\n")
            if line_end < 0:
                return None
            size_text = bytes(self._buffer[:line_end]).split(b";")[0].strip()
            try:
                size = int(size_text, 16)
            except ValueError:
                raise ProtocolError(f"bad chunk size {size_text!r}") from None
            if size == 0:  # last chunk, then trailer fields (usually none) and an empty line
                if len(self._buffer) < line_end + 4:
                    return None
                if self._buffer[line_end + 2:line_end + 4] == b"\r\n":
                    del self._buffer[:line_end + 4]
                else:
                    trailer_end = self._buffer.find(b"\r\n\r\n", line_end + 2)
                    if trailer_end < 0:
                        return None
                    del self._buffer[:trailer_end + 4]
                return self._finish()
            if len(self._buffer) < line_end + 2 + size + 2:
                return None
            start = line_end + 2
            self._body += self._buffer[start:start + size]
            del self._buffer[:start + size + 2]

    def _finish(self) -> Response:
        status, reason, headers = self._head  # type: ignore[misc]
        self._head = None
        return Response(status, reason, headers, bytes(self._body))


class ConnectionEnded(Exception):
    """The connection ended before a response was complete.

    `received` is how many bytes of that response had arrived: 0 means the response never
    started (a clean refusal), more means it was truncated. `reset` tells RST from FIN.
    """

    def __init__(self, received: int, reset: bool, detail: str = "") -> None:
        super().__init__(f"connection {'reset' if reset else 'closed'} after {received} bytes of the response"
                         + (f" ({detail})" if detail else ""))
        self.received = received
        self.reset = reset


class _Protocol(asyncio.Protocol):
    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.parser = ResponseParser()
        self.waiters: collections.deque[asyncio.Future[Response]] = collections.deque()
        # Responses that arrived before their request was sent: a server may answer early
        # (a 503 at the connection limit, a 408) and close; the next request claims them.
        self.unclaimed: collections.deque[Response] = collections.deque()
        self.closed = asyncio.get_running_loop().create_future()
        self.eof = False
        self.bytes_received = 0

    def connection_made(self, transport) -> None:  # type: ignore[override]
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.bytes_received += len(data)
        try:
            responses = self.parser.feed(data)
        except ProtocolError as error:
            self._fail_all(error)
            if self.transport:
                self.transport.abort()
            return
        for response in responses:
            self._deliver(response)

    def _deliver(self, response: Response) -> None:
        if not self.waiters:
            self.unclaimed.append(response)
            return
        waiter = self.waiters.popleft()
        if not waiter.done():
            waiter.set_result(response)

    def eof_received(self) -> bool:
        self.eof = True
        last = self.parser.eof()
        if last is not None:
            self._deliver(last)
        self._fail_all(ConnectionEnded(self.parser.partial_bytes, reset=False))
        return False  # close our side too

    def connection_lost(self, exc: Exception | None) -> None:
        reset = isinstance(exc, (ConnectionResetError, BrokenPipeError))
        self._fail_all(ConnectionEnded(self.parser.partial_bytes, reset=reset, detail=str(exc) if exc else ""))
        if not self.closed.done():
            self.closed.set_result(exc)

    def _fail_all(self, error: Exception) -> None:
        while self.waiters:
            waiter = self.waiters.popleft()
            if not waiter.done():
                waiter.set_exception(error)


class Client:
    """One client connection. Use `await Client.connect(port)`.

    `send()` queues a request and returns a future for its response, so requests can be
    pipelined; `request()` sends one and awaits its response with a timeout.
    """

    def __init__(self, protocol: _Protocol) -> None:
        self._protocol = protocol

    @classmethod
    async def connect(cls, port: int, *, timeout: float = 10.0, rcvbuf: int | None = None) -> "Client":
        """Opens a connection to 127.0.0.1:`port`; `rcvbuf` shrinks SO_RCVBUF before connecting."""
        loop = asyncio.get_running_loop()
        sock = None
        if rcvbuf is not None:
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
            sock.setblocking(False)
            try:
                await asyncio.wait_for(loop.sock_connect(sock, (HOST, port)), timeout)
            except BaseException:
                sock.close()
                raise
            _, protocol = await loop.create_connection(_Protocol, sock=sock)
        else:
            _, protocol = await asyncio.wait_for(loop.create_connection(_Protocol, HOST, port), timeout)
        return cls(protocol)

    @property
    def is_open(self) -> bool:
        return not self._protocol.closed.done() and not self._protocol.eof

    @property
    def bytes_received(self) -> int:
        return self._protocol.bytes_received

    def send(self, raw: bytes, *, head: bool = False) -> asyncio.Future[Response]:
        """Writes a request; the future resolves to its response or fails with ConnectionEnded."""
        future: asyncio.Future[Response] = asyncio.get_running_loop().create_future()
        protocol = self._protocol
        if protocol.unclaimed:
            # Answered before it was asked (see _Protocol.unclaimed). Such an answer always
            # closes the connection, so the request is not written.
            future.set_result(protocol.unclaimed.popleft())
            return future
        if protocol.closed.done() or protocol.eof or protocol.transport is None or protocol.transport.is_closing():
            future.set_exception(ConnectionEnded(0, reset=False, detail="already closed"))
            return future
        protocol.parser.head_only.append(head)
        protocol.waiters.append(future)
        protocol.transport.write(raw)
        return future

    async def request(self, raw: bytes, *, timeout: float = 10.0, head: bool = False) -> Response:
        """Sends one request and waits for its response; asyncio.TimeoutError after `timeout`."""
        future = self.send(raw, head=head)
        async with asyncio.timeout(timeout):  # cheaper than wait_for: no extra task per request
            return await future

    def shutdown_write(self) -> None:
        """Half-closes: sends FIN but keeps reading."""
        assert self._protocol.transport is not None
        self._protocol.transport.write_eof()

    def close(self) -> None:
        """Closes normally (FIN, or RST if unread data is left in our receive buffer)."""
        if self._protocol.transport is not None:
            self._protocol.transport.close()

    def reset(self) -> None:
        """Closes with SO_LINGER 0, so the kernel sends RST instead of FIN."""
        transport = self._protocol.transport
        if transport is None:
            return
        sock = transport.get_extra_info("socket")
        if sock is not None:
            try:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            except OSError:
                pass
        transport.abort()

    async def wait_closed(self, timeout: float) -> bool:
        """Waits for the connection to end; True if it did within `timeout`."""
        try:
            await asyncio.wait_for(asyncio.shield(self._protocol.closed), timeout)
            return True
        except asyncio.TimeoutError:
            return False


def now() -> float:
    """Monotonic seconds, the clock every figure is measured on."""
    return time.monotonic()


@dataclass
class Outcome:
    """What happened to one request (for scenarios that grade every request)."""
    sent_at: float
    latency: float | None = None     # seconds, when a complete response arrived
    status: int | None = None
    error: str | None = None         # 'truncated', 'no-response', 'refused', 'timeout', ...
    received: int = 0
    extra: dict = field(default_factory=dict)
