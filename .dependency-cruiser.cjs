/**
 * House rules for imports (see docs/development.md and docs/architecture.md's "never" list).
 * `npm run lint:deps` fails on any violation.
 */
module.exports = {
  forbidden: [
    // The "never" rules of the architecture (docs/architecture.md#never), one rule each.
    {
      name: "lib-is-framework-free",
      comment: "lib/ serves routes, sockets, workers, the CLI and tests: no Next.js, React or app/ imports.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: ["^app/", "^node_modules/(next|next-auth/react|next-intl|react|react-dom)/"] },
    },
    {
      name: "lib-does-not-import-the-server-scripts-or-tests",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: ["^scripts/", "^tests/", "^server\\.ts$"] },
    },
    {
      name: "only-lib-db-touches-prisma",
      comment: "Only lib/db/ may import the generated Prisma clients or @prisma/*.",
      severity: "error",
      from: { pathNot: ["^lib/db/", "^scripts/db/", "^prisma", "^tests/"] },
      to: { path: ["^generated/", "^node_modules/@prisma/", "^node_modules/\\.prisma/"] },
    },
    {
      name: "app-does-not-reach-the-database",
      comment: "Routes and pages call use cases; they never import lib/db or Prisma.",
      severity: "error",
      from: { path: "^app/" },
      to: { path: ["^lib/db/", "^generated/", "^node_modules/@prisma/"] },
    },
    {
      name: "app-does-not-publish",
      comment:
        "Side effects (realtime events) happen inside lib/ use cases, never in app/ (the browser's socket client aside).",
      severity: "error",
      from: { path: "^app/" },
      to: { path: ["^lib/realtime/publish", "^lib/realtime/publisher", "^lib/leaderboard/leaderboard-notifier"] },
    },
    {
      name: "traces-is-pure",
      comment:
        "The checker never imports the sandbox, grading, the database or realtime: the run/trace contract is lib/run-contract.",
      severity: "error",
      from: { path: "^lib/traces/" },
      to: { path: ["^lib/sandbox/", "^lib/grading/", "^lib/db/", "^lib/realtime/"] },
    },
    {
      name: "sandbox-knows-only-programs-and-runs",
      comment: "The sandbox knows nothing of classes, students, grading or checking.",
      severity: "error",
      from: { path: "^lib/sandbox/" },
      to: { path: ["^lib/grading/", "^lib/db/", "^lib/traces/", "^lib/realtime/"] },
    },
    {
      name: "run-contract-is-neutral",
      comment:
        "The run/trace contract both the sandbox and the checker import depends on neither (nor on anything else of lib/).",
      severity: "error",
      from: { path: "^lib/run-contract/" },
      to: { path: "^lib/", pathNot: "^lib/run-contract/" },
    },
    {
      name: "realtime-calls-use-cases-not-the-database",
      severity: "error",
      from: { path: "^lib/realtime/" },
      to: { path: "^lib/db/" },
    },
    {
      name: "lib-db-is-the-bottom-layer",
      comment: "lib/db imports only lib/config and lib/errors (and Prisma): lower layers never call up.",
      severity: "error",
      from: { path: "^lib/db/" },
      to: { path: "^lib/", pathNot: ["^lib/db/", "^lib/config/", "^lib/errors/"] },
    },
    {
      name: "nothing-imports-a-test-helper",
      comment: "Test helpers and fixtures serve tests only (tests may import each other's helpers).",
      severity: "error",
      from: { pathNot: ["^tests/", "\\.test\\.tsx?$"] },
      to: { path: ["^tests/", "(^|/)test-[^/]*\\.ts$"] },
    },
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["^generated/", "^\\.next/", "^dist/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
