"""Scenario 5: graceful shutdown under load. SIGTERM while 200 clients are active.

200 clients run a closed loop over the read routes, every tenth request a POST (fsynced
before its 201): 160 on keep-alive connections, 40 opening a new connection for every
request (so connections are being accepted when the listener closes). After a few seconds
the server gets SIGTERM. Clients carry on: after a response with `Connection: close` they
reconnect, and a refused connect ends a client. A probe connects every millisecond from the SIGTERM on, to find when the
listener closed: it was open at its last successful connect, closed at its first refusal.

Every request is graded:
- a complete response with the expected status: fine, before or after the SIGTERM;
- a truncated response (some bytes, then the connection ended): always a failure;
- the connection ended before any byte of the response: fine only for a request sent
  after the listener's last successful probe connect (the listener may have been closed);
  before that, the request was accepted by TCP and dropped unanswered: a failure;
- a refused connect: fine if learnt after the SIGTERM, a failure before;
- a connect reset right after its handshake (the listening socket closed with the
  connection in its accept queue): a failure, since TCP had accepted it while the listener
  was open (`Listener.stop` means to accept every such connection before closing);
- no answer within the timeout: a failure.

Pass: no failed request; the server exits 0 within `--drain-timeout` (+1 s slack).
The race is timing-dependent, so this runs several rounds, each with a fresh server.
"""

from __future__ import annotations

import asyncio
import collections
import signal
import socket
import threading
import time

from ..context import Context, warm_up
from ..http import HOST, now
from ..load import READ_MIX, LoadStats, run_clients
from ..report import Result

CLIENTS = 200
FRESH_CLIENTS = 40  # of CLIENTS, those that open a new connection per request
DRAIN_TIMEOUT = 10.0
EXIT_SLACK = 1.0


def probe_listener(port: int, started: threading.Event, give_up: float) -> tuple[float | None, float | None, int]:
    """Connects every millisecond until refused; returns (last success, first refusal, successes).

    Runs in its own thread with blocking sockets, so that its timing does not depend on
    the event loop, which is busy with the clients.
    """
    last_ok: float | None = None
    successes = 0
    while now() < give_up:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.settimeout(1.0)
        attempt = now()
        try:
            sock.connect((HOST, port))
        except ConnectionRefusedError:
            sock.close()
            return last_ok, attempt, successes
        except OSError:
            pass
        else:
            last_ok = now()
            successes += 1
        finally:
            sock.close()
        started.set()
        time.sleep(0.001)
    return last_ok, None, successes


def merge(*runs: LoadStats) -> LoadStats:
    """One LoadStats for several client groups run side by side."""
    total = LoadStats(seconds=max(run.seconds for run in runs))
    for run in runs:
        total.clients += run.clients
        total.requests += run.requests
        total.ok += run.ok
        total.connects += run.connects
        total.latencies += run.latencies
        total.errors.update(run.errors)
        total.statuses.update(run.statuses)
        total.outcomes += run.outcomes
    return total


async def one_round(ctx: Context, number: int, result: Result, before: float) -> dict:
    """One server, one SIGTERM; adds this round's checks to `result`, returns its figures."""
    with ctx.server(f"shutdown-{number}", ["--drain-timeout", str(DRAIN_TIMEOUT)]) as server:
        await warm_up(server.port)
        stop = asyncio.Event()
        common = dict(timeout=DRAIN_TIMEOUT + 5, ramp=1.0, record=True, stop=stop, stop_when_refused=True,
                      writes_every=10)
        clients = asyncio.gather(
            run_clients(server.port, CLIENTS - FRESH_CLIENTS, before + DRAIN_TIMEOUT + 10, READ_MIX, **common),
            run_clients(server.port, FRESH_CLIENTS, before + DRAIN_TIMEOUT + 10, READ_MIX, fresh_connections=True,
                        **common))
        await asyncio.sleep(before)
        open_at_signal = server.fd_count()
        probing = threading.Event()
        probe = asyncio.create_task(asyncio.to_thread(probe_listener, server.port, probing, now() + DRAIN_TIMEOUT + 10))
        await asyncio.to_thread(probing.wait, 5.0)
        sigterm_at = now()
        server.signal(signal.SIGTERM)
        code = await asyncio.to_thread(server.wait, DRAIN_TIMEOUT + 10)
        exited_at = now()
        last_ok, first_refused, probe_connects = await probe
        await asyncio.sleep(0.5)
        stop.set()
        keep_alive, fresh = await clients
        stats = merge(keep_alive, fresh)
        stderr_tail = server.stderr_text(since=0, limit=10)

    listener_open_until = last_ok if last_ok is not None else sigterm_at
    grades: collections.Counter = collections.Counter()
    failures: collections.Counter = collections.Counter()
    in_flight_answered = 0
    for outcome in stats.outcomes:
        after_signal = outcome.sent_at >= sigterm_at
        when = "after" if after_signal else "before"
        what = outcome.extra.get("target", outcome.extra.get("phase"))
        if outcome.error is None:
            grades[f"complete ({when} SIGTERM)"] += 1
            if not after_signal and outcome.latency is not None and outcome.sent_at + outcome.latency > sigterm_at:
                in_flight_answered += 1
        elif outcome.error in ("closed-before-response", "reset-before-response"):
            if outcome.sent_at > listener_open_until:
                grades["no response, sent after the listener closed"] += 1
            else:
                failures[f"{outcome.error}, sent {(outcome.sent_at - sigterm_at) * 1000:+.0f}ms from SIGTERM "
                         f"while the listener was open ({what})"] += 1
        elif outcome.error == "refused":
            # The connect call happened between sent_at and failed_at (the event loop may
            # lag): a refusal learnt after the SIGTERM may have been caused by it.
            if outcome.extra.get("failed_at", outcome.sent_at) >= sigterm_at:
                grades["connect refused after SIGTERM"] += 1
            else:
                failures["connect refused before SIGTERM"] += 1
        elif outcome.error == "ECONNRESET" and outcome.extra.get("phase") == "connect":
            failures[f"connect reset after the handshake, attempted {(outcome.sent_at - sigterm_at) * 1000:+.0f}ms "
                     f"from SIGTERM"] += 1
        else:
            failures[f"{outcome.error} ({when} SIGTERM, {what})"] += 1

    drain = exited_at - sigterm_at
    listener_closed = (f"{(listener_open_until - sigterm_at) * 1000:.1f}-"
                       f"{(first_refused - sigterm_at) * 1000:.1f}ms" if first_refused else "never seen")
    label = f"round {number}"
    result.note(f"{label}: {stats.summary()}")
    result.note(f"{label}: graded {dict(grades)}; in flight at SIGTERM and answered: {in_flight_answered}; "
                f"{open_at_signal} server fds at SIGTERM; listener closed {listener_closed} after SIGTERM "
                f"({probe_connects} probe connects in all); exit {code} after {drain:.2f}s")
    if failures or code != 0:
        result.note(f"{label} server stderr:\n    " + stderr_tail.replace("\n", "\n    "))
    result.check(f"{label}: every accepted request answered in full", not failures and stats.requests > 0,
                 f"{sum(failures.values())} failed of {len(stats.outcomes)}"
                 + (f": {dict(failures.most_common(6))}" if failures else ""))
    result.check(f"{label}: exit code 0", code == 0, f"exit {code}")
    result.check(f"{label}: within the drain deadline", drain <= DRAIN_TIMEOUT + EXIT_SLACK,
                 f"{drain:.2f}s from SIGTERM to exit (--drain-timeout {DRAIN_TIMEOUT:.0f})")
    result.check(f"{label}: listener closed", first_refused is not None, f"closed {listener_closed} after SIGTERM")
    return {"requests": len(stats.outcomes), "failed": sum(failures.values()), "in_flight": in_flight_answered,
            "after": grades["complete (after SIGTERM)"], "refused": grades["connect refused after SIGTERM"],
            "unanswered": grades["no response, sent after the listener closed"], "exit": code, "drain": drain}


async def run(ctx: Context) -> Result:
    result = Result("shutdown")
    rounds = ctx.pick(2, 5)
    before = ctx.pick(3.0, 8.0)
    figures = [await one_round(ctx, number, result, before) for number in range(1, rounds + 1)]

    def total(key: str) -> int:
        return sum(figure[key] for figure in figures)

    result.figures.update(rounds=rounds, clients=CLIENTS, requests=total("requests"), failed=total("failed"),
                          in_flight_answered=total("in_flight"), complete_after_sigterm=total("after"),
                          refused_after=total("refused"), unanswered_after_close=total("unanswered"),
                          exits="/".join(str(figure["exit"]) for figure in figures),
                          drain="/".join(f"{figure['drain']:.2f}" for figure in figures) + "s")
    return result
