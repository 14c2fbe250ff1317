#!/usr/bin/env bash
# Full-text search side by side: Dossier's SearchIndex, SQLite FTS5 and tantivy on the same
# generated news corpus and the same 60 mixed queries, each on one core. A benchmark, not a test.
#
#   Tests/Benchmarks/search-compare.sh [documents=10000] [seed=42]
#
# Builds search-benchmark (release), runs it pinned to CPU 1 with --export into a temporary
# folder (corpus.jsonl, queries.jsonl, dossier.json), then runs search-peers.py on the same
# files and prints one table. tantivy comes from PyPI, pinned, into .build-bench-venv/ (made
# on first use). Knobs: ROUNDS (timed passes, default 20), CPU (default 1), SCRATCH (SwiftPM
# scratch path, default .build-sb), KEEP=1 keeps the temporary folder.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
documents="${1:-10000}"
seed="${2:-42}"
rounds="${ROUNDS:-20}"
cpu="${CPU:-1}"
scratch="${SCRATCH:-$repo/.build-sb}"
tantivy_version="0.27.0"
venv="$repo/.build-bench-venv"

# Python with tantivy, pinned.
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('tantivy') != '$tantivy_version')" 2>/dev/null; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check "tantivy==$tantivy_version"
fi

(cd "$repo" && swift build -c release --scratch-path "$scratch" --product search-benchmark)
binary="$scratch/release/search-benchmark"

out="$(mktemp -d)"
if [ "${KEEP:-0}" = 1 ]; then echo "files kept in $out"; else trap 'rm -rf "$out"' EXIT; fi

echo "== Dossier (search-benchmark $documents $seed, CPU $cpu)"
taskset -c "$cpu" "$binary" "$documents" "$seed" --rounds "$rounds" --export "$out"
echo
echo "== SQLite FTS5 $("$venv/bin/python" -c 'import sqlite3; print(sqlite3.sqlite_version)'), tantivy $tantivy_version (CPU $cpu)"
taskset -c "$cpu" "$venv/bin/python" "$repo/Tests/Benchmarks/search-peers.py" "$out" --rounds "$rounds"
