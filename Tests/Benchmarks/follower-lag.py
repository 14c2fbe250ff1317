#!/usr/bin/env python3
"""Replication lag and catch-up of a read replica (`dossier serve --follow`), over loopback.

    python3 Tests/Benchmarks/follower-lag.py BINARY [--seeds DIR] [--posts N] [--preload M]

Starts a writer (fresh data directory) and posts M documents to it, then starts a follower
and times how long it takes to become ready (its catch-up of the M documents). Then it posts
N more documents one at a time and, after each 201 from the writer, polls the follower until
it serves that document: the replication lag, reported as p50 / p99 / max.
Standard library only; both servers are stopped with SIGTERM at the end.
"""
import argparse
import http.client
import json
import re
import statistics
import subprocess
import tempfile
import time


def start(binary, seeds, extra):
    process = subprocess.Popen(
        [binary, "serve", "--port", "0", "--seeds", seeds, "--no-access-log", *extra],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    for line in process.stderr:
        found = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
        if found:
            return process, int(found.group(1))
    raise SystemExit(f"{binary} did not start")


def article(number):
    return (f"Harbour story {number}\n\nOSLO — The harbour authority said on Monday that pier {number} "
            "would close for repairs until the spring.\n\n\"We will rebuild,\" said Ingrid Dahl, the harbour master.")


def post(connection, number):
    connection.request("POST", "/v1/documents", body=article(number).encode(), headers={"Content-Type": "text/plain"})
    response = connection.getresponse()
    body = json.loads(response.read())
    if response.status != 201:
        raise SystemExit(f"POST answered {response.status}: {body}")
    return body["id"]


def status(connection, target):
    connection.request("GET", target)
    response = connection.getresponse()
    response.read()
    return response.status


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("--seeds", default="seeds")
    parser.add_argument("--posts", type=int, default=200)
    parser.add_argument("--preload", type=int, default=0)
    arguments = parser.parse_args()

    writer, writer_port = start(arguments.binary, arguments.seeds, ["--data-dir", tempfile.mkdtemp(prefix="dossier-lag-")])
    to_writer = http.client.HTTPConnection("127.0.0.1", writer_port)
    for number in range(arguments.preload):
        post(to_writer, number)

    started = time.perf_counter()
    follower, follower_port = start(arguments.binary, arguments.seeds, ["--follow", f"http://127.0.0.1:{writer_port}"])
    to_follower = http.client.HTTPConnection("127.0.0.1", follower_port)
    while status(to_follower, "/readyz") != 200:
        time.sleep(0.005)
    print(f"follower ready (caught up with {arguments.preload} posted documents) {time.perf_counter() - started:.2f} s after its start")

    lags = []
    for number in range(arguments.preload, arguments.preload + arguments.posts):
        document = post(to_writer, number)
        acknowledged = time.perf_counter()
        while status(to_follower, f"/v1/documents/{document}") != 200:
            pass
        lags.append((time.perf_counter() - acknowledged) * 1000)
    for process in (follower, writer):
        process.terminate()
        process.wait()
    lags.sort()
    print(f"{len(lags)} POSTs: the follower served each document p50 {statistics.median(lags):.2f} ms, "
          f"p99 {lags[max(0, int(len(lags) * 0.99) - 1)]:.2f} ms, max {lags[-1]:.2f} ms after the writer's 201")


if __name__ == "__main__":
    main()
