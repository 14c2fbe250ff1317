#!/usr/bin/env bash
# What the image would do, without Docker: builds the release binary as Docker/Dockerfile
# does, lays it out in an empty directory as the image would (usr/local/bin with the Extraction
# resource bundle, app/seeds, app/openapi.yaml, var/lib/dossier), and runs it as an
# unprivileged user, configured by environment variables only, on a free port. Then checks
# readiness, the seeds, a write, `dossier healthcheck`, a drain on SIGTERM with requests in
# flight (exit 0 within DOSSIER_DRAIN_TIMEOUT), and that the write survives a restart.
#
# Run as root (as CI does) it switches to UID/GID 65534 with setpriv, and hides the build
# directory from the server in a private mount namespace, so it must find its resources
# beside itself. Scratch path: DOSSIER_STATIC_SCRATCH (default .build-static).
# Prints PASS or FAIL per check; exits 1 on any FAIL. Needs python3 for the HTTP checks.
set -euo pipefail
cd "$(dirname "$0")/.."
repository=$(pwd)
started=$SECONDS

scratch="${DOSSIER_STATIC_SCRATCH:-.build-static}"
case "$scratch" in
  /*) scratch_path=$scratch ;;
  *) scratch_path=$repository/$scratch ;;
esac
drain_timeout=10
user_id=65534

failures=0
checks=0
pass() { checks=$((checks + 1)); echo "PASS $1"; }
fail() { checks=$((checks + 1)); failures=$((failures + 1)); echo "FAIL $1${2:+: $2}"; }
check() {  # check NAME COMMAND...: PASS if the command succeeds, FAIL with its output if not
  local name=$1 output
  shift
  if output=$("$@" 2>&1); then pass "$name"; else fail "$name" "$output"; fi
}

echo "== swift build -c release --static-swift-stdlib --product dossier --scratch-path $scratch"
swift build -c release --static-swift-stdlib --product dossier --scratch-path "$scratch"
bin=$(swift build -c release --static-swift-stdlib --product dossier --scratch-path "$scratch" --show-bin-path)

root=$(mktemp -d "${TMPDIR:-/tmp}/dossier-image.XXXXXX")
server_pid=""
# Whether the process runs: it exists and is not a zombie waiting to be reaped.
is_running() {
  local state
  state=$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null) || return 1
  [ -n "$state" ] && [ "$state" != Z ]
}
cleanup() {
  if [ -n "$server_pid" ] && is_running "$server_pid"; then
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$root"
}
trap cleanup EXIT

# The image's file system: everything root-owned and read-only for the server, but its data directory.
install -d -m 0755 "$root" "$root/usr/local/bin" "$root/app"
install -m 0755 "$bin/dossier" "$root/usr/local/bin/dossier"
cp -R "$bin/Dossier_Extraction.resources" "$root/usr/local/bin/"
cp -R seeds "$root/app/seeds"
cp openapi.yaml "$root/app/openapi.yaml"
chmod -R a+rX,go-w "$root/usr" "$root/app"
install -d -m 0750 "$root/var/lib/dossier"
dossier="$root/usr/local/bin/dossier"
# The key file comes from a secret mounted read-only, as compose and k8s mount it: the server
# listens on 0.0.0.0, where it takes no writes without keys.
install -d -m 0755 "$root/run/secrets"
key_output=$("$dossier" keys create --name smoke --scope write 2>/dev/null)
export DOSSIER_SMOKE_KEY="${key_output%%$'\n'*}"
printf '%s\n' "${key_output#*$'\n'}" > "$root/run/secrets/dossier-api-keys"
chmod 0444 "$root/run/secrets/dossier-api-keys"

# As root: switch user, and hide the build output so the bundle must come from beside the binary.
as_server_user=()
hide_build=()
if [ "$(id -u)" -eq 0 ]; then
  chown "$user_id:$user_id" "$root/var/lib/dossier"
  as_server_user=(setpriv "--reuid=$user_id" "--regid=$user_id" --clear-groups)
  if unshare --mount --propagation private true 2>/dev/null; then
    # shellcheck disable=SC2016 # $0 and $@ are the inner shell's: the path to cover, then the command
    hide_build=(unshare --mount --propagation private sh -c 'mount -t tmpfs tmpfs "$0" && exec "$@"' "$scratch_path")
  else
    echo "NOTE unshare is not permitted here: the build directory stays visible to the server"
  fi
else
  echo "NOTE not root: the server runs as $(id -un), not UID $user_id, with the build directory visible"
fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# The image's ENV, nothing else (DOSSIER_HOST=0.0.0.0 as in the image: healthcheck must map it to loopback).
environment=(env -i PATH=/usr/bin:/bin HOME=/nonexistent DOSSIER_HOST=0.0.0.0 "DOSSIER_PORT=$port"
  "DOSSIER_SEEDS=$root/app/seeds" "DOSSIER_DATA_DIR=$root/var/lib/dossier" "DOSSIER_OPENAPI=$root/app/openapi.yaml"
  "DOSSIER_DRAIN_TIMEOUT=$drain_timeout" "DOSSIER_API_KEYS_FILE=$root/run/secrets/dossier-api-keys")
client() { python3 .ci/container_smoke_client.py "$@"; }

start_server() {
  (cd "$root/app" && exec "${hide_build[@]}" "${as_server_user[@]}" "${environment[@]}" "$dossier" serve \
    > "$root/server.out" 2> "$root/server.err") &
  server_pid=$!
}

# Waits up to $1 seconds for the server to exit; sets exit_status to its status, or "timeout".
# (Not in a command substitution: only this shell, its parent, can wait for it.)
wait_for_exit() {
  local deadline=$((SECONDS + $1))
  while is_running "$server_pid"; do
    if [ "$SECONDS" -ge "$deadline" ]; then exit_status=timeout; return; fi
    sleep 0.1
  done
  exit_status=0
  wait "$server_pid" || exit_status=$?
  server_pid=""
}

healthcheck() { (cd "$root/app" && "${as_server_user[@]}" "${environment[@]}" "$dossier" healthcheck); }

echo "== image layout in $root, port $port"
libraries=$(ldd "$dossier")
if grep -qiE 'libswift|libFoundation|libdispatch|libBlocksRuntime' <<< "$libraries"; then
  fail "ldd: no Swift runtime libraries" "$libraries"
else
  pass "ldd: no Swift runtime libraries"
fi
# Docker/Dockerfile installs nothing: every library must be part of debian:bookworm-slim.
unexpected=$(grep -vE '^\s*(linux-vdso\.so|/lib64/ld-linux|lib(c|m|stdc\+\+|gcc_s)\.so)' <<< "$libraries" || true)
if [ -z "$unexpected" ]; then pass "ldd: only libc, libm, libstdc++, libgcc_s"; else fail "ldd: only libc, libm, libstdc++, libgcc_s" "$unexpected"; fi

start_server
if client ready "$port" "$server_pid" 30 > "$root/ready.log"; then
  pass "/readyz answers 200"
else
  fail "/readyz answers 200" "$(cat "$root/ready.log"; cat "$root/server.err")"
  exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
  server_uid=$(awk '/^Uid:/ { print $2 }' "/proc/$server_pid/status")
  if [ "$server_uid" = "$user_id" ]; then pass "the server runs as UID $user_id"; else fail "the server runs as UID $user_id" "UID $server_uid"; fi
fi
check "/v1/documents lists the seeds" client documents "$port" "$root/app/seeds"
check "POST /v1/documents without a key answers 401" client refused "$port" smoke-0
check "POST /v1/documents with the write key answers 201" client post "$port" smoke-1
check "dossier healthcheck exits 0 while the server runs" healthcheck

drain_started=$SECONDS
check "SIGTERM with requests in flight: answered, idle and streams closed" client drain "$port" "$server_pid" smoke-2
wait_for_exit $((drain_timeout + 5))
drain_seconds=$((SECONDS - drain_started))
if [ "$exit_status" = 0 ] && [ "$drain_seconds" -le "$drain_timeout" ]; then
  pass "exit 0 after SIGTERM, in ${drain_seconds}s (drain timeout ${drain_timeout}s)"
else
  fail "exit 0 after SIGTERM within ${drain_timeout}s" "status $exit_status after ${drain_seconds}s; stderr: $(cat "$root/server.err")"
fi

status=0
output=$(healthcheck 2>&1) || status=$?
if [ "$status" -eq 1 ]; then
  pass "dossier healthcheck exits 1 once the server is gone ($output)"
else
  fail "dossier healthcheck exits 1 once the server is gone" "exit $status: $output"
fi

written=$(cd "$root" && find . -newer "$root/app/openapi.yaml" -type f ! -path './var/lib/dossier/*' ! -path './run/secrets/*' ! -name 'server.*' ! -name 'ready.log')
if [ -z "$written" ]; then pass "nothing written outside the data directory"; else fail "nothing written outside the data directory" "$written"; fi

start_server
if client ready "$port" "$server_pid" 30 > "$root/ready.log"; then
  check "writes survive a restart (smoke-1, and smoke-2 sent during the drain)" client has "$port" smoke-1 smoke-2
else
  fail "restart: /readyz answers 200" "$(cat "$root/ready.log"; cat "$root/server.err")"
fi
kill -TERM "$server_pid"
wait_for_exit $((drain_timeout + 5))
if [ "$exit_status" = 0 ]; then pass "restarted server exits 0 on SIGTERM"; else fail "restarted server exits 0 on SIGTERM" "status $exit_status"; fi

if [ "$failures" -gt 0 ]; then
  echo "container-smoke: FAIL ($failures of $checks checks failed, $((SECONDS - started))s)"
  exit 1
fi
echo "container-smoke: PASS (all $checks checks, $((SECONDS - started))s)"
