"""Scenario 1: 1,000 concurrent keep-alive clients, no errors, memory flat over rounds.

Each round runs 1,000 closed-loop keep-alive clients over the read routes (see
`load.READ_MIX`). After each round the clients close, the scenario waits for the server's
descriptor count to return to its baseline and for a second of quiet, then reads VmRSS.

Pass: no request error in any round; descriptors back to baseline after every round; RSS
flat: after the last round at most 2 MiB above the highest earlier round and 4 MiB above
the first (the first round is the warm-up: caches, buffers, thread stacks).

The server runs with MALLOC_ARENA_MAX=1 (unless the environment sets it), so that RSS
follows live memory. With glibc's default, threads get separate malloc arenas; Dispatch's
worker threads come and go, and each arena keeps its own high-water mark, so RSS creeps up
for some rounds and then levels off without any leak (measured here: +5 to +9 MiB over the
first ~10 rounds of 1,000 clients, then flat or falling over the next 14, while with one
arena the same rounds stay within 1.5 MiB). A leak grows with the work done, every round
alike: 100 bytes per request is several MiB per round, a leaked connection far more.
To see the default allocator's figures: MALLOC_ARENA_MAX=16 faults.py keepalive.
"""

from __future__ import annotations

import asyncio
import os

from ..context import Context, healthy, settle_fds, stable_fds
from ..load import READ_MIX, run_clients
from ..report import Result, mib, ms

CLIENTS = 1000
#: How far the last round's RSS may rise above the highest earlier round, and above the first.
LAST_ROUND_RISE_KIB = 2 * 1024
TOTAL_RISE_KIB = 4 * 1024


async def run(ctx: Context) -> Result:
    result = Result("keepalive")
    rounds = ctx.pick([10.0, 6.0, 6.0], [60.0] + [15.0] * 6)
    arenas = os.environ.get("MALLOC_ARENA_MAX", "1")
    result.note(f"server runs with MALLOC_ARENA_MAX={arenas} (see the module docstring)")
    with ctx.server("keepalive", env={"MALLOC_ARENA_MAX": arenas}) as server:
        await healthy(server.port, 20)
        baseline_fds = await stable_fds(server)
        rss = [server.rss_kib()]
        fds = [baseline_fds]
        labels = ["start"]
        total_requests = total_errors = 0
        for number, seconds in enumerate(rounds, 1):
            stats = await run_clients(server.port, CLIENTS, seconds, READ_MIX, timeout=15.0, ramp=2.0)
            total_requests += stats.requests
            total_errors += stats.error_count
            result.note(f"round {number} ({seconds:.0f}s): {stats.summary()}")
            result.check(f"round {number} errors", stats.error_count == 0 and stats.ok > 0,
                         f"{stats.error_count} errors in {stats.requests} requests "
                         f"(p50 {ms(stats.p(0.5))}, p99 {ms(stats.p(0.99))})")
            count, waited = await settle_fds(server, baseline_fds, timeout=15.0)
            await asyncio.sleep(1.0)
            rss.append(server.rss_kib())
            fds.append(server.fd_count())
            labels.append(f"r{number}")
            result.check(f"round {number} descriptors", count <= baseline_fds,
                         f"{count} open after {waited:.1f}s (baseline {baseline_fds})")
            if number == 1:
                result.figures.update(clients=CLIENTS, round1_s=int(seconds), round1_requests=stats.requests,
                                      round1_rate=f"{stats.rate:.0f}/s", p50=ms(stats.p(0.5)), p99=ms(stats.p(0.99)))
        ok, failures = await healthy(server.port, 20)
        result.check("serves afterwards", ok == 20, f"{ok}/20 ok {failures[:3]}")
        rss.append(server.rss_kib())
        fds.append(await stable_fds(server))
        labels.append("end")

        after_rounds = rss[1:len(rounds) + 1]
        first, last, earlier = after_rounds[0], after_rounds[-1], max(after_rounds[:-1])
        table = ", ".join(f"{label} {mib(value)}/{fd}fd" for label, value, fd in zip(labels, rss, fds))
        result.note(f"RSS/fds: {table}")
        result.check("memory flat", last - earlier <= LAST_ROUND_RISE_KIB and last - first <= TOTAL_RISE_KIB,
                     f"last round {mib(last)}: {(last - earlier) / 1024:+.1f}MiB over the highest earlier round "
                     f"(allowed +{LAST_ROUND_RISE_KIB / 1024:.0f}), {(last - first) / 1024:+.1f}MiB over round 1 "
                     f"(allowed +{TOTAL_RISE_KIB / 1024:.0f})")
        result.figures.update(requests=total_requests, errors=total_errors,
                              rss="/".join(f"{value / 1024:.0f}" for value in rss) + "MiB",
                              fds="/".join(str(fd) for fd in fds))
    return result
