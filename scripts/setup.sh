#!/usr/bin/env bash
# One-command setup for a fresh Debian/Ubuntu machine with Node 20:
#   dependencies, sandbox system packages, .env, database (migrate + seed), production build.
# Safe to run again: every step skips what is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

say "Node.js $(node --version)"
node -e 'const [M,m]=process.versions.node.split(".").map(Number); if (M<20||(M===20&&m<9)) { console.error("Interleave needs Node.js >= 20.9"); process.exit(1) }'

say "npm dependencies"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=warn
else
  echo "node_modules is up to date with package-lock.json"
fi

say "System packages (sandbox: bubblewrap, python3, python3-greenlet; tests: chromium)"
bash scripts/install-system-packages.sh

say "Configuration (.env)"
node scripts/ensure-env.mjs

say "Database (generate clients, migrate, seed)"
npm run db:generate
npm run db:migrate
npm run db:seed

say "Production build"
npm run build

say "Sandbox check (one real sandboxed run)"
if ! npm run --silent sandbox:check; then
  echo
  echo "The sandbox cannot run student code on this machine (see above). Fix it, then: npm run sandbox:check" >&2
  exit 1
fi

say "Ready. Start with: npm start   (then open http://localhost:${PORT:-3000})"
