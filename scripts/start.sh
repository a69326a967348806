#!/usr/bin/env bash
# Serves the production build on http://localhost:${PORT:-3000}. `exec` so that stopping npm stops
# the server. Variables already in the environment win over .env.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/server.js ] && [ -d .next ] || npm run build
env_file=()
[ -f .env ] && env_file=(--env-file=.env)
export NODE_ENV=production
# Memory (README "Memory flags"; docs/performance.md "Live class fan-out"): young-generation
# semi-spaces of at most 8 MiB (V8's default grows them to 16 MiB on 64-bit: more scavenges, each
# shorter) and two glibc malloc arenas instead of up to 8 per core for node's threads.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
exec node --max-semi-space-size=8 "${env_file[@]}" dist/server.js
