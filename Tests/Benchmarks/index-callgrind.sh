#!/bin/bash
# Instructions (Ir) per write in the API's indexes, counted by callgrind over the writes only:
#   Tests/Benchmarks/index-callgrind.sh [documents=2000] [writes=100] [out=index.callgrind]
# (INDEX_BENCHMARK=path runs another build of the benchmark.)
# Runs the release index-benchmark under valgrind without instrumentation while it ingests and
# builds the indexes (instrumented, ingestion alone takes an hour), switches instrumentation
# on when it says "indexes built", and prints the instructions per write; `callgrind_annotate
# --inclusive=yes OUT` then tells them per function.
set -euo pipefail
documents=${1:-2000}
writes=${2:-100}
out=${3:-index.callgrind}
binary="${INDEX_BENCHMARK:-$(dirname "$0")/../../.build/release/index-benchmark}"
fifo=$(mktemp -u) && mkfifo "$fifo"
trap 'rm -f "$fifo"' EXIT
valgrind --tool=callgrind --instr-atstart=no --toggle-collect='*applyWrites*' --callgrind-out-file="$out" \
    "$binary" "$documents" "$writes" --pause < "$fifo" > "$out.log" 2>&1 &
pid=$!
exec 3> "$fifo"
until grep -q "indexes built" "$out.log" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { cat "$out.log"; exit 1; }
    sleep 1
done
callgrind_control -i on "$pid" > /dev/null
echo >&3
exec 3>&-
wait "$pid"
grep -v "^==" "$out.log"
instructions=$(grep "^summary:" "$out" | awk '{print $2}')
echo "instructions per write: $((instructions / writes)) (callgrind Ir over $writes writes at $documents documents)"
