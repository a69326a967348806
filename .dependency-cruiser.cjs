/**
 * House rules for imports (see docs/development.md). `npm run lint:deps` fails on any violation.
 */
module.exports = {
  forbidden: [
    {
      name: "lib-is-framework-free",
      comment: "lib/ serves routes, sockets, workers, the CLI and tests: no Next.js, React or app/ imports.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: ["^app/", "^node_modules/(next|react|react-dom)/"] },
    },
    {
      name: "lib-does-not-import-scripts-or-tests",
      severity: "error",
      from: { path: "^lib/", pathNot: "\\.test\\.ts$" },
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
      severity: "error",
      from: { path: "^app/" },
      to: { path: "^lib/db/" },
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
