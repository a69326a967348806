// CommonJS on purpose: package.json has no "type" (a "type" breaks Turbopack on .ts files), and the
// custom server loads this file at run time, so next-intl's plugin must stay a runtime dependency.
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` type-checks the whole repository with `tsc --noEmit` first; repeating it inside
  // `next build` doubles the build time (2-core machines) without catching anything new.
  typescript: { ignoreBuildErrors: true },
  // Native / server-only packages are required at run time instead of being bundled by Turbopack.
  serverExternalPackages: [
    "better-sqlite3",
    "pino",
    "prom-client",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "pg",
    "bcryptjs",
    "ioredis",
    "bullmq",
  ],
};

module.exports = withNextIntl(nextConfig);
