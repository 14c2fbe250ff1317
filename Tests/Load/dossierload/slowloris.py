"""Slowloris attacker, run as its own process: `python3 -m dossierload.slowloris --port P ...`.

It keeps `--connections` connections open, each sending a request head one byte per
`--interval` seconds, never finishing it. When the server closes one (ideally with a 408
after its header timeout) it records how long after the first byte that happened, and
opens another, so the pressure stays constant for `--duration` seconds. At the end it
aborts what is still open and prints one JSON object on stdout.

It runs apart from the clients whose latency is measured so that its own event loop,
busy with a thousand sockets, does not add to their figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import sys
import time

from .http import HOST

HEAD_START = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "


class _SlowProtocol(asyncio.Protocol):
    def __init__(self) -> None:
        self.received = bytearray()
        self.ended = asyncio.Event()
        self.ended_at: float | None = None
        self.how = ""

    def data_received(self, data: bytes) -> None:
        self.received += data[: 4096 - len(self.received)] if len(self.received) < 4096 else b""

    def eof_received(self) -> bool:
        self._end("eof")
        return False

    def connection_lost(self, exc: Exception | None) -> None:
        self._end("reset" if exc else "eof")

    def _end(self, how: str) -> None:
        if self.ended_at is None:
            self.ended_at = time.monotonic()
            self.how = how
            self.ended.set()


async def attack(port: int, connections: int, duration: float, interval: float, ramp: float) -> dict:
    """Runs the attack; returns the figures (see the module doc)."""
    loop = asyncio.get_running_loop()
    started = time.monotonic()
    end = started + duration
    closes: list[dict] = []   # one per connection the server ended
    open_at_end: list[float] = []  # first-byte ages of connections still open at the end
    connect_errors: dict[str, int] = {}
    live = [0]
    peak = [0]

    async def one(index: int) -> None:
        await asyncio.sleep(ramp * index / max(connections, 1))
        while time.monotonic() < end:
            try:
                transport, protocol = await asyncio.wait_for(
                    loop.create_connection(_SlowProtocol, HOST, port), 10)
            except (OSError, asyncio.TimeoutError) as error:
                name = type(error).__name__
                connect_errors[name] = connect_errors.get(name, 0) + 1
                await asyncio.sleep(0.2)
                continue
            live[0] += 1
            peak[0] = max(peak[0], live[0])
            first_byte = time.monotonic()
            transport.write(HEAD_START)
            while time.monotonic() < end and not protocol.ended.is_set():
                try:
                    await asyncio.wait_for(protocol.ended.wait(), interval)
                except asyncio.TimeoutError:
                    if not transport.is_closing():
                        transport.write(b"a")  # one more byte of a header value that never ends
            live[0] -= 1
            if protocol.ended_at is not None:
                text = bytes(protocol.received[:64]).decode("latin-1", "replace")
                closes.append({"after": protocol.ended_at - first_byte, "how": protocol.how,
                               "status408": text.startswith("HTTP/1.1 408"),
                               "other_response": bool(text) and not text.startswith("HTTP/1.1 408"),
                               "first": text.split("\r\n", 1)[0]})
            else:
                open_at_end.append(time.monotonic() - first_byte)
                transport.abort()
            transport.close()

    await asyncio.gather(*(one(i) for i in range(connections)))
    return {"connections": connections, "duration": time.monotonic() - started, "peak_open": peak[0],
            "closes": closes, "open_at_end_ages": open_at_end, "connect_errors": connect_errors}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--connections", type=int, default=1000)
    parser.add_argument("--duration", type=float, default=15.0)
    parser.add_argument("--interval", type=float, default=1.0, help="seconds between trickled bytes")
    parser.add_argument("--ramp", type=float, default=1.0, help="seconds over which connections start")
    options = parser.parse_args()
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    result = asyncio.run(attack(options.port, options.connections, options.duration, options.interval,
                                options.ramp))
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
