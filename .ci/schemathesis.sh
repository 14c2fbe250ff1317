#!/usr/bin/env bash
# Proves openapi.yaml against the real server: validates the document, builds and starts the
# release server on the shipped seeds with a fresh, temporary data directory, runs schemathesis
# with every check against it (writes included: it POSTs and DELETEs, seeds too), then stops
# the server with SIGTERM and requires a clean exit. Fails on any schemathesis failure.
# `GET /v1/events` and `GET /v1/journal` are left out of the run: they are endless streams,
# which schemathesis would only time out on; their OPTIONS are tested.
#
# Environment (all optional):
#   DOSSIER_BINARY      a release `dossier` already built (its resource bundle beside it);
#                       without it the script builds one
#   SCRATCH_PATH        swift build --scratch-path (default: SwiftPM's .build)
#   SCHEMATHESIS_SEED   seed of the generated data (default: a fixed one, so CI is repeatable)
#   MAX_EXAMPLES        test cases per operation in the fuzzing phase (default: 40)
#   VENV_DIR            where the Python tools live (default: .build-ci/venv; .build* is ignored)
set -euo pipefail
cd "$(dirname "$0")/.."

SCHEMATHESIS_VERSION=4.32.5
OPENAPI_SPEC_VALIDATOR_VERSION=0.9.0
VENV_DIR=${VENV_DIR:-.build-ci/venv}
SEED=${SCHEMATHESIS_SEED:-20261122}
MAX_EXAMPLES=${MAX_EXAMPLES:-40}
# The origin the server allows; any other one makes a preflight 403, so both answers are tested.
ALLOWED_ORIGIN=https://desk.example

started=$SECONDS
work=$(mktemp -d)
# The server's journal: a new one each run, so every run starts from the seeds alone.
data_dir=$(mktemp -d)
server_pid=""
venv_pid=""
schemathesis_pid=""

cleanup() {
  local status=$?
  if [ -n "$schemathesis_pid" ] && kill -0 "$schemathesis_pid" 2>/dev/null; then
    kill -TERM "$schemathesis_pid" 2>/dev/null || true
    wait "$schemathesis_pid" 2>/dev/null || true
  fi
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ -n "$venv_pid" ] && kill -0 "$venv_pid" 2>/dev/null; then
    pkill -TERM -P "$venv_pid" 2>/dev/null || true  # pip, started by that subshell
    kill "$venv_pid" 2>/dev/null || true
    wait "$venv_pid" 2>/dev/null || true
  fi
  rm -rf "$work" "$data_dir"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The Python tools install while Swift builds: pip waits on the network, the build on the CPUs.
install_tools() {
  local stamp="$VENV_DIR/.dossier-pins"
  local pins="schemathesis==$SCHEMATHESIS_VERSION openapi-spec-validator==$OPENAPI_SPEC_VALIDATOR_VERSION"
  if [ "$(cat "$stamp" 2>/dev/null)" = "$pins" ] && "$VENV_DIR/bin/schemathesis" --version > /dev/null 2>&1 \
    && "$VENV_DIR/bin/openapi-spec-validator" --help > /dev/null 2>&1; then
    echo "reusing $VENV_DIR ($pins)"
    return 0
  fi
  rm -rf "$VENV_DIR"
  python3 -m venv "$VENV_DIR"
  # shellcheck disable=SC2086
  "$VENV_DIR/bin/pip" install --quiet --disable-pip-version-check $pins
  echo "$pins" > "$stamp"
  echo "installed $pins into $VENV_DIR"
}

echo "== schemathesis: Python tools (background) and release build"
install_tools > "$work/venv.log" 2>&1 &
venv_pid=$!

if [ -n "${DOSSIER_BINARY:-}" ]; then
  binary=$DOSSIER_BINARY
  echo "using the release server $binary"
else
  build_flags=(-c release)
  if [ -n "${SCRATCH_PATH:-}" ]; then build_flags+=(--scratch-path "$SCRATCH_PATH"); fi
  swift build "${build_flags[@]}" --product dossier
  binary="$(swift build "${build_flags[@]}" --show-bin-path)/dossier"
fi

if ! wait "$venv_pid"; then
  venv_pid=""
  cat "$work/venv.log"
  echo "error: could not install the Python tools" >&2
  exit 1
fi
venv_pid=""
cat "$work/venv.log"
"$VENV_DIR/bin/schemathesis" --version

echo "== openapi-spec-validator openapi.yaml"
"$VENV_DIR/bin/openapi-spec-validator" openapi.yaml

echo "== start the server on the shipped seeds (data directory $data_dir)"
# With a key file, as in production: writes need the admin key schemathesis sends, and its
# ignored_auth check proves that they are refused without it or with a wrong one.
key_output=$("$binary" keys create --name schemathesis --scope admin 2> /dev/null)
api_key=${key_output%%$'\n'*}
printf '%s\n' "${key_output#*$'\n'}" > "$work/api-keys"
# Port 0: the kernel picks a free port and the server logs the one it got.
"$binary" serve --host 127.0.0.1 --port 0 --seeds seeds --data-dir "$data_dir" --openapi openapi.yaml \
  --cors-origins "$ALLOWED_ORIGIN" --api-keys "$work/api-keys" --no-access-log 2> "$work/server.log" &
server_pid=$!

port=""
for _ in $(seq 1 300); do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    cat "$work/server.log"
    echo "error: the server exited before listening" >&2
    exit 1
  fi
  port=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9][0-9]*\).*/\1/p' "$work/server.log" | head -n 1)
  if [ -n "$port" ]; then break; fi
  sleep 0.1
done
if [ -z "$port" ]; then
  cat "$work/server.log"
  echo "error: the server did not report its port in 30 s" >&2
  exit 1
fi
base="http://127.0.0.1:$port"

ready=""
for _ in $(seq 1 300); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/readyz" || true)" = "200" ]; then
    ready=yes
    break
  fi
  sleep 0.1
done
if [ -z "$ready" ]; then
  cat "$work/server.log"
  echo "error: $base/readyz did not answer 200 in 30 s" >&2
  exit 1
fi
echo "ready at $base"

# `QUERY` is left out of the methods probed for 405: the server does not implement it at all
# and answers 501, as RFC 9110 §9.1 asks for a method it does not recognise. Repeated query
# parameters are probed too: the server rejects them with 400.
cat > "$work/schemathesis.toml" <<'TOML'
[phases.coverage]
unexpected-methods = ["get", "put", "post", "delete", "options", "patch", "trace"]
generate-duplicate-query-parameters = true
TOML

# Rules openapi.yaml states in prose because OpenAPI cannot: see the module's docstring.
cat > "$work/dossier_hooks.py" <<'PYTHON'
"""Dossier's rules between and inside parameters that OpenAPI cannot state, for schemathesis.

Before a request goes out, a case generated as valid is made to obey them, so that
`positive_data_acceptance` judges the server against the documented contract:
- `from` must not be after `to` (both `YYYY-MM-DD`): a reversed range is swapped;
- `q` (search language) must parse: a `q` this file cannot vouch for is replaced by its ASCII
  words. The check below ports `SearchQuery(parsing:)` and `SearchToken.scan` for ASCII
  text only, where their rules are plain; anything else is treated as unknown and replaced;
- `since` of `GET /v1/changes` must not be past the latest change (400): a larger one is
  brought into range, asking the server (at $DOSSIER_BASE_URL) for its latest;
- a submitted text must have a body paragraph (422 otherwise), which depends on the layout
  analysis: a plain sentence is put before the generated text, which still follows;
- an `Idempotency-Key` reused with another body is 422: each key gets a unique prefix.
Cases generated as invalid are left alone. One rule holds for every case: the seeds are kept.
A DELETE of one (by id or slug) is sent for a missing id instead, so that the read operations
are checked against the seeds' quotations, contacts and dates to the end of the run; deletion
is checked on the documents the run creates.

And one failure is not one: `use_after_free` on an OPTIONS. OPTIONS answers 204 for any id,
known or not, as openapi.yaml says, so it is no use of a deleted document; a GET after a
DELETE is still checked. (An `[[operations]]` entry cannot turn the check off for OPTIONS
alone: `--checks all` on the command line wins over it.)
"""
import functools
import itertools
import json
import os
import re
import urllib.request

import schemathesis
from schemathesis import GenerationMode
from schemathesis.openapi.checks import UseAfterFree

_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_SPACE = " \t\n\x0b\x0c\r"
_MAX_CLAUSES = 32
_MIN_PREFIX = 2


def _scan(text):
    """`SearchToken.scan` on ASCII text: (folded word, start, end) of each run of letters and digits."""
    tokens, word, start, i, n = [], "", 0, 0, len(text)
    while i < n:
        c = text[i]
        if c.isalnum():
            if not word:
                start = i
            word += c
        elif word and c in "'`" and i + 1 < n and text[i + 1].isalpha():
            if text[i + 1] in "sS" and (i + 2 == n or not text[i + 2].isalpha()):
                tokens.append((word.lower(), start, i))
                word = ""
                i += 2
                continue
            # "don't": the apostrophe joins the word
        elif word:
            tokens.append((word.lower(), start, i))
            word = ""
        i += 1
    if word:
        tokens.append((word.lower(), start, n))
    return tokens


def query_parses(text):
    """Whether the server's `SearchQuery(parsing:)` accepts this ASCII text."""
    if not isinstance(text, str) or not text.isascii():
        return False
    if any(ord(c) < 0x20 and c not in _SPACE for c in text) or "\x7f" in text:
        return False
    required = excluded = 0
    rest = text
    while True:
        rest = rest.lstrip(_SPACE)
        if not rest:
            break
        is_excluded = rest[0] == "-"
        if is_excluded:
            rest = rest[1:]
        if rest[:1] == '"':
            close = rest.find('"', 1)
            if close < 0:
                return False
            has_clause = bool(_scan(rest[1:close]))
            rest = rest[close + 1:]
        else:
            end = next((i for i, c in enumerate(rest) if c in _SPACE), len(rest))
            item, rest = rest[:end], rest[end:]
            if item.endswith("*"):
                stem = item[:-1]
                tokens = _scan(stem)
                if not tokens and all(c == "*" for c in stem):
                    return False
                if len(tokens) != 1 or tokens[0][2] != len(stem) or len(tokens[0][0]) < _MIN_PREFIX:
                    return False
                has_clause = True
            else:
                has_clause = bool(_scan(item))
        if not has_clause:
            continue
        if is_excluded:
            excluded += 1
        else:
            required += 1
        if required + excluded > _MAX_CLAUSES:
            return False
    return required > 0


def _valid_query(text):
    words = re.findall(r"[A-Za-z0-9]+", text if isinstance(text, str) else str(text))[:_MAX_CLAUSES]
    return " ".join(words) if words else "korea"


def _is_positive(case):
    meta = case.meta
    return meta is None or meta.generation.mode == GenerationMode.POSITIVE


_LEDE = "Officials met in Geneva on Monday to discuss the report, the agency said.\n\n"
_KEY_NUMBERS = itertools.count(1)


def _get(path):
    with urllib.request.urlopen(os.environ["DOSSIER_BASE_URL"] + path, timeout=10) as response:
        return json.load(response)


def _latest_change():
    return _get("/v1/changes?limit=1")["meta"]["last_change"]


@functools.cache
def _seed_keys():
    """The seeds' ids and slugs, read when the first DELETE is about to go out."""
    return frozenset(key for document in _get("/v1/documents?fields=id,slug&limit=100")["data"] for key in document.values())


def _vouch_for_submission(case):
    if isinstance(case.body, str):
        case.body = _LEDE + case.body
    elif isinstance(case.body, dict) and isinstance(case.body.get("text"), str):
        case.body["text"] = _LEDE + case.body["text"]
    key = case.headers.get("Idempotency-Key") if case.headers else None
    if isinstance(key, str):
        case.headers["Idempotency-Key"] = f"run-{next(_KEY_NUMBERS)}-{key[:200]}"


@schemathesis.hook
def before_call(context, case, kwargs):
    if case.method == "DELETE" and case.path_parameters and case.path_parameters.get("id") in _seed_keys():
        case.path_parameters["id"] += "-kept"
    if not _is_positive(case):
        return
    if case.method == "POST" and case.path == "/v1/documents":
        _vouch_for_submission(case)
    if not case.query:
        return
    query = case.query
    since = query.get("since")
    if case.path == "/v1/changes" and isinstance(since, (int, str)) and re.fullmatch(r"[0-9]+", str(since)):
        latest = _latest_change()
        if int(since) > latest:
            query["since"] = int(since) % (latest + 1)
    start, end = query.get("from"), query.get("to")
    if isinstance(start, str) and isinstance(end, str) and _DAY.fullmatch(start) and _DAY.fullmatch(end) and start > end:
        query["from"], query["to"] = end, start
    if "q" in query and not query_parses(query["q"]):
        query["q"] = _valid_query(query["q"])


@schemathesis.hook
def filter_failure(context, failure, case, response):
    return not (isinstance(failure, UseAfterFree) and case.method == "OPTIONS")
PYTHON

echo "== the hooks' reading of the search language agrees with the server"
# A drift between dossier_hooks.query_parses and SearchQuery(parsing:) would show up as
# confusing ST202 failures; this names it instead.
PYTHONPATH="$work" "$VENV_DIR/bin/python" - "$base" <<'PYTHON'
import random, sys, urllib.error, urllib.parse, urllib.request
from dossier_hooks import query_parses

base = sys.argv[1]
rng = random.Random(20261122)
queries = ["human rights", '"abc', "a*", "ab*", "-foo", "!!", "*", "**", "x -y", "korea's*", "don't",
           '"a b" c', '-"a b" c', "a-b*", "- foo", "(ab*", "ab**", " ".join(["w"] * 32), " ".join(["w"] * 33)]
queries += ["".join(rng.choice("ab sZ9-\"*'`\t(.!") for _ in range(rng.randint(1, 14))) for _ in range(300)]
wrong = []
for q in queries:
    try:
        status = urllib.request.urlopen(f"{base}/v1/search?{urllib.parse.urlencode({'q': q})}").status
    except urllib.error.HTTPError as error:
        status = error.code
    if (status == 200) != query_parses(q):
        wrong.append((q, status))
for q, status in wrong[:10]:
    print(f"q={q!r}: server {status}, hooks {'accept' if query_parses(q) else 'reject'}")
if wrong:
    sys.exit(f"error: dossier_hooks.query_parses disagrees with the server on {len(wrong)} of {len(queries)} queries")
print(f"{len(queries)} queries read alike")
PYTHON

echo "== schemathesis run --checks all (seed $SEED, $MAX_EXAMPLES examples per operation)"
# One worker: the run writes, so what a request finds depends on the requests before it, and
# only one order keeps a seed's run repeatable. (Two also let hypothesis hit CPython 3.11's
# race in ast.parse across threads, "AST constructor recursion depth mismatch".)
# In the background, so that a signal to this script is handled at once (bash runs traps only
# between foreground commands) and the cleanup stops schemathesis and the server.
PYTHONPATH="$work" SCHEMATHESIS_HOOKS=dossier_hooks DOSSIER_BASE_URL="$base" \
  "$VENV_DIR/bin/schemathesis" --config-file "$work/schemathesis.toml" run openapi.yaml \
  --url "$base" \
  --header "Authorization: Bearer $api_key" \
  --exclude-operation-id streamEvents \
  --exclude-operation-id streamJournal \
  --checks all \
  --max-examples "$MAX_EXAMPLES" \
  --seed "$SEED" \
  --workers 1 \
  --request-timeout 10 \
  --generation-database none \
  --no-color &
schemathesis_pid=$!
status=0
wait "$schemathesis_pid" || status=$?
schemathesis_pid=""

echo "== stop the server (SIGTERM)"
if ! kill -0 "$server_pid" 2>/dev/null; then
  wait "$server_pid" || true
  server_pid=""
  cat "$work/server.log"
  echo "error: the server died during the run" >&2
  exit 1
fi
kill -TERM "$server_pid"
server_status=0
wait "$server_pid" || server_status=$?
server_pid=""
if [ "$server_status" -ne 0 ]; then
  cat "$work/server.log"
  echo "error: the server exited with status $server_status after SIGTERM" >&2
  exit 1
fi
echo "server exited 0"

if [ "$status" -ne 0 ]; then
  echo "server log:"
  cat "$work/server.log"
  echo "error: schemathesis failed (status $status)" >&2
  exit "$status"
fi
echo "== schemathesis passed in $((SECONDS - started)) s"
