# syntax=docker/dockerfile:1
# Interleave for a department: one image for the web app (`app`) and the graders (`worker`).
# See README "Deploying with Docker Compose" for every setting and why the sandbox needs it.

# ---- 1. dependencies (with the build tools better-sqlite3 may need) ---------------------------
FROM node:20-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund

# ---- 2. build: Prisma clients for both providers, Next.js, the bundled server ------------------
FROM deps AS build
WORKDIR /app
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npm run db:generate && npm run build

# ---- 3. runtime: Debian with the sandbox packages, no compilers --------------------------------
FROM node:20-bookworm-slim AS runtime
# python3 (Debian's 3.11) + python3-greenlet run student code, with python3-requests, python3-aiohttp
# and python3-cryptography for the virtual network (preloaded by every sandbox zygote; cryptography
# makes the sandbox's own certificate authority); bubblewrap isolates it; util-linux
# provides setpriv and prlimit (drop to a per-slot uid, per-run limits); tini reaps and forwards
# SIGTERM so the graceful shutdown runs; postgresql-client (pg_dump 15) serves npm run db:backup.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 python3-greenlet python3-requests python3-aiohttp python3-cryptography bubblewrap util-linux tini postgresql-client ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT=3000
# Two glibc malloc arenas for node's threads, as `npm start` (README "Memory flags").
ENV MALLOC_ARENA_MAX=2
# node_modules stays complete: `npm run worker`, `db:migrate` and `db:backup` run through tsx.
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/generated ./generated
COPY --from=build /app/.next ./.next
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json /app/package-lock.json /app/.npmrc /app/next.config.js /app/prisma.config.ts /app/tsconfig.json ./
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/lib ./lib
COPY --from=build /app/content ./content
COPY --from=build /app/messages ./messages
COPY --from=build /app/i18n ./i18n
EXPOSE 3000
# Liveness: the database answers (a missing sandbox only degrades /api/health, still 200).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.status===200?0:1),()=>process.exit(1))"
ENTRYPOINT ["/usr/bin/tini", "--"]
# Migrations first (idempotent), then the server; `exec` so SIGTERM reaches node directly.
# --max-semi-space-size=8: the young generation `npm start` uses (README "Memory flags").
CMD ["sh", "-c", "npm run db:migrate && exec node --max-semi-space-size=8 dist/server.js"]
