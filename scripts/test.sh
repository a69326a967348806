#!/usr/bin/env bash
# The whole suite: types, import rules, then unit, integration and end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "==> typecheck"; npx tsc --noEmit -p .
echo "==> import rules"; npx depcruise lib app server.ts scripts --config .dependency-cruiser.cjs
echo "==> tests"; npx vitest run "$@"
