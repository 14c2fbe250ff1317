#!/usr/bin/env bash
# Write benchmark: sustained ACKNOWLEDGED writes per second of `dossier serve` (every POST is
# fsynced to the journal before its 201), at 1, 8 and 64 concurrent writers, and read
# throughput (a seed document, a search) without and with concurrent writes. A benchmark,
# not a test: `swift test` does not run it.
#
#   Tests/Benchmarks/write-bench.sh
#   DURATION=3 WRITERS="1 8" Tests/Benchmarks/write-bench.sh     # a quick smoke run
#   WRITERS="1 64 1" Tests/Benchmarks/write-bench.sh              # 1 writer again, on a larger collection
#
# What it does, in order, on one server and one fresh data directory:
#   1. builds the release server into .build-crash-rel (swift build -c release --product dossier);
#   2. starts it on Tests/Benchmarks/seeds (one document, id `bench`) with a temporary data
#      directory on the same disk as the repository (under .build-crash-rel/, git-ignored; its
#      filesystem and mount options are printed), pinned to CPU 1 with `taskset -c 1`;
#   3. for each writer count: `wrk -t1 -c N` (pinned to CPU 0 with `taskset -c 0`) POSTs new
#      JSON articles for DURATION s (WriteBench/bench.lua: unique id per request, 1-3 KB text
#      with a headline line, a dateline, paragraphs and a quote); only 201s count as writes;
#   4. reads without writes: GET /v1/documents/bench, then GET /v1/search?q=..., each with
#      READ_CONNS connections for DURATION s (the collection now holds every document written);
#   5. the same reads while READ_WRITERS writers POST at the same time (both wrk on CPU 0).
# Then it prints one table. wrk is closed-loop: each connection sends its next request only
# after the answer, so latencies are per answered request and throughput is what N clients get.
#
# Knobs (environment): DURATION (s per run, 10), WRITERS ("1 8 64"), READ_CONNS (16),
# READ_WRITERS (8), QUERY (search words, "election detentions"), SERVER_CPU (1), CLIENT_CPU (0),
# PORT (random in 20000-29999), DOSSIER_BIN (a release binary already built: skips step 1).
# Needs: wrk, taskset, curl (apt-get install wrk util-linux curl).
# Loopback only; every loop is bounded; it stops only the server it started (by PID).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
lua="$repo/Tests/Benchmarks/WriteBench/bench.lua"
seeds="$repo/Tests/Benchmarks/seeds"
duration="${DURATION:-10}"
writers="${WRITERS:-1 8 64}"
read_conns="${READ_CONNS:-16}"
read_writers="${READ_WRITERS:-8}"
query="${QUERY:-election detentions}"
server_cpu="${SERVER_CPU:-1}"
client_cpu="${CLIENT_CPU:-0}"
port="${PORT:-$((20000 + RANDOM % 10000))}"
for tool in wrk taskset curl; do
  command -v "$tool" >/dev/null || { echo "write-bench: $tool is missing (apt-get install wrk util-linux curl)" >&2; exit 1; }
done

binary="${DOSSIER_BIN:-$repo/.build-crash-rel/release/dossier}"
if [ -z "${DOSSIER_BIN:-}" ]; then (cd "$repo" && swift build -c release --scratch-path .build-crash-rel --product dossier); fi
mkdir -p "$repo/.build-crash-rel"

work="$(mktemp -d "$repo/.build-crash-rel/write-bench.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

taskset -c "$server_cpu" "$binary" serve --port "$port" --seeds "$seeds" --no-access-log --data-dir "$work/data" \
  2>"$work/server.log" &
server_pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
curl -sf "http://127.0.0.1:$port/v1/documents/bench" >/dev/null || { echo "write-bench: server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }

url="http://127.0.0.1:$port"
search_path="/v1/search?q=$(printf '%s' "$query" | sed 's/ /+/g')"
# One wrk run pinned to the client CPU; prints its RESULT line's fields.
#   run_wrk CONNECTIONS PATH MODE [RUN_TAG]
run_wrk() {
  local name="wrk-$2-$1-$3-${4:-read}.log"
  local log="$work/${name//[\/?=+ ]/_}"
  taskset -c "$client_cpu" wrk -t1 -c "$1" -d "${duration}s" --timeout 10s --latency -s "$lua" "$url$2" -- "$3" "${4:-}" >"$log" 2>&1
  grep '^RESULT ' "$log" | sed 's/^RESULT //'
}
# The value of FIELD in a RESULT line.
field() { printf '%s\n' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
per_second() { awk -v n="$(field "$1" ok)" -v s="$(field "$1" seconds)" 'BEGIN { printf "%.0f", n / s }'; }
not_ok() { echo $(( $(field "$1" other) + $(field "$1" errors) )); }

# Busy share of all CPUs over one second, from /proc/stat: other work on the machine skews every number.
cpu_busy() {
  local a b
  a=($(head -1 /proc/stat)); sleep 1; b=($(head -1 /proc/stat))
  awk -v a="${a[*]:1}" -v b="${b[*]:1}" 'BEGIN { n = split(a, x); split(b, y); for (i = 1; i <= n; i++) { d = y[i] - x[i]; t += d; if (i == 4 || i == 5) idle += d }
    printf "%.0f%%", 100 * (t - idle) / t }'
}
# The number of documents served.
collection_size() { curl -sf "$url/v1/documents?limit=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p'; }

filesystem="$(findmnt -no FSTYPE,SOURCE,OPTIONS -T "$work")"
echo "data directory $work/data on: $filesystem (repository on: $(findmnt -no SOURCE -T "$repo"))"
echo "server pinned to CPU $server_cpu, wrk to CPU $client_cpu; $duration s per run; $(nproc) CPUs; busy before: $(cpu_busy)"

# One row per entry of WRITERS, in order (a count may come again: the collection grows between).
write_counts=($writers)
write_results=()
sizes=()
for i in "${!write_counts[@]}"; do
  write_results[$i]="$(run_wrk "${write_counts[$i]}" /v1/documents post "w$i")"
  sizes[$i]="$(collection_size)"
done
doc_alone="$(run_wrk "$read_conns" /v1/documents/bench get)"
search_alone="$(run_wrk "$read_conns" "$search_path" get)"
# Reads and writes at once: the writer wrk in the background, both for DURATION s.
run_wrk "$read_writers" /v1/documents post rd >"$work/doc-writes" & writer=$!
doc_busy="$(run_wrk "$read_conns" /v1/documents/bench get)"; wait "$writer"
run_wrk "$read_writers" /v1/documents post rs >"$work/search-writes" & writer=$!
search_busy="$(run_wrk "$read_conns" "$search_path" get)"; wait "$writer"
documents="$(collection_size)"

echo
printf '%-8s %14s %10s %10s %9s %18s\n' writers "writes/s(201)" p50_ms p99_ms non-201 "documents after"
for i in "${!write_counts[@]}"; do
  r="${write_results[$i]}"
  printf '%-8s %14s %10s %10s %9s %18s\n' "${write_counts[$i]}" "$(per_second "$r")" "$(field "$r" p50_ms)" "$(field "$r" p99_ms)" \
    "$(not_ok "$r")" "${sizes[$i]}"
done
echo
printf '%-34s %10s %8s %12s %8s %18s %7s\n' "reads ($read_conns conns)" "reads/s" p99_ms "reads/s+W" p99_ms "writes/s meanwhile" non-2xx
for row in "GET /v1/documents/bench|$doc_alone|$doc_busy|$(cat "$work/doc-writes")" \
           "GET $search_path|$search_alone|$search_busy|$(cat "$work/search-writes")"; do
  IFS='|' read -r name alone busy writes <<<"$row"
  printf '%-34s %10s %8s %12s %8s %18s %7s\n' "$name" "$(per_second "$alone")" "$(field "$alone" p99_ms)" \
    "$(per_second "$busy")" "$(field "$busy" p99_ms)" "$(per_second "$writes")" \
    "$(( $(not_ok "$alone") + $(not_ok "$busy") + $(not_ok "$writes") ))"
done
echo "(+W: while $read_writers writers POST at the same time; the collection held $documents documents at the end;"
echo " CPUs busy after: $(cpu_busy))"
