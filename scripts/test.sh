#!/usr/bin/env bash
# The whole suite: types, import rules, the Python harness's own unit tests, then the vitest
# projects (unit, integration, end-to-end). Run `npm run setup` once first.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "==> typecheck"; npx tsc --noEmit -p .
echo "==> import rules"; npx depcruise lib app server.ts scripts --config .dependency-cruiser.cjs
# Capped address space: these tests run harness code in-process, outside the sandbox.
echo "==> harness unit tests (Python)"; prlimit --as=4294967296 -- npm run -s test:harness
echo "==> tests"; npx vitest run "$@"
