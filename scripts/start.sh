#!/usr/bin/env bash
# Serves the production build on http://localhost:${PORT:-3000}. `exec` so that stopping npm stops
# the server. Variables already in the environment win over .env.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/server.js ] && [ -d .next ] || npm run build
env_file=()
[ -f .env ] && env_file=(--env-file=.env)
export NODE_ENV=production
exec node "${env_file[@]}" dist/server.js
