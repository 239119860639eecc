#!/usr/bin/env bash
# Install Flowdesk with its test tools and run the whole suite (incl. packaging checks).
#
# Usage: bash scripts/test.sh                 everything, in stages: lint → fast → integration/Xvfb → packaging
#        bash scripts/test.sh --fast          lint + the fast stage only (no server, display, reliability
#                                             or packaging tests): a couple of minutes, for iterating
#        bash scripts/test.sh [--fast] ARGS…  one pytest run with your arguments (files, -k, -x…)
# Extra pytest options for every stage go in PYTEST_ADDOPTS (CI sets --durations=25).
# A stage that selects no test fails: pytest's exit code 5 is never taken as a pass.
set -euo pipefail
cd "$(dirname "$0")/.."

fast=0
if [[ "${1:-}" == "--fast" ]]; then
  fast=1
  shift
fi

if ((fast)); then
  python -m pip install -q -e ".[test]"
else
  python -m pip install -q -e ".[test,package]"
fi

# Deselect a marker only if the suite registers it (--strict-markers rejects unknown ones).
slow="integration or xvfb or packaging"
if grep -q '"reliability:' pyproject.toml; then
  slow="$slow or reliability"
fi
FAST="not ($slow)"
SERVER_AND_DISPLAY="($slow) and not packaging"

stage() { # stage NAME MARKEXPR [pytest args…]
  local name=$1 expr=$2
  shift 2
  echo "== stage: $name (-m \"$expr\")"
  local code=0
  python -m pytest -m "$expr" "$@" || code=$?
  if ((code == 5)); then
    echo "== stage $name selected no tests: that is a failure, not a pass" >&2
  fi
  return "$code"
}

echo "== stage: lint"
ruff check .
lint-imports

if (($# > 0)); then
  if ((fast)); then
    stage fast "$FAST" "$@"
  else
    python -m pytest "$@"
  fi
elif ((fast)); then
  stage fast "$FAST"
else
  stage fast "$FAST"
  stage integration-xvfb "$SERVER_AND_DISPLAY"
  stage packaging "packaging"
fi
