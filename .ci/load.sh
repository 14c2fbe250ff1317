#!/usr/bin/env bash
# Load and fault scenarios against the release server: 1,000 keep-alive clients and memory
# over rounds, slowloris, connection flood, descriptor exhaustion, vanishing and half-closed
# clients, graceful shutdown under load, hostile clients (slow bodies, held streams, costly
# phrases). See Tests/Load/README.md.
#
#   .ci/load.sh [--short] [SCENARIO ...]
#
# --short runs each scenario briefly (about 3 minutes in all, plus the build); without it the
# full form takes about 10 minutes. Exits non-zero if any scenario fails.
# DOSSIER_BINARY is a release `dossier` already built (resource bundle beside it); without it,
# the server is built in SCRATCH_PATH (default .build).
# Needs python3 >= 3.11 (standard library only). Traffic stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

args=()
for argument in "$@"; do
  case "$argument" in
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) args+=("$argument") ;;
  esac
done

python3 -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || {
  echo "load.sh needs python3 >= 3.11 (asyncio.timeout)" >&2; exit 1; }

if [ -n "${DOSSIER_BINARY:-}" ]; then
  binary=$DOSSIER_BINARY
  echo "== using the release server $binary"
else
  scratch="${SCRATCH_PATH:-.build}"
  echo "== build the release server (scratch path $scratch)"
  swift build -c release --scratch-path "$scratch" --product dossier
  binary="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/dossier"
fi

# Everything this run writes goes under these two directories, removed on exit. Data
# directories go to /dev/shm when there is one: writes are fsynced, and on a busy shared
# disk that alone would dominate the write latencies these scenarios are not about.
work="$(mktemp -d "${TMPDIR:-/tmp}/dossier-load.XXXXXX")"
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  data="$(mktemp -d /dev/shm/dossier-load.XXXXXX)"
else
  data="$work/data"; mkdir -p "$data"
fi

runner=""
cleanup() {
  status=$?
  # faults.py stops each server it starts (and they die with it: PR_SET_PDEATHSIG); stop
  # faults.py itself if we are interrupted while it runs.
  if [ -n "$runner" ] && kill -0 "$runner" 2>/dev/null; then
    kill -TERM "$runner" 2>/dev/null || true
    wait "$runner" 2>/dev/null || true
  fi
  if [ "$status" -ne 0 ] && [ -d "$work/logs" ]; then
    for log in "$work"/logs/*.stderr.log; do
      [ -f "$log" ] || continue
      echo "== last lines of $(basename "$log")"
      tail -n 15 "$log"
    done
  fi
  rm -rf "$work" "$data"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== load scenarios"
started=$SECONDS
PYTHONDONTWRITEBYTECODE=1 python3 Tests/Load/faults.py --binary "$binary" --seeds seeds \
  --log-dir "$work/logs" --data-parent "$data" ${args[@]+"${args[@]}"} &
runner=$!
wait "$runner"
runner=""
echo "== load scenarios took $((SECONDS - started)) s"
