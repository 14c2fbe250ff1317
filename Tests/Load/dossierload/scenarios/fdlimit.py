"""Scenario 3b: descriptor exhaustion. The server runs with RLIMIT_NOFILE 128 (soft and hard).

300 clients connect and send `GET /healthz`; each keeps its connection once answered, so
the server runs out of descriptors after ~120 and the rest wait in the listen backlog.
While they are held, the server must stay up, not spin (CPU), and log its accept
failures. Then the held connections are released (closed), and every waiting client must
be answered as descriptors free up; each closes once answered.

Pass: the server is alive and under its limit throughout; it used under a quarter of a
core while exhausted; it logged `accept paused` notices; all 300 requests got 200
(none reset, truncated, or timed out); afterwards 20/20 health checks pass and its
descriptor count is back to baseline.
"""

from __future__ import annotations

import asyncio
import collections
import time

from ..context import Context, healthy, settle_fds, stable_fds
from ..http import Client, ConnectionEnded, request
from ..load import classify
from ..report import Result

NOFILE = 128
CLIENTS = 300
MAX_CPU_FRACTION = 0.25


async def run(ctx: Context) -> Result:
    result = Result("fd-exhaustion")
    hold = ctx.pick(4.0, 10.0)
    with ctx.server("fdlimit", nofile=NOFILE) as server:
        await healthy(server.port, 10)
        baseline_fds = await stable_fds(server)
        release = asyncio.Event()
        outcomes: collections.Counter = collections.Counter()
        answered_at: list[float] = []
        started = time.monotonic()

        async def one(index: int) -> None:
            await asyncio.sleep(0.5 * index / CLIENTS)
            try:
                client = await Client.connect(server.port, timeout=10)
            except (OSError, asyncio.TimeoutError) as error:
                outcomes[f"connect-{classify(error)}"] += 1
                return
            try:
                response = await client.request(request("GET", "/healthz"), timeout=hold + 40)
            except (ConnectionEnded, asyncio.TimeoutError, OSError) as error:
                outcomes[classify(error)] += 1
                client.close()
                return
            answered_at.append(time.monotonic() - started)
            outcomes[f"status-{response.status}"] += 1
            await release.wait()
            client.close()

        tasks = [asyncio.create_task(one(i)) for i in range(CLIENTS)]
        await asyncio.sleep(1.5)  # all connected, the first ~120 answered
        cpu_before, wall_before = server.cpu_seconds(), time.monotonic()
        peak_fds = server.fd_count()
        while time.monotonic() - wall_before < hold:
            await asyncio.sleep(0.25)
            if not server.alive:
                break
            peak_fds = max(peak_fds, server.fd_count())
        alive_while_exhausted = server.alive
        cpu = (server.cpu_seconds() - cpu_before) / (time.monotonic() - wall_before) if alive_while_exhausted else -1
        answered_before_release = len(answered_at)
        release.set()
        await asyncio.wait_for(asyncio.gather(*tasks), hold + 60)
        recovery = max(answered_at, default=0.0) - (wall_before - started + hold)
        paused = server.count_lines(r"accept paused")
        count, waited = await settle_fds(server, baseline_fds, timeout=15.0) if server.alive else (-1, 0.0)
        ok, failures = await healthy(server.port, 20) if server.alive else (0, ["server died"])

        result.note(f"RLIMIT_NOFILE {NOFILE}: {answered_before_release} of {CLIENTS} answered while held "
                    f"(peak {peak_fds} fds), the rest after release; outcomes {dict(outcomes)}")
        result.note("server stderr (from start):\n    " + server.stderr_text(limit=12).replace("\n", "\n    "))
        result.check("alive and within its limit", alive_while_exhausted and server.alive and peak_fds <= NOFILE,
                     f"alive {server.alive}, peak {peak_fds} fds (limit {NOFILE})")
        result.check("exhausted for real", answered_before_release < CLIENTS,
                     f"{answered_before_release}/{CLIENTS} answered before release")
        result.check("no spin while exhausted", 0 <= cpu <= MAX_CPU_FRACTION,
                     f"{cpu * 100:.1f}% of a core over {hold:.0f}s (limit {MAX_CPU_FRACTION * 100:.0f}%)")
        result.check("accept failures logged", paused > 0, f"{paused} 'accept paused' notices")
        result.check("every client answered 200", outcomes["status-200"] == CLIENTS,
                     f"{outcomes['status-200']}/{CLIENTS}; {dict(outcomes)}")
        result.check("serves again", ok == 20, f"{ok}/20 health checks ok {failures[:3]}")
        result.check("descriptors back to baseline", 0 <= count <= baseline_fds,
                     f"{count} after {waited:.1f}s (baseline {baseline_fds})")
        result.figures.update(nofile=NOFILE, clients=CLIENTS, held=answered_before_release,
                              cpu=f"{cpu * 100:.1f}%", paused_notices=paused, all_answered=outcomes["status-200"],
                              backlog_drained_s=f"{max(recovery, 0):.2f}", fds=f"{baseline_fds}/{peak_fds}/{count}")
    return result
