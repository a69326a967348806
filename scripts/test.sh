#!/usr/bin/env bash
# The whole suite: types, import rules, the Python harness's own unit tests, then the vitest
# projects (unit, integration, end-to-end). Run `npm run setup` once first.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "==> typecheck"; npx tsc --noEmit -p .
echo "==> formatting (Prettier)"; npx prettier --check . --log-level warn
echo "==> import rules"; npx depcruise lib app server.ts scripts --config .dependency-cruiser.cjs
# Capped address space: these tests run harness code in-process, outside the sandbox.
echo "==> harness unit tests (Python)"; prlimit --as=4294967296 -- npm run -s test:harness
# The sandbox suites never skip: a sandbox that cannot run fails them. Under CI=true it fails the
# whole run up front, with the diagnosis of `npm run sandbox:check`.
echo "==> sandbox check (one real sandboxed run)"
if ! npm run -s sandbox:check; then
  if [ "${CI:-}" = "true" ]; then
    echo "tests: 0 passed, 1 failed (the sandbox cannot run here; CI=true requires it)"
    exit 1
  fi
  echo "*** the sandbox cannot run here: its test suites will fail (see above) ***"
fi
echo "==> tests"
results=$(mktemp)
trap 'rm -f "$results"' EXIT
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json="$results" "$@" || status=$?
# One plain closing line ("N passed, N failed") that any CI log reader understands.
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
' "$results" 2>/dev/null || echo "tests: 0 passed, 1 failed (the test run produced no results)"
exit "$status"
