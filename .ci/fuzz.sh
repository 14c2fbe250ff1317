#!/usr/bin/env bash
# Builds the libFuzzer targets of Tests/Fuzz and runs each for a while; fails on any crash.
#
#   bash .ci/fuzz.sh [seconds-per-target]      (default 60)
#
# For each target it first replays Tests/Fuzz/Regressions/<target>/ (inputs that once failed),
# then fuzzes for the given time, starting from a temporary copy of the committed corpus
# Tests/Fuzz/Corpus/<target>/ (the repository is never modified), with the target's
# dictionary. It prints executions, exec/s, coverage (cov: edges, ft: features) and corpus
# size per target. A crash, sanitizer report, timeout or out-of-memory fails the script; the
# input that caused it is kept in $FUZZ_ARTIFACTS (default .build-fuzz/artifacts) and
# printed as hex, to be minimised with -minimize_crash=1 and added as a regression.
#
# Environment: FUZZ_SCRATCH (build directory, default .build-fuzz), FUZZ_ARTIFACTS,
# FUZZ_TARGETS (space-separated subset), FUZZ_JOBS (targets run at once, default 1).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
seconds=${1:-60}
scratch=${FUZZ_SCRATCH:-$repo/.build-fuzz}
artifacts=${FUZZ_ARTIFACTS:-$scratch/artifacts}
targets=${FUZZ_TARGETS:-fuzz-request-parser fuzz-query fuzz-json fuzz-ingest fuzz-document-codec}
jobs=${FUZZ_JOBS:-1}

dictionary() {
    case "$1" in
        fuzz-request-parser) echo "$repo/Tests/Fuzz/http.dict" ;;
        fuzz-json) echo "$repo/Tests/Fuzz/json.dict" ;;
        fuzz-query) echo "$repo/Tests/Fuzz/query.dict" ;;
        *) echo "" ;;
    esac
}

echo "== fuzz: toolchain"
swift --version 2>&1 | head -n 1
resource_dir=$(dirname "$(dirname "$(command -v swift)")")/lib/swift/clang/lib
if ! find -L "$resource_dir" -name 'libclang_rt.fuzzer*.a' 2>/dev/null | grep -q .; then
    echo "fuzz: this toolchain has no libFuzzer runtime under $resource_dir" >&2
    exit 1
fi

echo "== fuzz: build (release, -sanitize=fuzzer,address) into $scratch"
build_start=$SECONDS
swift build -c release --package-path Tests/Fuzz --scratch-path "$scratch" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library 2>&1 \
    | { grep -v "Cannot export local symbol '__asan_extra_spill_area'" || true; }
echo "fuzz: built in $((SECONDS - build_start)) s"
bin=$(swift build -c release --package-path Tests/Fuzz --scratch-path "$scratch" --show-bin-path)

work=$(mktemp -d "${TMPDIR:-/tmp}/dossier-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$artifacts"
# Swift's own crash backtracer reads the stack in a way AddressSanitizer reports as a bug of
# its own; libFuzzer and ASan print the stack instead.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}

# Runs one target; writes its summary line to $work/<target>.summary and returns its status.
run_target() {
    local target=$1 dict log corpus status=0
    dict=$(dictionary "$target")
    log="$work/$target.log"
    corpus="$work/corpus-$target"
    mkdir -p "$corpus"
    if [ -d "Tests/Fuzz/Corpus/$target" ]; then cp -R "Tests/Fuzz/Corpus/$target/." "$corpus/"; fi
    if [ -d "Tests/Fuzz/Regressions/$target" ] && [ -n "$(ls -A "Tests/Fuzz/Regressions/$target")" ]; then
        if ! "$bin/$target" -runs=1 "Tests/Fuzz/Regressions/$target"/* > "$work/$target.replay.log" 2>&1; then
            echo "fuzz: $target: a regression input fails again:" >&2
            tail -n 40 "$work/$target.replay.log" >&2
            echo "$target REGRESSION FAILED" > "$work/$target.summary"
            return 1
        fi
    fi
    "$bin/$target" "$corpus" -max_total_time="$seconds" -print_final_stats=1 -timeout=60 -rss_limit_mb=2048 \
        -artifact_prefix="$artifacts/$target-" ${dict:+-dict="$dict"} > "$log" 2>&1 || status=$?
    local executions speed progress
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    progress=$(grep -E '^#[0-9]+' "$log" | grep -o 'cov: [0-9]* ft: [0-9]* corp: [0-9]*/[0-9a-zA-Z]*' | tail -n 1)
    if [ "$status" -ne 0 ]; then
        echo "fuzz: $target FAILED (exit $status); the end of its log:" >&2
        grep -v '^#' "$log" | tail -n 60 >&2
        for file in $(grep -o "$artifacts/$target-[a-z]*-[0-9a-f]*" "$log" | sort -u); do
            echo "fuzz: input $file:" >&2
            od -An -tx1 -v "$file" | head -n 64 >&2
        done
        echo "$target FAILED exit=$status executions=${executions:-?} $progress" > "$work/$target.summary"
        return 1
    fi
    echo "$target ok executions=${executions:-?} exec/s=${speed:-?} $progress" > "$work/$target.summary"
}

echo "== fuzz: $seconds s per target: $targets"
failed=0
running=0
for target in $targets; do
    if [ ! -x "$bin/$target" ]; then echo "fuzz: no binary for $target" >&2; exit 1; fi
    run_target "$target" &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
        wait -n || failed=1
        running=$((running - 1))
    fi
done
while [ "$running" -gt 0 ]; do
    wait -n || failed=1
    running=$((running - 1))
done

echo "== fuzz: results"
for target in $targets; do cat "$work/$target.summary" 2>/dev/null || echo "$target (no result)"; done
if [ "$failed" -ne 0 ]; then
    echo "fuzz: FAILED; crashing inputs are in $artifacts" >&2
    exit 1
fi
echo "fuzz: no crashes"
