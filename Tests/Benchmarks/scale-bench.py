#!/usr/bin/env python3
"""Scale benchmark: `dossier serve` on an archive-sized collection, as issue 16 measures it.

    Tests/Benchmarks/scale-bench.py                          # 1k, 10k and 100k documents
    Tests/Benchmarks/scale-bench.py --sizes 1000,10000 --duration 3

For each size, on one fresh data directory, it:
  1. writes that many generated articles as a seeds folder (news-corpus: BenchmarkCorpus's
     news generator, ~450 words each; kept under --work and reused by later runs);
  2. starts the release server on them (pinned to --server-cpu) and times the start until
     `/readyz` answers 200, then reads the resident memory (VmRSS);
  3. POSTs new JSON articles with wrk (Tests/Benchmarks/WriteBench/bench.lua), first from one
     client, then from 16, for --duration s each: acknowledged writes/s, p50 and p99;
  4. reads every route with 4 connections for --duration s, once alone and once while 8
     clients POST: p50 and p99 (wrk is closed-loop: a connection sends its next request after
     the answer);
  5. times the first `/v1/entities` and the first `/related` after one more write, and the
     size of the most-mentioned entity's body;
  6. stops the server (SIGTERM) and starts it again on the same data directory: the restart
     time to `/readyz`, with every POSTed document in the journal.
Then it prints one table, a column per size.

It is a benchmark, not a test: `swift test` does not run it. Needs wrk, taskset and a release
build (`swift build -c release --product dossier --product news-corpus`, or --build).
Loopback only; every wait is bounded; it stops only the servers it started.
"""
import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LUA = os.path.join(REPO, "Tests", "Benchmarks", "WriteBench", "bench.lua")
READY_TIMEOUT = 3600.0  # s: a 100k start took 734 s when this benchmark was written


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated collection sizes (default 1000,10000,100000)")
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run (default 5)")
    parser.add_argument("--seed", type=int, default=42, help="the article generator's seed (default 42)")
    parser.add_argument("--bin", default=os.path.join(REPO, ".build", "release"), help="folder with the release dossier and news-corpus")
    parser.add_argument("--work", default=os.path.join(REPO, ".build-scale"), help="seeds folders and data directories (git-ignored)")
    parser.add_argument("--server-cpu", default="1", help="CPU list for the server (taskset; default 1)")
    parser.add_argument("--client-cpu", default="0", help="CPU list for wrk (default 0)")
    parser.add_argument("--build", action="store_true", help="build the release products first")
    return parser.parse_args()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def request(url, method="GET", body=None, content_type=None, timeout=60.0):
    """(status, body bytes, seconds) of one request."""
    headers = {"Content-Type": content_type} if content_type else {}
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=body, method=method, headers=headers), timeout=timeout) as answer:
            data = answer.read()
            return answer.status, data, time.perf_counter() - started
    except urllib.error.HTTPError as error:
        return error.code, error.read(), time.perf_counter() - started


class Server:
    """One `dossier serve` process on a seeds folder and a data directory."""

    def __init__(self, options, seeds, data):
        self.options, self.seeds, self.data = options, seeds, data
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None

    def start(self):
        """Starts the server; returns (seconds to the port answering, seconds to ready)."""
        command = ["taskset", "-c", self.options.server_cpu, os.path.join(self.options.bin, "dossier"), "serve",
                   "--seeds", self.seeds, "--data-dir", self.data, "--host", "127.0.0.1", "--port", str(self.port)]
        self.log = open(os.path.join(self.options.work, f"server-{self.port}.log"), "w")
        started = time.perf_counter()
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=self.log)
        bound = None
        while time.perf_counter() - started < READY_TIMEOUT:
            if self.process.poll() is not None:
                sys.exit(f"scale-bench: the server exited with {self.process.returncode}; see {self.log.name}")
            try:
                status, _, _ = request(self.url + "/readyz", timeout=5)
                bound = bound or time.perf_counter() - started
                if status == 200:
                    return bound, time.perf_counter() - started
            except (urllib.error.URLError, ConnectionError, socket.timeout):
                pass
            time.sleep(0.05)
        self.stop()
        sys.exit(f"scale-bench: not ready after {READY_TIMEOUT:.0f} s")

    def resident_bytes(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        return 0

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def wrk(options, url, connections, mode, tag=""):
    """The RESULT fields of one wrk run (bench.lua): ok, other, errors, seconds, p50_ms, p99_ms."""
    command = ["taskset", "-c", options.client_cpu, "wrk", "-t1", f"-c{connections}", f"-d{options.duration}s", "--timeout", "30s",
               "-s", LUA, url, "--", mode] + ([tag] if tag else [])
    output = subprocess.run(command, capture_output=True, text=True, timeout=options.duration + 120).stdout
    found = re.search(r"^RESULT (.*)$", output, re.MULTILINE)
    if not found:
        sys.exit(f"scale-bench: wrk printed no RESULT line:\n{output}")
    return {key: float(value) for key, value in (pair.split("=") for pair in found.group(1).split())}


def per_second(result):
    return result["ok"] / result["seconds"] if result["seconds"] else 0.0


def seeds_folder(options, size):
    """The generated seeds folder for `size` articles, written once."""
    folder = os.path.join(options.work, f"seeds-{size}-{options.seed}")
    marker = os.path.join(folder, ".complete")
    if not os.path.exists(marker):
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run([os.path.join(options.bin, "news-corpus"), str(size), str(options.seed), folder], check=True,
                       stdout=subprocess.DEVNULL)
        open(marker, "w").close()
    text_bytes = sum(entry.stat().st_size for entry in os.scandir(folder) if entry.name.endswith(".txt"))
    return folder, text_bytes


def read_routes(server):
    """(label, path) of each read the issue names, with ids taken from the served collection."""
    _, body, _ = request(server.url + "/v1/entities?limit=1")
    popular = json.loads(body)["data"][0]["id"]
    _, body, _ = request(server.url + "/v1/documents?limit=1")
    document = json.loads(body)["data"][0]["id"]
    return popular, document, [
        ("document", f"/v1/documents/{document}"),
        ("documents list", "/v1/documents?limit=20"),
        ("documents, newest first", "/v1/documents?sort=-published&limit=20"),
        ("documents, filtered", "/v1/documents?kind=news-article&from=2020-01-01&to=2020-12-31&limit=20"),
        ("timeline (3 months)", "/v1/timeline?from=2020-01-01&to=2020-03-31"),
        ("entities?limit=50", "/v1/entities?limit=50"),
        ("entity (most mentioned)", f"/v1/entities/{popular}"),
        ("quotes", "/v1/quotes?limit=20"),
        ("contacts", "/v1/contacts?limit=20"),
        ("related", f"/v1/documents/{document}/related"),
        ("search q=border", "/v1/search?q=border"),
    ]


ARTICLE = ("Harbour board approves new terminal\n\nLISBON, March 3 (Reuters) - The harbour board approved a new terminal "
           "on Tuesday, officials said.\n\n\"This gives us room to grow,\" said Maria Costa, a spokeswoman for the board.\n")


def write_one(server, tag):
    status, _, _ = request(server.url + "/v1/documents", "POST", json.dumps({"id": tag, "text": ARTICLE}).encode(), "application/json")
    if status != 201:
        sys.exit(f"scale-bench: a POST answered {status}")


def measure(options, size):
    """One column of the table."""
    column = {}
    seeds, text_bytes = seeds_folder(options, size)
    data = os.path.join(options.work, f"data-{size}")
    shutil.rmtree(data, ignore_errors=True)
    server = Server(options, seeds, data)
    bound, ready = server.start()
    try:
        column["text"] = f"{text_bytes / 1e6:.0f} MB"
        column["start"] = f"{ready:.1f} s (port {bound:.2f} s)"
        rss = server.resident_bytes()
        column["rss"] = f"{rss / 1e6:,.0f} MB ({rss / text_bytes:.1f}x)"
        url = server.url + "/v1/documents"
        one = wrk(options, url, 1, "post", f"s{size}one")
        column["post1"] = f"{per_second(one):.0f}/s, {one['p50_ms']:.0f} / {one['p99_ms']:.0f} ms"
        many = wrk(options, url, 16, "post", f"s{size}many")
        column["post16"] = f"{per_second(many):.0f}/s, p99 {many['p99_ms']:.0f} ms"
        popular, document, routes = read_routes(server)
        for label, path in routes:
            alone = wrk(options, server.url + path, 4, "get")
            writer = subprocess.Popen(["taskset", "-c", options.client_cpu, "wrk", "-t1", "-c8", f"-d{options.duration}s", "--timeout", "30s",
                                       "-s", LUA, url, "--", "post", f"s{size}r{len(column)}"], stdout=subprocess.DEVNULL)
            busy = wrk(options, server.url + path, 4, "get")
            writer.wait(timeout=options.duration + 120)
            column["read " + label] = (f"{alone['p50_ms']:.1f} / {alone['p99_ms']:.1f} ms; "
                                       f"writing: {busy['p50_ms']:.1f} / {busy['p99_ms']:.1f} ms")
        write_one(server, f"s{size}-entities")
        _, _, seconds = request(server.url + "/v1/entities?limit=50")
        column["first entities after a write"] = f"{seconds * 1000:.0f} ms"
        write_one(server, f"s{size}-related")
        _, _, seconds = request(server.url + f"/v1/documents/{document}/related")
        column["first related after a write"] = f"{seconds * 1000:.0f} ms"
        _, body, _ = request(server.url + f"/v1/entities/{popular}")
        column["entity body"] = f"{len(body) / 1e3:,.0f} KB"
        _, body, _ = request(server.url + "/v1/documents?limit=1")
        posted = json.loads(body)["meta"]["total"]
    finally:
        server.stop()
    again = Server(options, seeds, data)
    _, ready = again.start()
    again.stop()
    column["restart"] = f"{ready:.1f} s ({posted:,} documents)"
    return column


ROWS = [
    ("text", "generated article text"),
    ("start", "start on a seeds folder, to /readyz"),
    ("rss", "RSS after start"),
    ("post1", "one client's POSTs: writes/s, p50 / p99"),
    ("post16", "16 clients' POSTs"),
]


def main():
    options = parse_arguments()
    os.makedirs(options.work, exist_ok=True)
    if options.build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "dossier"], cwd=REPO, check=True)
        subprocess.run(["swift", "build", "-c", "release", "--product", "news-corpus"], cwd=REPO, check=True)
    for tool in ("wrk", "taskset"):
        if shutil.which(tool) is None:
            sys.exit(f"scale-bench: needs {tool} (apt-get install wrk util-linux)")
    sizes = [int(size) for size in options.sizes.split(",")]
    columns = []
    for size in sizes:
        print(f"measuring {size:,} documents ...", file=sys.stderr, flush=True)
        columns.append(measure(options, size))
    keys = [key for key, _ in ROWS] + [key for key in columns[0] if key not in dict(ROWS)]
    labels = dict(ROWS)
    print(f"{os.cpu_count()} CPUs; server on CPU {options.server_cpu}, wrk on CPU {options.client_cpu}; "
          f"{options.duration:g} s per wrk run; reads with 4 connections, p50 / p99")
    print("| | " + " | ".join(f"{size:,}" for size in sizes) + " |")
    print("| --- |" + " --- |" * len(sizes))
    for key in keys:
        print(f"| {labels.get(key, key)} | " + " | ".join(column.get(key, "") for column in columns) + " |")


if __name__ == "__main__":
    main()
