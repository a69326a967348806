#!/usr/bin/env bash
# Runs a fan-out node (fanout.ts bundled to dist/fanout.js by `npm run build`) on ${PORT:-3000}.
# `exec` so that stopping npm stops the node. Variables already in the environment win over .env.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/fanout.js ] || npm run build
env_file=()
[ -f .env ] && env_file=(--env-file=.env)
export NODE_ENV=production
# Memory (README "Memory flags"; docs/performance.md "Live class fan-out"): young-generation
# semi-spaces of at most 8 MiB (V8's default grows them to 16 MiB on 64-bit: more scavenges, each
# shorter) and two glibc malloc arenas instead of up to 8 per core for node's threads.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
exec node --max-semi-space-size=8 "${env_file[@]}" dist/fanout.js
