#!/usr/bin/env bash
# Runs a fan-out node (fanout.ts bundled to dist/fanout.js by `npm run build`) on ${PORT:-3000}.
# `exec` so that stopping npm stops the node. Variables already in the environment win over .env.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/fanout.js ] || npm run build
env_file=()
[ -f .env ] && env_file=(--env-file=.env)
export NODE_ENV=production
exec node "${env_file[@]}" dist/fanout.js
