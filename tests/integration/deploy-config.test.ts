/**
 * Docker is not available where the suite runs, so the deployment files are validated
 * structurally: the services the docs promise, health checks, volumes, Redis persistence, no
 * privileged container, only the named grants the sandbox needs — each documented in the README.
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { READ_ENV_VARS } from "@/lib/config/env";

const root = path.resolve(__dirname, "..", "..");
const compose = parse(fs.readFileSync(path.join(root, "compose.yaml"), "utf8"), { merge: true }) as {
  services: Record<
    string,
    Record<string, unknown> & { environment?: Record<string, string>; healthcheck?: { test?: unknown } }
  >;
  volumes: Record<string, unknown>;
};
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
const dockerfile = fs.readFileSync(path.join(root, "Dockerfile"), "utf8");
const ALLOWED_CAPS = ["SETUID", "SETGID", "KILL"];

describe("compose.yaml", () => {
  const { services } = compose;

  it("has the app, worker, postgres and redis services (and an opt-in fanout), each with a health check", () => {
    expect(Object.keys(services).sort()).toEqual(["app", "fanout", "postgres", "redis", "worker"]);
    // Only the fan-out node is behind a profile: `docker compose up` starts the other four.
    expect(
      Object.entries(services)
        .filter(([, service]) => service.profiles)
        .map(([name]) => name),
    ).toEqual(["fanout"]);
    for (const [name, service] of Object.entries(services)) {
      expect(
        Array.isArray(service.healthcheck?.test) && (service.healthcheck.test as unknown[]).length > 1,
        `${name} healthcheck`,
      ).toBe(true);
      expect(service.restart, name).toBe("unless-stopped");
    }
    expect(services.worker.command).toEqual(["npm", "run", "worker"]);
    expect(services.app.ports).toEqual(["${PORT:-3000}:3000"]);
  });

  it("runs no container privileged, drops every capability and adds back only the named ones", () => {
    for (const [name, service] of Object.entries(services)) {
      expect(service.privileged, name).not.toBe(true);
      expect(JSON.stringify(service), name).not.toMatch(/SYS_ADMIN|ALL_CAPS|"pid":"host"|"network_mode":"host"/);
    }
    for (const name of ["app", "worker"]) {
      expect(services[name].cap_drop, name).toEqual(["ALL"]);
      const added = services[name].cap_add as string[];
      expect(
        added.every((cap) => ALLOWED_CAPS.includes(cap)),
        `${name}: ${added.join(",")}`,
      ).toBe(true);
      expect(services[name].security_opt).toContain("no-new-privileges:true");
    }
  });

  it("documents every capability and security option in the README", () => {
    const section = readme.slice(readme.indexOf("## Deploying with Docker Compose"));
    expect(section.length).toBeGreaterThan(500);
    for (const grant of [...(services.app.cap_add as string[]), ...(services.app.security_opt as string[])]) {
      expect(section, grant).toContain(`\`${grant}\``);
    }
  });

  it("runs the opt-in fan-out node without grants, on REALTIME_PORT, with the app's secret and Redis", () => {
    const fanout = services.fanout;
    expect(fanout.profiles).toEqual(["fanout"]);
    expect(fanout.command).toEqual(["node", "--max-semi-space-size=8", "dist/fanout.js"]);
    expect(fanout.ports).toEqual(["${REALTIME_PORT:-3001}:3000"]);
    expect(fanout.cap_drop).toEqual(["ALL"]);
    expect(fanout.cap_add).toBeUndefined();
    expect(fanout.user).toBe("node");
    expect(fanout.security_opt).toEqual(["no-new-privileges:true"]);
    const env = fanout.environment ?? {};
    for (const key of Object.keys(env)) expect(READ_ENV_VARS, `fanout: ${key}`).toContain(key);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.REDIS_URL).toBe(services.app.environment?.REDIS_URL);
    expect(env.NEXTAUTH_SECRET).toBe(services.app.environment?.NEXTAUTH_SECRET);
    expect(services.app.environment?.REALTIME_URL).toBe("${REALTIME_URL:-}");
    expect(JSON.stringify(fanout.healthcheck?.test)).toContain("/healthz");
  });

  it("keeps Redis jobs (appendonly, noeviction) and the data in named volumes", () => {
    const command = (services.redis.command as string[]).join(" ");
    expect(command).toContain("--appendonly yes");
    expect(command).toContain("--maxmemory-policy noeviction");
    expect(services.redis.volumes).toEqual(["redis-data:/data"]);
    expect(services.postgres.volumes).toEqual(["postgres-data:/var/lib/postgresql/data"]);
    expect(Object.keys(compose.volumes).sort()).toEqual(["postgres-data", "redis-data"]);
    expect(services.app.depends_on).toMatchObject({
      postgres: { condition: "service_healthy" },
      redis: { condition: "service_healthy" },
    });
  });

  it("configures app and worker only with variables the app reads, pointing at the compose services", () => {
    for (const name of ["app", "worker"]) {
      const env = services[name].environment ?? {};
      for (const key of Object.keys(env)) expect(READ_ENV_VARS, `${name}: ${key}`).toContain(key);
      expect(env.DATABASE_URL).toMatch(/^postgresql:\/\/interleave:.*@postgres:5432\/interleave$/);
      expect(env.REDIS_URL).toBe("redis://redis:6379");
      expect(env.NODE_ENV).toBe("production");
    }
    expect(services.app.environment?.SANDBOX_UID_BASE).not.toBe(services.worker.environment?.SANDBOX_UID_BASE);
  });
});

describe("memory flags", () => {
  it("are the same for npm start, npm run fanout, the image and the compose fan-out node", () => {
    for (const script of ["scripts/start.sh", "scripts/start-fanout.sh"]) {
      const text = fs.readFileSync(path.join(root, script), "utf8");
      expect(text, script).toMatch(/^exec node --max-semi-space-size=8 /m);
      expect(text, script).toContain('export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"');
    }
    expect(readme).toContain("### Memory flags");
  });
});

describe("Dockerfile", () => {
  it("is multi-stage on Debian with the sandbox packages, a health check and tini for signals", () => {
    const stages = dockerfile.match(/^FROM .+$/gm) ?? [];
    expect(stages.length).toBeGreaterThanOrEqual(3);
    // Every base image is Debian bookworm (a stage may build on an earlier one).
    for (const stage of stages) expect(stage).toMatch(/bookworm| AS build$|^FROM deps /);
    const runtime = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));
    for (const pkg of [
      "python3",
      "python3-greenlet",
      "python3-requests",
      "python3-aiohttp",
      "python3-cryptography",
      "bubblewrap",
      "util-linux",
      "tini",
    ])
      expect(runtime).toMatch(new RegExp(`install[^\\n]* ${pkg}( |$)`, "m"));
    expect(runtime).not.toMatch(/\bg\+\+|\bmake\b/);
    expect(runtime).toMatch(/^HEALTHCHECK /m);
    expect(runtime).toContain('ENTRYPOINT ["/usr/bin/tini", "--"]');
    expect(runtime).toContain("exec node --max-semi-space-size=8 dist/server.js");
    expect(runtime).toMatch(/^ENV MALLOC_ARENA_MAX=2$/m);
  });
});
