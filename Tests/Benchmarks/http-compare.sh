#!/usr/bin/env bash
# Measures Dossier side by side with the peer servers of ../shared/bench, on exactly the
# bytes Dossier serves (the bench README's "same bytes" procedure). A benchmark, not a test.
#
#   Tests/Benchmarks/http-compare.sh [compare.sh entries...]
#
# Needs: wrk, nginx, taskset, curl (apt-get install wrk nginx util-linux curl) and the peers
# built as the bench README says. BENCH_DIR points at a bench folder whose peers are built
# (default ../shared/bench; copy it somewhere writable to build the peers). Knobs of
# compare.sh (ROUNDS, DURATION, CONNS, ...) pass through.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bench="${BENCH_DIR:-$repo/../shared/bench}"
seeds="$repo/Tests/Benchmarks/seeds"

(cd "$repo" && swift build -c release --product dossier)
binary="$repo/.build/release/dossier"

payload="$(mktemp -d)"
port=$((20000 + RANDOM % 10000))
"$binary" serve --port "$port" --seeds "$seeds" --no-access-log 2>/dev/null &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$payload"' EXIT
for _ in $(seq 50); do curl -sf "localhost:$port/healthz" >/dev/null && break; sleep 0.1; done
curl -sf "localhost:$port/v1/documents/bench" > "$payload/doc.json"
curl -sf "localhost:$port/healthz" > "$payload/small.json"
kill "$pid"; wait "$pid" 2>/dev/null || true

entries=("$@")
if [ ${#entries[@]} -eq 0 ]; then
  entries=(--peers "dossier=$binary serve --port {port} --seeds $seeds --no-access-log")
fi
PAYLOAD_DIR="$payload" "$bench/compare.sh" "${entries[@]}"
