#!/usr/bin/env bash
# Install Flowdesk with its test tools and run the whole suite (incl. packaging checks).
# Usage: bash scripts/test.sh [extra pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install -q -e ".[test,package]"
ruff check .
lint-imports
python -m pytest "$@"
