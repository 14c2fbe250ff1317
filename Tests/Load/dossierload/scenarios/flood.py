"""Scenario 3a: connection flood past `--max-connections 200`: refuse or shed, log, recover.

1,000 clients connect within half a second, each sends `GET /v1/documents?limit=1` on a
keep-alive connection and, if answered 200, keeps the connection open. With 200 allowed, the
other ~800 must be refused: a 503 problem response, or (acceptable shedding) the connection
closed or reset before any byte of a response. While the 200 are held, a request to a
normal route and then a burst of 300 more clients (all at once, so their requests reach the
server before it accepts them) must be refused too, but a liveness probe (`/healthz`) must
still be answered 200 on one of the connections kept for probes (`--probe-connections`).
Then every connection is closed and the server must serve normally again.

Pass: no request hangs (timeout) or gets a truncated or unexpected response; at most 200
held at once; every non-200 answer is a 503 `application/problem+json`; the probe at the
limit is answered; the server logged the refusals; after the flood it answers 20/20 health
checks and its descriptor count is back to baseline.
"""

from __future__ import annotations

import asyncio
import collections

from ..context import Context, fetch, healthy, settle_fds, stable_fds
from ..http import Client, ConnectionEnded, request
from ..load import classify
from ..report import Result

LIMIT = 200
FLOOD = 1000
BURST = 300


async def run(ctx: Context) -> Result:
    result = Result("flood")
    hold = ctx.pick(2.0, 5.0)
    with ctx.server("flood", ["--max-connections", str(LIMIT)]) as server:
        await healthy(server.port, 10)
        baseline_fds = await stable_fds(server)
        outcomes: collections.Counter = collections.Counter()
        problems_ok = [0]
        held: list[Client] = []

        async def one(index: int, ramp: float) -> None:
            await asyncio.sleep(ramp * index / FLOOD)
            try:
                client = await Client.connect(server.port, timeout=10)
            except (OSError, asyncio.TimeoutError) as error:
                outcomes[f"connect-{classify(error)}"] += 1
                return
            try:
                response = await client.request(request("GET", "/v1/documents?limit=1"), timeout=15)
            except (ConnectionEnded, asyncio.TimeoutError, OSError) as error:
                outcomes[classify(error)] += 1
                client.close()
                return
            outcomes[f"status-{response.status}"] += 1
            if response.status == 503 and response.is_problem and b"connection limit" in response.body:
                problems_ok[0] += 1
            if response.status == 200 and not response.closes:
                held.append(client)
            else:
                client.close()

        await asyncio.gather(*(one(i, 0.5) for i in range(FLOOD)))
        during_fds = server.fd_count()
        try:
            probe = await fetch(server.port, "/v1/documents?limit=1", timeout=5)
        except Exception as error:  # noqa: BLE001 - a shed request is fine, reported as such
            probe = classify(error)
        try:
            liveness = await fetch(server.port, "/healthz", timeout=5)
        except Exception as error:  # noqa: BLE001 - reported as the failure it is
            liveness = classify(error)
        first_wave = dict(outcomes)
        # A second wave at the limit, all at once: requests reach the server before it accepts.
        await asyncio.gather(*(one(i, 0.0) for i in range(BURST)))
        second_wave = dict(outcomes - collections.Counter(first_wave))
        await asyncio.sleep(hold)
        for client in held:
            client.close()
        count, waited = await settle_fds(server, baseline_fds, timeout=15.0)
        ok, failures = await healthy(server.port, 20)
        logged = server.count_lines(r"connection refused with 503", since=0)

        served = outcomes["status-200"]
        refused = outcomes["status-503"]
        shed = outcomes["closed-before-response"] + outcomes["reset-before-response"]
        bad = {key: value for key, value in outcomes.items()
               if key not in ("status-200", "status-503", "closed-before-response", "reset-before-response")}
        result.note(f"outcomes of {FLOOD} (ramped over 0.5s): {first_wave}; then {BURST} at once at the limit: "
                    f"{second_wave}; held {len(held)}; server fds while held {during_fds} (baseline {baseline_fds}); "
                    f"request at the limit: {probe}; /healthz at the limit: {liveness}")
        result.note("server stderr (from start):\n    " + server.stderr_text(limit=12).replace("\n", "\n    "))
        result.check("no hang, truncation or unexpected status", not bad, f"{bad or 'none'}")
        result.check("at most the limit served at once", served <= LIMIT and len(held) <= LIMIT,
                     f"{served} answered 200, {len(held)} held open (limit {LIMIT})")
        result.check("refusals are 503 problems (or clean sheds)", refused == problems_ok[0] and refused + shed >= FLOOD + BURST - LIMIT,
                     f"{refused} 503 ({problems_ok[0]} problem+json naming the limit), {shed} closed/reset before "
                     f"any byte")
        result.check("new client at the limit is refused", probe != 200, f"GET /v1/documents got {probe}")
        result.check("liveness probe at the limit is answered", liveness == 200, f"/healthz got {liveness}")
        result.check("refusals logged", logged > 0, f"{logged} 'connection refused with 503' notices")
        result.check("recovers: serves again", ok == 20, f"{ok}/20 health checks ok {failures[:3]}")
        result.check("descriptors back to baseline", count <= baseline_fds,
                     f"{count} after {waited:.1f}s (baseline {baseline_fds})")
        result.figures.update(limit=LIMIT, flood=f"{FLOOD}+{BURST}", served=served, refused503=refused, shed=shed,
                              logged=logged, fds=f"{baseline_fds}/{during_fds}/{count}", recovered=f"{ok}/20")
    return result
